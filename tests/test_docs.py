"""docs/plugins.md keeps up with the code: every hook documented with its exact signature, and the worked
examples run as written."""

from __future__ import annotations

import inspect
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from replydraft import hookspecs
from replydraft.plugins import new_plugin_host

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs" / "plugins.md"


def hookspec_signatures() -> dict[str, str]:
    """``name -> "name(arg, ...)"`` for every function marked as a hookspec in hookspecs.py."""
    found = {}
    for name, obj in vars(hookspecs).items():
        if inspect.isfunction(obj) and hasattr(obj, "replydraft_spec"):
            found[name] = f"{name}({', '.join(inspect.signature(obj).parameters)})"
    return found


def documented_hooks() -> dict[str, str]:
    """``name -> "name(args)"`` for every ``### `name(args)` `` heading under ``## Hook reference``."""
    text = DOCS.read_text("utf-8")
    section = text.split("\n## Hook reference", 1)[1].split("\n## ", 1)[0]
    headings = re.findall(r"^### `([a-z_][a-z0-9_]*)\(([^)]*)\)`\s*$", section, re.M)
    return {name: f"{name}({', '.join(a.strip() for a in args.split(',') if a.strip())})" for name, args in headings}


def test_there_are_hooks_to_document() -> None:
    assert "register_guardrails" in hookspec_signatures()


@pytest.mark.parametrize("name", sorted(hookspec_signatures()))
def test_every_hook_is_documented_with_its_exact_signature(name: str) -> None:
    signature = hookspec_signatures()[name]
    documented = documented_hooks()
    assert name in documented, f"docs/plugins.md has no '### `{signature}`' heading under '## Hook reference'"
    assert documented[name] == signature, f"docs/plugins.md documents {documented[name]}, the hookspec is {signature}"


def test_no_documented_hook_is_missing_from_the_hookspecs() -> None:
    stale = set(documented_hooks()) - set(hookspec_signatures())
    assert not stale, f"documented but not in hookspecs.py: {sorted(stale)}"


def test_every_hookspec_has_a_docstring() -> None:
    for name in hookspec_signatures():
        assert (getattr(hookspecs, name).__doc__ or "").strip(), name


def _code_block_after(heading: str, language: str = "python", index: int = 0) -> str:
    text = DOCS.read_text("utf-8")
    section = text.split(heading, 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(rf"```{language}\n(.*?)```", section, re.S)
    return blocks[index]


def test_quick_start_plugin_loads_from_a_plugins_dir_and_works(tmp_path: Path) -> None:
    """The loose-file example, exactly as written in the docs."""
    from replydraft import Case
    from replydraft.guardrails import run_guardrails
    from replydraft.testing import make_case_dict

    source = _code_block_after("## Quick start")
    folder = tmp_path / "my_plugins"
    folder.mkdir()
    (folder / "shouting.py").write_text(source, "utf-8")
    host = new_plugin_host(plugins_dirs=[folder], load_entry_points=False, trace=False)
    assert [g.id for g in host.guardrails] == ["shouting"] and not host.problems
    reply = "This is NEVER acceptable."
    (finding,) = run_guardrails(host.guardrails, reply, Case.from_dict(make_case_dict()))
    assert finding.quote(reply) == "NEVER" and finding.severity == "warning"


def test_testing_example_runs_with_the_shipped_fixtures(tmp_path: Path) -> None:
    """The "Testing a guardrail" example, run by pytest against the quick-start plugin as my_plugin."""
    (tmp_path / "my_plugin.py").write_text(_code_block_after("## Quick start"), "utf-8")
    (tmp_path / "test_my_plugin.py").write_text(_code_block_after("## Testing a guardrail"), "utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--rootdir", str(tmp_path), str(tmp_path)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    assert "3 passed" in result.stdout


def test_guardrail_table_matches_the_guardrails() -> None:
    """Every guardrail in the docs table exists with the documented default severity (and the core ones are there).

    New built-in guardrails from other modules are not required here, so adding one never breaks this test; its
    author documents it in the table, and from then on this test keeps the row honest."""
    text = DOCS.read_text("utf-8")
    rows = dict(re.findall(r"^\| `([a-z][a-z0-9-]*)` \| (error|warning) \|", text, re.M))
    assert {"blame", "rash-promise", "next-steps", "ownership", "empathy", "policy-language", "over-apology"} <= set(
        rows
    )
    loaded = {g.id: g.severity for g in new_plugin_host(trace=False).guardrails}
    for gid, severity in rows.items():
        assert gid in loaded, f"docs/plugins.md lists {gid}, which no installed plugin registers"
        assert loaded[gid] == severity, f"{gid}: documented {severity}, is {loaded[gid]}"


def test_readme_guardrail_loads_from_a_plugins_dir_and_as_an_installed_package(tmp_path: Path) -> None:
    """Following the README alone: its guardrail as a loose file, then packaged with the entry point it names."""
    import os

    readme = (ROOT / "README.md").read_text("utf-8")
    section = readme.split("## Guardrails and plugins", 1)[1].split("\n## ", 1)[0]
    source = re.findall(r"```python\n(.*?)```", section, re.S)[0]
    entry_point = re.search(r"`\[project\.entry-points\.replydraft\] ([\w-]+) = \"(\w+)\"`", section)
    assert entry_point, "the README no longer shows the entry point line"
    name, module = entry_point.groups()

    loose = tmp_path / "loose"
    loose.mkdir()
    (loose / f"{module}.py").write_text(source, "utf-8")
    host = new_plugin_host(plugins_dirs=[loose], load_entry_points=False, trace=False)
    assert len(host.guardrails) == 1 and not host.problems
    guardrail_id = host.guardrails[0].id

    pytest.importorskip("hatchling", reason="building the package needs its build backend")
    package = tmp_path / "package"
    package.mkdir()
    (package / f"{module}.py").write_text(source, "utf-8")
    (package / "pyproject.toml").write_text(
        '[build-system]\nrequires = ["hatchling"]\nbuild-backend = "hatchling.build"\n\n'
        f'[project]\nname = "readme-{name}"\nversion = "0.0.1"\n\n'
        f'[project.entry-points.replydraft]\n{name} = "{module}"\n\n'
        f'[tool.hatch.build.targets.wheel]\nonly-include = ["{module}.py"]\n',
        "utf-8",
    )
    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "--no-build-isolation", "--no-index", "--quiet",
         "--target", str(target), str(package)],
        check=True, capture_output=True, timeout=240,
    )  # fmt: skip
    env = {k: v for k, v in os.environ.items() if not k.startswith("REPLYDRAFT_")}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(target), env.get("PYTHONPATH")]))
    listed = subprocess.run(
        [sys.executable, "-m", "replydraft.cli", "plugins"], env=env, cwd=tmp_path, capture_output=True, text=True
    )
    assert listed.returncode == 0, listed.stderr
    plugins = {p["name"]: p for p in json.loads(listed.stdout)["plugins"]}
    assert plugins[name]["guardrails"] == [guardrail_id]
