"""Plugins that fail safe, users who choose what runs, and the plugin author's loop.

Deliberately broken plugins are written to a ``--plugins-dir`` in tmp_path and run through the real CLI
(``replydraft.cli.main``, the same entry point as the installed command) and the engine.
"""

from __future__ import annotations

import importlib
import json
import textwrap
from pathlib import Path
from typing import Any, ClassVar

import pytest

from replydraft import Engine, PluginError
from replydraft.cli import main
from replydraft.config import Settings
from replydraft.guardrails import GuardrailSettings
from replydraft.model import Completion
from replydraft.plugins import new_plugin_host
from replydraft.testing import make_case_dict

GOOD_REPLY = (
    "Hi Dana, I'm sorry: we missed the pickup on Monday, and that's on us. Your desk now ships overnight and "
    "arrives Friday. I'll email you the tracking number by 5pm today."
)

PLUGINS = {
    "raises": """
        from replydraft import Guardrail, hookimpl

        class Raises(Guardrail):
            id = "raises"
            def check(self, reply, case):
                raise RuntimeError("boom")

        @hookimpl
        def register_guardrails(register):
            register(Raises())
    """,
    "hangs": """
        import time
        from replydraft import Guardrail, hookimpl

        class Hangs(Guardrail):
            id = "hangs"
            def check(self, reply, case):
                time.sleep(1.5)
                return []

        @hookimpl
        def register_guardrails(register):
            register(Hangs())
    """,
    "garbage": """
        from replydraft import Guardrail, hookimpl

        class Garbage(Guardrail):
            id = "garbage"
            def check(self, reply, case):
                return {"looks": "fine"}

        @hookimpl
        def register_guardrails(register):
            register(Garbage())
    """,
    "badspan": """
        from replydraft import Guardrail, hookimpl

        class BadSpan(Guardrail):
            id = "badspan"
            def check(self, reply, case):
                return [self.finding("points past the end", 0, len(reply) + 10)]

        @hookimpl
        def register_guardrails(register):
            register(BadSpan())
    """,
}
IMPORT_FAILS = """
    import replydraft_no_such_module  # noqa: F401
"""
TYPO = """
    from replydraft import hookimpl

    @hookimpl
    def register_guardrail(register):  # missing "s": matches no hook
        pass
"""
REGISTER_FAILS = """
    from replydraft import hookimpl

    @hookimpl
    def register_guardrails(register):
        raise ValueError("cannot register")
"""
FLAGS_JARGON = """
    from replydraft import Guardrail, hookimpl

    class Jargon(Guardrail):
        id = "jargon"
        severity = "warning"
        def check(self, reply, case):
            at = reply.find("RMA")
            if at >= 0:
                yield self.finding("Internal jargon.", at, at + 3, "return label")

    @hookimpl
    def register_guardrails(register):
        register(Jargon())
"""


def write_plugins(directory: Path, **files: str) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    for name, source in files.items():
        (directory / f"{name}.py").write_text(textwrap.dedent(source), "utf-8")
    return directory


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A clean working directory (no stray replydraft.toml) with a case and a good reply in it."""
    monkeypatch.chdir(tmp_path)
    for var in ("REPLYDRAFT_CONFIG", "REPLYDRAFT_LOAD_PLUGINS", "REPLYDRAFT_TRACE_PLUGINS", "OPENAI_API_KEY"):
        monkeypatch.delenv(var, raising=False)
    (tmp_path / "case.json").write_text(json.dumps(make_case_dict()), "utf-8")
    (tmp_path / "reply.txt").write_text(GOOD_REPLY, "utf-8")
    return tmp_path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Run the real command line in-process: (exit code, stdout, stderr)."""
    try:
        main(list(argv))
        code = 0
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 1
    out, err = capsys.readouterr()
    return code, out, err


def errors_by_guardrail(stdout: str) -> dict[str, str]:
    data = json.loads(stdout)
    return {f["guardrail"]: f["message"] for f in data["findings"] if f["severity"] == "error"}


