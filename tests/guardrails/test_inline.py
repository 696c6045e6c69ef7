"""Inline guardrails: run on the caller's (main) thread under a SIGALRM time limit, isolated like the others.

Every fault here is real: a guardrail that spins in Python, one that sleeps, one that hides the overrun behind
``except Exception``. The only stand-in is a foreign SIGALRM handler, installed to show the runner leaves it alone.
"""

from __future__ import annotations

import asyncio
import signal
import threading
import time

import pytest

from replydraft import Case, Guardrail, alarm
from replydraft.guardrails import arun_guardrails, run_guardrails
from replydraft.plugins import new_plugin_host
from replydraft.testing import make_case_dict

REPLY = "I'm sorry the parcel was late. I've refunded the shipping fee; it reaches your card by Friday."
CASE = Case.from_dict(make_case_dict())


class Where(Guardrail):
    """Records the thread it ran on and flags nothing."""

    id = "where"

    def __init__(self, inline: bool) -> None:
        self.inline = inline
        self.threads: list[threading.Thread] = []

    def check(self, reply, case):
        self.threads.append(threading.current_thread())
        return []


class Spins(Guardrail):
    id = "spins"
    inline = True

    def check(self, reply, case):
        # Pure Python, no system call to interrupt. It gives up after 3 s, so a broken limit fails the test (no
        # finding) instead of hanging it, and an abandoned worker thread does not spin for the rest of the run.
        give_up = time.monotonic() + 3
        while time.monotonic() < give_up:
            pass
        return []


class Sleeps(Guardrail):
    id = "sleeps"
    inline = True

    def check(self, reply, case):
        time.sleep(3)
        return []


class Swallows(Guardrail):
    """A plugin that catches every Exception must still be stopped at its limit."""

    id = "swallows"
    inline = True

    def check(self, reply, case):
        give_up = time.monotonic() + 3
        while time.monotonic() < give_up:
            try:  # noqa: SIM105 - the plain form is the point: this is what plugins write
                sum(range(10_000))
            except Exception:
                pass
        return []


class Flags(Guardrail):
    id = "flags"
    inline = True

    def check(self, reply, case):
        yield self.finding("Flagged.", 0, 3)


def _summary(findings):
    return [(f.guardrail, f.severity, f.message) for f in findings]


TIMED_OUT = "did not answer within 0.2s; the reply was not checked by it"


@pytest.mark.parametrize("hung", [Spins(), Sleeps(), Swallows()], ids=lambda g: g.id)
async def test_an_inline_guardrail_past_its_limit_is_reported_and_the_next_one_runs(hung) -> None:
    from replydraft.guardrails import GuardrailSettings

    settings = GuardrailSettings(timeout=0.2)
    for found in (
        run_guardrails([hung, Flags()], REPLY, CASE, settings),
        await arun_guardrails([hung, Flags()], REPLY, CASE, settings),
    ):
        assert _summary(found) == [
            ("flags", "error", "Flagged."),
            (hung.id, "error", f"guardrail {hung.id!r} {TIMED_OUT}"),
        ]
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)  # nothing left armed to fire later


async def test_inline_guardrails_run_on_the_main_thread_and_the_others_on_a_worker() -> None:
    here, there = Where(inline=True), Where(inline=False)
    run_guardrails([here, there], REPLY, CASE)
    await arun_guardrails([here, there], REPLY, CASE)
    assert here.threads == [threading.main_thread()] * 2
    assert len(there.threads) == 2 and threading.main_thread() not in there.threads


def test_off_the_main_thread_an_inline_guardrail_runs_on_a_worker_and_keeps_its_limit() -> None:
    from replydraft.guardrails import GuardrailSettings

    here = Where(inline=True)
    results: list = []

    def caller() -> None:
        results.append(run_guardrails([here], REPLY, CASE))
        results.append(run_guardrails([Spins()], REPLY, CASE, GuardrailSettings(timeout=0.2)))

    thread = threading.Thread(target=caller)
    thread.start()
    thread.join(10)
    assert here.threads and here.threads[0] not in (thread, threading.main_thread())
    assert _summary(results[1]) == [("spins", "error", f"guardrail 'spins' {TIMED_OUT}")]


def test_a_sigalrm_handler_set_by_the_host_is_left_alone() -> None:
    calls: list[int] = []
    previous = signal.signal(signal.SIGALRM, lambda signum, frame: calls.append(signum))
    try:
        here = Where(inline=True)
        run_guardrails([here], REPLY, CASE)
        assert here.threads[0] is not threading.main_thread()  # it fell back to a worker thread
        assert not alarm.available()
        signal.setitimer(signal.ITIMER_REAL, 0.01)
        time.sleep(0.1)
        assert calls == [signal.SIGALRM]  # the host's handler is still the one that runs
    finally:
        signal.signal(signal.SIGALRM, previous)


def test_system_exit_from_an_inline_guardrail_is_reported_but_ctrl_c_is_not_swallowed() -> None:
    class Exits(Guardrail):
        id = "exits"
        inline = True

        def check(self, reply, case):
            raise SystemExit(3)

    class Interrupted(Guardrail):
        id = "interrupted"
        inline = True

        def check(self, reply, case):
            raise KeyboardInterrupt

    assert _summary(run_guardrails([Exits()], REPLY, CASE)) == [
        ("exits", "error", "guardrail 'exits' raised SystemExit: 3; the reply was not checked by it")
    ]
    with pytest.raises(KeyboardInterrupt):
        run_guardrails([Interrupted()], REPLY, CASE)
    assert alarm.available()  # and the limit is usable again afterwards


def test_a_guardrail_calling_the_runner_gets_worker_threads_for_the_inner_call() -> None:
    """One interval timer per process: a nested run must not re-arm (and so cancel) the outer call's limit."""
    inner = Where(inline=True)

    class Nests(Guardrail):
        id = "nests"
        inline = True

        def check(self, reply, case):
            return run_guardrails([inner], reply, case)

    run_guardrails([Nests()], REPLY, CASE)
    assert inner.threads and inner.threads[0] is not threading.main_thread()


async def test_many_replies_checked_inline_on_the_loop_all_come_back() -> None:
    results = await asyncio.gather(*(arun_guardrails([Flags(), Where(inline=True)], REPLY, CASE) for _ in range(50)))
    assert all(_summary(r) == [("flags", "error", "Flagged.")] for r in results)


def test_every_built_in_guardrail_is_inline() -> None:
    """The service's throughput figures assume the built-ins skip the thread hand-off."""
    host = new_plugin_host(plugins_dirs=[], trace=False)
    built_in = [g for g in host.guardrails if type(g).__module__.startswith("replydraft_guardrails")]
    assert len(built_in) == 8
    assert all(g.inline is True for g in built_in)
