"""Guardrails: the base class plugins subclass, and the runner that isolates them.

A guardrail that raises, hangs past its time limit or returns something that is not a list of findings never
crashes the host and never passes silently: the runner turns it into an ``error`` finding that names it.
"""

from __future__ import annotations

import contextlib
import inspect
import queue
import re
import threading
import time
from collections.abc import Callable, Iterable
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


class _Workers:
    """The guardrails' worker threads: jobs go on one queue, and a thread is started when a job finds none idle.

    Guardrails run on worker threads so one that hangs can be abandoned at its deadline. A thread held by an
    abandoned guardrail keeps its place until the guardrail returns, if ever, hence the generous limit. This is
    leaner than ``concurrent.futures.ThreadPoolExecutor`` (no future, work item or shutdown locks per job): the
    hand-off is paid on every reply, and under load it cost more CPU than some guardrails (benchmarks/README.md).
    The threads are daemons, so one stuck in a guardrail cannot keep the process from exiting.
    """

    def __init__(self, limit: int, name: str) -> None:
        self.limit, self.name = limit, name
        self.jobs: queue.SimpleQueue[Callable[[], None]] = queue.SimpleQueue()
        self.lock = threading.Lock()
        self.threads = 0
        self.idle = 0

    def submit(self, job: Callable[[], None]) -> None:
        with self.lock:
            if self.idle:
                self.idle -= 1  # an idle thread will take it
            elif self.threads < self.limit:
                self.threads += 1
                name = f"{self.name}-{self.threads}"
                threading.Thread(target=self._serve, name=name, daemon=True).start()
        self.jobs.put(job)  # at the limit, it waits for a thread; QUEUE_LIMIT bounds how long

    def _serve(self) -> None:
        try:
            while True:
                self.jobs.get()()  # a job catches whatever its guardrails raise (_Run.work)
                with self.lock:
                    self.idle += 1
        finally:  # only a bug in the runner gets here: threading.excepthook shows it; another thread may start
            with self.lock:
                self.threads -= 1


_POOL = _Workers(16, "replydraft-guardrail")

#: How long a reply's guardrails may wait for a free worker before they are reported as not run. The time limit
#: of each guardrail counts from when it starts: a slow plugin under load must not make fast ones time out.
QUEUE_LIMIT = 30.0


class NotRun(Exception):
    """Every guardrail worker stayed busy (overloaded, or held by abandoned guardrails) past ``QUEUE_LIMIT``."""


class _Run:
    """One reply's guardrails, run one after another on a single worker thread.

    One thread hand-off per reply rather than one per guardrail: under load the hand-offs cost more CPU than the
    rule-based checks themselves. When a guardrail overruns its time limit, the waiter records the timeout and
    starts a fresh worker on the guardrails after it; the stuck worker is abandoned (``generation`` tells it so)
    and whatever it returns later is ignored.
    """

    def __init__(self, chosen: list[Any], reply: str, case: Case, timeout: float) -> None:
        self.chosen, self.reply, self.case, self.timeout = chosen, reply, case, timeout
        self.outcomes: list[tuple[Any, BaseException | None] | None] = [None] * len(chosen)
        self.lock = threading.Lock()
        self.generation = 0
        self.current = 0  # index of the guardrail the live worker is on (or will start next)
        self.queued = time.monotonic()  # when the job was handed to the pool
        self.since: float | None = None  # when the current guardrail started; None while the job waits for a thread
        self.complete = False  # every guardrail has an outcome from the live worker

    def job(self, generation: int, first: int, wake: Callable[[], None]) -> Callable[[], None]:
        """What a worker thread runs: the guardrails from ``first`` on, then ``wake`` for the waiter."""

        def run() -> None:
            try:
                self.work(generation, first)
            finally:
                wake()

        return run

    def work(self, generation: int, first: int) -> None:
        for index in range(first, len(self.chosen)):
            with self.lock:
                if generation != self.generation:
                    return
                self.current, self.since = index, time.monotonic()
            try:
                outcome: tuple[Any, BaseException | None] = (_call(self.chosen[index], self.reply, self.case), None)
            except BaseException as exc:  # even SystemExit: on a worker thread it would end nothing but the worker
                outcome = (None, exc)
            with self.lock:
                if generation != self.generation:
                    return
                self.outcomes[index] = outcome
        with self.lock:
            self.complete = generation == self.generation

    def overdue(self) -> float:
        """Seconds until the running guardrail is overdue, or the waiting job is (<= 0: it is)."""
        with self.lock:
            if self.since is None:  # look again within one time limit: once it starts, its own limit runs
                return min(self.queued + QUEUE_LIMIT - time.monotonic(), self.timeout)
            return self.since + self.timeout - time.monotonic()

    def abandon_current(self) -> int | None:
        """Record a timeout for the guardrail being run; return where a fresh worker should resume, if anywhere."""
        with self.lock:
            now = time.monotonic()
            if self.since is None:
                if self.queued + QUEUE_LIMIT > now:
                    return -1  # a worker picked it up in the meantime, or it may still: keep waiting
                self.generation += 1  # no worker came: report what never ran, and let none run it later
                self.outcomes = [o if o is not None else (None, NotRun()) for o in self.outcomes]
                return None
            if self.since + self.timeout > now:
                return -1  # it moved on in the meantime: keep waiting
            self.generation += 1
            self.outcomes[self.current] = (None, TimeoutError())
            resume = self.current + 1
            self.current, self.since, self.queued = resume, None, now
            return resume if resume < len(self.chosen) else None

    def findings(self, settings: GuardrailSettings, tracer: Any) -> list[Finding]:
        found: list[Finding] = []
        for guardrail, outcome in zip(self.chosen, self.outcomes, strict=True):
            result, error = outcome if outcome is not None else (None, TimeoutError())
            found += _settle(guardrail, result, error, settings, self.reply, tracer)
        return _ordered(found)


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