# -- a broken plugin never passes silently and never crashes the host --------------------------------------------


def test_check_isolates_raising_hanging_and_malformed_guardrails(workdir, capsys):
    plugins = write_plugins(workdir / "plugins", **PLUGINS)
    (workdir / "replydraft.toml").write_text("[guardrails]\ntimeout = 0.3\n", "utf-8")
    code, out, err = run(
        capsys, "--plugins-dir", str(plugins), "check", "--case", "case.json", "reply.txt", "--format", "json"
    )
    assert code == 1, err
    errors = errors_by_guardrail(out)
    assert "raised RuntimeError: boom" in errors["raises"]
    assert "did not answer within 0.3s" in errors["hangs"]
    assert "returned something malformed" in errors["garbage"] and "dict" in errors["garbage"]
    assert "outside the reply" in errors["badspan"]
    assert json.loads(out)["passed"] is False
    assert "Traceback" not in err


def test_the_built_in_guardrails_still_run_next_to_broken_ones(workdir, capsys):
    plugins = write_plugins(workdir / "plugins", raises=PLUGINS["raises"])
    (workdir / "blaming.txt").write_text("Sorry. You must have entered the wrong address.", "utf-8")
    code, out, _ = run(
        capsys, "--plugins-dir", str(plugins), "check", "--case", "case.json", "blaming.txt", "--format", "json"
    )
    assert code == 1
    assert {"raises", "blame", "next-steps"} <= set(errors_by_guardrail(out))


class ScriptedModel:
    """A model that answers every prompt with sensible structured output built from the schema it is given
    (so the test follows replydraft.compose's output format as it evolves)."""

    name = "scripted"
    TEXT: ClassVar[dict[str, str]] = {
        "acknowledgement": "I understand you took a day off work to wait for your desk",
        "ownership": "We missed the warehouse pickup on Monday, and that's on us; I'm sorry",
        "mistake": "missed the warehouse pickup on Monday",
        "next_step": "email you the tracking number",
    }

    def __init__(self) -> None:
        self.calls = 0

    def _answer(self, schema: dict[str, Any]) -> Completion:
        self.calls += 1
        parts: dict[str, Any] = {}
        for name, spec in schema.get("properties", {}).items():
            if "enum" in spec:
                choices = [c for c in spec["enum"] if c != "none"] or spec["enum"]
                parts[name] = choices[0]
            else:
                parts[name] = self.TEXT.get(name, "missed the warehouse pickup on Monday")[: spec.get("maxLength", 200)]
        return Completion(json.dumps(parts), self.name)

    def complete(self, messages: list[dict[str, str]], schema: dict[str, Any]) -> Completion:
        return self._answer(schema)

    async def acomplete(self, messages: list[dict[str, str]], schema: dict[str, Any]) -> Completion:
        return self._answer(schema)


def test_a_good_draft_is_ready_with_the_built_in_guardrails() -> None:
    from replydraft import Case

    engine = Engine(Settings(max_repairs=0), model=ScriptedModel(), plugins=new_plugin_host(trace=False))
    result = engine.draft(Case.from_dict(make_case_dict()))
    assert result.ready, [f.to_dict() for f in result.findings]


@pytest.mark.parametrize("broken", sorted(PLUGINS))
def test_a_broken_plugin_never_turns_a_draft_ready(tmp_path, broken: str) -> None:
    from replydraft import Case

    plugins = write_plugins(tmp_path, **{broken: PLUGINS[broken]})
    host = new_plugin_host(plugins_dirs=[plugins], trace=False)
    model = ScriptedModel()
    settings = Settings(max_repairs=1, guardrails=GuardrailSettings(timeout=0.3))
    result = Engine(settings, model=model, plugins=host).draft(Case.from_dict(make_case_dict()))
    assert result.status == "needs_review"
    assert any(f.guardrail == broken and f.severity == "error" for f in result.findings)
    assert 1 <= model.calls <= 2  # repairs are bounded: a guardrail that always fails cannot loop the model


