"""The model client the service uses: :class:`~replydraft.openai_client.OpenAIChatModel`, driven for many
concurrent calls in one process. Same requests, retries (tenacity), errors and key handling; two differences in
how the SDK is called, both measured with ``benchmarks/server_bench.py``:

* the request goes through ``AsyncOpenAI.post("/chat/completions", ...)`` instead of
  ``chat.completions.create(...)``: ``create`` first walks every message and the whole output schema through
  the SDK's TypedDict transform, 2-4 ms of CPU per call that changes nothing in the plain JSON we send;
* calls are spread over several clients, each with its own connection pool: the HTTP pool does work in
  proportion to its number of connections on every request. At 100 calls in flight, one model call cost
  5.3-7.3 ms of CPU with one pool, 4.0-4.8 with 4 and 3.2-3.3 with 16 (measured in-process).

The embedded local model is used as is (it runs one call at a time anyway).
"""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING, Any

from ..model import ChatModel, resolve_model
from ..openai_client import OpenAIChatModel

if TYPE_CHECKING:
    from ..config import Settings

__all__ = ["ServiceChatModel", "service_model"]


class _Completions:
    """Quacks like ``AsyncOpenAI().chat.completions`` for the one call the base class makes."""

    def __init__(self, clients: list[Any]) -> None:
        self._next = itertools.cycle(clients)
        self.clients = clients

    async def create(self, **request: Any) -> Any:
        from openai.types.chat import ChatCompletion

        return await next(self._next).post("/chat/completions", body=request, cast_to=ChatCompletion)


class _Client:
    def __init__(self, clients: list[Any]) -> None:
        self.completions = _Completions(clients)
        self.chat = self


class ServiceChatModel(OpenAIChatModel):
    """:class:`OpenAIChatModel` with the lean async path described in this module's docstring."""

    def __init__(self, *args: Any, pools: int = 16, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.pools = max(1, pools)
        self._service_client: _Client | None = None

    @property
    def aclient(self) -> Any:  # type: ignore[override]
        if self._service_client is None:
            first = super().aclient
            # Same settings, separate HTTP pools (copy() would share the first client's pool), one TLS context:
            # loading the CA bundle once per pool would cost ~70 ms each.
            tls = _tls_context()
            others = [first.with_options(http_client=self._pool(tls)) for _ in range(self.pools - 1)]
            self._service_client = _Client([first, *others])
        return self._service_client

    def _pool(self, tls: Any) -> Any:
        import openai

        return openai.DefaultAsyncHttpxClient(verify=tls)


def _tls_context() -> Any:
    import ssl

    try:
        import certifi

        return ssl.create_default_context(cafile=certifi.where())
    except ImportError:  # certifi comes with the openai SDK's HTTP stack; the system store otherwise
        return ssl.create_default_context()


def service_model(settings: Settings) -> ChatModel:
    """The configured model, with the lean client when it is an endpoint."""
    if settings.uses_endpoint:
        return ServiceChatModel.from_settings(settings)
    return resolve_model(settings)
