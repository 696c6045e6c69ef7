"""The engine: case -> prompt -> model -> reply -> guardrails -> repair loop -> :class:`Draft`.

A draft is ``ready`` only when no guardrail reports an error. A draft that still has error findings after the
allowed repairs, or whose model output never became a usable reply, is ``needs_review`` with its findings:
never passed off as fine.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from .case import Case
from .compose import OutputError, compose_reply, output_schema, parse_output
from .config import Settings, load_settings
from .errors import ModelError
from .findings import Finding, has_errors
from .guardrails import arun_guardrails, run_guardrails
from .model import ChatModel, Completion, resolve_model
from .plugins import PluginHost, get_plugin_host
from .prompt import Prompt, load_prompt
from .redact import Redaction, collect_redactors

__all__ = ["CheckResult", "Draft", "Engine", "acheck", "adraft", "check", "draft"]

READY = "ready"
NEEDS_REVIEW = "needs_review"


@dataclass
class Draft:
    """A drafted reply with its status, the guardrail findings, and how it was made."""

    status: str
    reply: str
    findings: list[Finding]
    attempts: int
    model: str
    prompt_version: str
    usage: dict[str, int] = field(default_factory=lambda: {"prompt_tokens": 0, "completion_tokens": 0})
    #: Model calls made in all, retries of transient failures included.
    model_calls: int = 0

    @property
    def ready(self) -> bool:
        return self.status == READY

    def to_dict(self) -> dict[str, Any]:
        """The stable JSON shape printed by ``replydraft draft --format json`` and served by the HTTP API."""
        return {
            "status": self.status,
            "reply": self.reply,
            "findings": [f.to_dict() for f in self.findings],
            "attempts": self.attempts,
            "model": self.model,
            "prompt_version": self.prompt_version,
            "usage": dict(self.usage),
        }


@dataclass
class CheckResult:
    """The guardrails' verdict on a reply: ``passed`` when no finding is an error."""

    passed: bool
    findings: list[Finding]

    def to_dict(self) -> dict[str, Any]:
        return {"passed": self.passed, "findings": [f.to_dict() for f in self.findings]}


class _Attempt:
    """Bookkeeping shared by the sync and async loops, so the two cannot drift apart."""

    def __init__(self, engine: Engine, case: Case) -> None:
        self.engine = engine
        self.case = case
        # The model sees the case with customer data replaced by placeholders; the reply has them restored.
        self.redaction = engine.redaction()
        self.sent = self.redaction.case(case)
        self.schema = output_schema(self.sent)
        self.messages = engine.prompt.messages(self.sent)
        self.usage = {"prompt_tokens": 0, "completion_tokens": 0}
        self.attempts = 0
        self.calls = 0
        self.model_name = engine.model.name
        self.reply = ""
        self.findings: list[Finding] = []

    def take(self, completion: Completion) -> str:
        """Record a completion and return the reply built from it (or ``""`` when unusable)."""
        self.attempts += 1
        self.calls += completion.attempts
        self.model_name = completion.model or self.model_name
        for key in self.usage:
            self.usage[key] += int(completion.usage.get(key, 0))
        try:
            parts = parse_output(completion.text, self.sent)
        except OutputError as exc:
            cut = " (the answer was cut off at the token limit)" if completion.finish_reason == "length" else ""
            self.reply = ""
            self.findings = [Finding("model", "error", f"{exc}{cut}")]
            self._ask_again(completion.text, [{"message": str(exc), "quote": None}])
            return ""
        self.reply = self.redaction.restore(compose_reply(parts, self.sent))
        return self.reply

    def judge(self, findings: list[Finding], completion_text: str) -> bool:
        """Store findings; return True when the loop should stop (no errors, or out of repairs)."""
        self.findings = findings
        if not has_errors(findings):
            return True
        self._ask_again(completion_text, findings)
        return False

    def _ask_again(self, answer: str, findings: Any) -> None:
        # The repair message quotes the restored reply: redact it again before it goes back to the model.
        self.messages = [
            *self.messages,
            self.redaction.message({"role": "assistant", "content": answer}),
            self.redaction.message(self.engine.prompt.repair_message(self.reply, findings)),
        ]

    def give_up(self, exc: ModelError) -> bool:
        """The model failed for good. Raise if nothing was drafted yet; else keep the draft for review."""
        if self.attempts == 0:
            return True
        self.findings = [*self.findings, Finding("model", "error", f"repair stopped: {exc}")]
        return False

    @property
    def exhausted(self) -> bool:
        return self.attempts > self.engine.max_repairs

    def result(self) -> Draft:
        status = READY if self.reply and not has_errors(self.findings) else NEEDS_REVIEW
        return Draft(
            status,
            self.reply,
            # A guardrail's suggestion may quote the customer's message: not the card number in it.
            [self.redaction.finding(f) for f in self.findings],
            self.attempts,
            self.model_name,
            self.engine.prompt.version,
            self.usage,
            self.calls,
        )