def test_draft_command_reports_needs_review_with_a_broken_plugin(workdir, capsys, monkeypatch):
    # "replydraft.draft" as a dotted path would find the draft() function, not the module.
    monkeypatch.setattr(importlib.import_module("replydraft.draft"), "resolve_model", lambda s: ScriptedModel())
    plugins = write_plugins(workdir / "plugins", raises=PLUGINS["raises"])
    code, out, err = run(capsys, "--plugins-dir", str(plugins), "draft", "case.json", "--format", "json")
    assert code == 0, err
    data = json.loads(out)
    assert data["status"] == "needs_review"
    assert any(f["guardrail"] == "raises" and "boom" in f["message"] for f in data["findings"])


async def test_async_check_isolates_a_hanging_guardrail(tmp_path) -> None:
    from replydraft import Case

    host = new_plugin_host(plugins_dirs=[write_plugins(tmp_path, hangs=PLUGINS["hangs"])], trace=False)
    engine = Engine(Settings(guardrails=GuardrailSettings(timeout=0.2)), model=ScriptedModel(), plugins=host)
    result = await engine.acheck(GOOD_REPLY, Case.from_dict(make_case_dict()))
    assert not result.passed
    assert any(f.guardrail == "hangs" and "did not answer" in f.message for f in result.findings)


async def test_a_guardrail_raising_system_exit_is_reported_and_the_runner_goes_on() -> None:
    """SystemExit raised on a worker thread would end only that thread: it is reported like any other raise."""
    from replydraft import Case, Guardrail
    from replydraft.guardrails import arun_guardrails, run_guardrails

    class Exits(Guardrail):
        id = "exits"

        def check(self, reply, case):
            raise SystemExit(3)

    case = Case.from_dict(make_case_dict())
    for found in (run_guardrails([Exits()], GOOD_REPLY, case), await arun_guardrails([Exits()], GOOD_REPLY, case)):
        assert [(f.guardrail, f.severity, f.message) for f in found] == [
            ("exits", "error", "guardrail 'exits' raised SystemExit: 3; the reply was not checked by it")
        ]


async def test_a_guardrail_queued_behind_hung_ones_gets_its_own_time_limit(tmp_path, monkeypatch) -> None:
    """Hung guardrails, abandoned at their limit, hold every worker thread (the pool is shrunk to 2 for the test).
    A fast guardrail queued behind them starts its clock when it starts: it is not reported as hung while it
    waits. If no worker comes within the queue limit, it is reported as not run: never a silent pass."""
    import asyncio

    from replydraft import Case
    from replydraft import guardrails as module

    monkeypatch.setattr(module, "_POOL", module._Workers(2, "test-pool"))
    host = new_plugin_host(plugins_dirs=[write_plugins(tmp_path, hangs=PLUGINS["hangs"], jargon=FLAGS_JARGON)])
    case = Case.from_dict(make_case_dict())

    def engine(gid: str) -> Engine:
        return Engine(Settings(guardrails=GuardrailSettings(enable=[gid], timeout=0.3)), plugins=host)

    hung = await asyncio.gather(*(engine("hangs").acheck(GOOD_REPLY, case) for _ in range(2)))  # both threads held
    assert all("did not answer within 0.3s" in r.findings[0].message for r in hung)
    queued = await engine("jargon").acheck("Please send it back with the RMA form.", case)
    assert [(f.guardrail, f.message) for f in queued.findings] == [("jargon", "Internal jargon.")]

    await asyncio.gather(*(engine("hangs").acheck(GOOD_REPLY, case) for _ in range(2)))
    monkeypatch.setattr(module, "QUEUE_LIMIT", 0.2)
    (finding,) = (await engine("jargon").acheck("Please send it back with the RMA form.", case)).findings
    assert finding.severity == "error" and "could not start: every guardrail worker stayed busy" in finding.message


