"""The model client the service uses: :class:`~replydraft.openai_client.OpenAIChatModel` with a lean transport.

Same request body, retries (tenacity), fallback from ``json_schema`` to ``json_object``, error classification,
key scrubbing and :class:`~replydraft.errors.ModelError` as the CLI's client; only the HTTP exchange differs.
Under 100 concurrent drafts the ``openai`` SDK's own request path cost 2.0 ms of CPU per call even on its aiohttp
transport (``openai.DefaultAioHttpClient``), against 0.4 ms for the same POST on a bare aiohttp session
(measured in-process against the loopback stand-in): a third of the service's CPU per draft. So the service
POSTs ``{base_url}/chat/completions`` itself, on one aiohttp session, and maps failures onto the SDK's own
exception classes (``openai.RateLimitError``, ``openai.APITimeoutError``, ...) so that everything downstream,
retries and ``Retry-After`` included, is the code the CLI runs.

The embedded local model is used as is (it runs one call at a time anyway).
"""

from __future__ import annotations

import json
import os
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

import openai
import orjson

from ..model import ChatModel, resolve_model
from ..openai_client import OpenAIChatModel

if TYPE_CHECKING:
    from ..config import Settings

__all__ = ["ServiceChatModel", "service_model"]

# The SDK raises these for these statuses; retries and error messages key on the class and status code.
_STATUS_ERRORS: dict[int, type[openai.APIStatusError]] = {
    400: openai.BadRequestError,
    401: openai.AuthenticationError,
    403: openai.PermissionDeniedError,
    404: openai.NotFoundError,
    409: openai.ConflictError,
    422: openai.UnprocessableEntityError,
    429: openai.RateLimitError,
}


def _http() -> Any:
    """The HTTP library the SDK is built on (``httpx``; ``httpx2`` in newer releases): its exceptions hold that
    library's Request and Response objects, and retries read ``Retry-After`` from them."""
    try:
        import httpx2

        return httpx2
    except ImportError:
        import httpx

        return httpx


def _completion_object(data: Any) -> Any:
    """Attribute access over the parsed JSON, as much of ``ChatCompletion`` as the base class reads."""
    if not isinstance(data, dict) or not isinstance(data.get("choices"), list):
        return json.dumps(data)  # like the SDK: something that is not a completion comes back as text
    choices = [
        SimpleNamespace(
            message=SimpleNamespace(content=(c.get("message") or {}).get("content")),
            finish_reason=c.get("finish_reason"),
        )
        for c in data["choices"]
        if isinstance(c, dict)
    ]
    usage = data.get("usage")
    usage = usage if isinstance(usage, dict) else {}
    return SimpleNamespace(
        choices=choices,
        model=data.get("model"),
        usage=SimpleNamespace(
            prompt_tokens=usage.get("prompt_tokens", 0), completion_tokens=usage.get("completion_tokens", 0)
        ),
    )


class _Completions:
    """Quacks like ``AsyncOpenAI().chat.completions`` for the one call the base class makes."""

    def __init__(self, model: ServiceChatModel) -> None:
        self.model = model
        self.url = f"{model.endpoint.rstrip('/')}/chat/completions"
        self.headers = {
            "Content-Type": "application/json",
            "Accept": "application/json",
            "Authorization": f"Bearer {model._api_key}",
            "User-Agent": "replydraft",
        }
        # The SDK sends these when they are set in the environment; so does this transport.
        for header, variable in (("OpenAI-Organization", "OPENAI_ORG_ID"), ("OpenAI-Project", "OPENAI_PROJECT_ID")):
            if os.environ.get(variable):
                self.headers[header] = os.environ[variable]
        self._session: Any = None
        self._proxy: Any = None
        self._proxy_auth: Any = None

    def session(self) -> Any:
        import aiohttp

        if self._session is None or self._session.closed:
            self._session = aiohttp.ClientSession(
                timeout=aiohttp.ClientTimeout(total=self.model.timeout),
                connector=aiohttp.TCPConnector(limit=0),  # the service's own gate bounds calls in flight
            )
            self._proxy, self._proxy_auth = _env_proxy(self.url)
        return self._session

    async def create(self, **request: Any) -> Any:
        import aiohttp

        try:
            session = self.session()
            # orjson: the request (system prompt, worked examples, output schema) is the largest JSON a draft writes.
            payload = orjson.dumps(request)
            async with session.post(
                self.url, data=payload, headers=self.headers, proxy=self._proxy, proxy_auth=self._proxy_auth
            ) as response:
                body = await response.read()
                status = response.status
                headers = dict(response.headers) if status >= 400 else {}
        except TimeoutError:
            raise openai.APITimeoutError(request=self._request()) from None
        except aiohttp.ClientError as exc:
            raise openai.APIConnectionError(request=self._request()) from exc
        if status >= 400:
            raise _status_error(status, headers, body, self._request())
        try:
            return _completion_object(orjson.loads(body))
        except ValueError:  # orjson.JSONDecodeError is one
            return body.decode("utf-8", "replace")  # a 200 that is not JSON: the base class reports it

    def _request(self) -> Any:
        """What the SDK's exceptions carry as ``request`` (built only when there is an error to raise)."""
        return _http().Request("POST", self.url)

    async def close(self) -> None:
        if self._session is not None:
            await self._session.close()


def _env_proxy(url: str) -> tuple[Any, Any]:
    """The proxy for ``url`` from ``HTTPS_PROXY`` / ``HTTP_PROXY`` / ``NO_PROXY``, as the SDK's httpx client honours
    them, read once per session. aiohttp's ``trust_env=True`` reads them, and ``~/.netrc``, on every request: 13% of
    the service's CPU under load (py-spy), for an answer that does not change while it runs."""
    from aiohttp.helpers import get_env_proxy_for_url
    from yarl import URL

    try:
        return get_env_proxy_for_url(URL(url))
    except LookupError:
        return None, None


def _status_error(status: int, headers: dict[str, str], body: bytes, request: Any) -> openai.APIStatusError:
    response = _http().Response(status, headers=headers, content=body, request=request)
    try:
        parsed: Any = json.loads(body)
    except ValueError:
        parsed = body.decode("utf-8", "replace") or None
    cls = _STATUS_ERRORS.get(status, openai.InternalServerError if status >= 500 else openai.APIStatusError)
    return cls(f"Error code: {status}", response=response, body=parsed)


class _Client:
    def __init__(self, model: ServiceChatModel) -> None:
        self.completions = _Completions(model)
        self.chat = self


class ServiceChatModel(OpenAIChatModel):
    """:class:`OpenAIChatModel` with the lean async transport described in this module's docstring."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._service_client: _Client | None = None

    @property
    def aclient(self) -> Any:  # type: ignore[override]
        if self._service_client is None:
            self._service_client = _Client(self)
        return self._service_client

    async def aclose(self) -> None:
        """Close the HTTP session (the service calls this on shutdown)."""
        if self._service_client is not None:
            await self._service_client.completions.close()


def service_model(settings: Settings) -> ChatModel:
    """The configured model, with the lean client when it is an endpoint."""
    if settings.uses_endpoint:
        return ServiceChatModel.from_settings(settings)
    return resolve_model(settings)
