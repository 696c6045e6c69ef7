"""The model client for OpenAI and any server that speaks the Chat Completions protocol (Ollama, vLLM, llama.cpp).

Transient failures (429, 5xx, timeouts, connection errors) are retried here with tenacity: exponential backoff
with jitter, honouring ``Retry-After``, a bounded number of attempts and an overall deadline. The SDK's own
retries are switched off so the two never multiply. What finally fails is one :class:`ModelError` naming the
endpoint and the cause, with the API key scrubbed from it.
"""

from __future__ import annotations

import email.utils
import json
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import openai
from tenacity import (
    AsyncRetrying,
    RetryCallState,
    Retrying,
    retry_if_exception,
    stop_after_attempt,
    stop_after_delay,
    wait_random_exponential,
)
from tenacity.stop import stop_base

from .errors import ConfigError, ModelError
from .model import Completion
from .recording import scrub_text

if TYPE_CHECKING:
    from .config import Settings

__all__ = ["RESPONSE_FORMATS", "OpenAIChatModel", "RetryPolicy"]

RESPONSE_FORMATS = ("auto", "json_schema", "json_object")

# Local servers (llama.cpp, Ollama, vLLM) accept any key, but the SDK insists on one.
_PLACEHOLDER_KEY = "not-needed"


@dataclass(frozen=True)
class RetryPolicy:
    """How model calls are retried: attempts, overall deadline (seconds) and backoff bounds."""

    max_attempts: int = 4
    deadline: float = 120.0
    initial_backoff: float = 0.5
    max_backoff: float = 20.0


def is_transient(exc: BaseException) -> bool:
    """429, 5xx, timeouts and connection failures are worth another try; anything else is final."""
    if isinstance(exc, (openai.APITimeoutError, openai.APIConnectionError)):
        return True
    if isinstance(exc, openai.APIStatusError):
        return exc.status_code == 429 or exc.status_code == 408 or exc.status_code >= 500
    return False


def retry_after(exc: BaseException | None) -> float | None:
    """Seconds the server asked us to wait (``Retry-After`` as seconds or an HTTP date), if it said."""
    response = getattr(exc, "response", None)
    headers = getattr(response, "headers", None)
    if not headers:
        return None
    if headers.get("retry-after-ms"):
        try:
            return max(0.0, float(headers["retry-after-ms"]) / 1000)
        except ValueError:
            pass
    value = headers.get("retry-after")
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        parsed = email.utils.parsedate_to_datetime(value) if value else None
        return max(0.0, parsed.timestamp() - time.time()) if parsed else None


class _Wait:
    """Exponential backoff with full jitter, unless the server said how long to wait."""

    def __init__(self, policy: RetryPolicy) -> None:
        self.backoff = wait_random_exponential(multiplier=policy.initial_backoff, max=policy.max_backoff)

    def __call__(self, state: RetryCallState) -> float:
        exc = state.outcome.exception() if state.outcome else None
        asked = retry_after(exc)
        return asked if asked is not None else self.backoff(state)


class _StopWhenWaitPassesDeadline(stop_base):
    """Give up early when the next wait would overrun the deadline: better one clear error than a late one."""

    def __init__(self, deadline: float) -> None:
        self.deadline = deadline

    def __call__(self, state: RetryCallState) -> bool:
        # tenacity computes the wait before asking whether to stop, so upcoming_sleep is the next pause.
        return (state.seconds_since_start or 0) + (state.upcoming_sleep or 0) > self.deadline


def _quotes_request(text: str, request: dict[str, Any]) -> bool:
    """Whether ``text`` repeats a run of 16+ characters of the messages sent (raw or JSON-escaped)."""
    sent = [str(m.get("content") or "") for m in request.get("messages", [])]
    sent += [json.dumps(s)[1:-1] for s in sent]
    return any(text[i : i + 16] in s for i in range(max(1, len(text) - 15)) for s in sent)


def unsupported_format(exc: BaseException) -> bool:
    """The server rejected ``response_format: json_schema`` (llama-cpp-python's server only takes json_object)."""
    if not isinstance(exc, openai.APIStatusError) or exc.status_code not in (400, 422, 500):
        return False
    return "json_schema" in str(exc.body if exc.body is not None else exc.message)


def _describe(exc: BaseException, request: dict[str, Any]) -> str:
    if isinstance(exc, openai.APIStatusError):
        detail = ""
        body = exc.body if isinstance(exc.body, dict) else None
        if body:
            err = body.get("error", body)
            msg = err.get("message") if isinstance(err, dict) else None
            detail = f": {str(msg)[:200]}" if msg else ""
        # Some servers and proxies echo the request in their error: that is customer text, keep it out.
        if detail and _quotes_request(detail, request):
            detail = ": (the server's message quoted the request and is withheld)"
        return f"HTTP {exc.status_code}{scrub_text(detail)}"
    if isinstance(exc, openai.APITimeoutError):
        return "request timed out"
    if isinstance(exc, openai.APIConnectionError):
        cause = exc.__cause__
        return f"connection failed ({cause.__class__.__name__}: {cause})" if cause else "connection failed"
    return f"{exc.__class__.__name__}: {exc}"