# -- a plugin that fails to load is reported and skipped ---------------------------------------------------------


def test_plugin_that_fails_to_import_is_reported_and_skipped(workdir, capsys):
    plugins = write_plugins(workdir / "plugins", broken=IMPORT_FAILS, jargon=FLAGS_JARGON, registers=REGISTER_FAILS)
    code, out, _ = run(capsys, "--plugins-dir", str(plugins), "plugins")
    assert code == 0
    data = json.loads(out)
    problems = {p["plugin"]: p["error"] for p in data["problems"]}
    assert "ModuleNotFoundError" in problems["broken"] and "replydraft_no_such_module" in problems["broken"]
    assert "cannot register" in problems["registers"]
    loaded = {p["name"]: p for p in data["plugins"]}
    assert loaded["jargon"]["guardrails"] == ["jargon"] and "broken" not in loaded
    assert {"blame", "rash-promise", "next-steps"} <= {g for p in data["plugins"] for g in p["guardrails"]}

    # check goes on without it, and says so on stderr.
    code, out, err = run(capsys, "--plugins-dir", str(plugins), "check", "--case", "case.json", "reply.txt")
    assert code == 0, out
    assert "plugin broken skipped" in err and "ModuleNotFoundError" in err


def test_entry_point_that_fails_to_import_is_reported_and_skipped(tmp_path, monkeypatch) -> None:
    dist = tmp_path / "replydraft_broken_ep-1.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: replydraft-broken-ep\nVersion: 1.0\n", "utf-8")
    (dist / "entry_points.txt").write_text("[replydraft]\nbroken-ep = replydraft_broken_ep_missing\n", "utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.delenv("REPLYDRAFT_LOAD_PLUGINS", raising=False)
    host = new_plugin_host(trace=False)
    (problem,) = [p for p in host.problems if p.plugin == "broken-ep"]
    assert "ModuleNotFoundError" in problem.error and "replydraft-broken-ep" in problem.source
    assert {"blame", "rash-promise", "next-steps"} <= {g.id for g in host.guardrails}


def test_hook_implementation_matching_no_hook_fails_loudly(workdir, capsys, tmp_path):
    plugins = write_plugins(workdir / "plugins", typo=TYPO)
    with pytest.raises(PluginError, match="register_guardrail"):
        new_plugin_host(plugins_dirs=[plugins], load_entry_points=False, trace=False)
    code, _, err = run(capsys, "--plugins-dir", str(plugins), "check", "--case", "case.json", "reply.txt")
    assert code == 2
    assert "typo" in err and "register_guardrail" in err and "Traceback" not in err


def test_duplicate_guardrail_id_is_reported_not_fatal(tmp_path) -> None:
    clash = FLAGS_JARGON.replace('id = "jargon"', 'id = "blame"')
    host = new_plugin_host(plugins_dirs=[write_plugins(tmp_path, clash=clash)], trace=False)
    assert [g.id for g in host.guardrails].count("blame") == 1
    assert any("already registered" in p.error for p in host.problems)


# -- users choose what runs ----------------------------------------------------------------------------------------


def test_disable_enable_and_severity_by_id(workdir, capsys):
    (workdir / "blaming.txt").write_text("Sorry. You must have entered the wrong address.", "utf-8")
    base = ("check", "--case", "case.json", "blaming.txt", "--format", "json")

    code, out, _ = run(capsys, *base)
    assert code == 1 and {"blame", "next-steps"} <= set(errors_by_guardrail(out))

    code, out, _ = run(capsys, *base, "--disable", "blame", "--disable", "next-steps")
    assert code == 0 and not {"blame", "next-steps"} & {f["guardrail"] for f in json.loads(out)["findings"]}

    code, out, _ = run(capsys, *base, "--enable", "blame")
    assert code == 1 and {f["guardrail"] for f in json.loads(out)["findings"]} == {"blame"}

    code, out, _ = run(capsys, *base, "--enable", "blame", "--severity", "blame=warning")
    assert code == 0 and {f["severity"] for f in json.loads(out)["findings"]} == {"warning"}

    code, _, err = run(capsys, *base, "--severity", "blame=fatal")
    assert code == 2 and "blame=fatal" in err


def test_guardrails_table_in_the_config_file(workdir, capsys):
    (workdir / "blaming.txt").write_text("Sorry. You must have entered the wrong address.", "utf-8")
    (workdir / "replydraft.toml").write_text(
        '[guardrails]\ndisable = ["next-steps", "empathy", "ownership"]\nseverity = { blame = "warning" }\n', "utf-8"
    )
    code, out, _ = run(capsys, "check", "--case", "case.json", "blaming.txt", "--format", "json")
    assert code == 0
    findings = json.loads(out)["findings"]
    assert {f["guardrail"] for f in findings} == {"blame"} and findings[0]["severity"] == "warning"


def test_allow_list_environment_variable(workdir, capsys, monkeypatch):
    monkeypatch.setenv("REPLYDRAFT_LOAD_PLUGINS", "blame, next-steps")
    assert sorted(g.id for g in new_plugin_host(trace=False).guardrails) == ["blame", "next-steps"]
    code, out, _ = run(capsys, "plugins")
    assert code == 0 and sorted(p["name"] for p in json.loads(out)["plugins"]) == ["blame", "next-steps"]

    monkeypatch.setenv("REPLYDRAFT_LOAD_PLUGINS", "")
    assert new_plugin_host(trace=False).guardrails == []


# -- the plugin author's loop ----------------------------------------------------------------------------------------


def test_plugins_dir_loads_a_loose_file(workdir, capsys):
    plugins = write_plugins(workdir / "plugins", jargon=FLAGS_JARGON)
    (workdir / "jargon.txt").write_text(GOOD_REPLY + " Your RMA is attached.", "utf-8")
    code, out, _ = run(
        capsys, "--plugins-dir", str(plugins), "check", "--case", "case.json", "jargon.txt", "--format", "json"
    )
    assert code == 0  # a warning does not fail the check
    (finding,) = [f for f in json.loads(out)["findings"] if f["guardrail"] == "jargon"]
    assert finding["severity"] == "warning" and finding["suggestion"] == "return label"

    code, _, err = run(capsys, "--plugins-dir", str(workdir / "nope"), "plugins")
    assert code == 2 and "does not exist" in err


def test_trace_plugins_prints_every_hook_call(workdir, capsys, monkeypatch):
    plugins = write_plugins(workdir / "plugins", jargon=FLAGS_JARGON)
    code, _, err = run(
        capsys, "--trace-plugins", "--plugins-dir", str(plugins), "check", "--case", "case.json", "reply.txt"
    )
    assert code == 0
    lines = [json.loads(line.split("replydraft trace: ", 1)[1]) for line in err.splitlines() if "trace:" in line]
    hooks = {line["hook"] for line in lines}
    assert "jargon.register_guardrails" in hooks and "guardrail jargon.check" in hooks
    check = next(line for line in lines if line["hook"] == "guardrail blame.check")
    assert check["args"]["reply"] == GOOD_REPLY and check["result"] == "[]"

    monkeypatch.setenv("REPLYDRAFT_TRACE_PLUGINS", "1")
    assert new_plugin_host(load_entry_points=False).trace is True


# -- the accuracy report ----------------------------------------------------------------------------------------------


def test_check_corpus_report_text_and_json(workdir, capsys):
    cases = {"desk": make_case_dict()}
    rows = [
        {"id": "a", "case": "desk", "labels": {"blame": 1, "next-steps": 0}, "reply": "You must have typed it wrong."},
        {"id": "b", "case": "desk", "labels": {"blame": 0, "next-steps": 0}, "reply": GOOD_REPLY},
        {"id": "c", "case": make_case_dict(), "labels": {"blame": 0, "next-steps": 1}, "reply": "Sorry!"},
    ]
    (workdir / "cases.json").write_text(json.dumps(cases), "utf-8")
    (workdir / "corpus.jsonl").write_text("\n".join(json.dumps(r) for r in rows) + "\n", "utf-8")

    code, out, _ = run(capsys, "check", "--corpus", "corpus.jsonl", "--report")
    assert code == 0
    assert "precision" in out and "recall" in out
    table = {line.split()[0]: line.split() for line in out.splitlines() if line.startswith(("blame", "next-steps"))}
    assert table["blame"][1:4] == ["1.000", "1.000", "1.000"]
    # "a" has no next step either, but it is labelled 0 for next-steps: a false positive.
    assert table["next-steps"][1] == "0.500" and "a        next-steps     false positive" in out

    code, out, _ = run(capsys, "check", "--corpus", "corpus.jsonl", "--report", "--format", "json")
    data = json.loads(out)
    assert data["replies"] == 3 and data["guardrails"]["blame"]["recall"] == 1.0
    assert data["guardrails"]["next-steps"]["fp"] == 1 and "empathy" not in data["guardrails"]

    code, _, err = run(capsys, "check", "--corpus", "corpus.jsonl", "--case", "case.json")
    assert code == 2 and "--corpus" in err
    code, _, err = run(capsys, "check", "--case", "case.json")
    assert code == 2 and "REPLY.txt" in err


# -- a third-party package, installed for real ------------------------------------------------------------------

EXAMPLE = Path(__file__).resolve().parents[1] / "plugins" / "replydraft-example-jargon"


@pytest.fixture(scope="module")
def installed_example(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """Build the example package's wheel and install it into a private target directory (the shared
    environment is left alone); returns the environment that puts it on the path."""
    import os
    import subprocess
    import sys

    pytest.importorskip("hatchling", reason="building the example needs its build backend")
    target = tmp_path_factory.mktemp("site")
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "--no-build-isolation", "--no-index", "--quiet",
         "--target", str(target), str(EXAMPLE)],
        check=True,
        capture_output=True,
        timeout=240,
    )  # fmt: skip
    env = {k: v for k, v in os.environ.items() if not k.startswith("REPLYDRAFT_")}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(target), env.get("PYTHONPATH")]))
    return env


