"""The FastAPI application: routes, error handling and the OpenAPI document.

Routes read the raw body themselves rather than through pydantic: the case is validated by the same JSON Schema
as everywhere else (so a 422 carries its JSON paths), and ``curl -d`` works whatever Content-Type it sends.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import AsyncIterator
from typing import Any

import orjson
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.utils import get_openapi
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..case import Case, case_schema
from ..config import Settings, load_settings
from ..draft import Engine
from ..errors import CaseError, ConfigError, ModelError
from ..model import ChatModel
from ..plugins import PluginHost, new_plugin_host
from . import models
from .limits import GatedModel, ModelGate, QueueFull
from .middleware import AccessLog, BearerAuth, BodyLimit, error_body
from .model import service_model
from .settings import ServerSettings

__all__ = ["ApiError", "create_app"]

log = logging.getLogger("replydraft.server")

_ERRORS: dict[int | str, dict[str, Any]] = {
    401: {"model": models.ErrorOut, "description": "Missing or wrong bearer token."},
    413: {"model": models.ErrorOut, "description": "Request body over the size limit."},
}
_BODY_ERRORS: dict[int | str, dict[str, Any]] = {
    **_ERRORS,
    400: {"model": models.ErrorOut, "description": "Body is not JSON (invalid_json), or unknown adapter source."},
    422: {"model": models.ErrorOut, "description": "Not a valid case: details lists 'json.path: problem' lines."},
}
_MODEL_ERRORS: dict[int | str, dict[str, Any]] = {
    **_BODY_ERRORS,
    429: {
        "model": models.ErrorOut,
        "description": "Too many drafts queued; retry after the number of seconds in Retry-After.",
        "headers": {"Retry-After": {"schema": {"type": "integer"}, "description": "Seconds to wait."}},
    },
    500: {"model": models.ErrorOut, "description": "An adapter plugin failed."},
    502: {"model": models.ErrorOut, "description": "The model endpoint failed (after retries)."},
    503: {"model": models.ErrorOut, "description": "The model is not available (configuration)."},
}

_CHECK_REQUEST = {
    "type": "object",
    "required": ["case", "reply"],
    "additionalProperties": False,
    "properties": {
        "case": {"$ref": "#/components/schemas/Case"},
        "reply": {"type": "string", "maxLength": 20000, "description": "The reply a person wrote, as plain text."},
    },
}


# `?from=` is read by hand rather than declared as a FastAPI Query parameter: the framework's per-request
# dependency resolution for it cost ~8% of the server's CPU under load (benchmarks/server_bench.py). The
# parameter is documented here and validated in _source, with the error FastAPI would give.
_FROM_DESCRIPTION = "Helpdesk the body comes from: zendesk, freshdesk, chatwoot, or one a plugin adds."
_FROM_PARAMETER = {  # as FastAPI documents `str | None = Query(None, max_length=64)`
    "name": "from",
    "in": "query",
    "required": False,
    "schema": {
        "anyOf": [{"type": "string", "maxLength": 64}, {"type": "null"}],
        "description": _FROM_DESCRIPTION,
        "title": "From",
    },
    "description": _FROM_DESCRIPTION,
}


def _source(request: Request) -> str | None:
    if not request.scope.get("query_string"):  # the usual case: no query, so no parsing of one (4% of the CPU)
        return None
    values = request.query_params.getlist("from")
    if not values:
        return None
    if len(values[-1]) > 64:
        raise ApiError(
            422,
            "invalid_request",
            "the request parameters are not valid",
            ["query.from: String should have at most 64 characters"],
        )
    return values[-1]


class ApiError(Exception):
    """An error response in the stable shape."""

    def __init__(
        self,
        status: int,
        code: str,
        message: str,
        details: list[str] | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message
        self.details = details or []
        self.headers = headers or {}

    def response(self) -> JSONResponse:
        return _error_response(self.status, self.code, self.message, self.details, self.headers)


def _error_response(
    status: int, code: str, message: str, details: list[str] | None = None, headers: dict[str, str] | None = None
) -> JSONResponse:
    response = JSONResponse(None, status_code=status, headers=headers)
    response.body = error_body(code, message, details)
    response.headers["content-length"] = str(len(response.body))
    return response


class OrjsonResponse(JSONResponse):
    """JSON from orjson: 2.5 µs against the json module's 60 to write a 27 KB body (the draft's is smaller)."""

    def render(self, content: Any) -> bytes:
        return orjson.dumps(content)


def _parse_json(body: bytes) -> Any:
    if not body.strip():
        raise ApiError(400, "invalid_json", "the request body is empty; send a JSON object")
    try:
        # orjson refuses what could never be sent on as UTF-8 (invalid bytes, an escaped lone surrogate such as
        # "\ud800"), NaN and nesting past 1024 levels: the example case in 3.6 µs, against 30 µs for json.loads plus
        # the re-encoding that used to catch surrogates.
        return orjson.loads(body)
    except orjson.JSONDecodeError as exc:
        raise ApiError(400, "invalid_json", f"the request body is not JSON: {exc.msg} at character {exc.pos}") from None


def _case(data: Any, prefix: str = "") -> Case:
    try:
        return Case.from_dict(data)
    except CaseError as exc:
        problems = [f"{prefix}{p}" if prefix else p for p in exc.problems]
        raise ApiError(422, "invalid_case", "the case does not match the case schema", problems) from None


class Service:
    """What the routes share: settings, plugins, the engine and the gate in front of the model."""

    def __init__(self, settings: Settings, server: ServerSettings, plugins: PluginHost, model: ChatModel | None):
        self.settings = settings
        self.server = server
        self.plugins = plugins
        self.gate = ModelGate(server.max_concurrent, server.max_queue, server.retry_after)
        self.engine = Engine(
            settings,
            model=GatedModel(model if model is not None else (lambda: service_model(settings)), self.gate),
            plugins=plugins,
        )

    async def aclose(self) -> None:
        """Release the model client's connections (on shutdown)."""
        inner = getattr(self.engine.model, "_model", None)  # None: the model was never resolved
        close = getattr(inner, "aclose", None)
        if close is not None:
            await close()

    def case_from_payload(self, source: str, payload: Any) -> dict[str, Any]:
        """Ask the adapter plugins (hook ``case_from_payload``) for a case; the first answer wins."""
        failed = []
        for plugin, value, error in self.plugins.call_each(
            "case_from_payload", source=source, payload=payload, settings=self.settings
        ):
            if isinstance(error, CaseError):
                raise ApiError(422, "invalid_payload", f"the {source} payload cannot become a case", error.problems)
            if error is not None:
                log.error("adapter plugin %s failed: %s", plugin, type(error).__name__)
                failed.append(plugin)
            elif value is not None:
                return value
        if failed:
            raise ApiError(500, "adapter_failed", f"the adapter plugin for {source!r} failed", failed)
        known = sorted(i.plugin_name for i in self.plugins.pm.hook.case_from_payload.get_hookimpls())
        raise ApiError(
            400, "unknown_source", f"no adapter handles from={source[:40]!r}", [f"adapters loaded: {', '.join(known)}"]
        )


