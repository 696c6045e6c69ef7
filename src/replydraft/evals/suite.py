"""Eval suite files: YAML validated against ``suite.schema.json``, with cases inline or by file.

Every problem is reported as one ``path: problem`` line (``cases[3].assert[1].regex: not a valid regular
expression``) and all of them at once, so a suite author fixes the file in one pass. Case values are never
echoed: they may hold customer data.
"""

from __future__ import annotations

import copy
import json
import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from ..case import join_path, json_path
from ..errors import CaseError, ReplydraftError

__all__ = [
    "ASSERTION_TYPES",
    "Assertion",
    "EvalCase",
    "Suite",
    "SuiteError",
    "load_suite",
    "suite_schema",
]

#: Assertion keys, in the order reports list them.
ASSERTION_TYPES: tuple[str, ...] = (
    "guardrails",
    "guardrail",
    "contains",
    "icontains",
    "not-contains",
    "not-icontains",
    "regex",
    "iregex",
    "not-regex",
    "not-iregex",
    "max-words",
    "remedy-offered",
    "remedy-not-offered",
    "addresses-customer",
    "status",
    "rubric",
)
_REGEX_TYPES = ("regex", "iregex", "not-regex", "not-iregex")


class SuiteError(ReplydraftError):
    """A suite file is unreadable or invalid. ``problems`` holds one ``path: problem`` line per fault."""

    exit_code = 2

    def __init__(self, problems: list[str], source: str | None = None) -> None:
        self.problems = problems
        self.source = source
        where = f"{source}: " if source else ""
        lines = "\n".join(f"  {p}" for p in problems)
        super().__init__(f"{where}invalid eval suite ({len(problems)} problem(s)):\n{lines}")


@cache
def suite_schema() -> dict[str, Any]:
    """The suite JSON Schema (draft 2020-12) shipped with the package."""
    text = resources.files("replydraft.evals").joinpath("suite.schema.json").read_text("utf-8")
    return json.loads(text)


@cache
def _validator() -> Any:
    from jsonschema import Draft202012Validator

    schema = suite_schema()
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


@dataclass(frozen=True)
class Assertion:
    """One check on a draft: its type (``contains``, ``rubric``, ...), the value, and a display label."""

    type: str
    value: Any
    expect: str = "pass"
    name: str | None = None

    @property
    def label(self) -> str:
        if self.name:
            return self.name
        if self.type == "guardrail":
            return f"guardrail {self.value} {'passes' if self.expect == 'pass' else 'fails'}"
        if self.type == "guardrails":
            return "all guardrails pass" if self.value == "pass" else "some guardrail fails"
        if self.type == "addresses-customer":
            return "addresses the customer by name" if self.value else "does not address the customer by name"
        if self.type == "rubric":
            text = str(self.value)
            return f"rubric: {text[:77] + '...' if len(text) > 80 else text}"
        return f"{self.type}: {self.value}"

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"type": self.type, "value": self.value}
        if self.type == "guardrail":
            data["expect"] = self.expect
        return data


@dataclass
class EvalCase:
    """A case of a suite: id, the validated engine case, its assertions and pass threshold."""

    id: str
    case: Any  # replydraft.Case
    assertions: list[Assertion]
    threshold: float = 1.0
    description: str = ""
    tags: list[str] = field(default_factory=list)
    #: Where the case came from: the suite file, or the case file it names.
    source: str = ""


@dataclass
class Suite:
    """A loaded, validated suite."""

    name: str
    path: Path
    cases: list[EvalCase]
    cassette_dir: Path
    description: str = ""
    threshold: float = 1.0
    runs: int = 1
    pass_k: int = 1
    endpoint: str | None = None
    model: str | None = None
    grader_model: str | None = None
    response_format: str = "json_schema"
    prompt_version: str | None = None
    max_repairs: int | None = None
    max_tokens: int | None = None
    guardrails_enable: list[str] | None = None
    guardrails_disable: list[str] = field(default_factory=list)

    def case(self, case_id: str) -> EvalCase:
        for case in self.cases:
            if case.id == case_id:
                return case
        raise KeyError(case_id)


