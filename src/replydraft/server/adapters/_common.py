"""What the built-in adapters share: config defaults and assembling a case dict."""

from __future__ import annotations

import html
import re
from typing import Any

from ...config import Settings
from ...errors import CaseError

__all__ = ["build_case", "get_path", "plain_text", "text"]

#: Keys a payload's ``replydraft`` object or the ``[adapters]`` table may set.
_OVERRIDABLE = ("remedies", "agent", "company", "issue", "customer_name", "language", "channel")


def get_path(data: Any, *keys: str | int) -> Any:
    """``data[k1][k2]...`` or ``None`` when any step is missing or of the wrong type."""
    for key in keys:
        if isinstance(key, int):
            if not isinstance(data, list) or not -len(data) <= key < len(data):
                return None
        elif not isinstance(data, dict):
            return None
        data = data[key] if isinstance(key, int) else data.get(key)
    return data


def obj(value: Any) -> dict[str, Any]:
    """``value`` if it is a JSON object, else an empty one: payload fields are often missing or null."""
    return value if isinstance(value, dict) else {}


def text(value: Any) -> str | None:
    """A stripped string, or ``None`` for anything else or blank (helpdesks send ``null`` and ``""`` freely)."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = str(value)
    return value.strip() or None if isinstance(value, str) else None


_TAG = re.compile(r"<(?:br|/p|/div|/li)\b[^>]*>", re.I)
_ANY_TAG = re.compile(r"<[^>]+>")


def plain_text(value: Any) -> str | None:
    """Text from a helpdesk's HTML field: tags dropped, entities decoded, blank lines squeezed."""
    raw = text(value)
    if raw is None:
        return None
    raw = _ANY_TAG.sub("", _TAG.sub("\n", raw))
    lines = [" ".join(line.split()) for line in html.unescape(raw).splitlines()]
    return "\n".join(line for line in lines if line).strip() or None


def _defaults(settings: Settings, source: str, payload: Any) -> dict[str, Any]:
    table = settings.extra.get("adapters") if settings is not None else None
    table = table if isinstance(table, dict) else {}
    merged = {k: table[k] for k in _OVERRIDABLE if k in table}
    per_source = table.get(source)
    if isinstance(per_source, dict):
        merged.update({k: per_source[k] for k in _OVERRIDABLE if k in per_source})
    own = payload.get("replydraft") if isinstance(payload, dict) else None
    if isinstance(own, dict):
        merged.update({k: own[k] for k in _OVERRIDABLE if k in own})
    return merged


def _named(value: Any) -> dict[str, Any] | None:
    if isinstance(value, dict):
        return value
    name = text(value)
    return {"name": name} if name else None


def build_case(
    source: str,
    payload: Any,
    settings: Settings,
    *,
    customer_name: str | None,
    message: str | None,
    issue: str | None,
    channel: str = "email",
    agent_name: str | None = None,
    history: list[dict[str, str]] | None = None,
    metadata: dict[str, Any] | None = None,
    missing_message: str = "the payload has no customer message",
) -> dict[str, Any]:
    """A case dict from what an adapter found, filled in from the payload's ``replydraft`` object and config."""
    if not message:
        raise CaseError([f"{source}: {missing_message}"])
    defaults = _defaults(settings, source, payload)
    case: dict[str, Any] = {
        "customer": {"name": customer_name or text(defaults.get("customer_name")) or "there"},
        "message": message,
        "issue": issue or text(defaults.get("issue")) or f"Not yet investigated ({source} {_ref(metadata)}).",
        # Passed on as given: a malformed list is reported by the case validator with its path.
        "remedies": defaults["remedies"] if defaults.get("remedies") is not None else [],
        "channel": defaults.get("channel") or channel,
    }
    if defaults.get("language"):
        case["customer"]["language"] = defaults["language"]
    # The payload's assignee is the agent who will send the reply; the configured agent is the fallback.
    agent = _named(agent_name) or _named(defaults.get("agent"))
    if agent:
        case["agent"] = agent
    company = _named(defaults.get("company"))
    if company:
        case["company"] = company
    if history:
        case["history"] = history[-100:]
    case["metadata"] = {"source": source, **(metadata or {})}
    return case


def _ref(metadata: dict[str, Any] | None) -> str:
    for key in ("ticket_id", "conversation_id"):
        if metadata and metadata.get(key) is not None:
            return f"#{metadata[key]}"
    return "payload"
