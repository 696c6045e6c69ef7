"""The command line: draft, check and plugins, their output shapes, and one clear line on every bad input."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys

import pytest
from click.testing import CliRunner
from engine_support import EXAMPLES, LATE, RECORDED_ENDPOINT, needs_local_model

from replydraft.cli import cli

LATE = str(LATE)
GOOD = (
    "I see why you're upset. We slipped on the shipping date, and that's on us. "
    "I've upgraded your order to overnight shipping, and I'll email you the tracking number by 5pm today."
)
BAD = "That can't happen, you must have misused it. It'll never happen again."


def run(*args: str, stdin: str | None = None, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """Run the installed CLI in a clean environment (no endpoint configured unless given)."""
    base = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "REPLYDRAFT_"))}
    return subprocess.run(
        [sys.executable, "-m", "replydraft.cli", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env={**base, **(env or {})},
        timeout=900,
    )


@pytest.fixture
def endpoint_env(monkeypatch):
    monkeypatch.setenv("OPENAI_BASE_URL", RECORDED_ENDPOINT)
    monkeypatch.setenv("REPLYDRAFT_RESPONSE_FORMAT", "json_object")
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)


def test_draft_json_through_the_endpoint(endpoint_env, cassette):
    result = CliRunner().invoke(cli, ["draft", LATE, "--format", "json", "--model", "smollm2", "--max-repairs", "0"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert list(data) == ["status", "reply", "findings", "attempts", "model", "prompt_version", "usage"]
    assert data["model"] == "smollm2" and data["prompt_version"] == "v1" and data["attempts"] == 1
    assert data["reply"].startswith("Hi Dana,")
    for finding in data["findings"]:
        assert set(finding) >= {"guardrail", "severity", "message", "start", "end"}
    # The call went through the real openai client to the configured endpoint.
    assert len(cassette.requests) == 1
    assert cassette.requests[0].uri == RECORDED_ENDPOINT + "/chat/completions"


def test_draft_text_shows_reply_status_and_findings(endpoint_env, cassette):
    result = CliRunner().invoke(cli, ["draft", LATE, "--model", "smollm2", "--max-repairs", "0"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Hi Dana,")
    assert "status: " in result.output and "model smollm2" in result.output and "prompt v1" in result.output


def test_check_exit_codes_and_json(tmp_path):
    reply = tmp_path / "reply.txt"
    reply.write_text(GOOD)
    ok = CliRunner().invoke(cli, ["check", "--case", LATE, str(reply), "--format", "json"])
    assert ok.exit_code == 0, ok.output
    assert json.loads(ok.output) == {"passed": True, "findings": []}

    bad = CliRunner().invoke(cli, ["check", "--case", LATE, "-", "--format", "json"], input=BAD)
    assert bad.exit_code == 1
    data = json.loads(bad.output)
    assert data["passed"] is False
    flagged = {f["guardrail"] for f in data["findings"]}
    assert {"blame", "rash-promise"} <= flagged


def test_check_text_quotes_the_words():
    result = CliRunner().invoke(cli, ["check", "--case", LATE, "-"], input=BAD)
    assert result.exit_code == 1
    assert "[blame]" in result.output and "“you must have misused it”" in result.output


@pytest.mark.parametrize(
    ("args", "stdin", "expected"),
    [
        (["draft", "missing.json"], None, "missing.json: invalid case: file not found"),
        (["draft", "-"], "{not json", "not valid JSON"),
        (
            ["draft", "-"],
            json.dumps({"customer": {"name": "A"}, "message": "m", "issue": "i", "remedies": [{}]}),
            "remedies[0].id: required",
        ),
        (["check", "--case", LATE, "nope.txt"], None, "nope.txt: invalid case: file not found"),
        (["draft", LATE, "--prompt-version", "v99"], None, "unknown prompt version 'v99'"),
        (["check", "--case", LATE, "-", "--severity", "blame=fatal"], BAD, "expected ID=error or ID=warning"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(args, stdin, expected):
    result = run(*args, stdin=stdin)
    assert result.returncode == 2, result.stderr
    assert expected in result.stderr
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_unreachable_endpoint_is_one_clear_line():
    with socket.socket() as s:  # a loopback port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    result = run(
        "draft",
        LATE,
        env={
            "OPENAI_BASE_URL": f"http://127.0.0.1:{port}/v1",
            "OPENAI_API_KEY": "sk-test-secret-123456789",
            "REPLYDRAFT_MAX_ATTEMPTS": "2",
            "REPLYDRAFT_DEADLINE": "10",
        },
    )
    assert result.returncode == 1
    line = result.stderr.strip()
    assert len(line.splitlines()) == 1 and "Traceback" not in line
    assert f"model endpoint http://127.0.0.1:{port}/v1 failed after 2 attempt(s): connection failed" in line
    assert "sk-test-secret" not in result.stderr + result.stdout


def test_severity_and_disable_options():
    warn = CliRunner().invoke(
        cli, ["check", "--case", LATE, "-", "--enable", "blame", "--severity", "blame=warning"], input=BAD
    )
    assert warn.exit_code == 0 and "! warning [blame]" in warn.output and "rash-promise" not in warn.output
    off = CliRunner().invoke(cli, ["check", "--case", LATE, "-", "--disable", "blame", "--format", "json"], input=BAD)
    assert "blame" not in {f["guardrail"] for f in json.loads(off.output)["findings"]}


def test_plugins_lists_the_built_in_guardrails():
    result = run("plugins")
    assert result.returncode == 0, result.stderr
    guardrails = {g for p in json.loads(result.stdout)["plugins"] for g in p["guardrails"]}
    assert {"blame", "rash-promise", "next-steps"} <= guardrails


@needs_local_model
@pytest.mark.local_model
@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_draft_on_the_embedded_model_with_no_endpoint(path):
    """The README's first command: a real draft in-process on SmolLM2, no network, no API key."""
    result = run("draft", str(path), "--format", "json", "--max-repairs", "0")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["model"] == "SmolLM2-135M-Instruct.Q4_1"
    assert data["status"] in ("ready", "needs_review") and data["reply"].startswith("Hi ")
    assert data["usage"]["completion_tokens"] > 0
