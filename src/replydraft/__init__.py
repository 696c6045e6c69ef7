"""replydraft: draft customer-support recovery replies with a language model, and check them before sending.

The public API::

    import replydraft
    result = replydraft.draft(case)            # -> Draft (status, reply, findings, ...)
    verdict = replydraft.check(reply, case)    # -> CheckResult (passed, findings)

with async twins :func:`adraft` and :func:`acheck`. Guardrail plugins import :data:`hookimpl`,
:class:`Guardrail` and :class:`Finding` from here.
"""

import importlib
import sys
import types
from typing import TYPE_CHECKING, Any

from .errors import CaseError, ConfigError, ModelError, PluginError, ReplydraftError
from .findings import Finding
from .hookspecs import hookimpl

if TYPE_CHECKING:
    from .case import Case, Remedy, load_case
    from .config import Settings, load_settings
    from .draft import CheckResult, Draft, Engine, acheck, adraft, check, draft
    from .guardrails import Guardrail, GuardrailSettings

# The rest is imported on first use, so `replydraft --help` (and anything importing one submodule) starts fast.
_LAZY = {
    **dict.fromkeys(("Case", "Remedy", "load_case"), "case"),
    **dict.fromkeys(("Settings", "load_settings"), "config"),
    **dict.fromkeys(("CheckResult", "Draft", "Engine", "acheck", "adraft", "check", "draft"), "draft"),
    **dict.fromkeys(("Guardrail", "GuardrailSettings"), "guardrails"),
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


class _Package(types.ModuleType):
    def __setattr__(self, name: str, value: Any) -> None:
        # Importing the submodule replydraft.draft binds the package attribute "draft" to that module; the public
        # name is the draft() function, as it was when everything was imported eagerly.
        if name == "draft" and isinstance(value, types.ModuleType):
            value = value.draft
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package

__version__ = "0.1.0"

__all__ = [
    "Case",
    "CaseError",
    "CheckResult",
    "ConfigError",
    "Draft",
    "Engine",
    "Finding",
    "Guardrail",
    "GuardrailSettings",
    "ModelError",
    "PluginError",
    "Remedy",
    "ReplydraftError",
    "Settings",
    "acheck",
    "adraft",
    "check",
    "draft",
    "hookimpl",
    "load_case",
    "load_settings",
]
