"""The plugin manager: loads built-in and third-party plugins and collects what they register.

Plugins come from the ``replydraft`` entry-point group (built-in guardrails included) and from loose ``*.py``
files in a ``--plugins-dir``. A plugin that fails to import is reported by ``replydraft plugins`` and skipped;
a hook implementation whose name matches no hook fails loudly, because that is a typo, not a runtime fault.

Environment:
  ``REPLYDRAFT_LOAD_PLUGINS``   comma-separated entry-point names to load (built-ins included); empty loads none
  ``REPLYDRAFT_TRACE_PLUGINS``  set to 1 to print every hook call, its arguments and results to stderr
"""

from __future__ import annotations

import importlib
import importlib.util
import json
import os
import sys
import traceback
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib.metadata import entry_points
from pathlib import Path
from typing import Any

import pluggy

from . import hookspecs
from .errors import PluginError
from .guardrails import validate_guardrail

__all__ = ["PluginHost", "get_plugin_host"]

ENTRY_POINT_GROUP = "replydraft"


@dataclass
class PluginProblem:
    plugin: str
    source: str
    error: str

    def to_dict(self) -> dict[str, str]:
        return {"plugin": self.plugin, "source": self.source, "error": self.error}


@dataclass
class PluginHost:
    """A plugin manager with what it loaded, what failed, and the guardrails plugins registered."""

    pm: pluggy.PluginManager
    sources: dict[str, str] = field(default_factory=dict)
    problems: list[PluginProblem] = field(default_factory=list)
    trace: bool = False
    _guardrails: list[Any] | None = None

    # -- loading -------------------------------------------------------------------------------------------
    def register(self, plugin: Any, name: str | None = None, source: str = "code") -> None:
        """Register a plugin object or module, rejecting hook implementations that match no hook."""
        name = self.pm.register(plugin, name=name)
        self.sources[name or repr(plugin)] = source
        try:
            self.pm.check_pending()
        except pluggy.PluginValidationError as exc:
            self.pm.unregister(plugin)
            raise PluginError(f"plugin {name!r} from {source}: {exc}") from None
        self._guardrails = None

    def unregister(self, plugin: Any) -> None:
        self.pm.unregister(plugin)
        self._guardrails = None

    def load_entry_points(self, allow: set[str] | None = None) -> None:
        for ep in entry_points(group=ENTRY_POINT_GROUP):
            if allow is not None and ep.name not in allow:
                continue
            if self.pm.has_plugin(ep.name):
                continue
            dist = getattr(ep.dist, "name", None) or "?"
            source = f"entry point {ep.value} ({dist})"
            try:
                module = ep.load()
            except Exception as exc:
                self.problems.append(PluginProblem(ep.name, source, _one_line(exc)))
                continue
            self.register(module, name=ep.name, source=source)

    def load_directory(self, directory: str | Path) -> None:
        """Load every ``*.py`` file in ``directory`` as a plugin (datasette's ``--plugins-dir``)."""
        path = Path(directory)
        if not path.is_dir():
            raise PluginError(f"plugins directory {str(path)!r} does not exist")
        for file in sorted(path.glob("*.py")):
            name = f"replydraft_plugins_dir.{file.stem}"
            try:
                spec = importlib.util.spec_from_file_location(name, file)
                assert spec and spec.loader
                module = importlib.util.module_from_spec(spec)
                sys.modules[name] = module
                spec.loader.exec_module(module)
            except Exception as exc:
                sys.modules.pop(name, None)
                self.problems.append(PluginProblem(file.stem, str(file), _one_line(exc)))
                continue
            self.register(module, name=file.stem, source=str(file))

    # -- calling -------------------------------------------------------------------------------------------
    def call_each(self, hook_name: str, **kwargs: Any) -> list[tuple[str, Any, BaseException | None]]:
        """Call every implementation of a hook separately, so one failing plugin cannot stop the others."""
        caller = getattr(self.pm.hook, hook_name)
        results: list[tuple[str, Any, BaseException | None]] = []
        for impl in reversed(caller.get_hookimpls()):
            try:
                args = {name: kwargs[name] for name in impl.argnames}
                value, error = impl.function(**args), None
            except Exception as exc:
                value, error = None, exc
            self.tracer(f"{impl.plugin_name}.{hook_name}", kwargs, error or value)
            results.append((impl.plugin_name, value, error))
        return results

    def tracer(self, what: str, args: dict[str, Any], result: Any) -> None:
        if not self.trace:
            return
        shown = {k: (v if isinstance(v, (str, int, float, bool, type(None))) else repr(v)) for k, v in args.items()}
        line = {"hook": what, "args": shown, "result": repr(result)[:500]}
        print("replydraft trace: " + json.dumps(line, default=repr), file=sys.stderr)

    @property
    def guardrails(self) -> list[Any]:
        """Every guardrail registered by a plugin (cached until plugins change)."""
        if self._guardrails is None:
            self._guardrails = self._collect_guardrails()
        return self._guardrails

    def _collect_guardrails(self) -> list[Any]:
        found: dict[str, Any] = {}
        current: list[str] = []

        def register(guardrail: Any) -> None:
            problem = validate_guardrail(guardrail)
            if problem:
                self.problems.append(PluginProblem(current[0], self.sources.get(current[0], "?"), problem))
                return
            if guardrail.id in found:
                self.problems.append(
                    PluginProblem(
                        current[0],
                        self.sources.get(current[0], "?"),
                        f"guardrail id {guardrail.id!r} is already registered; ignored",
                    )
                )
                return
            guardrail.plugin = current[0]
            found[guardrail.id] = guardrail

        caller = self.pm.hook.register_guardrails
        for impl in reversed(caller.get_hookimpls()):
            current[:] = [impl.plugin_name]
            try:
                impl.function(register=register)
            except Exception as exc:
                self.problems.append(
                    PluginProblem(impl.plugin_name, self.sources.get(impl.plugin_name, "?"), _one_line(exc))
                )
            self.tracer(f"{impl.plugin_name}.register_guardrails", {}, list(found))
        return list(found.values())

    def plugin_list(self) -> list[dict[str, Any]]:
        """What is loaded, from where, with which hooks; and what failed to load."""
        out = []
        for name, plugin in self.pm.list_name_plugin():
            hooks = sorted(h.name for h in self.pm.get_hookcallers(plugin) or [])
            guardrails = [g.id for g in self.guardrails if getattr(g, "plugin", None) == name]
            out.append({"name": name, "source": self.sources.get(name, "?"), "hooks": hooks, "guardrails": guardrails})
        return out