def _start(guardrails: Iterable[Any], reply: str, case: Case, settings: GuardrailSettings) -> _Run:
    return _Run([g for g in guardrails if settings.selects(g.id)], reply, case, settings.timeout)


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
    elif isinstance(error, NotRun):
        busy = f"could not start: every guardrail worker stayed busy for {QUEUE_LIMIT:g}s"
        found, traced = [_failure(guardrail.id, busy)], "not run"
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
    run = _start(guardrails, reply, case, settings)
    if run.chosen:
        woken = threading.Event()
        _POOL.submit(run.job(0, 0, woken.set))
        while True:
            woken.wait(max(run.overdue(), 0.0))
            woken.clear()  # before looking: a wake from here on is not lost
            if run.complete:
                break
            resume = run.abandon_current()
            if resume is None:
                break
            if resume >= 0:
                _POOL.submit(run.job(run.generation, resume, woken.set))
    return run.findings(settings, tracer)


async def arun_guardrails(
    guardrails: Iterable[Any],
    reply: str,
    case: Case,
    settings: GuardrailSettings | None = None,
    tracer: Any = None,
) -> list[Finding]:
    """Async twin of :func:`run_guardrails`: awaits the worker thread instead of blocking on it.

    The event loop stays free while a guardrail runs or hangs, with one thread hand-off per reply: the worker
    wakes the loop when it is done (``call_soon_threadsafe``), and a timer on the loop when a guardrail is due.
    """
    import asyncio  # here, not at the top: `replydraft --help` should not pay for it

    settings = settings or GuardrailSettings()
    run = _start(guardrails, reply, case, settings)
    if run.chosen:
        loop = asyncio.get_running_loop()
        waiter = loop.create_future()

        def settle() -> None:  # on the loop: wake whoever waits now (an abandoned worker's late wake is harmless)
            if not waiter.done():
                waiter.set_result(None)

        def wake() -> None:  # on the worker thread
            with contextlib.suppress(RuntimeError):  # the loop closed while a hung guardrail held its worker
                loop.call_soon_threadsafe(settle)

        _POOL.submit(run.job(0, 0, wake))
        while True:
            deadline = loop.call_later(max(run.overdue(), 0.0), settle)
            await waiter
            deadline.cancel()
            waiter = loop.create_future()
            if run.complete:
                break
            resume = run.abandon_current()
            if resume is None:
                break
            if resume >= 0:
                _POOL.submit(run.job(run.generation, resume, wake))
    return run.findings(settings, tracer)


def _call(guardrail: Any, reply: str, case: Case) -> Any:
    result = guardrail.check(reply, case)
    # Generators run lazily: materialise them on the worker so the time limit covers them too.
    return list(result) if inspect.isgenerator(result) else result
