"""Nothing sensitive in artefacts: run the CLI, the engine, the recorder and the eval runner on a case full of
customer data, with a fake API key set, and grep every log line, stdout/stderr, error message, cassette and report
written for the customer's e-mail, phone, card, IBAN and address, and the key.

The model is a loopback stand-in (``tests/faults/standin.py``); nothing leaves the machine. The draft shown to the
agent is the one place customer data may legitimately appear (it is their reply), so the stand-in answers without
quoting contact details and the draft is grepped too.
"""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from replydraft import Engine, ModelError, load_settings
from replydraft.cli import main as cli_main
from replydraft.plugins import new_plugin_host

sys.path.insert(0, str(Path(__file__).parent / "faults"))
from standin import StandIn, answer, closed_port, stand_in_model, status

KEY = "sk-leaktest-SECRET0123456789abcdefXYZ"
EMAIL = "leak.test+orders@example.org"
PHONE = "+44 7700 900456"
CARD = "4111 1111 1111 1111"
IBAN = "GB82 WEST 1234 5698 7654 32"
ADDRESS = "17 Juniper Lane"
SECRETS = {"api key": KEY, "email": EMAIL, "phone": PHONE, "card": CARD, "iban": IBAN, "address": ADDRESS}
# A phrase only the customer's message holds: a server echoing the request must not carry it into an error.
MESSAGE_PHRASE = "my grandmother's birthday"

CASE = {
    "customer": {"name": "Robin Leak", "email": EMAIL, "phone": PHONE},
    "message": (
        f"The gift for {MESSAGE_PHRASE} never came. Call me on {PHONE} or mail {EMAIL}. I paid with {CARD}; "
        f"refund to {IBAN} if needed. Send it to {ADDRESS}."
    ),
    "issue": "Order #8812 was sent to an old address on file.",
    "remedies": [{"id": "reship", "description": "A replacement sent by express post", "eta": "arrives in 2 days"}],
    "agent": {"name": "Sam"},
    "company": {"name": "Northwind Home"},
}


def _grep(text: str, where: str, allowed: tuple[str, ...] = ()) -> list[str]:
    return [f"{name} in {where}" for name, value in SECRETS.items() if name not in allowed and value in text]


def _cli(args: list[str], capsys: Any) -> tuple[int, str, str]:
    try:
        cli_main(args)
        code = 0
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    case_file = tmp_path / "inputs" / "case.json"
    case_file.parent.mkdir()
    case_file.write_text(json.dumps(CASE), "utf-8")
    reply_file = tmp_path / "inputs" / "reply.txt"
    reply_file.write_text("Hi Robin, we sent your gift to the wrong address, and that's on us. I'm sorry.", "utf-8")
    monkeypatch.setenv("OPENAI_API_KEY", KEY)
    monkeypatch.setenv("REPLYDRAFT_MAX_ATTEMPTS", "2")
    monkeypatch.setenv("REPLYDRAFT_MAX_REPAIRS", "1")
    monkeypatch.delenv("REPLYDRAFT_CONFIG", raising=False)
    monkeypatch.chdir(tmp_path)
    out = tmp_path / "artefacts"
    out.mkdir()
    return {"case": case_file, "reply": reply_file, "out": out}


