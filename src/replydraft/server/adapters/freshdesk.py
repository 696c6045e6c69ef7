"""Freshdesk -> case, from a ticket as the Freshdesk API v2 returns it (``GET /api/v2/tickets/{id}?include=
requester,conversations``), bare or under ``ticket`` (as an automation webhook can send it).

Fields used: ``subject``, ``description_text`` (else the HTML ``description``), ``requester.name``, ``source``
(7 is chat), ``id``, and ``conversations`` (``body_text``, ``incoming``, ``private``): the latest incoming public
conversation is the customer's message, earlier ones are the history.
"""

from __future__ import annotations

from typing import Any

from ...config import Settings
from ...errors import CaseError
from ...hookspecs import hookimpl
from ._common import build_case, get_path, plain_text, text

SOURCE = "freshdesk"
_CHAT_SOURCES = {7}  # Freshdesk ticket sources: 1 email, 2 portal, 3 phone, 7 chat, 9 feedback widget, ...


def _conversation_text(item: dict[str, Any]) -> str | None:
    return text(item.get("body_text")) or plain_text(item.get("body"))


@hookimpl
def case_from_payload(source: str, payload: Any, settings: Settings) -> dict[str, Any] | None:
    if source != SOURCE:
        return None
    ticket = payload.get("ticket", payload) if isinstance(payload, dict) else None
    if not isinstance(ticket, dict) or not ("subject" in ticket or "description" in ticket):
        raise CaseError(["freshdesk: expected a ticket object (subject, description_text, requester)"])
    description = text(ticket.get("description_text")) or plain_text(ticket.get("description"))
    thread = [("customer", description)] if description else []
    conversations = ticket.get("conversations")
    for item in conversations if isinstance(conversations, list) else []:
        said = _conversation_text(item) if isinstance(item, dict) and not item.get("private") else None
        if said:
            thread.append(("customer" if item.get("incoming") else "agent", said))
    last_customer = max((i for i, (who, _) in enumerate(thread) if who == "customer"), default=None)
    message = thread[last_customer][1] if last_customer is not None else None
    history = [{"from": who, "text": said[:20000]} for who, said in thread[: last_customer or 0]]
    requester = ticket.get("requester")
    return build_case(
        SOURCE,
        payload,
        settings,
        customer_name=text(get_path(requester, "name")) or text(ticket.get("name")),
        message=message,
        issue=text(ticket.get("subject")),
        channel="chat" if ticket.get("source") in _CHAT_SOURCES else "email",
        history=history,
        metadata={"ticket_id": text(ticket.get("id"))},
        missing_message="the ticket has no description_text and no incoming conversation",
    )
