"""Back-pressure: a cap on model calls in flight, a bounded queue in front of it, and 429 when that is full.

Every draft is *admitted* first: at most ``max_concurrent + max_queue`` drafts are in the server at once, so
memory stays bounded whatever the load; the next one gets 429 with a ``Retry-After`` estimated from how long
model calls have been taking. Inside, each model call waits for one of ``max_concurrent`` slots.
"""

from __future__ import annotations

import asyncio
import contextlib
import contextvars
import math
import time
from collections.abc import AsyncIterator, Callable
from typing import Any

from ..model import ChatModel, Completion

__all__ = ["GatedModel", "ModelGate", "QueueFull", "request_timing"]

#: Per-request timing holder ({"model": seconds}) set by the access-log middleware, filled by model calls.
request_timing: contextvars.ContextVar[dict[str, float] | None] = contextvars.ContextVar(
    "replydraft_request_timing", default=None
)


class QueueFull(Exception):
    """The queue in front of the model is full; come back in ``retry_after`` seconds."""

    def __init__(self, retry_after: int) -> None:
        super().__init__(f"retry after {retry_after}s")
        self.retry_after = retry_after


class ModelGate:
    def __init__(self, max_concurrent: int, max_queue: int, retry_after: float = 2.0) -> None:
        self.max_concurrent = max(1, max_concurrent)
        self.capacity = self.max_concurrent + max(0, max_queue)
        self.default_retry_after = retry_after
        self.in_flight = 0
        self._slots: asyncio.Semaphore | None = None
        #: Moving average of one model call's duration, for Retry-After.
        self.call_seconds: float | None = None

    @property
    def slots(self) -> asyncio.Semaphore:
        # Made on first use so it belongs to the running event loop.
        if self._slots is None:
            self._slots = asyncio.Semaphore(self.max_concurrent)
        return self._slots

    def retry_after(self) -> int:
        """Seconds until a slot is likely free: the waves of calls ahead of a newcomer times one call's time."""
        per_call = self.call_seconds if self.call_seconds is not None else self.default_retry_after
        waves = math.ceil((self.in_flight + 1) / self.max_concurrent)
        return max(1, math.ceil(per_call * waves))

    @contextlib.asynccontextmanager
    async def admit(self) -> AsyncIterator[None]:
        """Hold one place among the drafts in the server, or raise :class:`QueueFull`."""
        if self.in_flight >= self.capacity:
            raise QueueFull(self.retry_after())
        self.in_flight += 1
        try:
            yield
        finally:
            self.in_flight -= 1

    async def call(self, func: Callable[..., Any], *args: Any) -> Any:
        async with self.slots:
            started = time.perf_counter()
            try:
                return await func(*args)
            finally:
                spent = time.perf_counter() - started
                self.call_seconds = spent if self.call_seconds is None else 0.8 * self.call_seconds + 0.2 * spent
                timing = request_timing.get()
                if timing is not None:
                    timing["model"] = timing.get("model", 0.0) + spent


class GatedModel:
    """A :class:`~replydraft.model.ChatModel` whose async calls go through a :class:`ModelGate`.

    ``model`` may be a zero-argument factory: the configured model is then resolved on first use.
    """

    def __init__(self, model: ChatModel | Callable[[], ChatModel], gate: ModelGate) -> None:
        self._model = model if isinstance(model, ChatModel) else None
        self._factory = None if self._model is not None else model
        self.gate = gate

    @property
    def inner(self) -> ChatModel:
        if self._model is None:
            assert self._factory is not None
            self._model = self._factory()  # type: ignore[operator]
        return self._model

    @property
    def name(self) -> str:
        return self.inner.name

    def complete(self, messages: list[dict[str, str]], schema: dict[str, Any]) -> Completion:
        return self.inner.complete(messages, schema)

    async def acomplete(self, messages: list[dict[str, str]], schema: dict[str, Any]) -> Completion:
        result: Completion = await self.gate.call(self.inner.acomplete, messages, schema)
        return result
