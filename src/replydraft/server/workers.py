"""``serve --workers N`` on Linux: N server processes, each with its own listening socket on the same port.

uvicorn's own multi-process mode has every worker accept from one shared socket, and the worker that wakes
first takes a burst of connections: with 100 keep-alive connections opened together (a helpdesk's connection
pool, or a proxy's), two workers split them about 75/25 (measured with ``ss`` under benchmarks/server_bench.py),
so one process does three times the other's work. With ``SO_REUSEPORT`` each worker binds its own socket and
the kernel spreads new connections evenly across them (52/48 in the same run).

The supervisor here is deliberately small: it starts the workers, restarts one that dies, stops them all on
SIGINT/SIGTERM (each finishes its requests, as uvicorn does on shutdown), and gives up if a worker dies as it
starts (a port in use, a bad configuration), rather than restarting it forever. Elsewhere uvicorn's mode is used.
"""

from __future__ import annotations

import logging
import multiprocessing
import signal
import socket
import sys
import threading
import time
from typing import Any

__all__ = ["available", "serve_workers"]

log = logging.getLogger("replydraft.server")

#: A worker that exits sooner than this after starting is failing to start, not crashing under load.
STARTUP_GRACE = 10.0
STOP_TIMEOUT = 15.0


def available() -> bool:
    """Whether the kernel balances connections across ``SO_REUSEPORT`` sockets (Linux does; macOS does not)."""
    return sys.platform.startswith("linux") and hasattr(socket, "SO_REUSEPORT")


def serve_workers(workers: int, run: dict[str, Any], options: dict[str, Any]) -> int:
    """Run ``workers`` server processes until SIGINT/SIGTERM; the exit status (0, or 1 when one failed to start)."""
    context = multiprocessing.get_context("spawn")  # a clean interpreter per worker: no inherited event loop

    started: dict[Any, float] = {}  # process -> when it was started

    def start() -> Any:
        process = context.Process(target=_worker, args=(options, run), name="replydraft-worker", daemon=False)
        process.start()
        started[process] = time.monotonic()
        return process

    stop = threading.Event()
    previous = {sig: signal.signal(sig, lambda *_: stop.set()) for sig in (signal.SIGINT, signal.SIGTERM)}
    processes = [start() for _ in range(workers)]
    status = 0
    try:
        while not stop.wait(0.5):
            for i, process in enumerate(processes):
                if process.is_alive():
                    continue
                if time.monotonic() - started.pop(process, 0.0) < STARTUP_GRACE:
                    log.error("worker %d exited with status %s while starting; stopping", process.pid, process.exitcode)
                    status = 1
                    stop.set()
                    break
                log.error("worker %d exited with status %s; starting another", process.pid, process.exitcode)
                processes[i] = start()
    finally:
        for process in processes:
            if process.is_alive():
                process.terminate()  # SIGTERM: uvicorn stops accepting and finishes what it has
        deadline = time.monotonic() + STOP_TIMEOUT
        for process in processes:
            process.join(max(0.0, deadline - time.monotonic()))
            if process.is_alive():
                process.kill()
                process.join()
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    return status


def _worker(options: dict[str, Any], run: dict[str, Any]) -> None:
    import uvicorn

    from .cli import build_app, setup_logging

    setup_logging(options.get("log_level", "info"))
    app = build_app(options)
    family, kind, proto, _, address = socket.getaddrinfo(run["host"], run["port"], type=socket.SOCK_STREAM)[0]
    sock = socket.socket(family, kind, proto)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    sock.bind(address)
    uvicorn.Server(uvicorn.Config(app, **run)).run(sockets=[sock])