class Engine:
    """Drafts and checks replies with one model, prompt version, plugin set and guardrail settings.

    Build one per configuration and reuse it: it holds the model client (and its connection pool).
    """

    def __init__(
        self,
        settings: Settings | None = None,
        *,
        model: ChatModel | None = None,
        plugins: PluginHost | None = None,
        prompt: Prompt | None = None,
    ) -> None:
        self.settings = settings or load_settings()
        self._model = model
        self.plugins = plugins or get_plugin_host()
        self.prompt = prompt or load_prompt(self.settings.prompt_version)
        self.max_repairs = self.settings.max_repairs
        self._redactors: list[Any] | None = None

    @property
    def model(self) -> ChatModel:
        # Resolved lazily: `check` never needs a model, and loading the local one takes a moment.
        if self._model is None:
            self._model = resolve_model(self.settings)
        return self._model

    def redaction(self) -> Redaction:
        """A fresh placeholder map for one draft, over the plugins' redactors (none when redaction is off)."""
        if not self.settings.redaction:
            return Redaction()
        if self._redactors is None:
            skip = set(self.settings.redaction_disable)
            self._redactors = [r for r in collect_redactors(self.plugins) if r.id not in skip]
        return Redaction(self._redactors)

    # -- checking ------------------------------------------------------------------------------------------
    def _findings(self, reply: str, case: Case) -> list[Finding]:
        return run_guardrails(self.plugins.guardrails, reply, case, self.settings.guardrails, tracer=self._tracer)

    async def _afindings(self, reply: str, case: Case) -> list[Finding]:
        # Awaits the guardrails' worker threads: a hung guardrail never stalls the event loop while its limit runs.
        return await arun_guardrails(
            self.plugins.guardrails, reply, case, self.settings.guardrails, tracer=self._tracer
        )

    @property
    def _tracer(self) -> Any:
        return self.plugins.tracer if self.plugins.trace else None

    def check(self, reply: str, case: Case) -> CheckResult:
        findings = self._findings(reply, case)
        return CheckResult(not has_errors(findings), findings)

    async def acheck(self, reply: str, case: Case) -> CheckResult:
        findings = await self._afindings(reply, case)
        return CheckResult(not has_errors(findings), findings)

    # -- drafting ------------------------------------------------------------------------------------------
    def draft(self, case: Case, on_attempt: Callable[[int], None] | None = None) -> Draft:
        state = _Attempt(self, case)
        while not state.exhausted:
            if on_attempt:
                on_attempt(state.attempts + 1)
            try:
                completion = self.model.complete(state.messages, state.schema)
            except ModelError as exc:
                if state.give_up(exc):
                    raise
                break
            reply = state.take(completion)
            if reply and state.judge(self._findings(reply, case), completion.text):
                break
        return state.result()

    async def adraft(self, case: Case) -> Draft:
        state = _Attempt(self, case)
        while not state.exhausted:
            try:
                completion = await self.model.acomplete(state.messages, state.schema)
            except ModelError as exc:
                if state.give_up(exc):
                    raise
                break
            reply = state.take(completion)
            if reply and state.judge(await self._afindings(reply, case), completion.text):
                break
        return state.result()


def _as_case(case: Case | dict[str, Any]) -> Case:
    return case if isinstance(case, Case) else Case.from_dict(case)


_engine: Engine | None = None


def _default_engine() -> Engine:
    global _engine
    if _engine is None:
        _engine = Engine()
    return _engine


def draft(case: Case | dict[str, Any], engine: Engine | None = None) -> Draft:
    """Draft a checked reply for ``case`` (a :class:`Case` or a dict in the case format)."""
    return (engine or _default_engine()).draft(_as_case(case))


async def adraft(case: Case | dict[str, Any], engine: Engine | None = None) -> Draft:
    """Async twin of :func:`draft`."""
    return await (engine or _default_engine()).adraft(_as_case(case))


def check(reply: str, case: Case | dict[str, Any], engine: Engine | None = None) -> CheckResult:
    """Run the guardrails on a reply (e.g. one a person wrote) for ``case``."""
    return (engine or _default_engine()).check(reply, _as_case(case))


async def acheck(reply: str, case: Case | dict[str, Any], engine: Engine | None = None) -> CheckResult:
    """Async twin of :func:`check`."""
    return await (engine or _default_engine()).acheck(reply, _as_case(case))
