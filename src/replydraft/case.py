"""The case: the public input contract, a JSON document validated against ``schemas/case.schema.json``."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from .errors import CaseError

__all__ = ["Case", "Remedy", "case_schema", "load_case", "validate_case"]


@cache
def case_schema() -> dict[str, Any]:
    """The case JSON Schema (draft 2020-12) shipped with the package."""
    from importlib import resources  # lazily: it costs CLI start-up

    text = resources.files("replydraft").joinpath("schemas/case.schema.json").read_text("utf-8")
    return json.loads(text)


@cache
def _fast_check() -> Any:
    """The same schema compiled to Python by fastjsonschema: ~15 µs per case instead of jsonschema's ~1 ms.

    Used only to say "valid" quickly (the HTTP service validates every request); whenever it objects, or is not
    installed, jsonschema decides and writes the messages. The schema uses only keywords that mean the same in
    draft-07, which is what fastjsonschema implements; tests/test_properties.py checks the two agree.
    """
    try:
        import fastjsonschema
    except ImportError:
        return None
    schema = {k: v for k, v in case_schema().items() if k not in ("$schema", "$id")}
    schema["$schema"] = "http://json-schema.org/draft-07/schema#"
    return fastjsonschema.compile(schema, use_default=False)


def _schema_errors(data: Any) -> list[Any]:
    """jsonschema's errors for ``data`` against the case schema, skipped when the fast check passes it."""
    fast = _fast_check()
    if fast is not None:
        try:
            fast(data)
            return []
        except Exception:  # invalid, or something the fast check cannot handle: jsonschema decides
            pass
    return list(_validator().iter_errors(data))


@cache
def _validator() -> Any:
    from jsonschema import Draft202012Validator

    schema = case_schema()
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def json_path(parts: Any) -> str:
    """``["remedies", 0, "id"]`` -> ``remedies[0].id``: how every validation message names a field."""
    out = ""
    for part in parts:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def join_path(base: str, name: str) -> str:
    return f"{base}.{name}" if base else name


def _describe(error: Any) -> list[str]:
    """One ``path: problem`` line per fault, worded for a person and never echoing the value (customer data)."""
    where = json_path(error.absolute_path)
    kind = error.validator
    if kind == "required":
        present = error.instance if isinstance(error.instance, dict) else {}
        return [f"{join_path(where, name)}: required" for name in error.validator_value if name not in present]
    if kind == "additionalProperties":
        allowed = set(error.schema.get("properties", {}))
        extra = sorted(k for k in error.instance if k not in allowed)
        hint = " (put extra data under metadata)" if not where else ""
        return [f"{join_path(where, name)}: unknown field{hint}" for name in extra]
    label = where or "case"
    if kind == "type":
        return [f"{label}: must be of type {error.validator_value}"]
    if kind == "enum":
        return [f"{label}: must be one of {', '.join(map(str, error.validator_value))}"]
    if kind == "minLength" and error.validator_value == 1:
        return [f"{label}: must not be empty"]
    if kind == "minLength":
        return [f"{label}: must be at least {error.validator_value} characters"]
    if kind == "maxLength":
        return [f"{label}: must be at most {error.validator_value} characters"]
    if kind == "maxItems":
        return [f"{label}: must have at most {error.validator_value} items"]
    if kind == "pattern" and error.validator_value == "\\S":
        return [f"{label}: must not be blank"]
    if kind == "pattern":
        return [f"{label}: does not match the pattern {error.validator_value}"]
    return [f"{label}: {error.message}"]


_SURROGATE = re.compile(r"[\ud800-\udfff]")


def _surrogates(value: Any, where: str = "") -> Iterator[str]:
    if isinstance(value, str):
        if not value.isascii() and _SURROGATE.search(value):  # isascii() is a flag check: most text is ASCII
            yield where
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _surrogates(item, join_path(where, str(key)))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _surrogates(item, f"{where}[{i}]")


def validate_case(data: Any, source: str | None = None) -> None:
    """Raise :class:`CaseError` listing every problem with ``data``, or return if it is a valid case."""
    if not isinstance(data, dict):
        raise CaseError(["case: must be a JSON object"], source)
    errors = sorted(_schema_errors(data), key=lambda e: (list(map(str, e.absolute_path)), e.validator))
    problems: list[str] = []
    for error in errors:
        problems.extend(p for p in _describe(error) if p not in problems)
    # Rules JSON Schema cannot say. No unpaired surrogates: valid JSON ("\\ud800") but not encodable text, so the
    # request to the model would fail with UnicodeEncodeError. Remedy ids pick a remedy, so they must be unique.
    problems.extend(
        f"{where or 'case'}: contains invalid Unicode (an unpaired surrogate)" for where in _surrogates(data)
    )
    seen: set[str] = set()
    for i, remedy in enumerate(data.get("remedies") or []):
        rid = remedy.get("id") if isinstance(remedy, dict) else None
        if isinstance(rid, str):
            if rid in seen:
                problems.append(f"remedies[{i}].id: duplicate remedy id {rid!r}")
            seen.add(rid)
    if problems:
        raise CaseError(problems, source)


@dataclass(frozen=True)
class Remedy:
    """A remedy the agent is authorised to offer."""

    id: str
    description: str
    eta: str | None = None


@dataclass(frozen=True)
class Case:
    """A validated case. Build one with :meth:`Case.from_dict` or :func:`load_case`."""

    customer_name: str
    message: str
    issue: str
    remedies: tuple[Remedy, ...] = ()
    channel: str = "email"
    language: str = "en"
    agent_name: str | None = None
    company_name: str | None = None
    history: tuple[tuple[str, str], ...] = ()
    metadata: dict[str, Any] = field(default_factory=dict, compare=False)
    #: The document as given, for round-tripping to JSON.
    raw: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def from_dict(cls, data: Any, source: str | None = None) -> Case:
        """Validate ``data`` against the case schema and build a :class:`Case` (raises :class:`CaseError`)."""
        validate_case(data, source)
        customer = data["customer"]
        return cls(
            customer_name=customer["name"].strip(),
            language=customer.get("language", "en"),
            message=data["message"],
            issue=data["issue"],
            remedies=tuple(Remedy(r["id"], r["description"], r.get("eta") or None) for r in data.get("remedies", [])),
            channel=data.get("channel", "email"),
            agent_name=(data.get("agent") or {}).get("name"),
            company_name=(data.get("company") or {}).get("name"),
            history=tuple((h["from"], h["text"]) for h in data.get("history", [])),
            metadata=dict(data.get("metadata") or {}),
            raw=data,
        )

    @property
    def first_name(self) -> str:
        return self.customer_name.split()[0]

    def remedy(self, remedy_id: str) -> Remedy | None:
        return next((r for r in self.remedies if r.id == remedy_id), None)

    def to_dict(self) -> dict[str, Any]:
        return dict(self.raw)


def load_case(path: str | Path) -> Case:
    """Read and validate a case from a JSON file (``-`` reads standard input)."""
    import sys

    source = str(path)
    try:
        text = sys.stdin.read() if source == "-" else Path(path).read_text("utf-8")
    except FileNotFoundError:
        raise CaseError(["file not found"], source) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise CaseError([f"cannot read file ({exc.__class__.__name__})"], source) from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise CaseError([f"not valid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}"], source) from None
    return Case.from_dict(data, source)
