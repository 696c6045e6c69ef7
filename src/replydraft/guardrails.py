"""Guardrails: the base class plugins subclass, and the runner that isolates them.

A guardrail that raises, hangs past its time limit or returns something that is not a list of findings never
crashes the host and never passes silently: the runner turns it into an ``error`` finding that names it.
"""

from __future__ import annotations

import concurrent.futures
import inspect
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .findings import SEVERITIES, Finding

if TYPE_CHECKING:
    from .case import Case

__all__ = ["Guardrail", "GuardrailSettings", "arun_guardrails", "run_guardrails"]

_ID = re.compile(r"^[a-z][a-z0-9-]{0,63}$")


class Guardrail:
    """Base class for a guardrail. Subclass it, set ``id`` and ``description``, implement :meth:`check`.

    ``check`` receives the reply text and the :class:`~replydraft.Case` it answers and returns (or yields)
    :class:`~replydraft.Finding` objects; build them with :meth:`finding` so id and severity are filled in.
    """

    id: str = ""
    description: str = ""
    #: Severity of this guardrail's findings unless the user overrides it.
    severity: str = "error"

    def check(self, reply: str, case: Case) -> Iterable[Finding]:
        raise NotImplementedError

    def finding(
        self,
        message: str,
        start: int | None = None,
        end: int | None = None,
        suggestion: str | None = None,
    ) -> Finding:
        return Finding(self.id, self.severity, message, start, end, suggestion)  # type: ignore[arg-type]

    def __repr__(self) -> str:
        return f"<Guardrail {self.id}>"


@dataclass
class GuardrailSettings:
    """Which guardrails run and how: ``enable`` (only these ids, if given), ``disable``, severity overrides."""

    enable: list[str] | None = None
    disable: list[str] = field(default_factory=list)
    severity: dict[str, str] = field(default_factory=dict)
    #: Seconds a single guardrail may take on one reply before it is reported as hung.
    timeout: float = 2.0

    def selects(self, guardrail_id: str) -> bool:
        if guardrail_id in self.disable:
            return False
        return self.enable is None or guardrail_id in self.enable


def validate_guardrail(obj: Any) -> str | None:
    """Why ``obj`` cannot be registered as a guardrail, or ``None`` if it can."""
    gid = getattr(obj, "id", None)
    if not isinstance(gid, str) or not _ID.match(gid):
        return f"guardrail id {gid!r} must be lowercase letters, digits and dashes"
    if not callable(getattr(obj, "check", None)):
        return f"guardrail {gid!r} has no check(reply, case) method"
    if getattr(obj, "severity", "error") not in SEVERITIES:
        return f"guardrail {gid!r} has severity {obj.severity!r}; expected error or warning"
    return None


# Guardrails run on worker threads so one that hangs can be abandoned at its deadline. The pool is shared
# and sized generously because an abandoned thread keeps its slot until the guardrail returns, if ever.
_POOL = concurrent.futures.ThreadPoolExecutor(max_workers=16, thread_name_prefix="replydraft-guardrail")


def _coerce(guardrail: Any, result: Any, severity: str, reply: str) -> list[Finding]:
    """Normalise a guardrail's return value, raising ``TypeError`` when it is malformed."""
    if result is None:
        return []
    if isinstance(result, (str, bytes, dict)) or not isinstance(result, Iterable):
        raise TypeError(f"returned {type(result).__name__}, expected a list of Finding")
    findings = []
    for item in result:
        if not isinstance(item, Finding):
            raise TypeError(f"returned a {type(item).__name__} where a Finding was expected")
        if item.severity not in SEVERITIES:
            raise TypeError(f"returned a finding with severity {item.severity!r}")
        spans = (item.start, item.end)
        if spans != (None, None) and not (
            isinstance(item.start, int) and isinstance(item.end, int) and 0 <= item.start <= item.end <= len(reply)
        ):
            raise TypeError(f"returned a finding with span {spans} outside the reply")
        # The user's severity setting wins over what the plugin chose; the id is always the guardrail's own.
        findings.append(Finding(guardrail.id, severity, item.message, item.start, item.end, item.suggestion))  # type: ignore[arg-type]
    return findings


def _failure(guardrail_id: str, what: str) -> Finding:
    return Finding(guardrail_id, "error", f"guardrail {guardrail_id!r} {what}; the reply was not checked by it")


def _submit(guardrails: Iterable[Any], reply: str, case: Case, settings: GuardrailSettings) -> list[tuple[Any, Any]]:
    return [(g, _POOL.submit(_call, g, reply, case)) for g in guardrails if settings.selects(g.id)]


def _settle(
    guardrail: Any, result: Any, error: BaseException | None, settings: GuardrailSettings, reply: str, tracer: Any
) -> list[Finding]:
    """Turn one guardrail's outcome (its result, or what it raised or timed out with) into findings."""
    severity = settings.severity.get(guardrail.id, getattr(guardrail, "severity", "error"))
    if error is None:
        try:
            found = _coerce(guardrail, result, severity, reply)
        except TypeError as exc:
            error = exc
    traced: Any  # what --trace-plugins shows for this call
    if isinstance(error, TimeoutError):  # concurrent.futures' and asyncio's are both TimeoutError since 3.11
        found, traced = [_failure(guardrail.id, f"did not answer within {settings.timeout:g}s")], "timeout"
    elif isinstance(error, TypeError):
        found, traced = [_failure(guardrail.id, f"returned something malformed ({error})")], "malformed"
    elif error is not None:
        found = [_failure(guardrail.id, f"raised {error.__class__.__name__}: {error}")]
        traced = f"raised {error.__class__.__name__}"
    else:
        traced = found
    if tracer is not None:
        tracer(f"guardrail {guardrail.id}.check", {"reply": reply}, traced)
    return found


def _ordered(findings: list[Finding]) -> list[Finding]:
    return sorted(findings, key=lambda f: (f.start is None, f.start or 0, f.guardrail))


def run_guardrails(
    guardrails: Iterable[Any],
    reply: str,
    case: Case,
    settings: GuardrailSettings | None = None,
    tracer: Any = None,
) -> list[Finding]:
    """Run every selected guardrail on ``reply`` and return all findings, ordered by position in the reply."""
    settings = settings or GuardrailSettings()
    findings: list[Finding] = []
    for guardrail, future in _submit(guardrails, reply, case, settings):
        try:
            result, error = future.result(timeout=settings.timeout), None
        except Exception as exc:
            result, error = None, exc
        findings += _settle(guardrail, result, error, settings, reply, tracer)
    return _ordered(findings)


async def arun_guardrails(
    guardrails: Iterable[Any],
    reply: str,
    case: Case,
    settings: GuardrailSettings | None = None,
    tracer: Any = None,
) -> list[Finding]:
    """Async twin of :func:`run_guardrails`: awaits the worker threads instead of blocking on them.

    The event loop stays free while a guardrail runs or hangs, without a second thread hop per check.
    """
    import asyncio  # here, not at the top: `replydraft --help` should not pay for it

    settings = settings or GuardrailSettings()
    findings: list[Finding] = []
    for guardrail, future in _submit(guardrails, reply, case, settings):
        try:
            result, error = await asyncio.wait_for(asyncio.wrap_future(future), settings.timeout), None
        except Exception as exc:
            result, error = None, exc
        findings += _settle(guardrail, result, error, settings, reply, tracer)
    return _ordered(findings)


def _call(guardrail: Any, reply: str, case: Case) -> Any:
    result = guardrail.check(reply, case)
    # Generators run lazily: materialise them on the worker so the time limit covers them too.
    return list(result) if inspect.isgenerator(result) else result
