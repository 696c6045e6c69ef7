"""Zendesk -> case. Two documented shapes are understood:

* an event webhook for a ticket (``"type": "zen:event-type:ticket.comment_added"`` or ``...ticket.created``):
  ``detail`` holds the ticket (``subject``, ``description``, ``id``, ``via.channel``) and, for a new comment,
  ``event.comment`` holds ``body``, ``is_public`` and ``author`` (``name``, ``is_staff``);
* a ticket object under ``ticket`` (the Tickets API shape, or a trigger webhook whose JSON body uses Zendesk
  placeholders): ``subject``, ``description``, ``latest_public_comment``, ``requester.name``, ``assignee.name``.
"""

from __future__ import annotations

from typing import Any

from ...config import Settings
from ...errors import CaseError
from ...hookspecs import hookimpl
from ._common import build_case, get_path, obj, text

SOURCE = "zendesk"


def _channel(via: Any) -> str:
    channel = (text(get_path(via, "channel")) if isinstance(via, dict) else text(via)) or ""
    return "chat" if any(word in channel.lower() for word in ("chat", "messag", "whatsapp")) else "email"


def _from_event(payload: dict[str, Any], settings: Settings) -> dict[str, Any]:
    detail = payload.get("detail")
    if not isinstance(detail, dict):
        raise CaseError(["zendesk: detail: required (the ticket the event is about)"])
    comment = get_path(payload, "event", "comment")
    customer = None
    message = None
    if isinstance(comment, dict) and comment.get("is_public", True) is not False:
        author = obj(comment.get("author"))
        if not author.get("is_staff"):
            message, customer = text(comment.get("body")), text(author.get("name"))
    return build_case(
        SOURCE,
        payload,
        settings,
        customer_name=customer,
        message=message or text(detail.get("description")),
        issue=text(detail.get("subject")),
        channel=_channel(detail.get("via")),
        metadata={"ticket_id": text(detail.get("id")), "event": text(payload.get("type"))},
        missing_message="the event has neither a customer comment nor a ticket description",
    )


def _from_ticket(payload: dict[str, Any], settings: Settings) -> dict[str, Any]:
    ticket = payload["ticket"]
    latest = ticket.get("latest_public_comment") or ticket.get("latest_comment")
    message = text(latest.get("body")) if isinstance(latest, dict) else text(latest)
    requester = ticket.get("requester")
    return build_case(
        SOURCE,
        payload,
        settings,
        customer_name=text(get_path(requester, "name")) if isinstance(requester, dict) else text(requester),
        message=message or text(ticket.get("description")),
        issue=text(ticket.get("subject")) or text(ticket.get("title")),
        channel=_channel(ticket.get("via")),
        agent_name=text(get_path(ticket, "assignee", "name")),
        metadata={"ticket_id": text(ticket.get("id"))},
        missing_message="ticket has neither latest_public_comment nor description",
    )


@hookimpl
def case_from_payload(source: str, payload: Any, settings: Settings) -> dict[str, Any] | None:
    if source != SOURCE:
        return None
    if not isinstance(payload, dict):
        raise CaseError(["zendesk: the payload must be a JSON object"])
    if str(payload.get("type", "")).startswith("zen:event-type:ticket."):
        return _from_event(payload, settings)
    if isinstance(payload.get("ticket"), dict):
        return _from_ticket(payload, settings)
    raise CaseError(["zendesk: expected a ticket event webhook (type zen:event-type:ticket.*) or a ticket object"])