def create_app(
    settings: Settings | None = None,
    server: ServerSettings | None = None,
    *,
    plugins: PluginHost | None = None,
    model: ChatModel | None = None,
) -> FastAPI:
    """Build the service. ``model`` overrides the configured one (tests); it is resolved lazily otherwise."""
    settings = settings or load_settings()
    server = server or ServerSettings.from_settings(settings)
    plugins = plugins or new_plugin_host(plugins_dirs=settings.plugins_dirs)
    service = Service(settings, server, plugins, model)

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        await service.aclose()

    app = FastAPI(
        lifespan=lifespan,
        title="replydraft",
        version=_version(),
        description="Draft customer-support recovery replies with a language model, and check them.",
        docs_url=None,  # Swagger UI loads scripts from a CDN; the JSON document is what clients need.
        redoc_url=None,
    )
    app.state.service = service

    @app.exception_handler(ApiError)
    async def api_error(request: Request, exc: ApiError) -> JSONResponse:
        return exc.response()

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        codes = {404: "not_found", 405: "method_not_allowed"}
        return _error_response(
            exc.status_code, codes.get(exc.status_code, "http_error"), str(exc.detail), headers=dict(exc.headers or {})
        )

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
        details = [f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in exc.errors()]
        return _error_response(422, "invalid_request", "the request parameters are not valid", details)

    @app.get("/healthz", response_model=models.HealthOut, tags=["service"], summary="Liveness (no token needed)")
    async def healthz() -> dict[str, str]:
        return {"status": "ok"}

    @app.get(
        "/v1/guardrails",
        response_model=models.GuardrailsOut,
        responses=_ERRORS,
        tags=["guardrails"],
        summary="The guardrails loaded, with ids, severities and descriptions",
    )
    async def guardrails() -> dict[str, Any]:
        chosen = settings.guardrails
        return {
            "guardrails": [
                {
                    "id": g.id,
                    "description": getattr(g, "description", "") or "",
                    "severity": chosen.severity.get(g.id, getattr(g, "severity", "error")),
                    "enabled": chosen.selects(g.id),
                    "plugin": getattr(g, "plugin", None),
                }
                for g in plugins.guardrails
            ]
        }

    @app.post(
        "/v1/drafts",
        response_model=models.DraftOut,
        responses=_MODEL_ERRORS,
        tags=["drafts"],
        summary="Draft a reply for a case (or a helpdesk payload with ?from=)",
        openapi_extra={
            "parameters": [_FROM_PARAMETER],
            "requestBody": {
                "required": True,
                "description": "A case. With `from`, the helpdesk's own payload instead (any JSON object).",
                "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Case"}}},
            },
        },
    )
    async def create_draft(request: Request) -> JSONResponse:
        source = _source(request)
        data = _parse_json(await request.body())
        if source is not None:
            data = service.case_from_payload(source, data)
        case = _case(data)
        try:
            async with service.gate.admit():
                result = await service.engine.adraft(case)
        except QueueFull as exc:
            raise ApiError(
                429,
                "queue_full",
                "too many drafts in progress; try again later",
                headers={"Retry-After": str(exc.retry_after)},
            ) from None
        except ModelError as exc:
            log.warning("model call failed: endpoint=%s attempts=%s", exc.endpoint or "?", exc.attempts)
            raise ApiError(502, "model_error", "the model endpoint did not produce a completion") from None
        except ConfigError as exc:
            log.error("model unavailable: %s", exc)
            raise ApiError(503, "model_unavailable", "the model is not available; see the server log") from None
        return OrjsonResponse(result.to_dict())

    @app.post(
        "/v1/checks",
        response_model=models.CheckOut,
        responses=_BODY_ERRORS,
        tags=["checks"],
        summary="Check a reply a person wrote against the guardrails",
        openapi_extra={
            "requestBody": {
                "required": True,
                "content": {"application/json": {"schema": {"$ref": "#/components/schemas/CheckRequest"}}},
            }
        },
    )
    async def create_check(request: Request) -> JSONResponse:
        data = _parse_json(await request.body())
        if not isinstance(data, dict):
            raise ApiError(422, "invalid_case", "the body must be a JSON object", ["body: must be of type object"])
        problems = [f"{key}: required" for key in ("case", "reply") if key not in data]
        problems += [f"{key}: unknown field" for key in sorted(data) if key not in ("case", "reply")]
        reply = data.get("reply")
        if "reply" in data and not isinstance(reply, str):
            problems.append("reply: must be of type string")
        elif isinstance(reply, str) and len(reply) > 20000:
            problems.append("reply: must be at most 20000 characters")
        case = None
        if "case" in data:
            try:
                case = Case.from_dict(data["case"])
            except CaseError as exc:
                problems += [f"case.{p}" for p in exc.problems]
        if problems or case is None:
            raise ApiError(422, "invalid_case", "the request does not match the check schema", problems)
        result = await service.engine.acheck(str(reply), case)
        return OrjsonResponse(result.to_dict())

    def openapi() -> dict[str, Any]:
        # FastAPI generates the document from the routes; the case schema and security are added to it here.
        if app.openapi_schema is None:
            doc = get_openapi(title=app.title, version=app.version, description=app.description, routes=app.routes)
            schemas = doc.setdefault("components", {}).setdefault("schemas", {})
            schemas["Case"] = {k: v for k, v in case_schema().items() if k not in ("$schema", "$id")}
            schemas["CheckRequest"] = _CHECK_REQUEST
            doc["components"]["securitySchemes"] = {"bearer": {"type": "http", "scheme": "bearer"}}
            for path, operations in doc["paths"].items():
                for operation in operations.values():
                    if path != "/healthz":
                        operation["security"] = [{"bearer": []}]
            app.openapi_schema = doc
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]

    # Added innermost first: the access log wraps auth, which wraps the body limit (no token, no body read).
    app.add_middleware(BodyLimit, limit=server.max_body_bytes)
    app.add_middleware(BearerAuth, tokens=server.tokens)
    app.add_middleware(AccessLog)
    return app


def _version() -> str:
    from .. import __version__

    return __version__