class OpenAIChatModel:
    """A :class:`~replydraft.model.ChatModel` over the ``openai`` SDK's Chat Completions client."""

    def __init__(
        self,
        model: str,
        base_url: str | None = None,
        api_key: str | None = None,
        *,
        timeout: float = 60.0,
        retry: RetryPolicy | None = None,
        max_tokens: int = 400,
        http_client: Any = None,
        async_http_client: Any = None,
        response_format: str = "auto",
    ) -> None:
        if response_format not in RESPONSE_FORMATS:
            raise ConfigError(f"response_format must be one of {', '.join(RESPONSE_FORMATS)}")
        self.name = model
        #: "auto" asks for json_schema and falls back to json_object once if the server rejects it.
        self.response_format = response_format
        self.base_url = base_url
        self._api_key = api_key or _PLACEHOLDER_KEY
        self.timeout = timeout
        self.retry = retry or RetryPolicy()
        self.max_tokens = max_tokens
        self._http_client = http_client
        self._async_http_client = async_http_client
        self._client: openai.OpenAI | None = None
        self._aclient: openai.AsyncOpenAI | None = None

    @classmethod
    def from_settings(cls, settings: Settings) -> OpenAIChatModel:
        from .config import DEFAULT_OPENAI_MODEL

        return cls(
            settings.model or DEFAULT_OPENAI_MODEL,
            base_url=settings.base_url,
            api_key=settings.api_key,
            timeout=settings.request_timeout,
            retry=RetryPolicy(max_attempts=max(1, settings.max_attempts), deadline=settings.deadline),
            max_tokens=settings.max_tokens,
            response_format=settings.response_format,
        )

    def __repr__(self) -> str:
        return f"OpenAIChatModel(model={self.name!r}, endpoint={self.endpoint!r})"

    @property
    def endpoint(self) -> str:
        return self.base_url or "https://api.openai.com/v1"

    # Clients are built lazily and reused: connection pooling matters under load (the HTTP service).
    @property
    def client(self) -> openai.OpenAI:
        if self._client is None:
            self._client = openai.OpenAI(
                api_key=self._api_key,
                base_url=self.base_url,
                max_retries=0,
                timeout=self.timeout,
                http_client=self._http_client,
            )
        return self._client

    @property
    def aclient(self) -> openai.AsyncOpenAI:
        if self._aclient is None:
            self._aclient = openai.AsyncOpenAI(
                api_key=self._api_key,
                base_url=self.base_url,
                max_retries=0,
                timeout=self.timeout,
                http_client=self._async_http_client,
            )
        return self._aclient

    def _request(self, messages: list[dict[str, str]], schema: dict[str, Any]) -> dict[str, Any]:
        if self.response_format == "json_object":
            # llama.cpp-style servers: a JSON object constrained by the schema as a grammar.
            response_format: dict[str, Any] = {"type": "json_object", "schema": schema}
        else:
            response_format = {"type": "json_schema", "json_schema": {"name": "recovery_reply", "schema": schema}}
        return {
            "model": self.name,
            "messages": messages,
            "temperature": 0,
            "seed": 0,
            "max_tokens": self.max_tokens,
            "response_format": response_format,
        }

    def _falls_back(self, exc: BaseException) -> bool:
        if self.response_format == "auto" and unsupported_format(exc):
            self.response_format = "json_object"
            return True
        return False

    def _retrying_kwargs(self) -> dict[str, Any]:
        return {
            # A server that rejects the response format fails the same way every time: no point retrying.
            "retry": retry_if_exception(lambda exc: is_transient(exc) and not unsupported_format(exc)),
            "wait": _Wait(self.retry),
            "stop": stop_after_attempt(self.retry.max_attempts)
            | stop_after_delay(self.retry.deadline)
            | _StopWhenWaitPassesDeadline(self.retry.deadline),
            "reraise": True,
        }

    def _completion(self, response: Any, attempts: int) -> Completion:
        if not hasattr(response, "choices"):
            # A 200 that is not JSON (a captive portal, a proxy's HTML page): the SDK hands back a bare string.
            raise ModelError(
                f"model endpoint {self.endpoint} answered with something that is not a chat completion "
                f"({type(response).__name__})",
                endpoint=self.endpoint,
                attempts=attempts,
            )
        choice = response.choices[0] if response.choices else None
        text = (choice.message.content or "") if choice else ""
        usage = response.usage
        return Completion(
            text=text,
            model=response.model or self.name,
            usage={
                "prompt_tokens": getattr(usage, "prompt_tokens", 0) or 0,
                "completion_tokens": getattr(usage, "completion_tokens", 0) or 0,
            },
            attempts=attempts,
            finish_reason=getattr(choice, "finish_reason", None),
        )

    def _error(self, exc: BaseException, attempts: int, request: dict[str, Any]) -> ModelError:
        message = f"model endpoint {self.endpoint} failed after {attempts} attempt(s): {_describe(exc, request)}"
        if self._api_key != _PLACEHOLDER_KEY:
            message = message.replace(self._api_key, "[redacted]")
        return ModelError(message, endpoint=self.endpoint, attempts=attempts)

    def complete(self, messages: list[dict[str, str]], schema: dict[str, Any]) -> Completion:
        request = self._request(messages, schema)
        retrying = Retrying(**self._retrying_kwargs())
        try:
            for attempt in retrying:
                with attempt:
                    response = self.client.chat.completions.create(**request)
        except openai.OpenAIError as exc:
            if self._falls_back(exc):
                return self.complete(messages, schema)
            raise self._error(exc, retrying.statistics.get("attempt_number", 1), request) from None
        return self._completion(response, retrying.statistics.get("attempt_number", 1))

    async def acomplete(self, messages: list[dict[str, str]], schema: dict[str, Any]) -> Completion:
        request = self._request(messages, schema)
        retrying = AsyncRetrying(**self._retrying_kwargs())
        try:
            async for attempt in retrying:
                with attempt:
                    response = await self.aclient.chat.completions.create(**request)
        except openai.OpenAIError as exc:
            if self._falls_back(exc):
                return await self.acomplete(messages, schema)
            raise self._error(exc, retrying.statistics.get("attempt_number", 1), request) from None
        return self._completion(response, retrying.statistics.get("attempt_number", 1))
