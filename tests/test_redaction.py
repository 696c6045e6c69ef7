"""Redaction before the model: customer data becomes placeholders in what is sent, and comes back in the draft."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

import pytest

from replydraft import ConfigError, Engine, Guardrail, PluginError, Settings, hookimpl, load_settings
from replydraft.openai_client import OpenAIChatModel, RetryPolicy
from replydraft.plugins import new_plugin_host
from replydraft.redact import PatternRedactor, Redaction, validate_redactor

sys.path.insert(0, str(Path(__file__).parent / "faults"))
from replydraft_guardrails import redact_pii
from standin import StandIn, completion_body, valid_answer

BUILT_IN = redact_pii.REDACTORS

SENSITIVE = {
    "email": "dana.whitfield+desk@example.co.uk",
    "phone": "+44 20 7946 0958",
    "card": "4111 1111 1111 1111",
    "iban": "DE89 3704 0044 0532 0130 00",
    "address": "221B Baker Street, Apt 4",
}
MESSAGE = (
    f"Write to {SENSITIVE['email']} or call {SENSITIVE['phone']}. I paid with {SENSITIVE['card']}, refund to "
    f"{SENSITIVE['iban']}. Deliver to {SENSITIVE['address']} please. Order #4821 from 2026-11-20 at 10:30."
)


def _labels(text: str) -> list[str]:
    redaction = Redaction(BUILT_IN)
    out = redaction.redact(text)
    return re.findall(r"\[([A-Z]+)_\d+\]", out)


# -- the built-in patterns -------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("dana@example.com", "EMAIL"),
        ("first.last+tag@mail.example.org", "EMAIL"),
        ("józef@przykład.pl", "EMAIL"),
        ("+44 20 7946 0958", "PHONE"),
        ("(555) 123-4567", "PHONE"),
        ("0044-20-7946-0958", "PHONE"),
        ("07700 900123", "PHONE"),
        ("+1.555.123.4567", "PHONE"),
        ("4111 1111 1111 1111", "CARD"),
        ("5500-0000-0000-0004", "CARD"),
        ("378282246310005", "CARD"),
        ("1234 5678 9012 3456", "CARD"),  # fails Luhn, still written as a card
        ("DE89 3704 0044 0532 0130 00", "IBAN"),
        ("GB82WEST12345698765432", "IBAN"),
        ("gb82 west 1234 5698 7654 32", "IBAN"),
        ("221B Baker Street", "ADDRESS"),
        ("1600 Pennsylvania Ave NW, Suite 4", "ADDRESS"),
        ("42 Elm Drive", "ADDRESS"),
        ("12 main street", "ADDRESS"),
        ("Hauptstraße 12a", "ADDRESS"),
        ("12 rue de la Paix", "ADDRESS"),
        ("Calle Mayor 5", "ADDRESS"),
    ],
)
def test_built_in_redactors_find(text, label):
    assert _labels(f"Reach me: {text}. Thanks") == [label]


@pytest.mark.parametrize(
    "text",
    [
        "Order #4821 is late",
        "order #48213321 is late",
        "It was due on 2026-11-20 at 10:30",
        "Due 20.11.2026 or 11/20/2026",
        "It cost $1,299.00",
        "I took 2 things in the way",
        "It is a 5 minute drive away",
        "Version 4.2.1 broke it",
        "Tracking 1Z999AA10123456784",
        "I waited 3 days and 4 hours",
    ],
)
def test_built_in_redactors_leave_ordinary_text_alone(text):
    assert _labels(text) == []


# -- the placeholder map ---------------------------------------------------------------------------------------
def test_same_value_same_placeholder_and_restore_round_trips():
    redaction = Redaction(BUILT_IN)
    out = redaction.redact("a@example.com, b@example.com, a@example.com")
    assert out == "[EMAIL_1], [EMAIL_2], [EMAIL_1]"
    assert redaction.restore("Hi, we wrote to [EMAIL_2] and [email 1].") == (
        "Hi, we wrote to b@example.com and a@example.com."
    )


def test_a_placeholder_the_customer_typed_is_never_handed_out():
    redaction = Redaction(BUILT_IN)
    out = redaction.redact("my address is [EMAIL_1] lol, really it is a@example.com")
    assert out == "my address is [EMAIL_1] lol, really it is [EMAIL_2]"
    assert redaction.restore("[EMAIL_1] / [EMAIL_2]") == "[EMAIL_1] / a@example.com"


def test_a_value_seen_once_is_hidden_everywhere():
    # The phone pattern needs 8 digits; once found, the same digits elsewhere are hidden too.
    redaction = Redaction(BUILT_IN)
    redaction.redact("call +44 20 7946 0958")
    assert redaction.redact("again: +44 20 7946 0958!") == "again: [PHONE_1]!"


def test_no_redactors_is_a_no_op(make_case):
    case = make_case(message=MESSAGE)
    assert Redaction().case(case) is case
    assert Redaction().redact(MESSAGE) == MESSAGE


def test_redactor_validation():
    assert validate_redactor(PatternRedactor("order-id", "ORDER", r"\d+")) is None
    assert "label" in validate_redactor(PatternRedactor("order-id", "order", r"\d+"))
    assert "id" in validate_redactor(PatternRedactor("Order ID", "ORDER", r"\d+"))
    assert "find" in validate_redactor(type("R", (), {"id": "x", "label": "X"})())


# -- through the engine, over real HTTP ----------------------------------------------------------------------------
class _Seen(Guardrail):
    """Records the replies guardrails are given; flags the first one so a repair round happens."""

    id = "seen"
    description = "test guardrail"

    def __init__(self) -> None:
        self.replies: list[str] = []

    def check(self, reply: str, case: Any) -> list[Any]:
        self.replies.append(reply)
        return [self.finding("first draft flagged", 0, len(reply))] if len(self.replies) == 1 else []


def _echo_placeholders(h: Any, body: dict[str, Any]) -> None:
    """A model that repeats every placeholder it was shown, the way a model quoting contact details would."""
    shown = sorted(set(re.findall(r"\[[A-Z]+_\d+\]", json.dumps(body["messages"]))))
    schema = body["response_format"]["json_schema"]["schema"]
    answer = valid_answer(schema, "noted " + " ".join(shown))
    h.send_json(200, completion_body(json.dumps(answer)))


def _engine(server: StandIn, settings: Settings | None = None, plugins: tuple[Any, ...] = ()) -> Engine:
    model = OpenAIChatModel(
        "stand-in", base_url=server.base_url, api_key="sk-test-redaction-000000", retry=RetryPolicy(max_attempts=1)
    )
    # Only the built-in redactors (plus the test's own plugins): no guardrails from other plugins interfere.
    host = new_plugin_host(load_entry_points=False, plugins=(redact_pii, *plugins))
    return Engine(settings or Settings(max_repairs=1), model=model, plugins=host)


def _case(make_case: Any) -> Any:
    return make_case(
        message=MESSAGE,
        history=[{"from": "customer", "text": f"I already sent my number {SENSITIVE['phone']}."}],
        remedies=[
            {"id": "pickup", "description": f"A free courier pickup from {SENSITIVE['address']}", "eta": "tomorrow"}
        ],
        issue=f"Customer {SENSITIVE['email']} was charged twice.",
    )


def test_case_data_never_reaches_the_model_and_comes_back_in_the_draft(make_case):
    seen = _Seen()

    class Plugin:
        @hookimpl
        def register_guardrails(self, register: Any) -> None:
            register(seen)

    with StandIn() as server:
        server.always(_echo_placeholders)
        draft = _engine(server, plugins=(Plugin(),)).draft(_case(make_case))
    assert draft.ready and draft.attempts == 2 and len(server.requests) == 2
    sent = json.dumps([r.body for r in server.requests], ensure_ascii=False)
    for value in SENSITIVE.values():
        assert value not in sent
    for label in ("EMAIL", "PHONE", "CARD", "IBAN", "ADDRESS"):
        assert f"[{label}_1]" in sent
    assert "Dana Whitfield" in sent  # the name is kept: the reply must use it
    # The repair round quoted the restored reply back to the model: redacted again on the way out.
    assert "first draft flagged" in server.requests[1].messages[-1]["content"]
    # Guardrails and the reader see the real values, never a placeholder.
    for reply in (*seen.replies, draft.reply):
        assert "[" not in reply
        for value in (SENSITIVE["email"], SENSITIVE["phone"], SENSITIVE["iban"]):
            assert value in reply
    assert draft.reply.startswith("Hi Dana")
    assert SENSITIVE["address"] in draft.reply  # restored in the remedy wording too


async def test_async_draft_redacts_too(make_case):
    with StandIn() as server:
        server.always(_echo_placeholders)
        draft = await _engine(server).adraft(_case(make_case))
    sent = json.dumps([r.body for r in server.requests], ensure_ascii=False)
    assert SENSITIVE["email"] not in sent and SENSITIVE["email"] in draft.reply


def test_redaction_can_be_switched_off(make_case, tmp_path):
    config = tmp_path / "replydraft.toml"
    config.write_text("redaction = false\n")
    settings = load_settings(config)
    assert settings.redaction is False
    with StandIn() as server:
        server.always(_echo_placeholders)
        _engine(server, settings).draft(_case(make_case))
    assert SENSITIVE["email"] in json.dumps(server.requests[0].body, ensure_ascii=False)


def test_one_redactor_can_be_switched_off(make_case, tmp_path):
    config = tmp_path / "replydraft.toml"
    config.write_text('[redaction]\nenabled = true\ndisable = ["street-address"]\n')
    settings = load_settings(config)
    assert (settings.redaction, settings.redaction_disable) == (True, ["street-address"])
    with StandIn() as server:
        server.always(_echo_placeholders)
        _engine(server, settings).draft(_case(make_case))
    sent = json.dumps(server.requests[0].body, ensure_ascii=False)
    assert SENSITIVE["address"] in sent and SENSITIVE["email"] not in sent


def test_redaction_settings_from_environment_and_errors(monkeypatch, tmp_path):
    monkeypatch.setenv("REPLYDRAFT_REDACTION", "0")
    assert load_settings().redaction is False
    monkeypatch.setenv("REPLYDRAFT_REDACTION", "maybe")
    with pytest.raises(ConfigError, match="redaction must be true or false"):
        load_settings()
    monkeypatch.delenv("REPLYDRAFT_REDACTION")
    assert load_settings().redaction is True  # on by default
    bad = tmp_path / "bad.toml"
    bad.write_text('[redaction]\ndisable = "iban"\n')
    with pytest.raises(ConfigError, match=r"redaction\.disable"):
        load_settings(bad)


def test_a_company_adds_its_own_pattern(make_case):
    class OrderIds:
        @hookimpl
        def register_redactors(self, register: Any) -> None:
            register(PatternRedactor("order-id", "ORDER", r"\border\s*#?\s*([A-Z]-\d{6})\b", group=1, flags=re.I))

    with StandIn() as server:
        server.always(_echo_placeholders)
        case = make_case(message="Where is order A-123456? Mail me at x@example.com")
        draft = _engine(server, plugins=(OrderIds(),)).draft(case)
    sent = json.dumps(server.requests[0].body)
    assert "A-123456" not in sent and "order [ORDER_1]" in sent and "[EMAIL_1]" in sent
    assert "A-123456" in draft.reply


def test_a_failing_redactor_stops_the_draft_before_the_model(make_case):
    class Broken:
        id = "broken"
        label = "BROKEN"

        def find(self, text: str) -> Any:
            raise RuntimeError(f"cannot handle {text}")

    class Plugin:
        @hookimpl
        def register_redactors(self, register: Any) -> None:
            register(Broken())

    with StandIn() as server:
        with pytest.raises(PluginError) as caught:
            _engine(server, plugins=(Plugin(),)).draft(_case(make_case))
        assert server.requests == []
    # The error names the redactor but never quotes the text it was given.
    assert "broken" in str(caught.value) and "Baker" not in str(caught.value)


def test_a_malformed_redactor_is_reported_and_skipped(make_case):
    class Plugin:
        @hookimpl
        def register_redactors(self, register: Any) -> None:
            register(PatternRedactor("bad id!", "X", r"x"))
            register(PatternRedactor("email", "EMAIL", r"dup"))  # id taken by the built-in

    host = new_plugin_host(load_entry_points=False, plugins=(redact_pii, Plugin()))
    engine = Engine(Settings(), model=object(), plugins=host)  # type: ignore[arg-type]
    redaction = engine.redaction()
    assert [r.id for r in redaction.redactors] == [r.id for r in BUILT_IN]
    problems = [p.error for p in host.problems]
    assert any("bad id!" in p for p in problems) and any("already registered" in p for p in problems)


def test_built_in_redactors_load_from_the_entry_point():
    host = new_plugin_host()
    engine = Engine(Settings(), model=object(), plugins=host)  # type: ignore[arg-type]
    assert {"email", "phone", "card-number", "iban", "street-address"} <= {r.id for r in engine.redaction().redactors}


def _texts_with_addresses_and_numbers() -> list[str]:
    """Every reply, message and issue in the guardrail corpus, plus addresses in each style the patterns know."""
    texts = [MESSAGE]
    for path in sorted((Path(__file__).parent / "corpus").glob("*.jsonl")):
        for line in path.read_text("utf-8").splitlines():
            row = json.loads(line)
            texts.append(row["reply"])
            if isinstance(row["case"], dict):
                texts += [row["case"]["message"], row["case"]["issue"]]
    streets = [
        "221B Baker Street",
        "1600 Pennsylvania Ave NW, Suite 4",
        "Hauptstraße 12a",
        "Am Lindenweg 3",
        "12 rue de la Paix",
        "Calle Mayor 5",
        "via Roma 10",
        "Viale Monza 22",
        "avenida Paulista 1000",
        "Rua Augusta 15",
        "#12 Main Street",
        "a12 Main Street",
        "xvia Roma 10",
        "x-Hauptstraße 12",
        "5 Ölweg 3",
        "order 12 the Street",
        "DE89 3704 0044 0532 0130 00",
        "GB82WEST12345698765432",
        "xDE89370400440532013000",
    ]
    texts += [*streets, " and ".join(streets), "".join(streets), "\n".join(streets)]
    return texts


def test_fast_street_and_iban_finders_find_what_their_patterns_find() -> None:
    # The address and IBAN redactors scan with rewritten patterns for speed; STREET and IBAN stay the definition.
    texts = _texts_with_addresses_and_numbers()
    assert len(texts) > 3000
    for text in texts:
        assert redact_pii._street_spans(text) == [m.span() for m in redact_pii.STREET.finditer(text)], text
        assert redact_pii._iban_spans(text) == [m.span() for m in redact_pii.IBAN.finditer(text)], text
    assert sum(bool(redact_pii._street_spans(text)) for text in texts) >= 15  # the check is not vacuous
