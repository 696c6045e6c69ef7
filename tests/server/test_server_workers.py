"""``replydraft serve --workers N`` on Linux: one SO_REUSEPORT socket per worker process (replydraft.server.workers).

Real processes, real sockets: the server is started as a subprocess against the loopback stand-in.
"""

from __future__ import annotations

import http.client
import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from replydraft.server import workers

from .conftest import AUTH, TOKEN

pytestmark = pytest.mark.skipif(not workers.available(), reason="SO_REUSEPORT balancing is Linux-only")
CASE = (Path(__file__).resolve().parents[2] / "examples" / "late-delivery.json").read_bytes()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _serve(port: int, standin, log: Path, workers_: int = 2) -> subprocess.Popen:
    env = {**os.environ, "OPENAI_BASE_URL": standin.base_url, "REPLYDRAFT_TOKENS": TOKEN}
    command = [sys.executable, "-m", "replydraft.cli", "serve", "--port", str(port), "--workers", str(workers_)]
    return subprocess.Popen(command, env=env, stdout=log.open("w"), stderr=subprocess.STDOUT)


def _children(pid: int) -> set[int]:
    """The server's worker processes (not multiprocessing's resource tracker)."""
    path = Path(f"/proc/{pid}/task/{pid}/children")
    kids = {int(p) for p in path.read_text().split()} if path.exists() else set()
    return {kid for kid in kids if _alive(kid) and b"spawn_main" in Path(f"/proc/{kid}/cmdline").read_bytes()}


def _alive(pid: int) -> bool:
    try:
        return "\nState:\tZ" not in Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False


def _wait_ready(port: int, process: subprocess.Popen, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        assert process.poll() is None, "server exited while starting"
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            connection.request("GET", "/healthz")
            if connection.getresponse().status == 200:
                return
        except OSError:
            time.sleep(0.2)
    raise AssertionError("server did not come up")


def test_workers_share_the_port_and_stop_cleanly(standin, tmp_path: Path) -> None:
    port, log = _free_port(), tmp_path / "serve.log"
    server = _serve(port, standin, log)
    try:
        _wait_ready(port, server)
        time.sleep(1.0)  # the second worker may still be loading the app
        statuses = []
        for _ in range(40):  # a new connection each time: the kernel picks a worker per connection
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            connection.request("POST", "/v1/drafts", body=CASE, headers=AUTH)
            response = connection.getresponse()
            statuses.append(response.status)
            assert json.loads(response.read())["reply"]
            connection.close()
        kids = _children(server.pid)
        assert len(kids) >= 2
    finally:
        server.send_signal(signal.SIGTERM)
        code = server.wait(30)
    assert statuses == [200] * 40 and code == 0
    assert not [pid for pid in kids if _alive(pid)], "a worker outlived the server"
    served = set(re.findall(r"pid=(\d+) request_id=\S+ method=POST path=/v1/drafts status=200", log.read_text()))
    assert len(served) == 2, log.read_text()[-2000:]  # both workers took connections


def test_a_worker_that_cannot_start_stops_the_server(standin, tmp_path: Path) -> None:
    with socket.socket() as taken:  # a plain listener, without SO_REUSEPORT: the workers cannot bind beside it
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        server = _serve(taken.getsockname()[1], standin, tmp_path / "serve.log")
        code = server.wait(60)
    assert code == 1
    assert "while starting" in (tmp_path / "serve.log").read_text()


def test_a_worker_that_dies_is_replaced(standin, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    port, log = _free_port(), tmp_path / "serve.log"
    server = _serve(port, standin, log)
    try:
        _wait_ready(port, server)
        deadline = time.monotonic() + 30
        while len(_children(server.pid)) < 2 and time.monotonic() < deadline:
            time.sleep(0.2)
        time.sleep(max(0.0, workers.STARTUP_GRACE + 0.5 - 1.0))  # past the start-up grace: a crash, not a failure
        victim = min(_children(server.pid))
        os.kill(victim, signal.SIGKILL)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and not (len(_children(server.pid) - {victim}) >= 2):
            time.sleep(0.2)
        assert len(_children(server.pid) - {victim}) >= 2, log.read_text()[-2000:]
        _wait_ready(port, server)
    finally:
        server.send_signal(signal.SIGTERM)
        code = server.wait(30)
    assert code == 0
    assert "starting another" in log.read_text()
