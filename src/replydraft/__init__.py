"""replydraft: draft customer-support recovery replies with a language model, and check them before sending.

The public API::

    import replydraft
    result = replydraft.draft(case)            # -> Draft (status, reply, findings, ...)
    verdict = replydraft.check(reply, case)    # -> CheckResult (passed, findings)

with async twins :func:`adraft` and :func:`acheck`. Guardrail plugins import :data:`hookimpl`,
:class:`Guardrail` and :class:`Finding` from here.
"""

from .case import Case, Remedy, load_case
from .config import Settings, load_settings
from .draft import CheckResult, Draft, Engine, acheck, adraft, check, draft
from .errors import CaseError, ConfigError, ModelError, PluginError, ReplydraftError
from .findings import Finding
from .guardrails import Guardrail, GuardrailSettings
from .hookspecs import hookimpl

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