def test_installed_example_package_loads_through_its_entry_point(installed_example, tmp_path):
    import subprocess
    import sys

    def replydraft(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "replydraft.cli", *args],
            env=installed_example,
            cwd=tmp_path,
            capture_output=True,
            text=True,
            timeout=120,
        )

    listed = replydraft("plugins")
    assert listed.returncode == 0, listed.stderr
    (jargon,) = [p for p in json.loads(listed.stdout)["plugins"] if p["name"] == "jargon"]
    assert jargon["guardrails"] == ["jargon"] and "(replydraft-example-jargon)" in jargon["source"]

    (tmp_path / "case.json").write_text(json.dumps(make_case_dict()), "utf-8")
    (tmp_path / "reply.txt").write_text(GOOD_REPLY + " Your RMA label is attached.", "utf-8")
    checked = replydraft("check", "--case", "case.json", "reply.txt", "--format", "json")
    assert checked.returncode == 0, checked.stderr  # jargon is a warning
    assert any(
        f["guardrail"] == "jargon" and f["suggestion"] == "return" for f in json.loads(checked.stdout)["findings"]
    )


def test_installed_example_package_tests_pass_with_the_shipped_fixtures(installed_example):
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "-m", "pytest", "tests", "-q", "-p", "no:cacheprovider", "--rootdir", str(EXAMPLE)],
        env=installed_example,
        cwd=EXAMPLE,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    assert "5 passed" in result.stdout
