"""``replydraft serve`` start-up rules and where server settings come from."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from replydraft.cli import cli
from replydraft.config import load_settings
from replydraft.errors import ConfigError
from replydraft.server.settings import ServerSettings, is_loopback

from .conftest import TOKEN


@pytest.fixture
def uvicorn_calls(monkeypatch: pytest.MonkeyPatch) -> list[dict]:
    """Record uvicorn.run instead of serving (these tests are about what happens before it)."""
    import uvicorn

    calls: list[dict] = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kwargs: calls.append({"app": app, **kwargs}))
    # Building the app tunes the process's garbage collector; the test process keeps its own settings.
    monkeypatch.setattr("replydraft.server.cli.tune_gc", lambda: None)
    return calls


@pytest.mark.parametrize("host", ["0.0.0.0", "192.168.1.10", "::", "example.com"])
def test_refuses_a_non_loopback_address_without_tokens(uvicorn_calls, standin, host: str) -> None:
    result = CliRunner().invoke(cli, ["serve", "--host", host], env={"OPENAI_BASE_URL": standin.base_url})
    assert isinstance(result.exception, ConfigError)
    assert "refusing to listen" in str(result.exception)
    assert uvicorn_calls == []


def test_non_loopback_with_tokens_starts(uvicorn_calls, standin) -> None:
    env = {"OPENAI_BASE_URL": standin.base_url, "REPLYDRAFT_TOKENS": TOKEN}
    result = CliRunner().invoke(cli, ["serve", "--host", "0.0.0.0", "--port", "9999"], env=env)
    assert result.exit_code == 0, result.output
    assert uvicorn_calls[0]["host"] == "0.0.0.0" and uvicorn_calls[0]["port"] == 9999
    assert uvicorn_calls[0]["access_log"] is False  # ours replaces uvicorn's (which logs query strings)


def test_loopback_without_tokens_makes_one_up_and_says_so(uvicorn_calls, standin) -> None:
    # REPLYDRAFT_TOKENS: None makes the runner restore it afterwards (serve sets it for worker processes).
    result = CliRunner().invoke(cli, ["serve"], env={"OPENAI_BASE_URL": standin.base_url, "REPLYDRAFT_TOKENS": None})
    assert result.exit_code == 0, result.output
    assert "Authorization: Bearer " in result.output
    assert uvicorn_calls[0]["host"] == "127.0.0.1"


def test_workers_hand_their_options_to_the_worker_factory(uvicorn_calls, standin, monkeypatch) -> None:
    # Where SO_REUSEPORT does not balance (not Linux), uvicorn's own multi-process mode runs the workers.
    from replydraft.server import workers

    monkeypatch.setattr(workers, "available", lambda: False)
    env = {"OPENAI_BASE_URL": standin.base_url, "REPLYDRAFT_TOKENS": TOKEN, "REPLYDRAFT_SERVE_OPTIONS": None}
    runner = CliRunner()
    with runner.isolation(env=env):
        result = runner.invoke(cli, ["serve", "--workers", "2", "--max-queue", "5"])
        assert result.exit_code == 0, result.output
        assert uvicorn_calls[0]["app"] == "replydraft.server.cli:app_from_env"
        assert uvicorn_calls[0]["workers"] == 2 and uvicorn_calls[0]["factory"] is True
        from replydraft.server.cli import app_from_env

        app = app_from_env()  # what each worker process runs
    assert app.state.service.server.max_queue == 5


def test_settings_come_from_the_shared_toml_file(uvicorn_calls, standin, tmp_path: Path) -> None:
    config = tmp_path / "replydraft.toml"
    config.write_text("[server]\nport = 8123\nmax_concurrent = 3\nmax_queue = 7\nmax_body_bytes = 1000\n")
    env = {"OPENAI_BASE_URL": standin.base_url, "REPLYDRAFT_TOKENS": TOKEN}
    result = CliRunner().invoke(cli, ["--config", str(config), "serve", "--max-queue", "9"], env=env)
    assert result.exit_code == 0, result.output
    service = uvicorn_calls[0]["app"].state.service
    assert uvicorn_calls[0]["port"] == 8123
    assert (service.server.max_concurrent, service.server.max_queue, service.server.max_body_bytes) == (3, 9, 1000)


def test_token_file_with_comments(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    tokens = tmp_path / "tokens"
    tokens.write_text(f"# helpdesk app\n{TOKEN}\n\n  second-token-0123456789  \n")
    monkeypatch.setenv("REPLYDRAFT_TOKEN_FILE", str(tokens))
    assert ServerSettings.from_settings(load_settings(None)).tokens == (TOKEN, "second-token-0123456789")


def test_env_tokens_are_comma_separated(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REPLYDRAFT_TOKENS", f"{TOKEN}, other-token-0123456789")
    assert ServerSettings.from_settings(load_settings(None)).tokens == (TOKEN, "other-token-0123456789")


@pytest.mark.parametrize(
    ("table", "problem"),
    [
        ({"tokens": [TOKEN]}, "not in a config file"),
        ({"max_queue": -1}, "max_queue"),
        ({"max_concurrent": "many"}, "max_concurrent"),
        ({"colour": "blue"}, "unknown setting"),
    ],
)
def test_bad_server_settings_are_config_errors(table: dict, problem: str) -> None:
    settings = load_settings(None).with_overrides(extra={"server": table})
    with pytest.raises(ConfigError, match=problem):
        ServerSettings.from_settings(settings)


def test_short_tokens_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REPLYDRAFT_TOKENS", "short")
    with pytest.raises(ConfigError, match="at least 16"):
        ServerSettings.from_settings(load_settings(None))


@pytest.mark.parametrize(
    ("host", "loopback"),
    [
        ("127.0.0.1", True),
        ("127.8.0.1", True),
        ("::1", True),
        ("[::1]", True),
        ("localhost", True),
        ("0.0.0.0", False),
        ("::", False),
        ("10.0.0.1", False),
        ("my-host", False),
    ],
)
def test_is_loopback(host: str, loopback: bool) -> None:
    assert is_loopback(host) is loopback


def test_help_does_not_import_the_web_stack() -> None:
    import subprocess
    import sys

    code = "import sys; from replydraft.cli import main\ntry: main(['--help'])\nexcept SystemExit: pass\n"
    code += "print(sorted(m for m in ('fastapi', 'uvicorn', 'starlette') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert "serve" in out
    assert out.strip().endswith("[]")


def test_a_service_process_freezes_what_it_loaded_and_collects_less_often(standin) -> None:
    """In a process of its own: what ``serve`` and each ``--workers`` process run before serving."""
    import os
    import subprocess
    import sys

    code = (
        "import gc\nfrom replydraft.server.cli import GC_THRESHOLD, build_app\nbuild_app({})\n"
        "print(gc.get_threshold() == GC_THRESHOLD, gc.get_freeze_count())"
    )
    env = {**os.environ, "OPENAI_BASE_URL": standin.base_url, "REPLYDRAFT_TOKENS": TOKEN}
    same, frozen = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    ).stdout.split()
    assert same == "True" and int(frozen) > 10_000  # modules, patterns, the learned check's table
