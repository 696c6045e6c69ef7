"""Server settings: the ``[server]`` table of the shared TOML file, plus tokens from the environment or a file.

Tokens never live in the TOML file (it tends to get committed): ``REPLYDRAFT_TOKENS`` holds a comma-separated
list, ``REPLYDRAFT_TOKEN_FILE`` (or ``token_file`` in ``[server]``) names a file with one token per line.
"""

from __future__ import annotations

import ipaddress
import os
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from ..config import Settings
from ..errors import ConfigError

__all__ = ["MIN_TOKEN_LENGTH", "ServerSettings", "is_loopback"]

MIN_TOKEN_LENGTH = 16

_INT_KEYS = {"port", "max_body_bytes", "max_concurrent", "max_queue", "workers"}
_FLOAT_KEYS = {"retry_after"}
_STR_KEYS = {"host", "token_file"}


@dataclass(frozen=True)
class ServerSettings:
    host: str = "127.0.0.1"
    port: int = 8000
    #: Request bodies larger than this get 413 (counted while reading, not taken from Content-Length).
    max_body_bytes: int = 256 * 1024
    #: Model calls in flight at once; drafts beyond that wait in a queue of ``max_queue``, then get 429.
    max_concurrent: int = 32
    max_queue: int = 64
    #: Seconds suggested in ``Retry-After`` before the server has measured how long model calls take.
    retry_after: float = 2.0
    #: Server processes; limits above apply to each.
    workers: int = 1
    token_file: str | None = None
    tokens: tuple[str, ...] = field(default=(), repr=False)

    @classmethod
    def from_settings(cls, settings: Settings, **overrides: Any) -> ServerSettings:
        """Read ``[server]`` from ``settings.extra``, tokens from the environment/file, then ``overrides``."""
        table = dict(settings.extra.get("server") or {})
        values: dict[str, Any] = {}
        for key, value in table.items():
            name = key.replace("-", "_")
            if name == "tokens":
                raise ConfigError("[server]: put tokens in REPLYDRAFT_TOKENS or a token file, not in a config file")
            values[name] = _coerce(name, value, "[server]")
        if os.environ.get("REPLYDRAFT_TOKEN_FILE"):
            values["token_file"] = os.environ["REPLYDRAFT_TOKEN_FILE"]
        for name, value in overrides.items():
            if value is not None:
                values[name] = value if name == "tokens" else _coerce(name, value, f"--{name.replace('_', '-')}")
        tokens = list(values.pop("tokens", ()))
        if not tokens:
            tokens = [t.strip() for t in os.environ.get("REPLYDRAFT_TOKENS", "").split(",") if t.strip()]
            if values.get("token_file"):
                tokens += _read_token_file(values["token_file"])
        for token in tokens:
            if len(token) < MIN_TOKEN_LENGTH or any(c.isspace() for c in token):
                raise ConfigError(f"server tokens must be at least {MIN_TOKEN_LENGTH} characters with no spaces")
        return cls(**values, tokens=tuple(dict.fromkeys(tokens)))

    def with_tokens(self, tokens: tuple[str, ...]) -> ServerSettings:
        return replace(self, tokens=tokens)


def _coerce(name: str, value: Any, origin: str) -> Any:
    if name in _STR_KEYS:
        if not isinstance(value, str) or not value:
            raise ConfigError(f"{origin}: {name} must be a non-empty string")
        return value
    if name not in _INT_KEYS | _FLOAT_KEYS:
        raise ConfigError(f"{origin}: unknown setting {name!r}")
    low = 0 if name in ("max_queue", "port", "retry_after") else 1
    try:
        number: float = int(value) if name in _INT_KEYS else float(value)
        if number < low or isinstance(value, bool):
            raise ValueError
    except (TypeError, ValueError):
        raise ConfigError(f"{origin}: {name} must be a number >= {low}") from None
    return number


def _read_token_file(path: str) -> list[str]:
    try:
        lines = Path(path).read_text("utf-8").splitlines()
    except OSError as exc:
        raise ConfigError(f"token file {path!r} cannot be read ({exc.__class__.__name__})") from None
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]


def is_loopback(host: str) -> bool:
    """True for ``localhost`` and loopback addresses (127.0.0.0/8, ::1): nobody else can connect there."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False
