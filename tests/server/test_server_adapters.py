"""Helpdesk payloads -> case -> draft, through the case_from_payload hook and the built-in adapter plugins."""

from __future__ import annotations

import json
from pathlib import Path

import httpx2
import pytest

from replydraft import hookimpl
from replydraft.config import load_settings
from replydraft.errors import CaseError
from replydraft.plugins import new_plugin_host
from replydraft.server.app import create_app
from replydraft.server.settings import ServerSettings

from .conftest import AUTH, TOKEN

PAYLOADS = Path(__file__).parents[2] / "examples" / "payloads"
SAMPLES = {
    "zendesk": "zendesk-ticket-comment-added.json",
    "freshdesk": "freshdesk-ticket.json",
    "chatwoot": "chatwoot-message-created.json",
}
ADAPTERS = {
    "remedies": [{"id": "credit", "description": "A $20 store credit", "eta": "today"}],
    "agent": "Sam",
    "company": "Northwind",
}


def sample(source: str) -> dict:
    return json.loads((PAYLOADS / SAMPLES[source]).read_text())


async def post(app, source: str, payload) -> httpx2.Response:
    async with httpx2.AsyncClient(transport=httpx2.ASGITransport(app=app), base_url="http://s", headers=AUTH) as http:
        return await http.post(f"/v1/drafts?from={source}", json=payload)


@pytest.mark.parametrize("source", sorted(SAMPLES))
async def test_each_sample_payload_becomes_a_draft_with_configured_remedies(make_app, source: str) -> None:
    response = await post(make_app(extra={"adapters": ADAPTERS}), source, sample(source))
    assert response.status_code == 200, response.text
    draft = response.json()
    assert draft["reply"].startswith("Hi ")
    # The stand-in model picks the first remedy the case allows: the one from [adapters].
    assert "$20 store credit" in draft["reply"]


@pytest.mark.parametrize(
    ("source", "customer", "issue_word", "channel"),
    [
        ("zendesk", "Dana Whitfield", "#4821", "email"),
        ("freshdesk", "Priya Raman", "INV-2231", "email"),
        ("chatwoot", "Tomás Ortega", "#5310", "chat"),
    ],
)
def test_adapters_use_the_documented_fields(source, customer, issue_word, channel) -> None:
    host = new_plugin_host()
    settings = load_settings(None).with_overrides(extra={"adapters": ADAPTERS})
    case = host.pm.hook.case_from_payload(source=source, payload=sample(source), settings=settings)
    assert case["customer"]["name"] == customer
    assert issue_word in case["issue"]
    assert case["channel"] == channel
    assert case["metadata"]["source"] == source
    assert case["remedies"] == ADAPTERS["remedies"]
    # The payload's own assignee wins over the configured agent.
    assert case["agent"]["name"] == ("John" if source == "chatwoot" else "Sam")


def test_freshdesk_private_notes_stay_out_and_the_latest_incoming_is_the_message() -> None:
    case = new_plugin_host().pm.hook.case_from_payload(
        source="freshdesk", payload=sample("freshdesk"), settings=load_settings(None)
    )
    assert case["message"].startswith("It's been a day")
    assert all("Internal" not in h["text"] for h in case["history"])
    assert [h["from"] for h in case["history"]] == ["customer", "agent"]


def test_payload_remedies_win_over_configuration() -> None:
    payload = {**sample("zendesk"), "replydraft": {"remedies": [{"id": "refund", "description": "A full refund"}]}}
    settings = load_settings(None).with_overrides(extra={"adapters": ADAPTERS})
    case = new_plugin_host().pm.hook.case_from_payload(source="zendesk", payload=payload, settings=settings)
    assert [r["id"] for r in case["remedies"]] == ["refund"]


