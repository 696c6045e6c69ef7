"""Structured output: the JSON the model must return, and the reply assembled from it.

A small model writes poor free text, so the model only writes the parts that need judgement (acknowledgement,
ownership, the next action) and *picks* a remedy by id from the case's own list. The reply around those parts,
and the wording of the remedy itself, comes from the case, so a remedy the case does not authorise cannot be
offered by construction.
"""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .case import Case

__all__ = ["NEXT_STEP_TIMES", "OutputError", "compose_reply", "output_schema", "parse_output"]

NO_REMEDY = "none"
NEXT_STEP_TIMES = (
    "within the hour",
    "by the end of today",
    "by tomorrow morning",
    "within 24 hours",
    "within 2 business days",
)
FOLLOW_UP_TIMES = ("later today", "tomorrow", "within 2 business days", "once it has arrived", "next week")


class OutputError(ValueError):
    """The model's output is not JSON matching :func:`output_schema`."""


def output_schema(case: Case) -> dict[str, Any]:
    """The JSON Schema the model's answer must match (used as a llama.cpp grammar or ``response_format``)."""
    remedy_ids = [r.id for r in case.remedies] + [NO_REMEDY]

    def text(description: str, max_length: int) -> dict[str, Any]:
        return {"type": "string", "description": description, "minLength": 1, "maxLength": max_length}

    return {
        "type": "object",
        "additionalProperties": False,
        "required": ["acknowledgement", "mistake", "remedy_id", "next_step", "next_step_time", "follow_up_time"],
        "properties": {
            "acknowledgement": text("One sentence showing you understand how the customer feels, in their words.", 200),
            "mistake": text("What we got wrong, as a short phrase starting with a past-tense verb.", 90),
            "remedy_id": {
                "type": "string",
                "enum": remedy_ids,
                "description": "The id of the authorised remedy to offer, or 'none'.",
            },
            "next_step": text("The concrete action you will take next, starting with a verb.", 90),
            "next_step_time": {"type": "string", "enum": list(NEXT_STEP_TIMES)},
            "follow_up_time": {"type": "string", "enum": list(FOLLOW_UP_TIMES)},
        },
    }


def parse_output(text: str, case: Case) -> dict[str, Any]:
    """Parse and validate the model's JSON answer, raising :class:`OutputError` saying what is wrong."""
    from jsonschema import Draft202012Validator

    try:
        data = json.loads(_strip_fences(text))
    except json.JSONDecodeError as exc:
        raise OutputError(f"the model's answer is not valid JSON ({exc.msg} at character {exc.pos})") from None
    schema = output_schema(case)
    if _plainly_valid(data, schema):
        return data
    errors = sorted(Draft202012Validator(schema).iter_errors(data), key=lambda e: e.path)
    if errors:
        first = errors[0]
        where = ".".join(map(str, first.absolute_path)) or "answer"
        raise OutputError(f"the model's answer does not match the schema: {where}: {first.message[:200]}")
    return data


_PLAIN_OBJECT = {"type", "additionalProperties", "required", "properties"}
_PLAIN_STRING = {"type", "description", "minLength", "maxLength", "enum"}


def _plainly_valid(data: Any, schema: dict[str, Any]) -> bool:
    """A quick yes for the flat object-of-strings schema above (~10 µs; jsonschema takes ~200 µs per answer).

    ``False`` means "let jsonschema decide and explain", including for any keyword this does not know.
    """
    properties = schema.get("properties", {})
    if set(schema) - _PLAIN_OBJECT or schema.get("additionalProperties") is not False or not isinstance(data, dict):
        return False
    if set(data) - set(properties) or set(schema.get("required", ())) - set(data):
        return False
    for name, value in data.items():
        rule = properties[name]
        if set(rule) - _PLAIN_STRING or rule.get("type") != "string" or not isinstance(value, str):
            return False
        if not rule.get("minLength", 0) <= len(value) <= rule.get("maxLength", len(value)):
            return False
        if "enum" in rule and value not in rule["enum"]:
            return False
    return True


def _strip_fences(text: str) -> str:
    # Models without constrained decoding often wrap JSON in a markdown code fence.
    match = re.search(r"```(?:json)?\s*(.*?)```", text, re.S)
    return match.group(1) if match else text.strip()


def _sentence(text: str) -> str:
    text = " ".join(text.split())
    if not text:
        return ""
    text = text[0].upper() + text[1:]
    return text if text[-1] in ".!?" else text + "."


_FIRST_PERSON = re.compile(r"^(?:i\s*(?:will|'ll|’ll|am going to)|we\s*(?:will|'ll|’ll)|i can|let me)\s+", re.I)


_US = re.compile(r"\b(send|email|give|call|text|message|refund|show) us\b", re.I)
_NON_WORD = re.compile(r"\W+")
_SENTENCE = re.compile(r"[^.!?]+[.!?]*")
_APOLOGY = re.compile(r"\b(?:sorry|apologi[sz]e)", re.I)


