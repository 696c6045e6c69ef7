"""Built-in redactors: e-mail addresses, payment card numbers, IBANs, phone numbers and street addresses.

Registered through the ``replydraft`` entry-point group (``redact-pii``) like any third-party plugin. They aim at
what a customer types into a support message; they are patterns, not a data-loss-prevention product. Known gaps,
on purpose: obfuscated addresses ("dana at example dot com"), city names and postcodes, and phone numbers with
fewer than 8 digits (too easily an order or invoice number). Add company-specific patterns (order ids, account
numbers) in a plugin of your own with :class:`replydraft.redact.PatternRedactor`.
"""

from __future__ import annotations

import re
from typing import Any

from replydraft import hookimpl
from replydraft.redact import PatternRedactor

EMAIL = re.compile(r"(?<![\w.%+\-])[\w.%+\-]+@[\w\-]+(?:\.[\w\-]+)*\.[A-Za-z]{2,}(?![\w\-])")

# 13-19 digits, optionally grouped by single spaces or dashes; kept only when the Luhn check passes.
CARD = re.compile(r"(?<![\w.\-])\d(?:[ \-]?\d){12,18}(?![\w\-])")

# Two letters, two check digits, then 11-30 letters or digits, optionally grouped by spaces ("DE89 3704 ...").
IBAN = re.compile(r"(?<![\w])[A-Za-z]{2}\d{2}(?:[ ]?[A-Za-z0-9]){11,30}(?![\w])")
# IBAN matched from its check digits, which the engine can skip to; the two letters before them are the span's start.
_IBAN_FROM_DIGITS = re.compile(r"\d(?<=(?<![\w])[A-Za-z]{2}\d)\d(?:[ ]?[A-Za-z0-9]){11,30}(?![\w])")

# "+44 20 7946 0958", "(555) 123-4567", "0044-20-7946-0958"; not "#48213321" (an order number).
PHONE = re.compile(r"(?<![\w#+/.\-])(?:\+|00)?\(?\d[\d \-.()/]{6,22}\d(?![\w/\-])")
_DATE = re.compile(r"^\d{1,4}[\-./ ]\d{1,2}[\-./ ]\d{1,4}$")

_UNAMBIGUOUS = r"(?i:street|str|st|avenue|ave|road|rd|boulevard|blvd|lane|ln|parkway|pkwy|highway|hwy)"
_CAPITALISED = r"(?:Drive|Dr|Way|Place|Pl|Court|Ct|Close|Crescent|Terrace|Square|Sq|Mews|Row|Gardens|Hill|Walk)"
_STOPWORD = r"(?:the|a|an|in|on|of|to|my|your|our|this|that|and|or|for|by|at|it|is|was|from|with|about)\b"
_UNIT = r"(?:,?\s*(?i:apt|apartment|suite|unit|flat|floor|fl)\.?\s*#?\s*\w{1,6})?"
STREET = re.compile(
    # English: "221B Baker Street", "1600 Pennsylvania Ave NW, Suite 4"
    rf"(?<![\w#])\d{{1,5}}[A-Za-z]?\s+(?:(?!{_STOPWORD})[A-Za-z][\w'.\-]*\s+){{1,4}}"
    rf"(?:{_UNAMBIGUOUS}|{_CAPITALISED})\b\.?(?:\s+(?:N|S|E|W|NE|NW|SE|SW)\b)?{_UNIT}"
    # German-style: "Hauptstraße 12a", "Am Lindenweg 3"
    r"|\b[A-ZÄÖÜ][\wäöüß\-]*(?:straße|strasse|str\.|weg|gasse|platz|allee|damm|ring)\s+\d{1,4}[a-z]?\b"
    # Romance-style: "12 rue de la Paix", "Calle Mayor 5", "via Roma 10"
    r"|\b\d{1,4},?\s+(?i:rue|avenue|boulevard|chemin|quai|impasse)\s+(?:[\w'\-]+\s){0,3}[A-ZÉ][\w'\-]+"
    r"|\b(?i:calle|via|viale|avenida|rua)\s+[A-Z][\w'\-]+(?:\s+[A-Z][\w'\-]+){0,2},?\s+\d{1,4}\b"
)

