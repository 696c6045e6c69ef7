"""Chatwoot -> case, from a webhook event (Settings -> Integrations -> Webhooks).

* ``message_created`` / ``message_updated``: the message is ``content`` (only ``"message_type": "incoming"``,
  i.e. from the contact), the customer is ``sender.name``, and ``conversation`` carries ``messages``, ``meta``
  (``sender``, ``assignee``), ``channel`` and ``custom_attributes``.
* ``conversation_created`` / ``conversation_updated`` / ``conversation_status_changed`` (and the older
  ``conversation_opened``/``conversation_resolved``): the conversation is the payload itself; the latest incoming
  message in ``messages`` is the customer's message.

Message types in ``messages`` are numbers: 0 incoming, 1 outgoing, 2 activity, 3 template. The issue comes from
the conversation's ``custom_attributes.issue`` when the team keeps one there.
"""

from __future__ import annotations

from typing import Any

from ...config import Settings
from ...errors import CaseError
from ...hookspecs import hookimpl
from ._common import build_case, get_path, obj, text

SOURCE = "chatwoot"
_WHO = {0: "customer", 1: "agent", "incoming": "customer", "outgoing": "agent"}


def _thread(conversation: dict[str, Any]) -> list[tuple[Any, str, str]]:
    out = []
    messages = conversation.get("messages")
    for item in messages if isinstance(messages, list) else []:
        if not isinstance(item, dict) or item.get("private"):
            continue
        kind = item.get("message_type")
        who, said = _WHO.get(kind) if isinstance(kind, (int, str)) else None, text(item.get("content"))
        if who and said:
            out.append((item.get("id"), who, said))
    return out


@hookimpl
def case_from_payload(source: str, payload: Any, settings: Settings) -> dict[str, Any] | None:
    if source != SOURCE:
        return None
    if not isinstance(payload, dict):
        raise CaseError(["chatwoot: the payload must be a JSON object"])
    event = text(payload.get("event")) or ""
    if event.startswith("message_"):
        if payload.get("message_type") not in ("incoming", 0):
            raise CaseError(["chatwoot: message_type: only incoming messages (from the contact) can be answered"])
        conversation = obj(payload.get("conversation"))
        thread = [t for t in _thread(conversation) if t[0] != payload.get("id")]
        message, customer = text(payload.get("content")), text(get_path(payload, "sender", "name"))
    elif event.startswith("conversation_"):
        conversation = payload
        thread = _thread(conversation)
        last = max((i for i, t in enumerate(thread) if t[1] == "customer"), default=None)
        message = thread[last][2] if last is not None else None
        thread = thread[: last or 0]
        customer = None
    else:
        raise CaseError(["chatwoot: event: expected a message_* or conversation_* webhook event"])
    meta = obj(conversation.get("meta"))
    customer = customer or text(get_path(meta, "sender", "name"))
    channel_kind = text(conversation.get("channel")) or ""
    return build_case(
        SOURCE,
        payload,
        settings,
        customer_name=customer,
        message=message,
        issue=text(get_path(conversation, "custom_attributes", "issue")),
        channel="email" if channel_kind == "Channel::Email" else "chat",
        agent_name=text(get_path(meta, "assignee", "available_name")) or text(get_path(meta, "assignee", "name")),
        history=[{"from": who, "text": said[:20000]} for _, who, said in thread],
        metadata={"conversation_id": conversation.get("display_id") or conversation.get("id")},
        missing_message="the conversation has no incoming message",
    )
