"""``replydraft serve``: run the HTTP service with uvicorn. Imported only when that command runs."""

from __future__ import annotations

import json
import logging
import os
import secrets
import sys
from typing import Any

import click

from ..errors import ConfigError

__all__ = ["serve_command"]

# The process id tells workers apart in one log (serve --workers).
LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s pid=%(process)d %(message)s"


#: How ``serve --workers N`` hands its resolved options to the worker processes uvicorn starts.
OPTIONS_ENV = "REPLYDRAFT_SERVE_OPTIONS"


def setup_logging(level: str) -> None:
    logging.basicConfig(level=level.upper(), format=LOG_FORMAT, stream=sys.stderr)
    # The HTTP client logs every model request at INFO: one line per call is noise next to our access log.
    logging.getLogger("httpx2").setLevel(logging.WARNING)
    logging.getLogger("httpx").setLevel(logging.WARNING)


def build_app(options: dict[str, Any]) -> Any:
    """The app for ``options`` (config path, plugin dirs, server overrides): one per process."""
    from ..config import load_settings
    from ..plugins import new_plugin_host
    from .app import create_app
    from .model import service_model
    from .settings import ServerSettings

    settings = load_settings(options.get("config"))
    server = ServerSettings.from_settings(settings, **options.get("server", {}))
    dirs = [*settings.plugins_dirs, *options.get("plugins_dirs", [])]
    plugins = new_plugin_host(plugins_dirs=dirs, trace=options.get("trace") or None)
    for problem in plugins.problems:
        logging.getLogger("replydraft.server").warning("plugin %s skipped: %s", problem.plugin, problem.error)
    # Resolved now, so a missing model fails at start rather than on the first request.
    app = create_app(settings, server, plugins=plugins, model=service_model(settings))
    tune_gc()
    return app


#: Young-generation threshold for the service (CPython's default is 700 allocations).
GC_THRESHOLD = (7000, 10, 10)


def tune_gc() -> None:
    """Garbage-collector settings for a long-running service process, applied once the app is built.

    Everything loaded at start (modules, compiled patterns, the learned check's ~10,000-term table) lives as long
    as the process, yet every full collection walked it again: under 100 concurrent drafts one took 100-300 ms,
    stalling every request on the event loop. ``gc.freeze()`` moves those objects out of the collector's sight.
    The higher young threshold trades a little memory for ten times fewer collections of the objects each request
    makes. Together, in-process under load: GC time per draft ~0.4-0.7 -> ~0.1-0.2 ms (benchmarks/README.md).
    """
    import gc

    gc.collect()
    gc.freeze()
    gc.set_threshold(*GC_THRESHOLD)


def app_from_env() -> Any:
    """uvicorn factory for worker processes (``--workers``): options come from the parent through the env."""
    options = json.loads(os.environ[OPTIONS_ENV])
    setup_logging(options.get("log_level", "info"))
    return build_app(options)


@click.command("serve")
@click.option("--host", help="Address to listen on (default 127.0.0.1, or [server] host).")
@click.option("--port", type=click.IntRange(0, 65535), help="Port (default 8000, or [server] port).")
@click.option("--max-concurrent", type=click.IntRange(1, 10000), help="Model calls in flight at once (per worker).")
@click.option("--max-queue", type=click.IntRange(0, 100000), help="Drafts that may wait for a model slot (per worker).")
@click.option("--workers", type=click.IntRange(1, 64), help="Server processes (default 1, or [server] workers).")
@click.option("--log-level", type=click.Choice(["debug", "info", "warning", "error"]), default="info")
@click.pass_obj
def serve_command(
    ctx: object,
    host: str | None,
    port: int | None,
    max_concurrent: int | None,
    max_queue: int | None,
    workers: int | None,
    log_level: str,
) -> None:
    """Serve drafts and checks over HTTP (see docs/server.md).

    Every endpoint but /healthz needs a bearer token from REPLYDRAFT_TOKENS (comma-separated) or a token file
    (REPLYDRAFT_TOKEN_FILE, or token_file in [server]). Without tokens the server refuses a non-loopback
    address; on loopback it makes up a token for this run and prints it.
    """
    import uvicorn

    from ..config import load_settings
    from .settings import ServerSettings, is_loopback

    overrides = {"host": host, "port": port, "max_concurrent": max_concurrent, "max_queue": max_queue}
    overrides = {k: v for k, v in overrides.items() if v is not None}
    if workers is not None:
        overrides["workers"] = workers
    config = getattr(ctx, "config", None)
    server = ServerSettings.from_settings(load_settings(config), **overrides)
    if not server.tokens:
        if not is_loopback(server.host):
            raise ConfigError(
                f"refusing to listen on {server.host} without tokens: set REPLYDRAFT_TOKENS or a token file"
            )
        token = secrets.token_urlsafe(24)
        os.environ["REPLYDRAFT_TOKENS"] = token  # worker processes read it from here too
        click.echo(f"No tokens configured; this run accepts: Authorization: Bearer {token}", err=True)

    setup_logging(log_level)
    options = {
        "config": config,
        "plugins_dirs": list(getattr(ctx, "plugins_dirs", ())),
        "trace": getattr(ctx, "trace", False),
        "server": overrides,
        "log_level": log_level,
    }
    run: dict[str, Any] = {
        "host": server.host,
        "port": server.port,
        "log_config": None,  # our logging setup; uvicorn's own access log is replaced by ours
        "log_level": log_level,
        "access_log": False,
        "server_header": False,
        "backlog": 2048,
        "timeout_graceful_shutdown": 10,
    }
    if server.workers > 1:
        # Each worker is its own process with its own app, model client and limits.
        logging.getLogger("replydraft.server").info("%d workers", server.workers)
        from . import workers as processes

        if processes.available():  # one socket per worker, balanced by the kernel (see workers.py)
            raise SystemExit(processes.serve_workers(server.workers, run, options))
        os.environ[OPTIONS_ENV] = json.dumps(options)
        uvicorn.run("replydraft.server.cli:app_from_env", factory=True, workers=server.workers, **run)
        return
    app = build_app(options)
    service = app.state.service
    logging.getLogger("replydraft.server").info(
        "model %s; at most %d model calls at once, %d queued",
        service.settings.endpoint_label if service.settings.uses_endpoint else "embedded",
        service.server.max_concurrent,
        service.server.max_queue,
    )
    uvicorn.run(app, **run)