def test_no_customer_data_or_key_in_any_artefact(env, capsys, caplog, monkeypatch):
    caplog.set_level(logging.DEBUG)  # every logger, the SDK's and the HTTP client's included
    leaks: list[str] = []
    errors: list[str] = []

    def echo_then_fail(h: Any, body: dict[str, Any]) -> None:
        # A proxy that quotes the request (customer text) and the caller's key back in its error.
        said = json.dumps(body["messages"][-1]["content"])[-180:]
        h.send_json(503, {"error": {"message": f"overloaded ({h.headers.get('Authorization')}): {said}"}})

    with StandIn() as server:
        monkeypatch.setenv("OPENAI_BASE_URL", server.base_url)

        # 1. A successful draft, text and JSON output.
        server.always(answer("email you the new tracking number"))
        for fmt in ("text", "json"):
            code, out, err = _cli(["draft", str(env["case"]), "--format", fmt], capsys)
            assert code in (0, 1), err
            leaks += _grep(out + err, f"draft --format {fmt}")
        # What went over the wire: placeholders, never the values; and the key only in the auth header.
        wire = json.dumps([r.body for r in server.requests])
        leaks += _grep(wire, "request bodies sent to the model")
        assert all(r.headers.get("authorization") == f"Bearer {KEY}" for r in server.requests)

        # 2. The endpoint fails and echoes the request and the key.
        server.requests.clear()
        server.always(echo_then_fail)
        code, out, err = _cli(["draft", str(env["case"])], capsys)
        assert code == 1 and len(err.strip().splitlines()) == 1 and "HTTP 503" in err
        leaks += _grep(out + err, "draft error")
        errors.append(err)

        # 3. The same through the Python API: the ModelError itself.
        engine = Engine(load_settings(), model=stand_in_model(server.base_url, max_attempts=1))
        with pytest.raises(ModelError) as caught:
            engine.draft(engine_case())
        errors += [str(caught.value), repr(caught.value)]

        # 4. A recorded run (redaction on, the default) and one with redaction off: the cassette scrubber still
        #    removes the key, e-mail addresses and phone numbers.
        from replydraft.recording import make_vcr

        server.always(answer("email you the new tracking number"))
        for redaction, name in ((True, "redacted"), (False, "unredacted")):
            settings = load_settings(redaction=redaction, max_repairs=0)
            engine = Engine(settings, model=stand_in_model(server.base_url), plugins=new_plugin_host())
            with make_vcr(env["out"] / "cassettes", record=True).use_cassette(f"{name}.yaml"):
                engine.draft(engine_case())
        unredacted = (env["out"] / "cassettes" / "unredacted.yaml").read_text("utf-8")
        leaks += _grep(unredacted, "unredacted cassette", allowed=("card", "iban", "address"))
        assert yaml.safe_load(unredacted)["interactions"]  # it did record something

        # 5. An eval run writing every report it can, recording its cassettes.
        suite = env["out"] / "suite.yaml"
        suite.write_text(
            yaml.safe_dump(
                {
                    "name": "leaks",
                    "defaults": {"endpoint": server.base_url, "model": "stand-in", "max_repairs": 0},
                    "cases": [{"id": "leaky", "case": str(env["case"]), "assert": [{"status": "ready"}]}],
                }
            ),
            "utf-8",
        )
        reports = [f"--json={env['out'] / 'r.json'}", f"--html={env['out'] / 'r.html'}"]
        reports.append(f"--junit={env['out'] / 'r.xml'}")
        code, out, err = _cli(["eval", str(suite), "--record", "-q", *reports], capsys)
        assert code in (0, 1), err
        leaks += _grep(out + err, "eval output")

    # 6. Nothing listening at all.
    monkeypatch.setenv("OPENAI_BASE_URL", f"http://127.0.0.1:{closed_port()}/v1")
    code, out, err = _cli(["draft", str(env["case"])], capsys)
    assert code == 1 and "connection failed" in err
    leaks += _grep(out + err, "connection error")
    errors.append(err)

    # 7. A person's reply checked against the case. No model, so no redaction map: a guardrail's suggestion may
    #    quote the customer's message back to the agent who is reading it; only the key must never appear.
    code, out, err = _cli(["check", "--case", str(env["case"]), str(env["reply"])], capsys)
    leaks += _grep(out + err, "check output", allowed=("email", "phone", "card", "iban", "address"))

    # Every file written, every log line, every error.
    files = [p for p in env["out"].rglob("*") if p.is_file()]
    assert len(files) >= 4, files  # two cassettes, the suite, reports and the eval's cassettes
    for path in files:
        if path.name == "suite.yaml":
            continue
        # The scrubbers of cassettes and of the HTML report's copy of the message promise key, e-mail and phone.
        allowed = ("card", "iban", "address") if path.name in ("unredacted.yaml", "r.html") else ()
        leaks += _grep(path.read_text("utf-8", "replace"), str(path.relative_to(env["out"])), allowed)
    for record in caplog.records:
        leaks += _grep(f"{record.name} {record.getMessage()}", f"log record {record.name}")
    for error in errors:
        leaks += _grep(error, "error message")
        assert MESSAGE_PHRASE not in error, error
    assert KEY not in repr(load_settings())
    assert not leaks, "\n".join(leaks)


def engine_case() -> Any:
    from replydraft import Case

    return Case.from_dict(CASE)


def test_status_error_detail_is_kept_when_it_quotes_nothing(monkeypatch):
    # The scrubbing must not throw away a useful server message.
    with StandIn() as server:
        server.always(status(503, "model is loading, try again later"))
        engine = Engine(load_settings(), model=stand_in_model(server.base_url, max_attempts=1))
        with pytest.raises(ModelError, match="HTTP 503: model is loading, try again later"):
            engine.draft(engine_case())