def test_zendesk_ticket_object_from_a_trigger_webhook() -> None:
    payload = {
        "ticket": {
            "id": "77",
            "subject": "Router arrived dead",
            "description": "It won't power on.",
            "latest_public_comment": "Still nothing after the reset you suggested.",
            "requester": {"name": "Ada Lovelace"},
            "assignee": {"name": "Grace"},
            "via": "Chat",
        }
    }
    case = new_plugin_host().pm.hook.case_from_payload(source="zendesk", payload=payload, settings=load_settings(None))
    assert case["message"] == "Still nothing after the reset you suggested."
    assert case["customer"]["name"] == "Ada Lovelace" and case["agent"]["name"] == "Grace"
    assert case["channel"] == "chat"


@pytest.mark.parametrize("source", sorted(SAMPLES))
@pytest.mark.parametrize(
    "payload",
    [
        {},
        [],
        "text",
        5,
        {"ticket": []},
        {"event": "message_created", "message_type": ["x"], "conversation": 1},
        {"type": "zen:event-type:ticket.created", "detail": {"via": 5}},
        {"subject": 1, "conversations": 5},
        {"event": "conversation_created", "messages": "no"},
        {"ticket": {"subject": "s"}, "replydraft": {"remedies": 3}},
    ],
)
async def test_malformed_payloads_are_refused_not_crashed(make_app, source: str, payload) -> None:
    response = await post(make_app(), source, payload)
    assert response.status_code in (400, 422), response.text
    assert response.json()["error"]["code"] in ("invalid_payload", "invalid_case")


async def test_outgoing_chatwoot_message_is_not_answered(make_app) -> None:
    payload = {**sample("chatwoot"), "message_type": "outgoing"}
    response = await post(make_app(), "chatwoot", payload)
    assert response.status_code == 422
    assert any("message_type" in d for d in response.json()["error"]["details"])


async def test_unknown_source_is_400_naming_the_loaded_adapters(make_app) -> None:
    response = await post(make_app(), "zammad", sample("zendesk"))
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "unknown_source"
    assert "chatwoot, freshdesk, zendesk" in error["details"][0]


class ZammadAdapter:
    """A third-party adapter, registered the way a plugin would be."""

    @hookimpl
    def case_from_payload(self, source, payload, settings):
        if source != "zammad":
            return None
        return {"customer": {"name": "Kim"}, "message": payload["article"]["body"], "issue": payload["title"]}


class BrokenAdapter:
    @hookimpl
    def case_from_payload(self, source, payload, settings):
        raise RuntimeError("bug in a plugin, quoting " + json.dumps(payload))


async def test_a_plugin_can_add_a_source(standin) -> None:
    settings = load_settings(None, base_url=standin.base_url, model="standin")
    host = new_plugin_host(plugins=[ZammadAdapter()])
    app = create_app(settings, ServerSettings(tokens=(TOKEN,)), plugins=host)
    response = await post(app, "zammad", {"title": "Late parcel", "article": {"body": "Where is my parcel?"}})
    assert response.status_code == 200, response.text


async def test_a_crashing_adapter_is_reported_by_name_only(standin, caplog) -> None:
    settings = load_settings(None, base_url=standin.base_url, model="standin")
    app = create_app(settings, ServerSettings(tokens=(TOKEN,)), plugins=new_plugin_host(plugins=[BrokenAdapter()]))
    response = await post(app, "zammad", {"secret": "Quimby-unique-customer-words"})
    assert response.status_code == 500
    assert response.json()["error"]["code"] == "adapter_failed"
    assert "Quimby" not in response.text
    assert all("Quimby" not in r.getMessage() for r in caplog.records)


def test_adapter_raising_case_error_is_what_the_hook_contract_says() -> None:
    host = new_plugin_host()
    with pytest.raises(CaseError):
        host.pm.hook.case_from_payload(source="zendesk", payload={"nothing": 1}, settings=load_settings(None))
    assert host.pm.hook.case_from_payload(source="elsewhere", payload={}, settings=load_settings(None)) is None