# The same four alternatives as STREET, each rewritten to begin by consuming a character (its lookbehinds moved
# after that character), so the regex engine can skip to candidate positions instead of trying all four branches
# at every character: 4x faster on a typical message. ``_first_of`` merges them into exactly what STREET finds
# (tests/test_redaction.py checks that on the corpus).
_STREET_PARTS = tuple(
    re.compile(part)
    for part in (
        rf"\d(?<![\w#]\d)\d{{0,4}}[A-Za-z]?\s+(?:(?!{_STOPWORD})[A-Za-z][\w'.\-]*\s+){{1,4}}"
        rf"(?:{_UNAMBIGUOUS}|{_CAPITALISED})\b\.?(?:\s+(?:N|S|E|W|NE|NW|SE|SW)\b)?{_UNIT}",
        r"[A-ZÄÖÜ](?<!\w.)[\wäöüß\-]*(?:straße|strasse|str\.|weg|gasse|platz|allee|damm|ring)\s+\d{1,4}[a-z]?\b",
        r"\d(?<!\w\d)\d{0,3},?\s+(?i:rue|avenue|boulevard|chemin|quai|impasse)\s+(?:[\w'\-]+\s){0,3}[A-ZÉ][\w'\-]+",
        r"[CcVvAaRr](?<!\w.)(?i:(?<=c)alle|(?<=v)ia|(?<=v)iale|(?<=a)venida|(?<=r)ua)"
        r"\s+[A-Z][\w'\-]+(?:\s+[A-Z][\w'\-]+){0,2},?\s+\d{1,4}\b",
    )
)


def luhn(digits: str) -> bool:
    """The Luhn checksum payment card numbers carry."""
    numbers = [int(d) for d in digits if d.isdigit()]
    total = 0
    for i, n in enumerate(reversed(numbers)):
        if i % 2 == 1:
            n = n * 2 - 9 if n > 4 else n * 2
        total += n
    return bool(numbers) and total % 10 == 0


def _card(text: str) -> bool:
    digits = re.sub(r"\D", "", text)
    # A mistyped card number is still a card number when it is written like one: four groups of four.
    return 13 <= len(digits) <= 19 and (luhn(digits) or bool(re.fullmatch(r"\d{4}(?:[ \-]\d{4}){3}", text)))


def _iban(text: str) -> bool:
    compact = text.replace(" ", "").upper()
    rearranged = compact[4:] + compact[:4]
    try:
        valid = int("".join(str(int(c, 36)) for c in rearranged)) % 97 == 1
    except ValueError:
        return False
    # "IBAN-like": a mistyped IBAN is still someone's account, so a long run of digits is enough.
    return valid or sum(c.isdigit() for c in compact[4:]) >= 10


def _phone(text: str) -> bool:
    digits = sum(c.isdigit() for c in text)
    return 8 <= digits <= 15 and not _DATE.match(text.strip())


_last_count: tuple[str, int] = ("", 0)


def _digit_count(text: str) -> int:
    # Four redactors ask about the same text one after another: remember the last answer (a tuple, so a thread
    # reads text and count together). str.count runs at C speed (a regex over every non-digit did not). Non-ASCII
    # text may hold other scripts' digits, which the patterns' \d also matches: count those the way they see them.
    global _last_count
    last, count = _last_count
    if last is text:
        return count
    count = sum(map(text.count, "0123456789")) if text.isascii() else len(_ANY_DIGIT.findall(text))
    _last_count = (text, count)
    return count


_ANY_DIGIT = re.compile(r"\d")


def _digits(n: int) -> Any:
    """A prefilter: at least ``n`` digits somewhere in the text (a card has 13, a phone 8, an address 1)."""
    return lambda text: _digit_count(text) >= n


def _has_at(text: str) -> bool:
    return "@" in text


def _first_of(patterns: tuple[re.Pattern[str], ...], text: str) -> list[tuple[int, int]]:
    """Spans of ``text`` as one alternation of ``patterns`` finds them: leftmost match first, the earlier pattern
    on a tie, scanning on from the end of each match."""
    spans: list[tuple[int, int]] = []
    pos = 0
    while True:
        best: re.Match[str] | None = None
        for pattern in patterns:
            match = pattern.search(text, pos)
            if match is not None and (best is None or match.start() < best.start()):
                best = match
        if best is None:
            return spans
        spans.append(best.span())
        pos = max(best.end(), best.start() + 1)


def _iban_spans(text: str) -> list[tuple[int, int]]:
    return [(match.start() - 2, match.end()) for match in _IBAN_FROM_DIGITS.finditer(text)]


def _street_spans(text: str) -> list[tuple[int, int]]:
    return _first_of(_STREET_PARTS, text)


# Each pattern runs only on texts that pass its prefilter: most case fields hold no digits and no "@".
REDACTORS = [
    PatternRedactor("email", "EMAIL", EMAIL, prefilter=_has_at),
    PatternRedactor("card-number", "CARD", CARD, validate=_card, prefilter=_digits(13)),
    PatternRedactor("iban", "IBAN", IBAN, validate=_iban, prefilter=_digits(2), spans=_iban_spans),
    PatternRedactor("phone", "PHONE", PHONE, validate=_phone, prefilter=_digits(8)),
    PatternRedactor("street-address", "ADDRESS", STREET, prefilter=_digits(1), spans=_street_spans),
]


@hookimpl
def register_redactors(register: Any) -> None:
    for redactor in REDACTORS:
        register(redactor)