# -- error wording -------------------------------------------------------------------------------------------
def _describe(error: Any) -> list[str]:
    """One ``path: problem`` line per schema fault, never echoing the offending value (it may be customer data)."""
    where = json_path(error.absolute_path)
    kind = error.validator
    label = where or "suite"
    if kind == "required":
        present = error.instance if isinstance(error.instance, dict) else {}
        return [f"{join_path(where, name)}: required" for name in error.validator_value if name not in present]
    if kind == "additionalProperties":
        allowed = set(error.schema.get("properties", {}))
        extra = sorted(str(k) for k in error.instance if k not in allowed)
        if "assert" in where.split(".")[-1] or "guardrails" in allowed:
            known = ", ".join(sorted(allowed))
            return [f"{join_path(where, name)}: unknown field (expected one of: {known})" for name in extra]
        return [f"{join_path(where, name)}: unknown field" for name in extra]
    if kind == "type":
        expected = error.validator_value
        expected = " or ".join(expected) if isinstance(expected, list) else expected
        return [f"{label}: must be of type {expected}"]
    if kind == "enum":
        return [f"{label}: must be one of {', '.join(map(str, error.validator_value))}"]
    if kind == "minLength" and error.validator_value == 1:
        return [f"{label}: must not be empty"]
    if kind == "minItems":
        return [f"{label}: must have at least {error.validator_value} item(s)"]
    if kind == "minProperties":
        return [f"{label}: must not be empty"]
    if kind in ("minimum", "maximum"):
        word = "at least" if kind == "minimum" else "at most"
        return [f"{label}: must be {word} {error.validator_value}"]
    if kind == "pattern":
        return [f"{label}: does not match the pattern {error.validator_value}"]
    return [f"{label}: {error.message[:200]}"]


# -- loading -------------------------------------------------------------------------------------------------
def _read_yaml(path: Path, what: str) -> Any:
    import yaml

    try:
        text = path.read_text("utf-8")
    except FileNotFoundError:
        raise SuiteError([f"{what}: file not found"], str(path)) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise SuiteError([f"{what}: cannot read file ({exc.__class__.__name__})"], str(path)) from None
    try:
        return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        at = f" at line {mark.line + 1} column {mark.column + 1}" if mark else ""
        problem = getattr(exc, "problem", None) or exc.__class__.__name__
        raise SuiteError([f"{what}: not valid YAML: {problem}{at}"], str(path)) from None


