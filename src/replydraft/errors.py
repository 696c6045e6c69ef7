"""Exceptions replydraft raises to its callers.

Every error a user can cause or meet carries a message fit to print on one line: no traceback, no API key,
no customer text.
"""

from __future__ import annotations


class ReplydraftError(Exception):
    """Base class for every error replydraft raises on purpose."""

    #: Exit code the CLI uses for this error.
    exit_code = 1


class CaseError(ReplydraftError, ValueError):
    """A case does not match the case schema. ``problems`` holds one ``path: problem`` line per fault."""

    exit_code = 2

    def __init__(self, problems: list[str], source: str | None = None) -> None:
        self.problems = problems
        self.source = source
        where = f"{source}: " if source else ""
        super().__init__(where + "invalid case: " + "; ".join(problems))


class ModelError(ReplydraftError):
    """The model could not produce a completion: the endpoint failed for good or the output was unusable."""

    def __init__(self, message: str, *, endpoint: str = "", attempts: int = 0) -> None:
        self.endpoint = endpoint
        self.attempts = attempts
        super().__init__(message)


class ConfigError(ReplydraftError):
    """The configuration (options, environment, config file) is inconsistent or names something missing."""

    exit_code = 2


class PluginError(ReplydraftError):
    """A plugin is malformed in a way that must fail loudly (e.g. a hook implementation matching no hookspec)."""

    exit_code = 2
