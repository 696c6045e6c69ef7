"""The model client the service uses: :class:`~replydraft.openai_client.OpenAIChatModel`, driven for many
concurrent calls in one process. Same requests, retries (tenacity), errors and key handling; two differences in
how the SDK is called, both measured with ``benchmarks/server_bench.py``:

* the HTTP transport is the SDK's own aiohttp client (``openai.DefaultAioHttpClient``, the ``openai[aiohttp]``
  extra), which the SDK documents for high concurrency: httpx's connection pool re-checks every pooled
  connection on each request, which at 100 calls in flight cost more CPU than the rest of the call;
* the request goes through ``AsyncOpenAI.post("/chat/completions", ...)`` instead of
  ``chat.completions.create(...)``: ``create`` first walks every message and the whole output schema through
  the SDK's TypedDict transform, 2-4 ms of CPU per call that changes nothing in the plain JSON we send.

The embedded local model is used as is (it runs one call at a time anyway).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from ..model import ChatModel, resolve_model
from ..openai_client import OpenAIChatModel

if TYPE_CHECKING:
    from ..config import Settings

__all__ = ["ServiceChatModel", "service_model"]

log = logging.getLogger("replydraft.server")


class _Completions:
    """Quacks like ``AsyncOpenAI().chat.completions`` for the one call the base class makes."""

    def __init__(self, client: Any) -> None:
        self.client = client

    async def create(self, **request: Any) -> Any:
        from openai.types.chat import ChatCompletion

        return await self.client.post("/chat/completions", body=request, cast_to=ChatCompletion)


class _Client:
    def __init__(self, client: Any) -> None:
        self.completions = _Completions(client)
        self.chat = self


class ServiceChatModel(OpenAIChatModel):
    """:class:`OpenAIChatModel` with the lean async path described in this module's docstring."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._service_client: _Client | None = None

    @property
    def aclient(self) -> Any:  # type: ignore[override]
        if self._service_client is None:
            if self._async_http_client is None:
                self._async_http_client = _aiohttp_client()
            self._service_client = _Client(super().aclient)
        return self._service_client


def _aiohttp_client() -> Any:
    """The SDK's aiohttp transport, or ``None`` (the SDK's default httpx client) where it is unavailable."""
    import openai

    factory = getattr(openai, "DefaultAioHttpClient", None)
    if factory is None:
        return None
    try:
        return factory()
    except RuntimeError:  # the SDK raises this when aiohttp is not installed
        log.warning("aiohttp is not installed; using the slower httpx transport for model calls")
        return None


def service_model(settings: Settings) -> ChatModel:
    """The configured model, with the lean client when it is an endpoint."""
    if settings.uses_endpoint:
        return ServiceChatModel.from_settings(settings)
    return resolve_model(settings)