def _merge(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    """Deep merge for case defaults: nested objects merge, anything else (lists included) is replaced."""
    out = copy.deepcopy(base)
    for key, value in over.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = _merge(out[key], value)
        else:
            out[key] = copy.deepcopy(value)
    return out


def _assertions(items: list[dict[str, Any]], where: str, problems: list[str]) -> list[Assertion]:
    out = []
    for i, item in enumerate(items):
        at = f"{where}[{i}]"
        kinds = [k for k in ASSERTION_TYPES if k in item]
        if len(kinds) != 1:
            found = ", ".join(kinds) if kinds else "none"
            problems.append(f"{at}: needs exactly one assertion key (found: {found})")
            continue
        kind = kinds[0]
        if "expect" in item and kind != "guardrail":
            problems.append(f"{at}.expect: only valid with guardrail")
        value = item[kind]
        if kind in _REGEX_TYPES:
            try:
                re.compile(value)
            except re.error as exc:
                problems.append(f"{at}.{kind}: not a valid regular expression ({exc})")
                continue
        out.append(Assertion(kind, value, item.get("expect", "pass"), item.get("name")))
    return out


def _load_case(raw: Any, base: Path, defaults: dict[str, Any], where: str, problems: list[str]) -> tuple[Any, str]:
    from ..case import Case

    source = ""
    if isinstance(raw, str):
        file = (base / raw).resolve()
        source = raw
        try:
            raw = json.loads(file.read_text("utf-8")) if file.suffix.lower() == ".json" else _read_yaml(file, where)
        except FileNotFoundError:
            problems.append(f"{where}: case file {raw!r} not found (relative to the suite file)")
            return None, source
        except SuiteError as exc:
            problems.extend(p if p.startswith(where) else f"{where}: {p}" for p in exc.problems)
            return None, source
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            problems.append(f"{where}: cannot read case file {source!r} ({exc.__class__.__name__})")
            return None, source
        if not isinstance(raw, dict):
            problems.append(f"{where}: case file {source!r} must hold an object")
            return None, source
    data = _merge(defaults, raw)
    try:
        return Case.from_dict(data), source
    except CaseError as exc:
        problems.extend(f"{where}.{p}" for p in exc.problems)
        return None, source


def _check_remedies(case: EvalCase, where: str, problems: list[str]) -> None:
    known = [r.id for r in case.case.remedies]
    for assertion in case.assertions:
        if assertion.type not in ("remedy-offered", "remedy-not-offered"):
            continue
        if assertion.value == "none" and assertion.type == "remedy-offered":
            continue
        if assertion.value not in known:
            listed = ", ".join(known) or "none authorised"
            problems.append(
                f"{where}.assert: {assertion.type}: no remedy {assertion.value!r} in this case (remedies: {listed})"
            )


def load_suite(path: str | Path) -> Suite:
    """Read and validate a suite file, resolving case files relative to it (raises :class:`SuiteError`)."""
    path = Path(path)
    data = _read_yaml(path, "suite")
    source = str(path)
    if not isinstance(data, dict):
        raise SuiteError(["suite: must be a mapping with a cases list"], source)
    errors = sorted(_validator().iter_errors(data), key=lambda e: (list(map(str, e.absolute_path)), e.validator))
    problems: list[str] = []
    for error in errors:
        problems.extend(p for p in _describe(error) if p not in problems)
    if problems:
        raise SuiteError(problems, source)

    defaults = data.get("defaults") or {}
    default_assertions = _assertions(defaults.get("assert") or [], "defaults.assert", problems)
    case_defaults = defaults.get("case") or {}
    default_threshold = float(defaults.get("threshold", 1.0))
    cases: list[EvalCase] = []
    seen: set[str] = set()
    for i, item in enumerate(data["cases"]):
        where = f"cases[{i}]"
        if item["id"] in seen:
            problems.append(f"{where}.id: duplicate case id {item['id']!r}")
        seen.add(item["id"])
        own = _assertions(item.get("assert") or [], f"{where}.assert", problems)
        case, case_source = _load_case(item["case"], path.parent, case_defaults, f"{where}.case", problems)
        if case is None:
            continue
        evc = EvalCase(
            id=item["id"],
            case=case,
            assertions=[*default_assertions, *own],
            threshold=float(item.get("threshold", default_threshold)),
            description=item.get("description", ""),
            tags=list(item.get("tags", [])),
            source=case_source or source,
        )
        _check_remedies(evc, where, problems)
        if not evc.assertions:
            problems.append(f"{where}.assert: a case needs at least one assertion (here or in defaults.assert)")
        cases.append(evc)

    repeat = data.get("repeat") or {}
    runs = int(repeat.get("runs", 1))
    pass_k = int(repeat.get("pass", runs))
    if pass_k > runs:
        problems.append(f"repeat.pass: must be at most repeat.runs ({runs})")
    if problems:
        raise SuiteError(problems, source)

    name = data.get("name") or path.name.removesuffix(".yaml").removesuffix(".yml").removesuffix(".evals")
    cassettes = data.get("cassettes")
    cassette_dir = (path.parent / cassettes) if cassettes else (path.parent / "cassettes" / name)
    guardrails = defaults.get("guardrails") or {}
    return Suite(
        name=name,
        path=path,
        cases=cases,
        cassette_dir=cassette_dir,
        description=data.get("description", ""),
        threshold=float(data.get("threshold", 1.0)),
        runs=runs,
        pass_k=pass_k,
        endpoint=defaults.get("endpoint"),
        model=defaults.get("model"),
        grader_model=defaults.get("grader_model"),
        response_format=defaults.get("response_format", "json_schema"),
        prompt_version=defaults.get("prompt_version"),
        max_repairs=defaults.get("max_repairs"),
        max_tokens=defaults.get("max_tokens"),
        guardrails_enable=guardrails.get("enable"),
        guardrails_disable=list(guardrails.get("disable", [])),
    )
