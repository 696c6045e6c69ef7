"""The API over an in-process ASGI transport: routes, errors, auth, and what never leaks."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import httpx2
import pytest

from replydraft.server.standin import StandIn

from .conftest import AUTH, TOKEN

EXAMPLES = sorted((Path(__file__).parents[2] / "examples").glob("*.json"))
CASE = json.loads((Path(__file__).parents[2] / "examples" / "late-delivery.json").read_text())


def error_of(response: httpx2.Response) -> dict:
    body = response.json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message", "details"}
    assert response.headers["content-type"] == "application/json"
    return body["error"]


async def test_healthz_needs_no_token(make_app) -> None:
    async with httpx2.AsyncClient(transport=httpx2.ASGITransport(app=make_app()), base_url="http://s") as http:
        response = await http.get("/healthz")
    assert response.status_code == 200 and response.json() == {"status": "ok"}


@pytest.mark.parametrize(
    ("method", "path"),
    [("GET", "/v1/guardrails"), ("POST", "/v1/drafts"), ("POST", "/v1/checks"), ("GET", "/openapi.json")],
)
@pytest.mark.parametrize("header", [None, "Bearer wrong-token-but-long-enough", f"Basic {TOKEN}", "Bearer "])
async def test_every_endpoint_but_healthz_needs_the_token(make_app, method: str, path: str, header) -> None:
    headers = {"Authorization": header} if header else {}
    async with httpx2.AsyncClient(transport=httpx2.ASGITransport(app=make_app()), base_url="http://s") as http:
        response = await http.request(method, path, headers=headers, json=CASE)
    assert response.status_code == 401
    assert error_of(response)["code"] == "unauthorized"
    assert response.headers["www-authenticate"].startswith("Bearer")


async def test_any_configured_token_is_accepted(make_app) -> None:
    app = make_app(tokens=("first-token-0123456789", "second-token-0123456789"))
    async with httpx2.AsyncClient(transport=httpx2.ASGITransport(app=app), base_url="http://s") as http:
        for token in ("first-token-0123456789", "second-token-0123456789"):
            response = await http.get("/v1/guardrails", headers={"Authorization": f"Bearer {token}"})
            assert response.status_code == 200


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
async def test_each_example_case_becomes_a_draft(client, example: Path) -> None:
    response = await client.post("/v1/drafts", content=example.read_bytes())
    assert response.status_code == 200, response.text
    draft = response.json()
    assert draft["status"] in ("ready", "needs_review")
    assert draft["reply"].startswith("Hi ")
    assert draft["prompt_version"] and draft["attempts"] >= 1
    assert response.headers["x-request-id"]


async def test_form_encoded_curl_body_is_read_as_json(client) -> None:
    # `curl -d @case.json` sends application/x-www-form-urlencoded; the body is still the case.
    response = await client.post(
        "/v1/drafts", content=json.dumps(CASE), headers={"Content-Type": "application/x-www-form-urlencoded"}
    )
    assert response.status_code == 200


async def test_missing_message_is_422_with_its_path(client) -> None:
    case = {k: v for k, v in CASE.items() if k != "message"}
    response = await client.post("/v1/drafts", json=case)
    assert response.status_code == 422
    error = error_of(response)
    assert error["code"] == "invalid_case"
    assert "message: required" in error["details"]


async def test_nested_problems_carry_json_paths(client) -> None:
    case = {**CASE, "remedies": [{"id": "a", "description": ""}], "customer": {"name": "D", "shoe": 1}}
    response = await client.post("/v1/drafts", json=case)
    details = error_of(response)["details"]
    assert "remedies[0].description: must not be empty" in details
    assert "customer.shoe: unknown field" in details


@pytest.mark.parametrize("body", [b"", b"{not json", b'{"a": "\\ud800"}', b"\xff\xfe", b"[" * 5000 + b"]" * 5000])
async def test_unreadable_bodies_are_400(client, body: bytes) -> None:
    response = await client.post("/v1/drafts", content=body)
    assert response.status_code == 400
    assert error_of(response)["code"] == "invalid_json"


async def test_check_passes_a_good_reply_and_flags_blame(client) -> None:
    good = await client.post("/v1/checks", json={"case": CASE, "reply": "Hi Dana, I'll call you by 5pm today."})
    assert good.status_code == 200 and set(good.json()) == {"passed", "findings"}
    bad = await client.post(
        "/v1/checks", json={"case": CASE, "reply": "Hi Dana, you should have read the delivery terms."}
    )
    assert bad.status_code == 200
    verdict = bad.json()
    assert verdict["passed"] is False
    assert "blame" in {f["guardrail"] for f in verdict["findings"]}


async def test_check_request_problems_have_paths(client) -> None:
    case = {k: v for k, v in CASE.items() if k != "message"}
    response = await client.post("/v1/checks", json={"case": case, "extra": 1})
    details = error_of(response)["details"]
    assert response.status_code == 422
    assert {"reply: required", "extra: unknown field", "case.message: required"} <= set(details)


async def test_guardrails_lists_ids_severities_descriptions(client) -> None:
    response = await client.get("/v1/guardrails")
    guardrails = {g["id"]: g for g in response.json()["guardrails"]}
    assert {"blame", "rash-promise", "next-steps"} <= set(guardrails)
    assert all(g["description"] and g["severity"] in ("error", "warning") for g in guardrails.values())


async def test_openapi_document_has_the_case_schema_and_bearer_security(client) -> None:
    doc = (await client.get("/openapi.json")).json()
    assert doc["components"]["schemas"]["Case"]["required"] == ["customer", "message", "issue"]
    body = doc["paths"]["/v1/drafts"]["post"]["requestBody"]["content"]["application/json"]["schema"]
    assert body == {"$ref": "#/components/schemas/Case"}
    assert doc["paths"]["/v1/drafts"]["post"]["security"] == [{"bearer": []}]
    assert "security" not in doc["paths"]["/healthz"]["get"]
    assert {"401", "413", "422", "429"} <= set(doc["paths"]["/v1/drafts"]["post"]["responses"])


async def test_unknown_path_and_method_use_the_error_shape(client) -> None:
    missing = await client.get("/v1/nothing")
    assert missing.status_code == 404 and error_of(missing)["code"] == "not_found"
    wrong = await client.delete("/v1/drafts")
    assert wrong.status_code == 405 and error_of(wrong)["code"] == "method_not_allowed"
    assert wrong.headers["allow"] == "POST"


async def test_transient_model_fault_is_retried(make_app) -> None:
    flaky = StandIn(fail_first=1, fail_status=503)
    flaky.start()
    try:
        async with httpx2.AsyncClient(
            transport=httpx2.ASGITransport(app=make_app(base_url=flaky.base_url)), base_url="http://s", headers=AUTH
        ) as http:
            response = await http.post("/v1/drafts", json=CASE)
        assert response.status_code == 200
        assert flaky.calls == 2
    finally:
        flaky.stop()


async def test_model_failure_is_502_without_details_or_customer_text(make_app, caplog) -> None:
    broken = StandIn(fail_first=10**9, fail_status=400)
    broken.start()
    caplog.set_level(logging.DEBUG)
    secret = "Quimby-unique-customer-words"
    try:
        async with httpx2.AsyncClient(
            transport=httpx2.ASGITransport(app=make_app(base_url=broken.base_url)), base_url="http://s", headers=AUTH
        ) as http:
            response = await http.post("/v1/drafts", json={**CASE, "message": secret})
    finally:
        broken.stop()
    assert response.status_code == 502
    assert error_of(response)["code"] == "model_error"
    assert secret not in response.text and "Traceback" not in response.text
    assert all(secret not in r.getMessage() for r in caplog.records)


async def test_access_log_has_request_id_and_latency_but_no_body(client, caplog) -> None:
    caplog.set_level(logging.INFO, logger="replydraft.server.access")
    secret = "Quimby-unique-customer-words"
    response = await client.post("/v1/drafts", json={**CASE, "message": secret}, headers={"X-Request-ID": "abc-123"})
    bad = await client.post("/v1/drafts", json={**CASE, "message": secret, "issue": 5})
    assert response.headers["x-request-id"] == "abc-123"
    assert secret not in bad.text
    lines = [r.getMessage() for r in caplog.records if r.name == "replydraft.server.access"]
    assert any("request_id=abc-123" in line and "status=200" in line and "latency_ms=" in line for line in lines)
    assert all(secret not in r.getMessage() for r in caplog.records)


async def test_unsafe_request_ids_are_replaced(client) -> None:
    response = await client.get("/healthz", headers={"X-Request-ID": "bad id\nwith newline"[:10]})
    assert response.headers["x-request-id"] != "bad id\nwit"
    assert len(response.headers["x-request-id"]) == 32
