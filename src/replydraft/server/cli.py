"""``replydraft serve``: run the HTTP service with uvicorn. Imported only when that command runs."""

from __future__ import annotations

import logging
import secrets
import sys

import click

from ..errors import ConfigError

__all__ = ["serve_command"]

LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s %(message)s"


@click.command("serve")
@click.option("--host", help="Address to listen on (default 127.0.0.1, or [server] host).")
@click.option("--port", type=click.IntRange(0, 65535), help="Port (default 8000, or [server] port).")
@click.option("--max-concurrent", type=click.IntRange(1, 10000), help="Model calls in flight at once.")
@click.option("--max-queue", type=click.IntRange(0, 100000), help="Drafts that may wait for a model slot.")
@click.option("--log-level", type=click.Choice(["debug", "info", "warning", "error"]), default="info")
@click.pass_obj
def serve_command(
    ctx: object,
    host: str | None,
    port: int | None,
    max_concurrent: int | None,
    max_queue: int | None,
    log_level: str,
) -> None:
    """Serve drafts and checks over HTTP (see docs/server.md).

    Every endpoint but /healthz needs a bearer token from REPLYDRAFT_TOKENS (comma-separated) or a token file
    (REPLYDRAFT_TOKEN_FILE, or token_file in [server]). Without tokens the server refuses a non-loopback
    address; on loopback it makes up a token for this run and prints it.
    """
    import uvicorn

    from ..config import load_settings
    from ..plugins import new_plugin_host
    from .app import create_app
    from .settings import ServerSettings, is_loopback

    config = getattr(ctx, "config", None)
    settings = load_settings(config)
    server = ServerSettings.from_settings(
        settings, host=host, port=port, max_concurrent=max_concurrent, max_queue=max_queue
    )
    if not server.tokens:
        if not is_loopback(server.host):
            raise ConfigError(
                f"refusing to listen on {server.host} without tokens: set REPLYDRAFT_TOKENS or a token file"
            )
        token = secrets.token_urlsafe(24)
        server = server.with_tokens((token,))
        click.echo(f"No tokens configured; this run accepts: Authorization: Bearer {token}", err=True)

    logging.basicConfig(level=log_level.upper(), format=LOG_FORMAT, stream=sys.stderr)
    # The HTTP client logs every model request at INFO: one line per call is noise next to our access log.
    logging.getLogger("httpx2").setLevel(logging.WARNING)
    logging.getLogger("httpx").setLevel(logging.WARNING)
    dirs = [*settings.plugins_dirs, *getattr(ctx, "plugins_dirs", ())]
    plugins = new_plugin_host(plugins_dirs=dirs, trace=getattr(ctx, "trace", False) or None)
    for problem in plugins.problems:
        logging.getLogger("replydraft.server").warning("plugin %s skipped: %s", problem.plugin, problem.error)
    # Resolve the model now, so a missing model fails at start rather than on the first request.
    from ..model import resolve_model

    model = resolve_model(settings)
    app = create_app(settings, server, plugins=plugins, model=model)
    label = settings.endpoint_label if settings.uses_endpoint else f"embedded {model.name}"
    logging.getLogger("replydraft.server").info(
        "model %s; at most %d model calls at once, %d queued", label, server.max_concurrent, server.max_queue
    )
    uvicorn.run(
        app,
        host=server.host,
        port=server.port,
        log_config=None,  # our logging setup above; uvicorn's own access log is replaced by ours
        log_level=log_level,
        access_log=False,
        server_header=False,
        backlog=2048,
        timeout_graceful_shutdown=10,
    )