def _one_line(exc: BaseException) -> str:
    frames = traceback.extract_tb(exc.__traceback__)
    where = f" ({Path(frames[-1].filename).name}:{frames[-1].lineno})" if frames else ""
    return f"{exc.__class__.__name__}: {exc}{where}"


def _allow_list() -> set[str] | None:
    raw = os.environ.get("REPLYDRAFT_LOAD_PLUGINS")
    if raw is None:
        return None
    return {name.strip() for name in raw.split(",") if name.strip()}


def new_plugin_host(
    plugins_dirs: Iterable[str | Path] = (),
    load_entry_points: bool = True,
    plugins: Iterable[Any] = (),
    trace: bool | None = None,
) -> PluginHost:
    """Build a fresh plugin host. ``plugins`` are extra plugin objects registered directly (handy in tests)."""
    pm = pluggy.PluginManager("replydraft")
    pm.add_hookspecs(hookspecs)
    if trace is None:
        trace = os.environ.get("REPLYDRAFT_TRACE_PLUGINS", "") not in ("", "0", "false")
    host = PluginHost(pm, trace=trace)
    if load_entry_points:
        host.load_entry_points(_allow_list())
    for directory in plugins_dirs:
        host.load_directory(directory)
    for plugin in plugins:
        host.register(plugin, source="code")
    return host


_default: PluginHost | None = None


def get_plugin_host() -> PluginHost:
    """The process-wide plugin host used when callers do not pass their own."""
    global _default
    if _default is None:
        _default = new_plugin_host()
    return _default


def reset_plugin_host(host: PluginHost | None = None) -> None:
    """Replace (or drop, with ``None``) the process-wide plugin host."""
    global _default
    _default = host
