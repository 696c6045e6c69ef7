"""A time limit for a call on the main thread, through ``SIGALRM``.

Guardrails that declare themselves ``inline`` run on the caller's thread instead of a worker thread, which saves
a thread hand-off and the GIL transfers that come with it on every reply (benchmarks/README.md). Their time limit
cannot then be a waiter giving up on a thread: a real-time interval timer raises :class:`Overrun` inside the call
instead. Python runs signal handlers only on the main thread, between bytecodes; ``re`` matching checks for
signals as it goes and blocking system calls are interrupted (PEP 475), but a long C call that never checks
(a C extension's loop) is only stopped when it returns. Hence inline is for quick, pure-Python checks.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable
from typing import Any

__all__ = ["Overrun", "available", "call_with_limit"]


class Overrun(BaseException):  # like KeyboardInterrupt: a plugin's `except Exception` must not eat it
    """Raised inside a call that ran past its time limit."""


_armed = False  # a late signal (delivered after the call returned) must not raise anywhere else
_busy = False  # one timer per process: a call made inside a limited call cannot have its own


def _on_alarm(signum: int, frame: Any) -> None:
    if _armed:
        raise Overrun


def available() -> bool:
    """Whether :func:`call_with_limit` can be used here and now.

    Only on the main thread, where a POSIX interval timer exists, outside another limited call, and when
    ``SIGALRM`` is free (its default handler or ours): the host's own use of it is never taken over.
    """
    if _busy or not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        return False
    handler = signal.getsignal(signal.SIGALRM)
    if handler is _on_alarm:
        return True
    if handler is not signal.SIG_DFL:
        return False
    signal.signal(signal.SIGALRM, _on_alarm)
    return True


def call_with_limit(func: Callable[[], Any], seconds: float) -> Any:
    """``func()``, raising :class:`Overrun` if it runs past ``seconds``. Call only when :func:`available`."""
    global _armed, _busy
    _busy = True
    try:
        _armed = True
        signal.setitimer(signal.ITIMER_REAL, max(seconds, 1e-6))
        try:
            return func()
        finally:
            _armed = False  # first: from here on a pending alarm is harmless
            signal.setitimer(signal.ITIMER_REAL, 0)
    finally:
        _busy = False