def _action(text: str) -> str:
    """'I will email you...' / 'Email you...' -> 'email you...' so it reads after "I'll"."""
    text = _first_sentences(text, 1).rstrip(".!")
    text = _FIRST_PERSON.sub("", text)
    # The time comes from next_step_time; a second one in the action would read twice.
    text = _TIME_TAIL.sub("", text).rstrip(" ,;") or "confirm the next step with you"
    # The agent acts for the customer: "send us the invoice" from a small model means "send you".
    text = _US.sub(r"\1 you", text)
    return text[:1].lower() + text[1:] if text[:2] != "I " else text


def _lower_first(text: str) -> str:
    """'Free upgrade' -> 'free upgrade', 'A refund' -> 'a refund'; leaves 'VIP', 'IT' and names alone."""
    first = text.split(" ", 1)[0]
    if first.isupper() and len(first) > 1:
        return text
    return text[:1].lower() + text[1:]


_WE = re.compile(r"^(?:we|i)\s+(?:have\s+|'ve\s+)?", re.I)


_IRREGULAR_PAST = {
    "sent",
    "lost",
    "made",
    "got",
    "took",
    "gave",
    "forgot",
    "broke",
    "let",
    "put",
    "left",
    "wrote",
    "told",
    "set",
    "sold",
    "built",
    "brought",
    "bought",
    "kept",
    "mixed",
    "did",
    "went",
    "held",
    "ran",
    "overcharged",
    "dropped",
}


def _ownership(mistake: str, apologised: bool = False) -> str:
    """'sent the wrong colour' -> 'We sent the wrong colour, and that's on us. I'm sorry.'"""
    phrase = _lower_first(_WE.sub("", _first_sentences(mistake, 1).rstrip(".!,;")))
    verb = phrase.split(" ", 1)[0]
    # Only a verb phrase reads right after "We"; anything else gets the plain, still-owning fallback.
    sorry = "" if apologised else " I'm sorry."
    if not phrase or not (verb.endswith("ed") or verb in _IRREGULAR_PAST):
        return f"We got this wrong, and that's on us.{sorry}"
    return f"We {phrase}, and that's on us.{sorry}"


_DAYS = r"(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?"
# A time the model put into the action ("within 24 hours", "by Friday", "at 5pm"). Only a time: "check on your
# order", "send it by courier" and "call you at home" keep their words.
_TIME_TAIL = re.compile(
    r"\s*(?:\(.*?\)|\b(?:within|in the next|today|tomorrow|tonight)\b.*|"
    r"\b(?:by|before|on|at|until|no later than) (?:the |this |next )?(?:\d|(?:end|close|start|noon|midday|eod|cob|"
    rf"today|tomorrow|tonight|morning|afternoon|evening|week|{_DAYS})\b).*)$",
    re.I,
)


def _dedupe(sentences: list[str]) -> list[str]:
    # Small models loop; a sentence said twice reads as a glitch, so each is kept once.
    seen: set[str] = set()
    out = []
    for sentence in sentences:
        key = _NON_WORD.sub(" ", sentence.lower()).strip()
        if key and key not in seen:
            seen.add(key)
            out.append(sentence)
    return out


def _first_sentences(text: str, limit: int = 2) -> str:
    parts = _SENTENCE.findall(" ".join(text.split()))
    return " ".join(_dedupe([_sentence(p.strip()) for p in parts if p.strip()])[:limit])


def compose_reply(parts: dict[str, Any], case: Case) -> str:
    """Assemble the reply the customer would read from the model's parts and the case."""
    remedy = case.remedy(parts["remedy_id"]) if parts["remedy_id"] != NO_REMEDY else None
    acknowledgement = _first_sentences(parts["acknowledgement"])
    # One apology is sincere; two in a row reads as a script.
    apologised = bool(_APOLOGY.search(acknowledgement))
    opening = " ".join(s for s in (acknowledgement, _ownership(parts["mistake"], apologised)) if s)
    solution = ""
    if remedy is not None:
        eta = f" ({remedy.eta})" if remedy.eta else ""
        # The remedy's own words, verbatim: what is offered is exactly what the case authorises.
        solution = (
            f"To put this right, I can offer you this: {remedy.description.rstrip('.')}{eta}. Would that work for you?"
        )
    next_step = f"I'll {_action(parts['next_step'])} {parts['next_step_time']}."
    follow_up = f"I'll follow up with you {parts['follow_up_time']} to make sure everything is sorted."
    if case.channel == "chat":
        body = " ".join(s for s in (opening, solution, next_step, follow_up) if s)
        return f"Hi {case.first_name}! {body}"
    paragraphs = [f"Hi {case.first_name},", opening]
    if solution:
        paragraphs.append(solution)
    paragraphs.append(f"{next_step} {follow_up}")
    sign = "Best regards,"
    if case.agent_name:
        sign += f"\n{case.agent_name}"
    if case.company_name:
        sign += f"\n{case.company_name}"
    paragraphs.append(sign)
    return "\n\n".join(paragraphs)
