"""Running a suite: each case through the engine inside its cassette, assertions checked, thresholds applied.

Every model call goes to an OpenAI-compatible endpoint over HTTP so vcrpy can record and replay it; in replay
no connection is opened at all (strict ``record_mode`` none). The JSON a run produces is stable: everything
that varies from run to run (timings, the mode) lives under its ``run`` key.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import ConfigError, ModelError
from ..openai_client import OpenAIChatModel
from .assertions import AssertionResult, evaluate
from .cassettes import MissingInteraction, find_cassette_miss, use_case_cassette
from .suite import ASSERTION_TYPES, EvalCase, Suite, SuiteError

if TYPE_CHECKING:
    from ..draft import Draft, Engine

__all__ = ["CaseResult", "EvalModel", "RunResult", "SuiteResult", "Variant", "VariantResult", "parse_compare", "run"]

REPORT_FORMAT = 1


class EvalModel(OpenAIChatModel):
    """The engine's OpenAI client, with a cassette miss surfaced as :class:`MissingInteraction`.

    Suites name their ``response_format`` explicitly (``json_object`` for llama.cpp's server): the client's
    ``auto`` would record a rejected request and its fallback, which is noise in a cassette.
    """

    def complete(self, messages: list[dict[str, str]], schema: dict[str, Any]) -> Any:
        try:
            return super().complete(messages, schema)
        except Exception as exc:  # raw from the transport, or wrapped by the SDK and then by the client
            miss = find_cassette_miss(exc)
            if miss is not None:
                raise MissingInteraction(str(miss).splitlines()[0]) from None
            raise


@dataclass(frozen=True)
class Variant:
    """One configuration the suite runs under: a prompt version and a model (``--compare`` makes two)."""

    label: str
    prompt_version: str
    model: str
    #: Added to cassette names so each variant keeps its own recordings; empty for the suite's own defaults.
    suffix: str = ""


def _slug(text: str) -> str:
    import re

    return re.sub(r"[^A-Za-z0-9_.-]+", "-", text).strip("-") or "x"


def default_variant(suite: Suite) -> Variant:
    return Variant("default", suite.prompt_version or "v1", suite.model or "")


def parse_compare(spec: str, suite: Suite) -> list[Variant]:
    """``prompts=v1,v2`` or ``models=a,b`` -> two variants (raises :class:`ConfigError` on anything else)."""
    kind, _, values = spec.partition("=")
    names = [v.strip() for v in values.split(",") if v.strip()]
    if kind not in ("prompts", "models") or len(names) != 2 or names[0] == names[1]:
        raise ConfigError(f"--compare {spec!r}: expected prompts=A,B or models=A,B with two different values")
    base = default_variant(suite)
    out = []
    for name in names:
        if kind == "prompts":
            suffix = "" if name == base.prompt_version else f"@prompt-{_slug(name)}"
            out.append(Variant(f"prompt {name}", name, base.model, suffix))
        else:
            suffix = "" if name == base.model else f"@model-{_slug(name)}"
            out.append(Variant(f"model {name}", base.prompt_version, name, suffix))
    return out


# -- results ------------------------------------------------------------------------------------------------
@dataclass
class RunResult:
    """One draft of a case (``--repeat`` makes several) and its assertion results."""

    status: str = ""
    reply: str = ""
    findings: list[dict[str, Any]] = field(default_factory=list)
    attempts: int = 0
    model: str = ""
    usage: dict[str, int] = field(default_factory=dict)
    assertions: list[AssertionResult] = field(default_factory=list)
    passed: bool = False
    error: str | None = None
    seconds: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "passed": self.passed,
            "error": self.error,
            "status": self.status,
            "reply": self.reply,
            "findings": self.findings,
            "attempts": self.attempts,
            "model": self.model,
            "usage": self.usage,
            "assertions": [a.to_dict() for a in self.assertions],
        }


@dataclass
class CaseResult:
    id: str
    description: str
    tags: list[str]
    cassette: str
    threshold: float
    runs: list[RunResult]
    pass_k: int
    customer_first_name: str = ""

    @property
    def runs_passed(self) -> int:
        return sum(r.passed for r in self.runs)

    @property
    def error(self) -> str | None:
        return next((r.error for r in self.runs if r.error), None)

    @property
    def passed(self) -> bool:
        return self.error is None and self.runs_passed >= self.pass_k

    @property
    def outcome(self) -> str:
        return "error" if self.error else ("passed" if self.passed else "failed")

    def reasons(self) -> list[str]:
        """Why the case failed: its error, or each failing assertion (once, with how many runs it failed)."""
        if self.error:
            return [self.error]
        counts: dict[str, list[Any]] = {}
        for run in self.runs:
            for a in run.assertions:
                if not a.passed:
                    entry = counts.setdefault(a.label, [0, a.detail])
                    entry[0] += 1
        n = len(self.runs)
        return [f"{label} ({detail})" + (f" [{k}/{n} runs]" if n > 1 else "") for label, (k, detail) in counts.items()]

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "description": self.description,
            "tags": self.tags,
            "outcome": self.outcome,
            "passed": self.passed,
            "runs_passed": self.runs_passed,
            "runs_required": self.pass_k,
            "threshold": self.threshold,
            "cassette": self.cassette,
            "error": self.error,
            "reasons": [] if self.passed else self.reasons(),
            "runs": [r.to_dict() for r in self.runs],
        }


@dataclass
class VariantResult:
    variant: Variant
    endpoint: str
    threshold: float
    guardrails: list[str]
    cases: list[CaseResult] = field(default_factory=list)

    @property
    def counts(self) -> dict[str, int]:
        outcomes = [c.outcome for c in self.cases]
        return {
            "cases": len(outcomes),
            "passed": outcomes.count("passed"),
            "failed": outcomes.count("failed"),
            "errors": outcomes.count("error"),
        }

    @property
    def pass_rate(self) -> float:
        return (self.counts["passed"] / len(self.cases)) if self.cases else 0.0

    @property
    def met(self) -> bool:
        return bool(self.cases) and self.pass_rate + 1e-9 >= self.threshold

    def by_assertion_type(self) -> dict[str, dict[str, int]]:
        out: dict[str, dict[str, int]] = {}
        for case in self.cases:
            for run in case.runs:
                for a in run.assertions:
                    entry = out.setdefault(a.type, {"passed": 0, "total": 0})
                    entry["total"] += 1
                    entry["passed"] += a.passed
        return {k: out[k] for k in ASSERTION_TYPES if k in out}

    def by_guardrail(self) -> dict[str, dict[str, int]]:
        """Per guardrail: drafts it passed (no error finding from it) out of drafts with a usable reply."""
        out = {g: {"passed": 0, "total": 0} for g in self.guardrails}
        for case in self.cases:
            for run in case.runs:
                if not run.reply:
                    continue
                failing = {f["guardrail"] for f in run.findings if f["severity"] == "error"}
                for g in self.guardrails:
                    out[g]["total"] += 1
                    out[g]["passed"] += g not in failing
        return out

    def summary(self) -> dict[str, Any]:
        return {
            **self.counts,
            "pass_rate": round(self.pass_rate, 4),
            "threshold": self.threshold,
            "threshold_met": self.met,
            "by_assertion_type": self.by_assertion_type(),
            "by_guardrail": self.by_guardrail(),
            "failing": [{"id": c.id, "outcome": c.outcome, "reasons": c.reasons()} for c in self.cases if not c.passed],
        }

    def to_dict(self) -> dict[str, Any]:
        return {
            "label": self.variant.label,
            "prompt_version": self.variant.prompt_version,
            "model": self.variant.model,
            "endpoint": self.endpoint,
            "guardrails": self.guardrails,
            "summary": self.summary(),
            "cases": [c.to_dict() for c in self.cases],
        }


@dataclass
class SuiteResult:
    suite: Suite
    variants: list[VariantResult]
    record: bool | str
    runs: int
    pass_k: int
    seconds: float = 0.0

    @property
    def passed(self) -> bool:
        return all(v.met for v in self.variants)

    @property
    def exit_code(self) -> int:
        return 0 if self.passed else 1

    def to_dict(self) -> dict[str, Any]:
        timings = {
            f"{v.variant.label}/{c.id}": round(sum(r.seconds for r in c.runs), 3)
            for v in self.variants
            for c in v.cases
        }
        return {
            "format": REPORT_FORMAT,
            "suite": self.suite.name,
            "description": self.suite.description,
            "file": self.suite.path.as_posix(),
            "repeat": {"runs": self.runs, "pass": self.pass_k},
            "passed": self.passed,
            "compare": len(self.variants) > 1,
            "variants": [v.to_dict() for v in self.variants],
            # Everything that differs between two runs of the same recordings is under this key only.
            "run": {
                "mode": {True: "record", "missing": "record-missing"}.get(self.record, "replay"),
                "seconds": round(self.seconds, 3),
                "case_seconds": timings,
            },
        }


# -- running ------------------------------------------------------------------------------------------------
class _VariantRunner:
    def __init__(self, suite: Suite, variant: Variant, record: bool | str, plugins: Any = None) -> None:
        from ..config import load_settings
        from ..draft import Engine
        from ..guardrails import GuardrailSettings
        from ..plugins import new_plugin_host

        overrides: dict[str, Any] = {
            "base_url": suite.endpoint,
            "model": variant.model or None,
            "prompt_version": variant.prompt_version,
            "max_repairs": suite.max_repairs,
            "max_tokens": suite.max_tokens,
        }
        if not record:
            # Replay never needs a retry: a request is in the cassette or it is not.
            overrides["max_attempts"] = 1
        settings = load_settings(**overrides)
        if record:
            # Recording often runs a local model on a busy machine: a slow answer is not a failure, and a timed-out
            # request keeps the server busy while the retry queues behind it.
            settings.request_timeout = max(settings.request_timeout, 600.0)
            settings.deadline = max(settings.deadline, 1800.0)
        if not settings.uses_endpoint:
            raise ConfigError(
                "an eval suite calls the model over HTTP so the calls can be recorded: set defaults.endpoint and "
                "defaults.model in the suite (or OPENAI_BASE_URL / OPENAI_API_KEY)"
            )
        if not settings.model:
            raise ConfigError("the suite needs defaults.model: the model name is part of every recorded request")
        settings.guardrails = GuardrailSettings(
            enable=suite.guardrails_enable, disable=list(suite.guardrails_disable), timeout=10.0
        )
        host = plugins or new_plugin_host()
        known = {g.id for g in host.guardrails}
        missing = sorted({*(suite.guardrails_enable or []), *_named_guardrails(suite)} - known)
        if missing:
            raise SuiteError(
                [f"guardrail {g!r} is not installed (installed: {', '.join(sorted(known))})" for g in missing],
                str(suite.path),
            )
        self.settings = settings
        flavour = suite.response_format
        self.model = self._model(settings, settings.model, flavour)
        grader_name = suite.grader_model or suite.model or settings.model
        self.grader = self._model(settings, grader_name, flavour)
        self.engine: Engine = Engine(settings, model=self.model, plugins=host)
        self.guardrails = sorted(g.id for g in host.guardrails if settings.guardrails.selects(g.id))
        self.suite = suite
        self.variant = variant
        self.record = record

    @staticmethod
    def _model(settings: Any, name: str, flavour: str) -> EvalModel:
        from ..openai_client import RetryPolicy

        return EvalModel(
            name,
            base_url=settings.base_url,
            api_key=settings.api_key,
            timeout=settings.request_timeout,
            retry=RetryPolicy(max_attempts=max(1, settings.max_attempts), deadline=settings.deadline),
            max_tokens=settings.max_tokens,
            response_format=flavour,
        )

    def cassette_path(self, case: EvalCase) -> Path:
        return self.suite.cassette_dir / f"{case.id}{self.variant.suffix}.yaml"

    def rerecord_hint(self, case: EvalCase) -> str:
        compare = ""
        if self.variant.suffix.startswith("@prompt-"):
            compare = f" --compare prompts={self.suite.prompt_version or 'v1'},{self.variant.prompt_version}"
        elif self.variant.suffix.startswith("@model-"):
            compare = f" --compare models={self.suite.model},{self.variant.model}"
        return f"replydraft eval {self.suite.path.as_posix()} --record --case {case.id}{compare}"

    def run_case(self, case: EvalCase, runs: int, pass_k: int) -> CaseResult:
        path = self.cassette_path(case)
        result = CaseResult(
            case.id,
            case.description,
            list(case.tags),
            path.as_posix(),
            case.threshold,
            [],
            pass_k,
            case.case.first_name,
        )
        try:
            # record="missing" records only the cases that have no cassette yet (a new case, a new variant).
            record = self.record is True or (self.record == "missing" and not path.is_file())
            with use_case_cassette(path, case.case, record=record):
                for _ in range(runs):
                    run = self._run_once(case)
                    result.runs.append(run)
                    if run.error:
                        break
        except MissingInteraction as exc:
            run = RunResult(
                error=(
                    f"case {case.id!r}: a model request is not in its cassette ({exc}); the prompt, model or "
                    f"case changed since it was recorded. Re-record it with: {self.rerecord_hint(case)}"
                )
            )
            result.runs = [*[r for r in result.runs if not r.error], run]
        return result

    def _run_once(self, case: EvalCase) -> RunResult:
        start = time.perf_counter()
        try:
            draft: Draft = self.engine.draft(case.case)
        except ModelError as exc:
            return RunResult(error=f"case {case.id!r}: {exc}", seconds=time.perf_counter() - start)
        results = [evaluate(a, draft, case.case, self.grader) for a in case.assertions]
        passed_count = sum(r.passed for r in results)
        needed = math.ceil(case.threshold * len(results) - 1e-9)
        return RunResult(
            status=draft.status,
            reply=draft.reply,
            findings=[f.to_dict() for f in draft.findings],
            attempts=draft.attempts,
            model=draft.model,
            usage=dict(draft.usage),
            assertions=results,
            passed=passed_count >= needed,
            seconds=time.perf_counter() - start,
        )


def _named_guardrails(suite: Suite) -> set[str]:
    return {a.value for c in suite.cases for a in c.assertions if a.type == "guardrail"}


def run(
    suite: Suite,
    *,
    record: bool | str = False,
    variants: list[Variant] | None = None,
    runs: int | None = None,
    pass_k: int | None = None,
    only: list[str] | None = None,
    plugins: Any = None,
    on_start: Callable[[Variant, EvalCase], None] | None = None,
    on_done: Callable[[Variant, CaseResult], None] | None = None,
) -> SuiteResult:
    """Run ``suite`` (every variant, every case, ``runs`` times each) and return the results.

    ``record``: False replays, True re-records every case, ``"missing"`` records only cases without a cassette.
    """
    runs = runs or suite.runs
    if pass_k is None:
        pass_k = suite.pass_k if runs == suite.runs else runs
    if not 1 <= pass_k <= runs:
        raise ConfigError(f"--pass-k must be between 1 and the number of runs ({runs})")
    cases = suite.cases
    if only:
        unknown = [c for c in only if c not in {x.id for x in suite.cases}]
        if unknown:
            raise ConfigError(f"no case {', '.join(map(repr, unknown))} in suite {suite.name}")
        cases = [c for c in suite.cases if c.id in only]
    variants = variants or [default_variant(suite)]
    start = time.perf_counter()
    results = []
    for variant in variants:
        runner = _VariantRunner(suite, variant, record, plugins)
        vr = VariantResult(variant, runner.settings.endpoint_label, suite.threshold, runner.guardrails)
        for case in cases:
            if on_start:
                on_start(variant, case)
            result = runner.run_case(case, runs, pass_k)
            vr.cases.append(result)
            if on_done:
                on_done(variant, result)
        results.append(vr)
    return SuiteResult(suite, results, record, runs, pass_k, time.perf_counter() - start)
