"""Cassettes for eval cases: one YAML file per case (and per compared variant), readable in a pull request.

Built on :func:`replydraft.recording.make_vcr` (strict replay, method/path/JSON-body matching, auth headers
filtered, key/e-mail/phone scrubbing). Two additions live here:

* a per-case scrubber that also removes the case's own ``customer.email`` and ``customer.phone`` verbatim, in
  whatever format they were written (the generic patterns cannot know every phone format);
* a serializer that writes JSON bodies as YAML structure instead of one long escaped line, so a reviewer sees
  the prompt, the model's answer and what changed between recordings as an ordinary diff.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

__all__ = [
    "SERIALIZER",
    "MissingInteraction",
    "case_masker",
    "case_scrubber",
    "find_cassette_miss",
    "use_case_cassette",
]

SERIALIZER = "replydraft-yaml"


class MissingInteraction(Exception):
    """A model request was not found in the case's cassette during strict replay.

    Deliberately not a :class:`~replydraft.errors.ModelError`: the engine must not treat it as a model failure
    to work around (a repair attempt), it has to stop the case with a message saying how to re-record.
    """


def find_cassette_miss(exc: BaseException) -> BaseException | None:
    """The vcrpy ``CannotOverwriteExistingCassetteException`` behind ``exc``, if there is one.

    The SDK wraps transport errors (``APIConnectionError``) and the client wraps those (``ModelError`` raised
    ``from None``, which keeps ``__context__``), so walk both links.
    """
    from vcr.errors import CannotOverwriteExistingCassetteException

    seen: set[int] = set()
    todo: list[BaseException | None] = [exc]
    while todo:
        current = todo.pop()
        if current is None or id(current) in seen:
            continue
        seen.add(id(current))
        if isinstance(current, CannotOverwriteExistingCassetteException):
            return current
        todo.extend((current.__cause__, current.__context__))
    return None


def case_scrubber(case: Any) -> Callable[[str], str]:
    """The default scrubber plus the case's own e-mail address and phone number, removed verbatim."""
    from ..recording import scrub_text

    raw = getattr(case, "raw", {}) or {}
    customer = raw.get("customer") or {}
    found = [(customer.get("email"), "[email]"), (customer.get("phone"), "[phone]")]
    literals = [(value, mark) for value, mark in found if isinstance(value, str) and value.strip()]

    def scrub(text: str) -> str:
        for value, mark in literals:
            text = text.replace(value, mark)
            # The same value as it appears inside a JSON string (escaped quotes or non-ASCII).
            escaped = json.dumps(value)[1:-1]
            if escaped != value:
                text = text.replace(escaped, mark)
        return scrub_text(text)

    return scrub


def case_masker(case: Any) -> Callable[[str], str]:
    """Like :func:`case_scrubber` for reports people share (HTML, JUnit): contact details become ``•``, keeping
    the text's length, so finding offsets into a reply still point at the same words."""
    import re

    from ..recording import _EMAIL, _KEY_LIKE, _PHONE

    raw = getattr(case, "raw", {}) or {}
    customer = raw.get("customer") or {}
    literals = [v for v in (customer.get("email"), customer.get("phone")) if isinstance(v, str) and v.strip()]
    patterns = [re.compile(re.escape(v)) for v in literals] + [_KEY_LIKE, _EMAIL, _PHONE]

    def mask(text: str) -> str:
        for pattern in patterns:
            text = pattern.sub(lambda m: "•" * len(m.group(0)), text)
        return text

    return mask


# -- readable serializer -------------------------------------------------------------------------------------
def _as_structure(body: Any) -> Any:
    """A JSON body as ``{"json": parsed}``; anything else unchanged."""
    if isinstance(body, bytes):
        try:
            body = body.decode("utf-8")
        except UnicodeDecodeError:
            return body
    if isinstance(body, str) and body[:1] in ("{", "["):
        try:
            return {"json": json.loads(body)}
        except ValueError:
            return body
    return body


def _from_structure(body: Any) -> Any:
    if isinstance(body, dict) and set(body) == {"json"}:
        return json.dumps(body["json"], ensure_ascii=False, separators=(",", ":"))
    return body


def _dumper() -> Any:
    import yaml

    class Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # type: ignore[misc]
        pass

    def text(dumper: Any, data: str) -> Any:
        # Multi-line text (prompts, replies) as block literals: one line of YAML per line of text.
        style = "|" if "\n" in data and not any(c in data for c in "\r\t") and data == data.rstrip(" ") else None
        return dumper.represent_scalar("tag:yaml.org,2002:str", data, style=style)

    Dumper.add_representer(str, text)
    return Dumper


class ReadableYamlSerializer:
    """vcrpy serializer: JSON request and response bodies stored as YAML mappings, prompts as block text."""

    @staticmethod
    def serialize(cassette_dict: dict[str, Any]) -> str:
        import yaml

        for interaction in cassette_dict.get("interactions", []):
            request = interaction["request"]
            request["body"] = _as_structure(request.get("body"))
            response = interaction["response"]
            body = response.get("body") or {}
            if "string" in body:
                body["string"] = _as_structure(body["string"])
        return yaml.dump(cassette_dict, Dumper=_dumper(), sort_keys=False, allow_unicode=True, width=120)

    @staticmethod
    def deserialize(cassette_string: str) -> dict[str, Any]:
        import yaml

        # libyaml's parser when available: replaying a suite is mostly reading its cassettes.
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        data = yaml.load(cassette_string, Loader=loader) or {}
        for interaction in data.get("interactions", []):
            request = interaction["request"]
            request["body"] = _from_structure(request.get("body"))
            response = interaction["response"]
            body = response.get("body") or {}
            if "string" in body:
                body["string"] = _from_structure(body["string"])
                # The body was re-encoded: a recorded Content-Length would no longer be true.
                headers = response.get("headers") or {}
                for name in list(headers):
                    if name.lower() == "content-length" and isinstance(body["string"], str):
                        headers[name] = [str(len(body["string"].encode("utf-8")))]
        return data


@contextmanager
def use_case_cassette(path: Path, case: Any, *, record: bool) -> Iterator[Any]:
    """Replay (or, with ``record``, rewrite) the cassette at ``path`` around the block."""
    from ..recording import make_vcr

    if record:
        # Re-recording rewrites: nothing stale from an earlier recording is kept.
        path.unlink(missing_ok=True)
    elif not path.is_file():
        raise MissingInteraction(f"cassette {path} does not exist")
    recorder = make_vcr(path.parent, record=record, scrubber=case_scrubber(case))
    recorder.register_serializer(SERIALIZER, ReadableYamlSerializer())
    with recorder.use_cassette(path.name, serializer=SERIALIZER) as cassette:
        yield cassette
