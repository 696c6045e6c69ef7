"""``rash-promise``: promising what cannot be guaranteed, or a remedy or timeline the case does not authorise.

Three kinds of finding (seed 002 "Don't make rash promises"):

- a guarantee nobody can give, stated or implied: "it will never happen again", "you won't have to deal with this
  again", "guaranteed", "from now on you'll always ...". An honest hedge is fine ("I can't promise it will never
  happen again, but here is what we changed"), and so is a purpose ("so it doesn't happen again").
- a remedy the case does not authorise: any refund, credit, discount, voucher, gift (a hamper, flowers) or freebie
  when the case lists no remedies; otherwise one whose kind, amount, percentage or scope ("full", "whole order") is
  not in the case's ``remedies``. Offers that are negated or only asked about ("I'll ask whether a refund is
  possible") are fine.
- a timeline the case contradicts: "it'll arrive tomorrow" when the authorised remedy "arrives Thursday", a refund
  "today" when it takes "within 5 business days". A promise that names one of several remedies is held to that
  remedy's timeline ("we'll deliver them today" against home delivery "tomorrow morning", even though collection
  is "today").

"That's on us" and "this one's on us" own the fault; only a thing being on us ("the delivery's on us") is a
freebie. Paying a cost ("we'll cover any penalty", "SkyLark Air will cover your hotel") and "you won't pay anything
for March" are remedies like any other.

What the case itself tells is not an offer: a remedy word naming the service the customer bought or the thing
that ran out ("faults after a screen replacement", "I'd let the SMS credit run out"), or one whose only offer cue
comes in a later clause. A remedy is held to the case in any wording: terse notes ("Refund done."), money back
("you'll receive your $600 back"), the customer's own costs paid back ("we'll reimburse your flights"), transport
laid on ("we'll send a taxi"); a date is held to the issue's own ("arrives on 20 May, delivery takes 3-4 working
days after that"). "Done now" is held to a remedy's time only when it is that remedy: a fault fixed when no remedy
mends anything, or a remedy the case puts in place today, is on time. Promising one's own word ("I can promise you
an honest answer by Friday") or effort ("I can assure you the handler will read every document") guarantees no
outcome.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Callable, Iterator
from typing import Any, NamedTuple

from replydraft import Finding, Guardrail, hookimpl

# _SENTENCE and _TO_SPACE: the same sentences and words as sentences() and words(), made in one pass.
from . import learned
from ._text import (
    _OTHER_CACHES,
    _SENTENCE,
    _TO_SPACE,
    HEDGE,
    NEGATION,
    has_any,
    has_digit,
    in_spans,
    keys,
    prepare,
    quoted_spans,
    words,
)

_I = 0  # patterns run on lower-cased text (see _text.prepare)

# The clause breaks of _text.clause_before, spelt backwards: searching the reversed text finds the last break first,
# which is cheaper than _text's greedy ".*" backtracking over the whole window. (No break contains another, so the
# last to end is also the last to start, the one _text finds.)
_BREAK_REVERSED = re.compile(r",|;|:|—|–| (?:- |tub |dna |os |esuaceb |hcihw )")
#: _text's clause breaks forwards, each alternative starting with a literal so that the search can skip ahead.
_CLAUSE_BREAK = re.compile(r",|;|:|—|–| (?:- |but |and |so |because |which )")


def clause_before(text: str, position: int, window: int = 60) -> str:
    """:func:`_text.clause_before`, the same string, faster."""
    low = max(0, position - window)
    m = _BREAK_REVERSED.search(text[position - 1 : low - 1 if low else None : -1])
    return text[position - m.start() : position] if m else text[low:position]


def clause_around(text: str, start: int, end: int) -> str:
    """:func:`_text.clause_around`, the same string, faster."""
    m = _BREAK_REVERSED.search(text[start - 1 :: -1]) if start else None
    right = _CLAUSE_BREAK.search(text, end)
    return text[start - m.start() if m else 0 : right.start() if right else len(text)]


def negated(clause: str) -> bool:
    """Whether ``clause`` has a NEGATION word. Each of them contains "no", "n't", "never", "unable", "without" or
    "hardly": substring tests rule out most clauses for less than the regex's word-boundary test at every position."""
    return (
        "no" in clause
        or "n't" in clause
        or "never" in clause
        or "unable" in clause
        or "without" in clause
        or "hardly" in clause
    ) and NEGATION.search(clause) is not None


def negated_before(text: str, position: int, window: int = 40) -> bool:
    """:func:`_text.negated_before`: a negation word shortly before ``position`` within the same clause."""
    return negated(clause_before(text, position, window))


def negated_in(before: str, window: int) -> bool:
    """``negated_before(text, position, window)`` from ``before``, the clause before ``position`` in a wider window
    (one clause_before call instead of two): the narrower clause is the last ``window`` characters of the wider one,
    give or take the tail of a break ("ut " of " but "), which is never a negation word."""
    return negated(before[max(0, len(before) - window) :])


def hedged(text: str) -> bool:
    """:func:`_text.hedged`. Every HEDGE match names the promise ("promise", "guarantee", "say", "tell you",
    "pretend", "claim", "swear" or "assure"): without one, skip the regex."""
    return (
        "promise" in text
        or "guarantee" in text
        or "say" in text
        or "tell you" in text
        or "pretend" in text
        or "claim" in text
        or "swear" in text
        or "assure" in text
    ) and HEDGE.search(text) is not None


class _Pruned:
    """A regex ``\\b(?:A|B|...)`` searched without some costly alternatives when a text cannot match them.

    Python's re tries every alternative at every word, so an alternative that only matches texts with certain words
    in them ("on us") costs every other text too. ``hints`` are substrings one of which every match of the given
    ``alternatives`` contains: a text with none of them is searched with a variant compiled without those
    alternatives. An alternative that cannot match changes no match, so the matches are the same.
    """

    def __init__(self, pattern: re.Pattern[str], alternatives: tuple[str, ...], hints: tuple[str, ...]) -> None:
        self.full = pattern
        self.hints = hints
        source = pattern.pattern
        for alternative in alternatives:
            source = _drop(source, alternative)
        self.plain = re.compile(source, pattern.flags)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        return (self.full if has_any(text, self.hints) else self.plain).finditer(text)


class _Needs:
    """A regex searched only in texts with one of ``hints`` (substrings every match contains)."""

    def __init__(self, pattern: re.Pattern[str], hints: tuple[str, ...]) -> None:
        self.full = pattern
        self.hints = hints

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        return self.full.finditer(text)


# re's parser is private (re._parser and re._constants in 3.11-3.13): if a later Python moves it, the gates below
# are simply not built, and rash-promise searches every pattern as before.
try:
    from re import _constants as _sre  # type: ignore[attr-defined]
    from re import _parser  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover (not on the Pythons this project supports today)
    _sre = _parser = None


def _factors(items: Any) -> frozenset[str] | None:
    """Substrings one of which every match of the parsed regex ``items`` (a sequence of ``re._parser`` nodes)
    contains, or ``None`` when there are none to be had.

    Every part of a sequence is in each of its matches: a run of literals is one candidate, a group (or a repeat of
    at least once) gives its own, an alternation the union of its alternatives' when every one has some. Assertions
    consume nothing and classes no fixed text, so they only end a run. Of the candidates, the one whose shortest
    substring is longest is kept."""
    best: frozenset[str] | None = None
    run: list[str] = []
    for op, av in [*items, (None, None)]:
        if op is _sre.LITERAL:
            run.append(chr(av))
            continue
        candidates: list[frozenset[str] | None] = [frozenset(["".join(run)])] if run else []
        run = []
        if op is _sre.SUBPATTERN and not av[1] & re.IGNORECASE:
            candidates.append(_factors(av[3]))
        elif op is _sre.BRANCH:
            alternatives = [_factors(alternative) for alternative in av[1]]
            if all(alternatives):
                candidates.append(frozenset().union(*alternatives))  # type: ignore[arg-type]
        elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT) and av[0] >= 1:
            candidates.append(_factors(av[2]))
        for found in candidates:
            if found and (best is None or (min(map(len, found)), -len(found)) > (min(map(len, best)), -len(best))):
                best = found
    return best


def _required(pattern: re.Pattern[str]) -> tuple[str, ...] | None:
    """Substrings one of which every match of ``pattern`` contains (see :func:`_factors`), sorted: a text with
    none of them cannot match, so the search can be skipped. ``None`` when the pattern has no such substrings, or
    when this Python's private regex parser is not the one this was written for (then every search runs)."""
    if pattern.flags & re.IGNORECASE or _sre is None:
        return None
    try:
        found = _factors(_parser.parse(pattern.pattern, pattern.flags))
    except Exception:  # a parser that changed shape: lose the speed, never a finding
        return None
    if not found:
        return None
    # A substring containing another adds nothing: wherever it is, the shorter one is too.
    return tuple(sorted(h for h in found if not any(o != h and o in h for o in found)))


def _possible(pattern: re.Pattern[str]) -> Callable[[str], bool]:
    """Whether ``pattern`` could match a text: whether it has one of the substrings every match contains (see
    :func:`_required`). A case's remedies are run through a dozen remedy kinds and more, most of which they never
    name: a few substring tests rule those out for less than a search."""
    hints = _required(pattern)
    if hints is None:
        return lambda text: True

    return lambda text: has_any(text, hints)


def _finder(pattern: re.Pattern[str]) -> Callable[[str], bool]:
    """``pattern.search(text) is not None``, without searching a text it cannot match (see :func:`_possible`)."""
    possible, search = _possible(pattern), pattern.search
    return lambda text: possible(text) and search(text) is not None


def _drop(source: str, alternative: str) -> str:
    """``source`` without ``alternative``, one of its top-level alternatives (not the first), given verbatim."""
    for after in ("|", ")"):
        if source.count(f"|{alternative}{after}") == 1:
            return source.replace(f"|{alternative}{after}", after)
    raise ValueError(f"{alternative!r} is not an alternative of {source!r}")


_S = r"[^.!?\n]"

# -- guarantees ---------------------------------------------------------------------------------------------------
GUARANTEES: list[tuple[frozenset[str], re.Pattern[str], str]] = [
    (
        keys("again anymore any forward future here second"),
        re.compile(
            # "won't be an issue going forward": the future as a whole, like "again".
            r"\b(?:won't|will not|will never|'ll never|shall never|is never going to|isn't going to|are never going "
            r"to|aren't going to|can never|can't|cannot|never|no longer)\b[^.!?\n,;:—–]{0,70}?\b(?:again|ever again|"
            r"anymore|any more|going forward|moving forward|from (?:now|here) on(?:wards)?|a second time)\b",
            _I,
        ),
        "promises it will never happen again, which nobody can guarantee",
    ),
    (
        keys(
            "always now forward past good never permanently recur reoccur re-occur repeat repeated ever here last "
            "nothing impossible longer"
        ),
        re.compile(
            r"\b(?:"
            r"(?:will|'ll) always|from (?:now|here) on|from this point on|going forward you(?:'ll| will)|"
            r"a thing of the past|(?:will be|is going to be) the last time\b|"
            r"(?:the )?last time (?:you'll|you will|you're going to|this will|this happens|it "
            r"happens|we'll|we will)|now impossible|can no longer (?:happen|occur|go wrong)|"
            r"nothing (?:like (?:this|that) )?(?:will|'ll|is going to|can) (?:ever )?(?:happen|go wrong|occur|recur)\w*"
            r"(?: \w+){0,3}? again|"
            r"(?:fixed|solved|resolved|sorted|gone|stopped)(?: \w+){0,3}? (?:for good|permanently)|"
            r"(?:can't|cannot|won't|will not|will never|'ll never|never) (?:recur|reoccur|re-occur|repeat itself|be "
            r"repeated)|(?:nothing|no one|nobody)(?: \w+){0,3} (?:will |would )?ever (?:happen|go|be|lose)\w*"
            r"(?: \w+){0,3} again|"
            r"never (?:(?:be|have|lose|see|experience|get|miss|face|go through) (?:this|that|it|a|an|any|data|"
            r"another)|(?:receive|suffer|deal with|go through) (?:this|that|another|any|such))\b)",
            _I,
        ),
        "promises something about the future nobody can guarantee",
    ),
    (
        keys("time perfect perfectly smoothly hitch fail"),
        # "Every delivery will arrive on time": an outcome promised for all that is still to come.
        re.compile(
            r"\b(?:every|each|all (?:of )?(?:your|our|future)) (?:\w+ ){0,2}?(?:will|'ll|is going to|are going to) "
            r"(?:arrive|be|go|run|turn up) (?:on time|perfect\w*|smoothly|without (?:a hitch|fail))\b"
        ),
        "promises something about the future nobody can guarantee",
    ),
    (
        keys(
            "guarantee guaranteed guarantees promise percent certain sure going fail word assure definitely chance "
            "matter whatever certainly absolutely surely confident positive zero "
            "way risk 100% 100 however assured count"
        ),
        re.compile(
            r"\b(?:(?:i|we)(?:'ll|'d| will| would| can| do| shall)? (?:\w+ )?(?:guarantee|promise)(?: you)?\b"
            r"(?! to (?:look|check|investigate|get back|keep))|"
            r"guaranteed\b(?! (?:when|if|unless|only)\b)(?<!only guaranteed)"
            # "booked as a request rather than as a guaranteed room type": a kind of booking, not a promise.
            r"(?<!than as a guaranteed)(?<!than a guaranteed)(?<!not a guaranteed)(?<!n't a guaranteed)"
            r"(?<!not as a guaranteed)(?<!non-guaranteed)|"
            r"\d+\s?%\s?(?:sure|certain|guaranteed|going to)|"
            # "You're 100% paid up", "100% our fault": a fact about now, not an outcome vouched for.
            r"100\s?%(?! (?:refund|credit|off|right|correct|true|fair|paid|our|my|on us|down to|not|your fault)\b)|"
            r"one hundred percent|absolutely certain|without fail|you have my word|i give you my word|"
            r"(?:i|we) (?:can )?assure you (?:that )?(?:this|it|you|nothing|no one|nobody|the \w+|your \w+|they|"
            # "I can assure you completion will go ahead on the 30th": any outcome the agent vouches for.
            r"(?!(?:i|we|someone|somebody|he|she)\b)[a-z]+(?:'ll| will| won't| is going to| are going to|'s going to))|"
            # "You can be certain the desk arrives Friday", "rest assured it'll be perfect": vouching for an outcome.
            r"you (?:can|may) (?:be|rest|feel) (?:certain|sure|assured|confident)\b|"
            r"you can count on (?:it|this|that)\b|"
            r"(?:rest|be) assured,?(?: that)?"
            r"(?: (?:i|we)(?:'ve| have)? (?:\w+ )?(?:made sure|made certain|ensured|seen to it)(?: that)?)? "
            r"(?:it|this|that|they|the \w+|your \w+|nothing|no one|nobody|you)"
            r"(?:'ll| will| won't| is going to| are going to| can't| cannot)|"
            # "Rest assured we will find it", "I can assure you we'll get it back": an outcome nobody controls.
            r"(?:(?:rest|be) assured,?|(?:i|we) (?:can )?assure you),?(?: that)? (?:i|we)(?:'ll| will| are going to) "
            r"(?:definitely |certainly )?(?:find|locate|recover|trace|track down|get (?:it|them|this|that|your \w+) "
            r"back|"
            r"fix|solve|resolve|sort|approve|pay out|pay|settle|win)\b|"
            r"definitely (?:be|arrive|have|get|won't|will)|"
            r"there(?: is| will be|'s) no (?:chance|way|risk)(?! (?:for|to|of)\b)(?! (?:we|i|you) (?:can|could)\b)|"
            r"(?:zero|no) (?:chance|risk|possibility) (?:of|that)\b|"
            r"no matter what|whatever happens|whatever (?:it|they|that|this|the \w+) (?:costs?|comes? to)\b|"
            r"however much (?:it|they|that|this) costs?|no matter (?:the cost|how much)|"
            r"you have (?:my|our) (?:\w+ )?(?:guarantee|promise|word)\b|"
            # "I'm certain it will arrive Friday": the agent vouching for an outcome nobody controls.
            r"(?:i'm|i am|we're|we are) (?:\w+ )?(?:certain|sure|confident|positive)(?: that)? (?:it|this|that|they|"
            r"the \w+|your \w+)(?:'ll| will| won't| will not| is going to| are going to)\b|"
            r"(?<!\bi)(?<!\bwe)(?:'ll| will) (?:definitely|certainly|absolutely|surely)\b)",
            _I,
        ),
        "makes a guarantee; say what you will do instead",
    ),
    (
        keys("happen occur recur"),
        re.compile(
            r"\b(?:"
            # "We will ensure that this does not happen again", "it will not happen on any of your future sailings".
            r"(?:i|we)(?:'ll| will| shall) (?:ensure|make sure)(?: that)? (?:this|it|that|nothing like this) "
            r"(?:does not|doesn't|won't|will not|never|cannot|can't) (?:happen|occur|recur)\w*|"
            r"(?:will not|won't|can't|cannot|will never|'ll never) happen (?:\w+ ){0,2}?(?:on|in|with|to|during) "
            r"(?:any|all) "
            r"(?:of )?(?:your )?future\b"
            r")",
            _I,
        ),
        "promises something about the future nobody can guarantee",
    ),
]
#: The guarantees as searched: "makes a guarantee" leaves out alternatives that cannot match (see _Pruned).
_GUARANTEES: list[tuple[frozenset[str], re.Pattern[str] | _Pruned | _Needs, str]] = [*GUARANTEES]
#: The first three only in sentences with one of the substrings each of their matches contains (see _required).
for _at in range(3):
    _GUARANTEES[_at] = (
        GUARANTEES[_at][0],
        _Needs(GUARANTEES[_at][1], _required(GUARANTEES[_at][1]) or ("",)),
        GUARANTEES[_at][2],
    )
#: "We will ensure this does not happen again", "... on any of your future sailings": only with those words.
_GUARANTEES[4] = (GUARANTEES[4][0], _Needs(GUARANTEES[4][1], ("ensure", "sure", "future")), GUARANTEES[4][2])
_GUARANTEES[3] = (
    GUARANTEES[3][0],
    _Pruned(
        GUARANTEES[3][1],
        (
            r"\d+\s?%\s?(?:sure|certain|guaranteed|going to)",
            r"100\s?%(?! (?:refund|credit|off|right|correct|true|fair|paid|our|my|on us|down to|not|your fault)\b)",
            r"(?<!\bi)(?<!\bwe)(?:'ll| will) (?:definitely|certainly|absolutely|surely)\b",
        ),
        ("%", "definitely", "certainly", "absolutely", "surely"),
    ),
    GUARANTEES[3][2],
)
#: "I'd recommend deleting them so this can't recur": "so" after advice to the customer, with no comma, is a purpose.
_PURPOSE_SO = re.compile(r"(?<![,;])\s(?:so|so that)\s*$")
_ADVICE = re.compile(r"\b(?:recommend|suggest|advise|you (?:could|might|may) want to|it's worth|it is worth)\w*")
#: "You should never have been asked for them again": the past as it ought to have been, not the future.
_SHOULD_NEVER = re.compile(
    r"\b(?:should|shouldn't|ought to|must)(?: \w+)? never have (?!to\b)\w+|\bnever should have\b"
)
#: "so it doesn't happen again", "to make sure this is less likely": a purpose, not a promise.
_PURPOSE = re.compile(
    r"\b(?:so (?:that )?|to (?:help )?(?:make sure|ensure|stop|prevent|keep)|in order to|to try to|working to|"
    r"to reduce|less likely|(?:aim|goal|intention|objective)s? (?:is|are))\b",
    _I,
)

# -- remedies -----------------------------------------------------------------------------------------------------
#: Information sent to the customer, not a thing replacing what went wrong ("I'll send you the correct link").
_INFO_THINGS = (
    r"(?:tracking|link|number|email|e-mail|confirmation|details|invoice|bill|receipt|label|form|address|reference|"
    r"code|information|info|team|person|department|contact)s?\b"
)
#: Costs a customer runs up because of the fault: paying them is compensation. ("Your costs will be covered" may be
#: the authorised refund in other words, so the passive form names a particular expense.)
_EXPENSES = (
    r"hotels?|taxis?|cabs?|petrol|fuel|travel|trains?|train tickets?|flights?|fares?|meals?|parking|mileage|"
    r"accommodation|rooms?|ubers?|car hire|rental|childcare|babysitter|dinners?|lunch(?:es)?|breakfasts?|food|"
    r"drinks?"
)
_COSTS = (
    rf"{_EXPENSES}|expenses|costs?|bills?|repairs?|repair work|late fees?|penalt\w+|fines?|day rates?|wages?|overtime|"
    r"electricity|energy|heating|utilit(?:y|ies)|postage|(?:loan )?repayments?|instal?lments?"
)
#: "The delivery's on us": a free thing. (_ON_THE_HOUSE: "the drinks are on the house".)
_THING_ON_US = (
    r"(?:invoice|order|delivery|shipping|month|meal|stay|pair|night|room|drinks?|"
    r"subscription|fee|fees|bill|booking|lamp|desk|boots|renewal|visit|dinner|lunch|breakfast|coffee|dessert|ride|"
    r"trip|fare|service|repair|session|class|lesson|round|bottle|treatment|cleaning|wash|cake)s?(?: with us| [\w']+)?"
    r"(?:'s| is| are| will be)? (?:entirely |completely |all )?on us"
)
_ON_THE_HOUSE = r"(?:is|are|will be) (?:entirely |completely )?on the house"
#: "His next three grooms are on us": whatever comes next being on us is free (unlike "that's on us", owning it).
_NEXT_ON_US = (
    r"next (?!(?:steps?|moves?|actions?|bit|part|one|update|call|delay|mistake)\b)(?:[\w']+ ){1,3}?(?:is|are|will be) "
    r"(?:also )?on us"
)
#: Percentages off: "15% off", "20% lower".
_PERCENT_OFF = r"\d+\s?%\s?off"
_MONEY_BACK = (
    r"(?:get|receive|have|see) (?:your |the |all |both )?(?:full |whole |entire )?(?:[£$€]\d[\d.,]*|(?:money|payment|"
    r"deposit|funds|escrow|fare|fee|charge)s?)(?: \w+)? back\b"
)
_OWE_NOTHING = (
    r"(?:you(?:'ll| will) owe (?:us )?nothing|balance (?:will be|is going to be|'ll be) (?:[£$€]0\b|zero|nil|cleared))"
    r"(?! (?:until|till|before|yet|for now|while))"
)
#: "We'll buy Bella a new lead": buying or ordering a new one (its own alternative, searched only with those words).
_BUY_NEW = r"(?:buy|bought|order)\w* (?:[\w']+ ){0,2}?a (?:brand[- ])?new\b"
_PERCENT_LOWER = r"\d+\s?%\s?(?:lower|less|cheaper|reduction)"
#: "A £25 bonus in your account": a sum given as a bonus (the look-behind lets "\b" sit before the digit).
_SUM_BONUS = r"(?<=[£$€])\d[\d.,]* (?:cash )?bonus\b"
REMEDY_KINDS: dict[str, str] = {
    "refund": r"refund\w*|money back|reimburs\w*|pay you back|paid back|rebate\w*|cash ?back|"
    # "you will receive your $600 back", "you'll get the deposit back": the money returned, by name or sum.
    + _MONEY_BACK
    + r"|"
    r"revers\w* (?:the|that|this|your|both) (?:\w+ )?(?:charges?|payments?|transactions?|fees?|debits?)",
    "credit": r"credit(?!\s+card)(?:ed|s)?|credit you",
    # "take £10 off", never "take the day off": what is taken off must be a sum.
    "discount": r"discount\w*|\d+\s?%\s?off|(?:percent|per cent) off|knock\w* (?:\S+ ){1,3}?off\b|"
    r"taken? (?:[£$€]?\d\S*|a (?:tenner|fiver)|half|something|some) (?:\w+ )?off|"
    r"off (?:your|the) (?:next|bill|price|premium|invoice|subscription)|half price|half off|"
    r"\d+\s?%\s?(?:lower|less|cheaper|reduction)|halv(?:e|es|ed|ing)\b|(?:down|reduced|lowered|cut|dropped) (?:by|to) "
    r"(?:half|a half|a third|a quarter|[£$€]\d|\d+ ?%)|"
    r"(?:bill|invoice|price|premium|renewal|rent|fee|subscription|charge|"
    r"rate|cost)s?(?:'s)? (?:down )?(?:by|to) (?:half|a half|a third|a quarter|[£$€]\d)|"
    r"(?:lower|reduc|cut)\w* (?:your|the|this|next) (?:next |month'?s? |"
    r"year'?s? |week'?s? )?(?:bill|invoice|price|premium|renewal|rent|fee|fees|subscription|charge|rate)",
    "voucher": r"voucher\w*|gift card\w*|gift certificate|coupon\w*|promo code|e-?gift",
    # "I'm free at 3pm", "you're free to cancel": a person being free is availability, not a freebie.
    # (The look-behinds follow the literal, so the search can skip ahead to each "free".)
    "free": r"free\b(?<!-free)(?<!feel free)(?<!i'm free)(?<!i am free)(?<!we're free)(?<!we are free)(?<!you're free)"
    r"(?<!you are free)(?<!are you free)(?<!first free)(?<!next free)(?<!earliest free)"
    r"(?! to\b| from\b| of (?:errors|damage|charge\b(?=[^.]*\b(?:label|return)))|\s+up\b)"
    # "free of bugs", "free of mould": without something, not a freebie.
    r"(?! of (?!charge\b|cost\b|any (?:extra )?charge\b))|on the house|"
    r"complimentary|with our compliments|no (?:extra |additional )?(?:cost|charge)|at no (?:extra |additional )?"
    r"(?:cost|charge)|free of charge|"
    + _THING_ON_US
    + "|"
    + _ON_THE_HOUSE
    + "|"
    + _NEXT_ON_US
    + r"|comp(?:ed|ing|'d)\b|comp (?:your|the|you)\b",
    "waiver": r"waiv\w*|write off|written off|cancel\w* (?:the|that|this|your) (?:late |extra |\w+ )?(?:fee|charge|"
    r"invoice|bill)s?\b|void\w* (?:the|that|this|your) (?:\w+ )?(?:invoice|charge|bill|fee)s?\b|"
    # "you won't be billed for April", "make sure you aren't charged for the call-out"; not "charged twice".
    r"(?:won't|will not|aren't|are not|isn't|is not|not) (?:be |being |get |getting )?(?:charged|billed|invoiced)\b"
    r"(?! (?:until|till|before|yet|twice|again|double|for now|while|the wrong)\b)|"
    r"zero(?:ed|ing) (?:out )?(?:your|the|this)\b|clear(?:ed|ing)? (?:your|the|this) (?:\w+ )?(?:balance|bill|"
    r"invoice|arrears|debt|charges?)\b|"
    r"wip(?:e|ed|ing) (?:out |off |clean )?(?:the|this|your|it)\b|"
    r"(?:have|has|with|there's|there is|there'll be|there will be) nothing (?:more |else |further )?(?:for you )?"
    r"to pay\b(?! (?:until|till|before|yet|for now|while))|"
    r"(?:won't|will not|don't|do not|never) (?:have to |need to )?(?:pay|owe (?:us )?) ?(?:anything|a penny|a thing|"
    r"a cent)\b"
    r"(?! (?:until|till|before|yet|for now|while|extra|more|else|further|additional)\b)|" + _OWE_NOTHING,
    # "Your balance will be $0", "you'll owe nothing": the bill cleared, in other words.
    # "It's a priority", "top priority", "express our apologies": urgency and a verb, not a better service.
    "upgrade": r"upgrad\w*|bump\w* (?:\w+ )?up\b|fast[- ]?track\w*|(?:to|at) the front of the (?:queue|line)|"
    r"skip the queue|business class|premium economy|overnight|"
    r"express(?! (?:my|our|how|the|my|regret|apolog\w*|sympathy|gratitude|thanks)\b)|"
    r"next[- ]day|expedited|priority\b(?<!a priority)(?<!top priority)(?<!our priority)(?<!my priority)"
    # "We are chasing them on priority": urgency too.
    r"(?<!first priority)(?<!highest priority)(?<!as priority)(?<!on priority)(?<!real priority)(?! (?:for|to|of)\b)|"
    r"first[- ]class|"
    r"premium plan|business plan|pro plan",
    # Making the thing again ("we'll bake Elsie a brand-new cake") replaces it as much as sending another does.
    "replacement": rf"replac\w*|new one|another one|fresh one|{_BUY_NEW}|(?:re-?make|make|bake|build|print|cook|sew|"
    rf"knit|"
    rf"engrave|paint)\w* "
    rf"(?:[\w']+ ){{0,2}}?a (?:brand[- ])?new\b|"
    rf"(?:swap|swapping|exchange|exchanging) (?:it|them|this|that|the \w+|your \w+) "
    rf"(?:for|with)\b|resend\w*|re-send\w*|reship\w*|send (?:you )?a new (?!{_INFO_THINGS})|"
    rf"(?:send\w*|sent|deliver\w*|bring\w*) (?:you )?(?:the|your) (?:missing|correct|right) (?!{_INFO_THINGS})\w+|"
    rf"(?:the|your) (?:missing|correct|right) (?!{_INFO_THINGS})(?:\w+ ){{1,4}}?(?:sent|delivered|brought|dropped)\b",
    # "Keep the 9s, no need to send them back": the customer keeps goods for nothing.
    "keep": r"no need to (?:send|return|post|bring) (?:it|them|the \w+|those|these|either)(?: \w+)? back\b|"
    # ... but keeping it for a while or for someone ("keep the box for the courier to collect") is part of a return.
    r"(?:please |you can |feel free to |just |do )keep (?:the|them|it|both|those|these)\b(?! (?:posted|updated|"
    r"informed|"
    r"in the loop))(?!(?: [\w']+){0,3} (?:for (?!free\b|nothing\b)|until|till|so|safe|handy|ready|aside)\b)"
    # ... nor is keeping a thing in a state ("keep the thermostat at a steady setting", "keep the heating on").
    r"(?!(?: [\w']+){0,3} (?:at (?!no\b)|on\b(?! us\b| the house\b)|off\b|running\b|switched\b|turned\b|"
    r"plugged\b|unplugged\b|closed\b|open\b|shut\b|steady\b|constant\b|upright\b|charged\b|dry\b|warm\b|bled\b|"
    r"cool\b|low\b|high\b|topped\b|ventilated\b|locked\b|away\b))",
    "gift": r"hampers?|bouquet|(?:send|sending|sent) you (?:some )?flowers|bottles? of (?:wine|champagne|prosecco)|"
    r"(?:small|little) (?:gift|token|treat|something)\b|token of (?:our |my )?(?:apolog\w*|goodwill|appreciation)",
    "compensation": r"compensat\w*|cover (?:all |any )?(?:of )?(?:the|your|their|his|her)(?: \w+)? (?:costs?|bills?|"
    r"expenses)\b|approv\w* (?:it|the claim|your claim|the payout)\b(?: in full)?|(?:the |a )?payment (?:\w+ ){0,4}?"
    r"(?:will|'ll) (?:go out|be (?:sent|made|paid))|cover (?:the cost|the costs|your costs|the bill|(?:any|all|the|"
    r"your)(?: \w+)? "
    r"(?:penalt\w+|fines?|interest|expenses?|surcharges?|late fees?|charges? (?:from|by|they))\b)|"
    r"pay for (?:the|your) (?:other|hotel|taxi|meal)|"
    rf"(?:{_EXPENSES})(?: [\w']+){{0,4}}? (?:is|are|will be|'ll be|be|get|gets|being) (?:\w+ )?(?:covered|paid for|"
    rf"reimbursed|refunded)\b|cover\w* (?:the|your|their|his|her|any|all) (?:[\w']+ ){{0,3}}?(?:{_COSTS})\b|"
    r"(?<=we'll )pay for|(?<=we will )pay for|(?<=i'll )pay for|"
    r"(?<=i will )pay for|"
    # "I've also added £50 on top as an apology": a sum given, whatever it is called.
    r"add(?:ed|ing)? [£$€]\d[\d.,]* (?:on top(?! of)|extra|as (?:an? )?(?:apology|goodwill|gesture|thank)|"
    r"for (?:the|your) (?:inconvenience|trouble|hassle)|to (?:your|the) (?:settlement|payout|claim))|"
    r"settl\w* (?:in full|the claim|your claim)|(?:claim|payout) (?:will be |'ll be |is being )?"
    r"(?:settled|paid)|pa(?:y|id) out\b|for the lost (?:orders|revenue|business|sales|day|morning|time)|"
    r"extend\w* (?:your|the) (?:licen[cs]e|subscription|trial|plan)|months? free|years? free|"
    r"free (?:months?|years?|weeks?)|pick(?:ing)? up the (?:tab|bill)|foot(?:ing)? the bill|at our (?:own )?expense|"
    r"on our dime|goodwill (?:payment|sum|amount|credit)|"
    # "I'll send you £20 for your trouble": a sum paid to the customer, whatever it is called.
    r"(?:send|sending|sent|pay|paying|transfer\w*|give|giving)(?: you)? (?:an? (?:extra |further )?)?"
    r"[£$€]\d[\d.,]*(?![\d.,]| ?(?:voucher|gift|credit|e-?gift|coupon|"
    r"discount|off|refund|promo)\w*)|"
    # "If they charge you a late fee, send it over and we'll cover it": paying what the fault cost, by pronoun.
    r"(?<=we'll )(?:cover|pay) (?:it|that|them)\b(?! (?:back|off|up|forward|out|in|with|on|at|during|when|as)\b)|"
    r"(?<=we will )(?:cover|pay) (?:it|that|them)\b(?! (?:back|off|up|forward|out|in|with|on|at|during|when|as)\b)|"
    r"(?<=i'll )(?:cover|pay) (?:it|that|them)\b(?! (?:back|off|up|forward|out|in|with|on|at|during|when|as)\b)|"
    r"take care of (?:the|any|that|your|their) (?:\w+ )?(?:fee|charge|cost|bill|penalt\w+|fine|expense)s?\b",
    # "We'll send a taxi to collect you", "I've booked you a cab home": transport laid on for the customer.
    "transport": r"(?:i|we)(?:'ll|'ve|'d|'m|'re| will| have| can| would| am| are)?(?: also| just| now| happily| "
    r"gladly)? "
    r"(?:send|book|arrang|order|organi[sz]|lay on|laid on|get)\w* (?:you |for you )?(?:an? |our |a free )?"
    r"(?:\w+ )?(?:(?:taxi|cab|minicab|uber|chauffeur|shuttle)s?\b(?! (?:park|parking|rank|firm)\b)|"
    # A driver or car only when it carries the customer ("a car to take you home"), not the goods.
    r"(?:car|driver|lift)s? (?:to (?:collect|pick|take|bring|drive|fetch) you|for you|home)\b)",
    # Allowances and loyalty currency: "10GB of extra data", "5,000 bonus points", "2,000 airmiles".
    "bonus": r"(?:extra|bonus|free) (?:data|minutes|storage|nights?)\b|" + _SUM_BONUS + "|"
    r"(?:extra|bonus|additional) (?:weeks?|months?|years?|days?) (?:of|on|added|free)\b|"
    r"\d+ ?(?:gb|mb|tb) (?:of )?(?:extra |free |bonus )?"
    r"(?:data|storage)|[\d,]+ (?:bonus |loyalty |reward |extra )?(?:points|avios|stars)\b|[\d,]+ (?:bonus |reward |"
    r"extra |loyalty |air ?)miles\b|(?:bonus|loyalty|reward) points|air ?miles|avios",
}
_KIND = {kind: re.compile(rf"\b(?:{words})", _I) for kind, words in REMEDY_KINDS.items()}
#: Whether a text names each kind, for parsing a case's remedies (see _finder) ...
_KIND_FOUND = {kind: _finder(pattern) for kind, pattern in _KIND.items()}
#: ... and whether a sentence could, before it is searched (its words only say it might: "3 business days" has a
#: word of "business class", "let us know" one of "on us").
_KIND_POSSIBLE = {kind: _possible(pattern) for kind, pattern in _KIND.items()}
_KIND_KEYS: dict[str, frozenset[str]] = {
    "refund": keys(
        "refund refunds refunded refunding reimburse reimbursed reimbursing reimbursement money pay paid rebate "
        "rebates cashback cash reverse reversed reversing back"
    ),
    "credit": keys("credit credits credited crediting"),
    "discount": keys(
        "discount discounts discounted off half lower less cheaper reduction reduce reduced cut halve halved halving "
        "halves lowered"
    ),
    "voucher": keys("voucher vouchers gift coupon coupons promo egift e-gift"),
    "free": keys("free house complimentary compliments cost charge us comp comped comping comp'd"),
    "waiver": keys(
        "waive waived waiving waiver write written charged cancel cancelled canceled cancelling pay wipe wiped wiping "
        "nothing billed invoiced zeroed void voided voiding owe balance "
        "zeroing clear cleared clearing"
    ),
    "upgrade": keys(
        "upgrade upgraded upgrading overnight express next-day next expedited expedite priority first-class first "
        "premium business pro bump bumped bumping fast-track fast-tracked fasttrack fast front skip"
    ),
    "replacement": keys(
        "replace replaced replacing replacement new another fresh buy bought resend resent re-send reship reshipped "
        "reshipping missing "
        "correct right brand-new swap swapping exchange exchanging"
    ),
    "keep": keys("keep need"),
    "gift": keys("hamper hampers bouquet flowers bottle bottles small little token"),
    "compensation": keys(
        "compensate compensated compensation cover covering covered pay lost extend extended extending extension "
        "month months year years week weeks settle settled settling claim payout paid approve approved payment tab "
        "foot footing expense dime goodwill reimbursed care send sending sent paying transfer transferring "
        "transferred give giving"
    ),
    "bonus": keys("extra bonus additional data storage nights night points miles airmiles air avios stars"),
    "transport": keys("taxi taxis cab cabs minicab uber chauffeur driver drivers shuttle lift lifts car cars"),
}
#: The kinds' searches; "free" and "discount" leave out their costliest alternatives where they cannot match.
_KIND_SEARCH: dict[str, re.Pattern[str] | _Pruned] = {
    **_KIND,
    "free": _Pruned(_KIND["free"], (_THING_ON_US, _ON_THE_HOUSE, _NEXT_ON_US), ("on us", "on the house")),
    "discount": _Pruned(_KIND["discount"], (_PERCENT_OFF, _PERCENT_LOWER), ("%",)),
    "bonus": _Pruned(_KIND["bonus"], (_SUM_BONUS,), ("£", "$", "€")),
    "waiver": _Pruned(_KIND["waiver"], (_OWE_NOTHING,), ("owe", "balance")),
    "refund": _Pruned(_KIND["refund"], (_MONEY_BACK,), (" back",)),
    "replacement": _Pruned(_KIND["replacement"], (_BUY_NEW,), ("buy", "bought", "order")),
}
_KINDS = tuple((kind, _KIND_KEYS[kind], _KIND_SEARCH[kind]) for kind in _KIND)
# A remedy word counts only in an offer: the agent (or the company) granting it to the customer.
_OFFER_CUE = re.compile(
    r"\b(?:(?:i|we)(?:'ve|'ll|'d|'m|'re| have| will| would| can| am| are| shall)?(?: also| just| now| already| "
    r"gladly| happily| of course| certainly)? (?:like to )?(?:offer\w*|add\w*|give|given|giving|gave|issu\w*|appl\w*|"
    r"refund\w*|credit\w*|"
    r"waiv\w*|upgrad\w*|extend\w*|send|sent|sending|arrang\w*|process\w*|includ\w*|put|taken?|taking|knock\w*|"
    r"cover\w*|comp\w*|reimburs\w*|cancel\w*|start\w*|throw\w* in|set up|made|mak(?:e|es|ing)|book\w*|bring\w*|"
    r"pop(?:ped|ping)?|provid(?:e|ed|ing) you|"
    r"brought|cut\w*|halv\w*|drop\w*|bump\w*|zero\w*|clear\w*|pick\w* up|foot\w*|revers\w*|void\w*|"
    r"fast[- ]?track\w*|mov(?:e|ed|ing)|writ(?:e|es|ten|ing) off|swap\w*|exchang\w*|ship\w*|wip\w*|settl\w*|"
    r"approv\w*|reduc\w*|lower\w*|(?:gone|go|went) ahead and|"
    r"get(?:ting)? (?:[^\s.,;!?]+ ){1,5}?(?:sent|delivered|dispatched|processed|issued|refunded|credited|over|out)\b|"
    r"go ahead and|(?:have|'ve) (?:also )?(?:added|applied|credited|refunded))|"
    # "We'll replace the wheel", "I've bought you a new one"; not "when we replaced your screen" (what happened).
    r"(?:i|we)(?:'ll|'d|'ve|'m|'re| will| would| can| have| am| are| shall| are going to| am going to)(?: also| just| "
    r"now| happily| gladly| of course| certainly)? (?:replac\w*|buy\w*|bought)|"
    r"(?:will|'ll|shall) (?:also |gladly |happily |of course |certainly )?(?:cover|pay for|pay (?:it|that|them|"
    r"those)|reimburse|refund|"
    r"compensate)\b|"
    r"(?:won't|will not|don't|do not|never) (?:have to |need to )?(?:pay|owe (?:us )?) ?(?:anything|a penny|a thing|"
    r"a cent)|"
    r"you(?:'ll| will) owe (?:us )?nothing|balance (?:will be|is going to be|'ll be) (?:[£$€]0\b|zero|nil|cleared)|"
    r"(?:won't|will not|aren't|are not|isn't|is not) (?:be |being )?(?:charged|billed|invoiced)\b|at our (?:own "
    r")?(?:expense|cost)|"
    r"^(?:have|enjoy|grab|take|accept)\b|with (?:our|my) (?:sincere |deepest )?(?:apologies|compliments)|"
    # "We would love to welcome you back with a complimentary night": an offer in the conditional.
    r"(?:i|we)(?:'d| would)? (?:love|like|be (?:happy|glad|delighted|pleased)) to (?!(?:ask|check|see|know|hear|"
    r"understand|look|find)\b)[a-z]+\b|"
    r"you(?:'ll| will| can| are going to|'re going to)? (?:get|receive|have|see|keep)|"
    r"your (?:\w+ ){0,2}?(?:gets|receives)|"
    r"nothing (?:more |else |further )?(?:for you )?to pay|"
    r"(?:has|have|is|are|'s|will be|'ll be|be|get|gets|got) (?:been )?(?:fully |also )?"
    r"(?:refunded|credited|waived|reimbursed|"
    r"applied|added|discounted|free|on us|on the house|yours|upgraded|settled|paid out|covered|paid for|compensated|"
    r"replaced)|"
    # "I'm making next month free", "we're knocking £20 off": the agent granting it as we speak.
    r"(?:i|we)(?:'m|'re| am| are)(?: also| just| now| happily| gladly)? (?!sorry|looking|checking|reviewing|"
    r"investigating|trying|hoping|asking|waiting|working|afraid|aware|unable|seeing|having|experiencing|dealing|"
    r"struggling|hearing|reading|writing|following|feeling|wondering|thinking|expecting)[a-z]+ing\b|"
    # "Plus a free month for the hassle!": a remedy with no verb, tacked on as amends (not "sorry for the wait").
    # (The look-behinds follow the literal, so the search can skip ahead to each "for".)
    r"for(?<!sorry for)(?<!apologies for)(?<!apologise for)(?<!apologize for)(?<!thanks for)(?<!thank you for)"
    r"(?<!patience for) (?:the|any|all the|your|this) (?:hassle|trouble|inconvenience|bother|disruption|stress|"
    r"upset|mix-up|mess|wait|delay)|^(?:plus|also|and|on top of (?:that|this)),? (?:a|an|some|another|[£$€\d])|"
    r"as (?:an? )?(?:apology|goodwill gesture|gesture|thank[- ]you|thank you|compensation|way of saying sorry|token)|"
    r"please accept|here(?:'s| is| are)\b|(?:please |you can |feel free to |just |do )keep\b|"
    r"no need to (?:send|return|post|bring)\b|"
    r"to (?:make (?:up for|it up|this right|it right|amends)|say sorry)|consider (?:it|this|that)|"
    r"on us\b|on the house|with our compliments)",
    _I,
)
#: Cues searched only when _OFFER_CUE finds none, and only in sentences with one of _MORE_CUE_HINTS (they are costly
#: to try at every word): our own work made free, and the thing sent, in the passive.
_MORE_CUE = re.compile(
    r"\b(?:"
    # "We'll do the whole repair free of charge", "I'll fit a new one at no cost": the agent's own doing, made free.
    r"(?:i|we)(?:'ll| will|'d| would| can| could| are going to|'re going to| am going to|'m going to|'ve| have) "
    r"(?![^.;:,]{0,60}?\b(?:labels?|links?|forms?|envelopes?|bags?|quotes?|estimates?|boxes|packaging)\b)"
    r"[^.;:,]{0,60}?\b(?:free of charge|at no (?:extra |additional )?(?:cost|charge)|for free|free)\b|"
    r"(?:is|are|'s|'re) (?:already )?on (?:its|their) way\b|"
    # "A new one will go out to you at no charge": the thing sent, in the passive.
    r"(?:will|'ll) (?:go out|be (?:sent|shipped|dispatched|posted|couriered|delivered|on (?:its|their) way))\b|"
    r"(?:is|are) being (?:sent|shipped|dispatched|posted|couriered)\b|"
    # Terse notes: "Full refund coming your way.", "Replacement sorted.", "Credit applied to your account."
    r"^(?:(?:a|an|the|your|full|partial|\w+) ){0,3}?(?:refund|replacement|credit|voucher|discount|upgrade|gift card|"
    r"compensation)s?(?: of [^.,;:]{1,25}?)? (?:is |has been |'s |now |all )?(?:already )?(?:done|sorted|processed|"
    r"applied|issued|arranged|actioned|approved|added|raised|sent|booked|coming your way|heading your way|in the post|"
    r"going out|on (?:its|the) way)\b|"
    r"(?:is )?the least (?:i|we) can do\b)"
)
_MORE_CUE_HINTS = ("free", "no cost", "no charge", "no extra", "no additional", "way", "go out", "sent", "shipped",
                   "dispatched", "posted", "couriered", "delivered", "done", "sorted", "processed", "applied", "issued",
                   "arranged", "actioned", "approved", "added", "raised", "booked", "in the post", "going out", "least",
                   )  # fmt: skip


def _offer_cue(text: str) -> re.Match[str] | None:
    cue = _OFFER_CUE.search(text)
    if cue is None and has_any(text, _MORE_CUE_HINTS):
        cue = _MORE_CUE.search(text)
    return cue


# Words that turn an offer into a question for someone else, which promises nothing.
_ASKING = re.compile(
    r"\b(?:ask(?:ed|ing)? (?:my|our|the|if|whether)|check (?:if|whether)|whether|if (?:it's |it is )?possible|"
    r"request(?:ed|ing)? (?:a|an)|see if|suggest|recommend|contact(?:ing)? (?:them|the)|eligible|"
    r"handled by|usually|normally|can sometimes|any necessary)\b",
    _I,
)
#: Every _ASKING match has one of these ("check if" and "check whether" too): without one, skip the regex.
_ASKING_HINTS = (
    "ask", "whether", "possible", "request", "see if", "check if", "suggest", "recommend", "contact", "eligible",
    "handled by", "usually", "normally", "can sometimes", "any necessary",
)  # fmt: skip
_AMOUNT = re.compile(
    r"[£$€]\s?\d+(?:[.,]\d{2})?|\b(?:eur|usd|gbp|aud|cad|chf) ?\d+(?:[.,]\d{2})?|"
    r"\b\d+(?:[.,]\d{2})?\s?(?:pounds|dollars|euros|usd|gbp|eur)\b",
    _I,
)
_PERCENT = re.compile(r"\b(\d+(?:\.\d+)?)\s?(?:%|percent|per cent)", _I)
# Scope words that widen a remedy: a "full" refund is not the "delivery fee" refund the case allows.
_SCOPE = re.compile(
    r"\b(?:full(?:y)?|in full|whole|entire|entirely|all of|original (?:payment|price|charge|order)|full price|"
    r"both|every|three|two|six|twelve|\d+ months?|a year|next month'?s?|this month'?s?|last (?:\w+ )?months?|"
    r"january|february|march|april|june|july|august|september|october|november|december)\b",
    _I,
)
#: Every _SCOPE match has one of these (a number of months has "month"): without one, skip the regex.
_SCOPE_HINTS = (
    "full", "whole", "entire", "all of", "original", "both", "every", "three", "two", "six", "twelve", "month",
    "year", "january", "february", "march", "april", "june", "july", "august", "september", "october", "november",
    "december",
)  # fmt: skip

# -- claims the case contradicts -----------------------------------------------------------------------------------
#: The case's own account says the damage is partly permanent ...
_LIMITED = re.compile(
    r"\b(?:could ?n[o']t|cannot|can't|can not|unable to) be (?:recovered|restored|retrieved|repaired|undone|fixed|"
    r"found|replaced)|\bnot (?:recoverable|restorable|repairable)|\b(?:lost|gone) (?:for good|permanently)|"
    r"\bpermanently (?:lost|deleted)|\bpartially (?:restored|recovered)|\bonly (?:some|part|most)\b",
    _I,
)
#: ... so a reply claiming everything is back promises what the case contradicts.
_ABSOLUTE = re.compile(
    r"\b(?:nothing (?:has been|was|is|will be|'s been) lost|(?:won't|will not|will never) lose (?:anything|a thing)|"
    r"(?:restor|recover|retriev)\w* (?:every|all|everything|each)\b|(?:restor|recover|retriev)\w* (?:them|it|your "
    r"\w+) (?:all|in full|completely|fully)|(?:fully|completely|entirely) (?:restored|recovered)|every single|"
    r"all (?:of )?(?:them|your \w+) (?:are |is )?back|everything (?:is|will be) back)",
    _I,
)

# -- timelines ----------------------------------------------------------------------------------------------------
#: A remedy or fix claimed done already ("it's already active", "your access is back now").
_DONE_NOW = re.compile(
    r"\b(?:(?:is|are|'s|'re) (?:already|now) (?:active|live|working|restored|fixed|unlocked|reinstated|"
    r"reactivated|(?:switched|turned) (?:back )?on|in your account|on your account|showing|visible|available|"
    r"up and running|back (?:on|in|to) your|back to normal|back online|back up)|(?:is|are|'s|'re) (?:active|live|"
    r"working|restored|fixed|unlocked|reinstated|reactivated|back (?:on|in) your \w+|back online|back to normal|"
    r"(?:in|on) your (?:account|card|bank)|back "
    r"on|"
    r"back up|up and running|working again) "
    r"(?:again )?"
    r"(?:already|right now|as of now|now)\b)"
)
_NOW_KEYS = keys("already now")
#: Issue clauses that say when something will happen: "scheduled to reset it at 4pm today", "takes 10-15 days".
_ISSUE_FUTURE = re.compile(
    r"\b(?:will|'ll|scheduled|expected|due|takes?|taking|booked|estimated|planned|going to|should|until|"
    r"not before|earliest)\b"
)


@functools.lru_cache(maxsize=256)
def _issue_facts(issue: str) -> tuple[_When | None, bool, frozenset[str]]:
    """What the case's issue says, parsed once per case: its timeline, whether part of the damage is permanent, and
    what cannot be brought back."""
    if not issue:
        return None, False, frozenset()
    lowered = issue.lower()
    overclaim = _LIMITED_IN(lowered)
    return _issue_when(issue), overclaim, _lost_things(lowered) if overclaim else frozenset()


def _issue_when(issue: str) -> _When | None:
    """The times the case's issue gives for what happens next, as a timeline (``None`` when it gives none)."""
    clauses = [
        c.strip().rstrip(".")
        for c in re.split(r"[.;]\s+", issue)
        if _ISSUE_FUTURE.search(c.lower()) and _TIME_WORD.search(c.lower())
    ]
    if not clauses:
        return None
    when = _When(tuple(_IssueTime(c) for c in clauses))
    return when if (when.days or when.spans) else None


_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MONTH_KEYS = keys(
    "jan feb mar apr may jun jul aug sep sept oct nov dec january february march april june july august september "
    "october november december"
)
_M = r"(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*"
#: A calendar date: "20 May", "20th of May", "May 20".
_DATE = re.compile(rf"\b(?:(\d{{1,2}})(?:st|nd|rd|th)? (?:of )?{_M}|{_M} (\d{{1,2}})(?:st|nd|rd|th)?)(?![\d:])")
#: "... on 20 May and delivery takes 3-4 working days after that": a stage that comes a number of days after a date.
_DAYS_AFTER = re.compile(r"\b(\d+)(?: ?(?:-|–|to) ?\d+)? (?:working |business |calendar )?days? after\b")


def _day_of_year(m: re.Match[str]) -> int:
    day, month = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(3))
    return _MONTHS.index(month[:3]) * 31 + int(day)


class _Dated(NamedTuple):
    """The issue's dated event and the earliest day what follows it can happen ("the vessel arrives on 20 May and
    delivery takes 3-4 working days after that": not before 23 May)."""

    earliest: int
    event: frozenset[str]
    says: str


@functools.lru_cache(maxsize=256)
def _issue_dates(issue: str) -> _Dated | None:
    if _HAS_DIGIT(issue) is None:
        return None
    for said in re.split(r"[.;]\s+", issue):
        clause = said.lower()
        d = _DATE.search(clause)
        after = _DAYS_AFTER.search(clause, d.end()) if d else None
        if d is None or after is None:
            continue
        # What happens on that date, less its subject ("arrives", "melbourne" of "the vessel arrives in Melbourne"):
        # a reply that tells that event tells the issue; one that has the customer's thing delivered then does not.
        told = [w[:5] for w in _content(clause[: d.start()].split(",")[-1])]
        event = set(told[1:]) - {"will", "expec", "sched", "due"}
        return _Dated(_day_of_year(d) + int(after.group(1)), frozenset(event), said.strip().rstrip("."))
    return None


def _too_early(s: str, original: str, dated: _Dated) -> tuple[int, int, str, str] | None:
    """ "Your container will be delivered on 20 May" when the case's issue says it cannot be before the 23rd."""
    for d in _DATE.finditer(s):
        if _day_of_year(d) >= dated.earliest:
            continue
        before = s[max(0, d.start() - 70) : d.start()]  # "it will be with you, fitted, on 3 June": past commas
        m = _ARRIVAL.search(before)
        if m is None or _WHEN.search(s, 0, d.start()) or _CONDITION.search(s, 0, d.start()) or negated_in(before, 40):
            continue
        if _names_any(before, dated.event):
            continue  # "the vessel arrives in Melbourne on 20 May" tells the issue's own dated event
        return (
            d.start() - len(before) + m.start(),
            d.end(),
            f"This promises {original[d.start() : d.end()]}, but the case says {dated.says}.",
            "Give only the timeline the case states, and say what you will do in the meantime.",
        )
    return None


class _IssueTime:
    """An issue clause standing in for a remedy, so :class:`_When` reads its times the same way."""

    def __init__(self, clause: str) -> None:
        self.id, self.description, self.eta = "issue", "", clause


_DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
#: Arrival promises: "it will arrive", "you'll have it by Friday", "expect it tomorrow" ...
_ARRIVING = (
    r"(?:will|'ll|should|ought to|is going to|are going to|is due to|are due to)(?: definitely| certainly)? "
    r"(?:arrive|appear|show up|reach (?:you|your \w+)|land|be (?:back )?(?:with you|there|at yours|at your \w+|"
    r"in your (?:account|inbox|"
    r"hands)|on your (?:card|account|statement)|back|delivered|credited|refunded|processed|working|fixed|live|"
    r"(?:switched|turned) (?:back )?on|connected|reconnected|resolved|restored|active|online|up and running|reset|"
    r"unlocked|reactivated|reinstated)|show (?:up )?in|work|get (?:to you|there)|hit (?:you|your \w+)|"
    # "I'll ring you to go through anything you'd like to ask": going over things, not a payment going through.
    r"go through(?! (?:anything|everything|it|them|the|your|what|any|options|with|details|things)\b)|"
    r"clear)|(?:goes|go) through(?! (?:anything|everything|it|them|the|your|what|any|options|with|details|things)\b)|"
    r"clears|lands (?:in|on|with)|hits your|reaches (?:you|your)|"
    # "you'll be switched on by Friday": the customer's service back is the fix arriving.
    r"you(?:'ll| will)(?: definitely| certainly)? be (?:(?:switched|turned|back) on|connected|reconnected|live|"
    r"up and running|back online|able to)|arriv(?:es|ing)|"
    # "I'll have the mechanics start first thing so it's ready tomorrow morning": when the work is done, as a purpose.
    r"so (?:that )?(?:it's|it is|they're|they are|yours is|your \w+ (?:is|are)) ready|"
    r"you(?:'ll| will| should)(?: definitely| certainly)? (?:have|get|receive|see) "
    r"(?!(?:the|your) (?:tracking|number|link|email|confirmation|update|details|call|reference|receipt|label|"
    r"report|summary|list|invoice|name)\b)(?:it|them|the \w+|your \w+|both|the refund|the money|"
    # "you will have a decision by Friday"; not "a call", "a reply" (messages, not the remedy).
    r"an? (?!(?:call|text|message|email|e-mail|update|reply|response|link|number|quick|look|chat|think|"
    r"word|tracking|confirmation|reference|receipt|copy)\b)\w+|(?:the |your )?"
    r"[£$€]\d[\d,]*)|"
    # "Expect the parcel with you by tonight": the imperative promises the arrival just the same.
    r"expect (?!(?:the|your) (?:tracking|number|link|email|confirmation|update|details|call|reference|receipt|label|"
    r"report|summary|list|invoice|name)\b)(?:it|them|the \w+|your \w+|(?:the |your )?[£$€]\d[\d,]*)"
)
#: ... and who brings it or comes: "we'll deliver", "an engineer to visit", "the appointment on Friday".
_BRINGING = (
    # "\w++" takes the whole word at once: "\w+ers" backtracked through every word of every sentence.
    r"(?:we|i|they|team|crew|staff|\w++(?:(?<=\wers)|(?<=\wians))|plumber|engineer|technician|fitter|electrician|"
    r"mechanic|installer|courier|driver|builder|roofer|locksmith)(?:'ll| will| are going to| am going to|'m going to) "
    r"(?:deliver|bring|drop (?:off )?|(?:have|"
    r"get) (?:[\w']+ )"
    r"{1,6}?(?:fully |completely )?(?:repaired|fixed|replaced|installed|delivered|restored|done|sorted|"
    r"up and running|connected|reconnected|switched on|back online|live|working|with you|to you|back to you))|"
    r"(?:technician|engineer|adjuster|fitter|installer|plumber|someone)s? (?:\w+ ){0,2}?to (?:come|visit|be (?:there|"
    r"with you)|arrive|pop (?:round|over|by))|"
    r"(?:appointment|slot|visit|booking|call-out|"
    r"technician|engineer)s? (?:\w+ ){0,2}?(?:for|on|at|booked for)|"
    # "I've booked you a priority appointment this afternoon": the day straight after a new booking ("booked your
    # appointment today" may say when it was booked).
    r"(?:book|booked|booking|arrang\w*|schedul\w*|reserv\w*) (?:you |in )?(?:a|an) "
    r"(?:\w+ ){0,2}?(?:appointment|slot|visit)s? (?=(?:this|today|tonight|tomorrow)\b)"
)
_ARRIVAL = re.compile(rf"\b(?:{_ARRIVING}|{_BRINGING})\b", _I)
#: Every _BRINGING match has one of these: "we'll deliver" has "ll deliver", "going to bring" has "to bring". They are
#: the costliest alternatives (tried at every word), so a sentence without one is searched with _ARRIVAL_PLAIN: an
#: alternative that cannot match changes no match.
_BRINGING_HINTS = (
    *(f"{aux} {verb}" for aux in ("ll", "to") for verb in ("deliver", "bring", "drop", "have", "get")),
    *keys("technician engineer adjuster fitter installer plumber someone appointment slot visit booking call-out"),
)
_ARRIVAL_PLAIN = re.compile(rf"\b(?:{_ARRIVING})\b", _I)
#: "I've rebooked your fitting for Thursday", "we've moved your appointment to Monday", "your new slot is Friday":
#: the new day we set (searched apart from _ARRIVAL, and only in sentences with one of _REBOOKED_HINTS).
_REBOOKED = re.compile(
    r"\b(?:(?:i|we)(?:'ve| have|'ll| will|'m| am|'re| are)(?: now| also| just)? (?:re-?)?(?:book|schedul|arrang|"
    r"reserv|mov|put)(?:s|ed|ing|e|ting)? (?:you|your \w+|it|them|the \w+)(?: \w+)?(?: in)? (?:for|to|on)|"
    r"(?:new|rebooked|rescheduled) (?:appointment|slot|visit|booking|fitting|date|time)s? (?:is|will be))\b"
)
_REBOOKED_KEYS = keys(
    "book booked rebook rebooked re-booked schedule scheduled reschedule rescheduled arrange arranged arranging "
    "reserve "
    "reserved moved move moving put new"
)
_TIME_WORD = re.compile(
    r"\b(?:(monday|tuesday|wednesday|thursday|friday|saturday|sunday)|(today|tonight|tomorrow|this (?:afternoon|"
    r"morning|evening))|"
    # A range ("3-5 business days", "within 10 to 15 days"): the case can take as little as its lower bound.
    r"(?:within |in |takes? )?(\d+) ?(?:-|–|to) ?\d+ ((?:business |working )?days?|hours?|minutes?|weeks?)|"
    r"(?:within|in) (?:the (?:next )?|a )?(\d+|an?|one|two|three|four|five|ten|fifteen|twenty|few|couple of|"
    r"twenty-four|forty-eight) ?((?:business |working )?days?|hours?|minutes?|weeks?)|within the (hour)|(?:with)?in "
    r"the "
    r"next (?:(\d+|few|couple of) )?(minutes?|hours?|days?)|"
    r"(?:by )?(?:the )?(end of (?:the |this |next )?(?:day|week))|"
    r"(24|48|72) hours|(first thing|instantly|immediately|right away|straight away|right now|in minutes|"
    r"(?:in|within) half an hour)|"
    # "By close of business"; "this week", "by the weekend". ("The same day" is relative to some other day.)
    r"(by lunchtime|by (?:the )?close of business|by (?:the )?end of play)|"
    r"(this week|by the weekend|over the weekend))\b",
    _I,
)
_SHIPS = re.compile(r"\b(?:ships?|shipped|dispatch\w*|posted|goes out|sent out|leaves)\b", _I)
_ARRIVES = re.compile(r"\b(?:arriv\w*|deliver\w*|reach\w*|with you)\b", _I)
# Every _ARRIVAL alternative has one of these: a future auxiliary, "arrives"/"arriving", or an appointment noun.
_ARRIVAL_KEYS = keys(
    "will ll should ought going due arrives arriving expect through clears lands hits reaches ready "
    "appointment appointments slot slots visit visits booking bookings "
    "call-out technician technicians engineer engineers adjuster fitter installer plumber someone "
    "booked rebooked re-booked rescheduled scheduled arranged reserved moved book rebook reschedule schedule move "
    "fitting date"
)
#: Where the clause after an arrival ends: a time past it is another clause's ("it's on your account now), and the
#: new box arrives Thursday").
_AFTER_BREAK = re.compile(r"[();,:]| and | but | or | then | so ")
#: "You'll see it back on your card tomorrow": where money lands names it as money, with no money word.
_ON_CARD = re.compile(r"\b(?:back )?(?:on|to|in|into) your (?:card|bank|bank account|statement)\b")
_ON_CARD_KEYS = keys("card bank statement")
_MONEY_KINDS = ("refund", "credit", "voucher", "discount", "waiver", "compensation")
#: Words that name money coming back to the customer.
_MONEY_KEYS = keys(
    "refund refunds refunded refunding reimburse reimbursed reimbursement money credit credits credited voucher "
    "vouchers fee fees charge charges charged payment paid cash compensation"
)
#: Words one of which any _TIME_WORD match contains, unless it has a digit.
_TIME_WORD_KEYS = keys(
    "monday tuesday wednesday thursday friday saturday sunday today tonight tomorrow this within next end first "
    "instantly immediately away now minutes hour hours half few couple two three four five ten lunchtime close "
    "play week weekend"
)
#: Bringing something back: "restore", "recover", "put your streak back".
_RESTORE = re.compile(
    r"\b(?:restor\w*|recover\w*|retriev\w*|reinstat\w*|undelet\w*|rebuil\w*|(?:put|puts|putting|bring|brings|"
    r"bringing|brought|get|getting|got|give|giving|gave|add|adding|added|set|setting)\b(?: [\w'-]+){0,4}? back)\b"
)
_RESTORE_KEYS = keys(
    "restore restored restoring restores recover recovered recovering retrieve retrieved reinstate reinstated "
    "undelete undeleted rebuild rebuilt back"
)
_TRY = re.compile(
    r"\b(?:if|whether|wish|could|might|may|try|trying|tried|hope|hoping|possible|ask(?:ed|ing)? (?:whether|if))\b"
)
_NOT_DOABLE = re.compile(
    r"\b(?:not possible|impossible|isn't possible|is not possible|can't|cannot|couldn't|unable|no way|won't)\b"
)
#: "The contacts whose notes were restored": what happened to the rest, told, not promised.
_WERE = re.compile(r"\b(?:was|were) $")
_PARTIAL = re.compile(
    r"\b(?:most|some|many|part|much|older|earlier|the rest|all but|apart from|except|other than|up to|until)\b"
)
#: Words too general to name what was lost ("some", "most" of it).
_LOST_SKIP = keys("some most many their these those which that were been have they there data part")


def _lost_things(issue: str) -> frozenset[str]:
    """What the issue says cannot be brought back, as stems: "streaks lost in the update cannot be restored" ->
    {"strea"}; the first content word of the clause before each limitation."""
    found = set()
    for m in _LIMITED.finditer(issue):
        before = re.split(r"[.!?]\s", clause_before(issue, m.start(), 60))[-1]
        for w in before.encode("ascii", "replace").translate(_TO_SPACE).decode("ascii").split():
            if len(w) >= 4 and w not in _STOP and w not in _LOST_SKIP and not w[0].isdigit():
                found.add(w[:5])
                break
    return frozenset(found)


_ABSOLUTE_KEYS = keys("nothing lose all every fully completely entirely back restored recovered")
_INFO = re.compile(
    r"\b(?:tracking|link|number|email|e-mail|confirmation|update|details|receipt|label|invoice|report|summary|"
    r"message|text|call|reference|name)s?\b"
)
_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "ten": 10, "fifteen": 15}
_WORDS |= {"twenty": 20, "twenty-four": 24, "forty-eight": 48, "few": 3, "couple of": 2}
_HOURS = {"minute": 1 / 60, "hour": 1, "day": 24, "business day": 24, "working day": 24, "week": 168}


def _hours(match: re.Match[str]) -> float | None:
    """An upper bound, in hours, for a time expression (``None`` when it names a day rather than a span)."""
    _day, rel, low, unit0, n, unit, hour, n2, unit2, eod, n24, first, today, week = match.groups()
    if low:
        n, unit = low, unit0
    if today:
        return 8 if today.endswith("lunchtime") else 12
    if week:
        return 120
    if rel:
        rel = rel.lower()
        return {"today": 12, "tonight": 12, "tomorrow": 36}.get(rel, 8)
    if hour:
        return 1
    if eod:
        eod = eod.lower()
        return 12 if eod.endswith("day") else 312 if "next" in eod else 120
    if n24:
        return float(n24)
    if first:
        return 36 if first.lower() == "first thing" else 0.5
    if unit or unit2:
        num = (n or n2 or "1").lower()
        value = float(num) if num.isdigit() else _WORDS.get(num, 1)
        base = (unit or unit2).lower().rstrip("s")
        if base in ("business day", "working day") and value >= 5:
            return value * 168 / 5  # a span of a week or more of business days takes its weekends too
        return value * _HOURS.get(base, 24)
    return None


@functools.lru_cache(maxsize=256)
def _authorised(remedies: tuple[Any, ...]) -> _Authorised:
    # Cases repeat (a helpdesk checks many drafts per case): parse the remedies once.
    return _Authorised(remedies)


class _Kinds:
    """The kinds of remedy a case authorises, as a set that finds each kind when first asked about it: a reply
    asks about the kinds it offers, so a case nobody has checked yet is not searched for the other dozen."""

    def __init__(self, allowed: _Authorised) -> None:
        self._allowed = allowed
        self._known: dict[str, bool] = {}  # a cache: a dict's setdefault is thread-safe

    def __contains__(self, kind: object) -> bool:
        found = self._known.get(kind)  # type: ignore[call-overload]
        if found is None:
            found = self._known.setdefault(kind, self._allowed.is_kind(kind))  # type: ignore[arg-type]
        return found

    def __iter__(self) -> Iterator[str]:
        return (kind for kind in _KIND if kind in self)

    def __and__(self, other: set[str]) -> set[str]:
        return {kind for kind in other if kind in self}

    __rand__ = __and__


class _Authorised:
    """What the case allows: remedy text, kinds, amounts, and when things happen."""

    def __init__(self, remedies: tuple[Any, ...]) -> None:
        self.remedies = remedies
        self.text = " ".join(f"{r.id.replace('-', ' ')} {r.description} {r.eta or ''}" for r in remedies).lower()
        #: Each remedy's id and description, lower-cased, as the per-remedy searches read it.
        self.described = [f"{r.id.replace('-', ' ')} {r.description}".lower() for r in remedies]
        #: The kinds of remedy the case authorises, each found when first asked about (see _Kinds).
        self.kinds = _Kinds(self)
        self.when = _When(remedies)
        self.days, self.spans, self.ship_only = self.when.days, self.when.spans, self.when.ship_only
        self.first_time = self.when.first_time
        #: Each remedy's content words (see _stems); shared below, so never changed.
        self.content = [_stems(described) for described in self.described]
        #: Each remedy's own timeline, keyed by its content words, so "we'll deliver them today" is held to the
        #: delivery remedy's "tomorrow morning", not to another remedy's "ready for collection today".
        #: What the remedies give, in content words: a promise of one of these is the remedy, not a guarantee.
        self.given = set().union(*self.content)
        #: What the remedies are, without what they last for ("a 4G hub to use until the line is fixed" is a hub,
        #: not the line being fixed).
        self.things: set[str] = set()
        for described, content in zip(self.described, self.content, strict=True):
            thing = _UNTIL.split(described)[0]
            self.things.update(content if thing == described else _stems(thing))
        self.each = [_stems(f"{r.id.replace('-', ' ')} {r.description} {r.eta or ''}".lower()) for r in remedies]
        self._linked: dict[tuple[int, ...], _When] = {}  # a cache: a dict's setdefault is thread-safe
        self.describe = "; ".join(f"{r.description}" + (f" ({r.eta})" if r.eta else "") for r in remedies)

    # What follows is worked out when a reply first needs it: most replies offer one or two kinds of remedy, or none,
    # and a case nobody has checked yet would otherwise pay for all of it.

    def is_kind(self, kind: str) -> bool:
        """Whether the case authorises remedies of ``kind`` (for :class:`_Kinds`)."""
        if kind == "compensation":
            return self.names_compensation or bool(self.pays)
        if kind not in _KIND_FOUND:
            return False
        if _KIND_FOUND[kind](self.text):
            return True
        if kind == "free":
            return _AT_OUR_COST_IN(self.text)  # "a roofer to replace the tiles, at our cost" is free to the customer
        if kind == "keep":
            return "keep" in words(self.text)  # "you keep the box at no cost"
        if kind == "waiver":
            return _CANCELLED_FEE_IN(self.text)  # "the £4.20 overdue fine cancelled" is a waiver in other words
        if kind == "refund":
            return _REVERSED_IN(self.text)  # "the £150 charge reversed" is a refund in other words
        if kind == "transport":
            return _RIDE_IN(self.text)  # "a courtesy car", "a taxi home at our cost"
        return False

    @functools.cached_property
    def names_compensation(self) -> bool:
        """Whether the remedies name compensation in so many words (then ``pays`` is not needed)."""
        return _KIND_FOUND["compensation"](self.text)

    @functools.cached_property
    def pays(self) -> set[str]:
        """What the company pays for, when a remedy says so without a compensation word ("we pay for a technician's
        repair"): paying for that is authorised, paying for anything else is not."""
        pays: set[str] = set()
        if not self.names_compensation:
            for described, content in zip(self.described, self.content, strict=True):
                if _PAYS_FOR_IN(described):
                    pays.update(content - _PAYING)
        return pays

    @functools.cached_property
    def unpriced_refund(self) -> bool:
        """Whether a refund is of a thing with no sum ("a refund of the duplicate fee"): the sum the customer names
        for that thing is the refund, not a new one."""
        return any(_KIND_FOUND["refund"](r.description.lower()) and not has_digit(r.description) for r in self.remedies)

    @functools.cached_property
    def short_words(self) -> set[str]:
        """The short words of the remedies ("a free 4g hub"), which stems skip: they too can name a freebie."""
        return {
            w for w in words(" ".join(r.description for r in self.remedies).lower()) if len(w) < 4 or has_digit(w)
        } - _FILLER

    @functools.cached_property
    def stems(self) -> dict[str, set[str]]:
        """For each kind, the content words of the remedies of that kind ("upgrade", "overnight", "shipping"): "free
        upgrade" and "waived fee" allow the word free only for what they describe."""
        stems: dict[str, set[str]] = {}
        for described, content in zip(self.described, self.content, strict=True):
            for kind in _OBJECT_KINDS:
                if _KIND_FOUND[kind](described) or (kind == "free" and _AT_OUR_COST_IN(described)):
                    stems.setdefault(kind, set()).update(content)
        return stems

    # Every _AMOUNT match has a digit; _PERCENT and _SCOPE are searched only where they could match.

    @functools.cached_property
    def amounts(self) -> set[str]:
        return {_norm_amount(a) for a in _AMOUNT.findall(self.text)} if _HAS_DIGIT(self.text) else set()

    @functools.cached_property
    def percents(self) -> set[str]:
        return set(_PERCENT.findall(self.text)) if _PERCENT_POSSIBLE(self.text) else set()

    @functools.cached_property
    def scope(self) -> set[str]:
        scope = {_scope_word(w) for w in _SCOPE.findall(self.text)} if _SCOPE_POSSIBLE(self.text) else set()
        if _ONE_MONTH_NEXT_IN(self.text) or ("free" in self.kinds and _ONE_FREE_MONTH_IN(self.text)):
            # "One month free, applied to your next bill", "one month of Premium free": next month free is that month.
            scope.add("next month")
        return scope

    @functools.cached_property
    def money(self) -> list[bool]:
        """Which remedies are money (a refund, credit, voucher ...), not something delivered or done."""
        return [
            any(_KIND_FOUND[k](described) for k in _MONEY_KINDS)
            # "Domain restored with the fee waived" restores the domain: a promise of it back is held to its time.
            and not _RESTORES_IN(r.description.lower())
            for r, described in zip(self.remedies, self.described, strict=True)
        ]

    def timeline_ok(self, match: re.Match[str], *promised: str) -> bool:
        when = self.when_for(*promised)
        return when is None or when.ok(match)

    def when_for(self, *promised: str, money_named: bool = True) -> _When | None:
        """The timeline a promise is held to. ``promised`` (what arrives, e.g. "the delivery fee", then how, e.g.
        "we'll deliver") picks the remedies it is about, when its words name some of them but not all.

        A promise that names no remedy and no money ("the transfer should reach your mother today") is not about
        a refund, credit or voucher, so it is held only to the other remedies (a delivery, a visit): ``None`` when
        there are none, as no remedy's timeline speaks to it."""
        unlinked = True
        for phrase in promised if (len(self.each) > 1 or not money_named) else ():
            # The phrase is lower-cased already: split it directly (cheaper than _stems on a hot path).
            named = {w[:5] for w in phrase.split() if len(w) >= 4 and w not in _STOP} - _ARRIVAL_STEMS
            linked = tuple([i for i, stems in enumerate(self.each) if not stems.isdisjoint(named)])
            if not linked:
                continue
            unlinked = False
            if len(linked) < len(self.each):
                return self._when(linked)
            break
        if unlinked and not money_named:
            kept = tuple(i for i, money in enumerate(self.money) if not money)
            if not kept:
                return None
            if len(kept) < len(self.each):
                return self._when(kept)
        return self.when

    def _when(self, linked: tuple[int, ...]) -> _When:
        found = self._linked.get(linked)
        if found is None:
            found = _When(tuple(self.remedies[i] for i in linked))
            if found.relative and not (found.days or found.spans or found.ship_only):
                # "A decision within 10 business days of the visit": no sooner than the other remedies' times.
                found.floor = self.when
            found = self._linked.setdefault(linked, found)
        return found


_UNTIL = re.compile(r"\b(?:until|till|while|whilst|pending)\b")
#: An ETA in stages: "processed today, visible within 5 business days".
_STAGES = re.compile(r",|;| then | and ")
_SEEN = re.compile(
    r"\b(?:visible|appear\w*|show\w*|arriv\w*|land\w*|reach\w*|in (?:your|the) (?:account|bank)|on (?:your|the) "
    r"(?:card|statement|account|bill)|with you)\b"
)
#: A promise that the fault itself is fixed ("our engineers will have you back online"), not a remedy arriving.
_FIX = re.compile(
    # "He will be back on site": a person returning, not the service back on.
    r"\b(?:back online|back on(?! site\b| the job\b)|online|restored|reconnected|connected|fixed|repaired|working|"
    r"up and running|resolved|"
    r"switched on|turned on)\b"
)


#: Remedies that mend something (so "it's fixed now" can be about them), and ETAs that say a remedy is in place today.
_MENDS = re.compile(
    r"\b(?:fix\w*|repair\w*|restor\w*|reconnect\w*|reset\w*|unlock\w*|reinstat\w*|reactivat\w*|working|online|"
    r"back on|switch\w* (?:back )?on|turn\w* (?:back )?on|engineer|technician|service|access|live|active|replac\w*|"
    r"resolv\w*|patch\w*|correct\w*)\b"
)
_SAME_DAY = re.compile(
    r"\b(?:placed|applied|active|activated|in place|done|set up|added|live|effective|lifted|"
    r"removed|starts?|started) (?:today|now|immediately|straight away|right away)\b|"
    r"^(?:today|now|immediately|straight away|right away|already)\b"
)


_RESTORES = re.compile(r"\b(?:restor\w*|reconnect\w*|reinstat\w*|reactivat\w*|unlock\w*|repair\w*|fix\w*)\b")
_BACK_UP = re.compile(r"\b(?:back|restored|reconnected|working|online|fixed|up and running|reactivated|reinstated)$")


def _days_after(eta: str, m: re.Match[str]) -> set[str]:
    """ "Ships Monday, arrives within 2 working days of shipping": the weekdays the span after a named weekday reaches
    (Tuesday, Wednesday), so "it should reach you by Wednesday" keeps to the case."""
    day = _TIME_WORD.search(eta, 0, m.start())
    if day is None or not day.group(1) or (m.group(5) is None and m.group(3) is None):
        return set()
    count = m.group(3) or m.group(5)
    n = int(count) if count.isdigit() else _WORDS.get(count, 0)
    unit = (m.group(4) or m.group(6) or "").lower()
    if not n or "day" not in unit or n > 7:
        return set()
    at, found = _DAYS.index(day.group(1).lower()), set()
    while n > 0:
        at = (at + 1) % 7
        if ("working" in unit or "business" in unit) and at >= 5:
            continue
        found.add(_DAYS[at])
        n -= 1
    return found


class _Times(NamedTuple):
    """When one remedy happens (see :class:`_When`, which puts its remedies' together)."""

    ship_only: bool
    days: frozenset[str]
    spans: tuple[float, ...]
    first_time: str | None
    relative: bool


def _remedy_times(r: Any) -> _Times:
    # Parsed once per remedy: a promise tied to some of a case's remedies is held to a _When of just those.
    try:
        return _times(r.description, r.eta)
    except TypeError:  # a duck-typed remedy whose fields cannot be hashed
        return _times.__wrapped__(r.description, r.eta)


@functools.lru_cache(maxsize=512)
def _times(description: Any, eta: Any) -> _Times:
    when = f"{description} {eta or ''}"
    if _SHIPS_IN((eta or "").lower()) and not _ARRIVES_IN(when.lower()):
        return _Times(True, frozenset(), (), None, False)
    days: set[str] = set()
    spans: list[float] = []
    first_time: str | None = None
    relative = False
    #: "processed today, visible within 5 business days": the customer sees it at the later stage, so the
    #: earlier stage's spans bound nothing (its weekdays still count).
    seen_from = 0
    if eta and _SEEN_IN(eta.lower()):
        parts = _STAGES.split(eta)
        seen = [part for part in parts if _SEEN_IN(part.lower())]
        if len(parts) > 1 and len(seen) < len(parts) and _TIME_WORD.search(" ".join(seen).lower()):
            when = f"{description} {eta}"
            seen_from = len(when) - len(eta) + eta.lower().index(seen[0].lower())
    elif eta and ";" in description and _TIME_WORD.search(eta.lower()):
        # "Release submitted today; the €1,400 paid to your account" (within 2 business days): the
        # description's earlier stage is not when the customer has it, the ETA is.
        seen_from = description.rindex(";")
    for m in _TIME_WORD.finditer(when.lower()):
        if _RELATIVE_TO.match(when, m.end()):
            relative = True
            days.update(_days_after(when.lower(), m))
            continue  # "within 24 hours of the draw" counts from an event, not from now: it bounds nothing
        if first_time is None and m.start() >= seen_from:
            said = when[m.start() : m.end()]  # as the case wrote it ("Friday", not "friday")
            first_time = f"on {said}" if m.group(1) else said
        if m.group(1):
            days.add(m.group(1).lower())
        elif m.start() >= seen_from:
            hours = _hours(m)
            if hours is not None:
                spans.append(hours)
    return _Times(False, frozenset(days), tuple(spans), first_time, relative)


class _When:
    """When the given remedies happen: weekdays, spans in hours, and whether they only say when something ships."""

    def __init__(self, remedies: tuple[Any, ...]) -> None:
        self.remedies = remedies
        self.days: set[str] = set()
        self.spans: list[float] = []
        #: Times that say when something ships, not when it arrives: they authorise no arrival date.
        self.ship_only = False
        self.first_time: str | None = None
        #: Whether a remedy's time counts from another event ("within 10 business days of the visit").
        self.relative = False
        #: For remedies timed only from another event: the timeline they cannot come before (see _Authorised._when).
        self.floor: _When | None = None
        #: The remedies' ETAs as the case words them.
        self.says = "; ".join(r.eta for r in remedies if r.eta)
        for r in remedies:
            times = _remedy_times(r)
            if times.ship_only:
                self.ship_only = True
                continue
            self.relative = self.relative or times.relative
            self.days.update(times.days)
            self.spans.extend(times.spans)
            if self.first_time is None:
                self.first_time = times.first_time

    def ok(self, match: re.Match[str]) -> bool:
        if self.floor is not None and not self.floor.ok(match):
            return False
        if self.ship_only and not (self.days or self.spans):
            return False
        day = match.group(1)
        if day:
            # A weekday is fine when the case names it, or names only spans ("within 3 business days").
            return day.lower() in self.days or (not self.days and bool(self.spans))
        return self.ok_hours(_hours(match))

    def ok_hours(self, hours: float | None) -> bool:
        if self.floor is not None and not self.floor.ok_hours(hours):
            return False
        if self.ship_only and not (self.days or self.spans):
            return False
        if hours is None:
            return True
        if self.spans:
            return hours >= min(self.spans) - 1e-9
        # The case pins things to a weekday: "tomorrow"/"today" contradicts it; a span of days is vague enough.
        return not self.days


#: Words any arrival uses ("it will arrive", "reach you"): they name no remedy in particular.
_ARRIVAL_STEMS = {w[:5] for w in keys("arrive reach land appear show back there going should will with ready")}
#: "I promise you", "we guarantee": the agent vouching for what follows.
_PROMISE_VERB = re.compile(r"^(?:i|we)(?:'ll|'d| will| would| can| do| shall)? (?:\w+ )?(?:guarantee|promise)")
#: A time, or an outcome that nobody controls ("you won't receive another duplicate"), keeps a guarantee a guarantee.
_TIMELY = re.compile(
    r"\b(?:today|tonight|tomorrow|by|within|on \w+day|next|in time|on time|before|this (?:afternoon|morning|evening)|"
    r"won't|will not|never|"
    r"no more|again|another|any ?more|ever|always|nothing|no one|nobody)\b"
)


#: What follows "I promise you" when it is the agent's own doing: an answer, an update, a call ("I promise you an
#: honest answer", "I promise I'll ring you on Friday"), not an outcome ("I promise you'll have it Friday").
_OWN_WORD = re.compile(
    r",?:? ?(?:(?:this|one thing|that much),?:? )?(?:(?:an?|my|our|one) (?:\w+ )?(?:answer|update|reply|response|"
    r"call|phone call|email|e-mail|explanation|"
    r"follow-up)s?\b(?! (?:that|you'll|you will|it)\b)|(?:is )?(?:that )?(?:i|we)(?:'ll| will| shall) (?:personally )?"
    r"(?:call|ring|phone|email|e-mail|write|text|update|keep you (?:posted|updated|informed)|let you know|tell you|"
    r"be in touch|get back to you|follow up|contact you|come back to you)\b)"
)


#: "No promises it never happens again, but ...": a hedge in a busy agent's words (beside _text's HEDGE).
_NO_PROMISES = re.compile(r"\bno (?:promises?|guarantees?)\b(?! (?:are|were) (?:broken|made)\b)")
_EFFORT = re.compile(
    r"(?:will|'ll) (?:personally |carefully |properly )?(?:look (?:at|into)|review|check|read|go through|call|ring|"
    r"contact|email|write|update|keep you|handle|investigate|be in touch|get back|listen|take (?:this|it) seriously)\b"
)


def _promises_remedy(s: str, m: re.Match[str], allowed: _Authorised) -> bool:
    """Whether what is promised after ``m`` is one of the case's remedies, with no time of its own (a time is held
    to the case's timeline, and a guarantee of it stays a guarantee)."""
    after = s[m.end() :]
    return bool(allowed.given) and _TIMELY.search(after) is None and _names_any(after, allowed.given)


_DONE = re.compile(r"\b(?:has|have|had|was|were|did)\b")
#: "Another one" and "a new one" replace something only when the clause sends, makes or brings it ("a new one
#: ships today", "I'll get another one to you"), not when it counts what is there ("yours and another one").
_BARE_ONE = ("new one", "another one", "fresh one")
_GIVING = re.compile(
    r"\b(?:send(?:s|ing)?|sent|ship(?:s|ped|ping)?|get(?:ting)?|got|giv(?:e|es|en|ing)|gave|bring(?:s|ing)?|brought|"
    r"ordered|ordering|mak(?:e|es|ing)|made|book(?:ed)?|arrang(?:e|ed|ing)|pop(?:ped|ping)?|posted|in the post|"
    r"dispatch(?:ed|ing)?|deliver(?:s|ed|ing)?|hav(?:e|ing)|'ve|put(?:ting)?|pick(?:ed|ing)?|swap(?:ped|ping)?|"
    r"reserved?|fit(?:ted|ting)?|install(?:ed|ing)?|fetch(?:ed|ing)?|couriered|drop(?:ped|ping)?|bak(?:e|ed|ing)|"
    r"buil(?:d|t|ding)|print(?:ed|ing)?|cook(?:ed|ing)?|will|'ll|going to|on (?:its|the) way|coming|arriv\w*|"
    r"with you|yours|free|instead|replac\w*|exchang\w*)\b"
)
#: "From now on I'm your only contact", "I'll handle your account from now on": who does what from here, an
#: arrangement the agent makes, unless the clause also vouches for an outcome ("we'll make sure it always works").
_ARRANGER = re.compile(
    r"\b(?:(?:i|we)(?:'m|'re|'ll| am| are| will| shall)|me|myself|"
    # "From now on we run migrations out of hours": a practice of our own, in the present tense.
    r"we (?:now )?(?:run|check|test|call|send|review|schedule|do|use|confirm|double-check)\b)"
)
_OUTCOME = re.compile(
    r"\b(?:make sure|ensure\w*|always|never|nothing|no (?:more|longer|one)|won't|will not|can't|cannot|guarantee\w*|"
    r"promise\w*|sure|certain|perfect\w*|on time|smooth\w*|fine|protected|safe|problems?|issues?|mistakes?|errors?|"
    r"again|happen\w*|work\w*|right|correct\w*)\b"
)


def _arrangement(s: str, m: re.Match[str]) -> bool:
    clause = clause_around(s, m.start(), m.end())
    if clause.strip() == m.group(0):
        # "From now on, I'll handle it myself": the phrase stands alone before a comma; the clause after it says what.
        rest = len(s) - len(s[m.end() :].lstrip(",;:—– "))
        clause = clause_around(s, rest, rest)
    return _ARRANGER.search(clause) is not None and _OUTCOME.search(clause) is None


_RELATIVE_TO = re.compile(r"\s+(?:of|after|from) (?!now\b|today\b|tonight\b|this\b)", re.I)
_CONDITION = re.compile(r"\b(?:if|whether|unless|hope|hopefully)\b")
_WHEN = re.compile(r"\b(?:if|unless|when|once|until|whether)\b")
_RELATIVE = re.compile(r"\b(?:before|ahead of|after|in (?:\w+ )?time for|in time for)\s*$")
_OBJECT_KINDS = ("free", "upgrade", "replacement")
#: Kinds a scope word ("full", "whole", "next month's") can widen.
_SCOPED_KINDS = ("refund", "credit", "free", "waiver", "discount", "compensation")
_CLOCK = re.compile(r"(\d):(\d)")
_STOP = keys(
    "free cost charge charges complimentary house with your our their this that from have will would your "
    "extra additional also just send sent sending give given giving offer offered able like into onto upon there"
)


def _stems(text: str) -> set[str]:
    """Content words, cut to five letters so "upgraded" meets "upgrade" and "shipping" meets "ship"."""
    return {w[:5] for w in words(text) if len(w) >= 4 and w not in _STOP}


_WIDE = {"full", "whole", "entire", "entirely", "all of"}
_PAYS_FOR = re.compile(
    r"\b(?:(?:we|i|company) (?:will |'ll )?(?:pay|pays|cover|covers)\b|covered by (?:our|us)\b|at our (?:own )?"
    r"(?:cost|expense)\b)"
)
#: The paying itself, which names nothing paid for.
_PAYING = {w[:5] for w in keys("cover covered covers covering pays paying paid expense expenses costs liability")}
_FILLER = keys(
    "a an the of to for and or your our you we it on in at with by up is are be will free new this that these those "
    "time all no any some day my its as so from one i me us he she him her his they them if do did does get got go "
    "off per via out not nor but can may yet two six ten few old own too who how why was has had let put set see "
    "say use far etc way far per off pay paid"
)
#: Approving or settling the customer's claim: the payout, which is the refund when the case authorises one.
_CLAIM = re.compile(r"(?:approv|settl)\w* (?:it|the claim|your claim|in full)")
#: Words that time a payment back ("within 3 business days of receiving it"), naming nothing paid for.
_PAYBACK_FILLER = {
    w[:5] for w in keys("within business working days hours weeks receiving receive received once soon arrives arrived")
}


def _pays_back(s: str, m: re.Match[str], pays: set[str]) -> bool:
    """ "We'll reimburse you" for the cost the case says the company pays, named in the sentence ("pay the vet bill in
    full: send us the receipt and we'll reimburse you"), and nothing else named beside it."""
    if not _names_any(s, pays):
        return False
    clause = clause_around(s, m.start(), m.end()).replace(m.group(0), " ")
    return all(w in pays or w in _PAYBACK_FILLER for w in _content(clause))


#: "Your next three grooms are on us" when the case gives the next groom: a count of the thing given, checked
#: against the count the case gives it with.
_COUNTED_KINDS = ("free",)
_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
_NUMBER_KEYS = frozenset(_NUMBERS)
_PERIOD_KEYS = keys("month months year years week weeks")
_COUNTED = re.compile(r"\b(two|three|four|five|six|seven|eight|nine|ten|\d+) (?:free |more |extra |new )?([a-z]{4,})")


def _more_than_given(s: str, m: re.Match[str], allowed: _Authorised) -> str | None:
    clause = clause_around(s, m.start(), m.end())
    # "A complimentary year of Premium" when the case gives a free month: another period than any it gives (the
    # remedies' descriptions, not their ETAs), named right next to the free word.
    periods = {p for r in allowed.remedies for p in _PERIOD.findall(str(r.description).lower())}
    if periods:
        unit = _PERIOD.search(s, max(0, m.start() - 15), m.end() + 12)
        if unit is not None and unit.group(1) not in periods:
            return f"a {unit.group(1)}"
    for c in _COUNTED.finditer(clause):
        count, thing = c.group(1), c.group(2)[:5]
        if thing not in allowed.given:
            continue  # "two weeks", "3 business days": not the thing given
        n = _NUMBERS.get(count) or (int(count) if count.isdigit() else 0)
        # Only a count the case gives ("his next groom", "two free nights") is exceeded; "the damaged chairs" has none.
        counted = re.compile(rf"\b(a|an|one|next|\d+|{'|'.join(_NUMBERS)}) (?:[\w-]+ ){{0,2}}?{thing}")
        given = [g.group(1) for r in allowed.remedies for g in counted.finditer(str(r.description).lower())]
        if given and all((_NUMBERS.get(g) or (int(g) if g.isdigit() else 1)) != n for g in given):
            return f"{count} {c.group(2)}"
    return None


#: The remedy kinds as a finding names them ("This offers something free the case does not authorise.").
_OFFERED = {
    "keep": "a free item to keep", "free": "something free", "upgrade": "an upgrade", "gift": "a gift",
    "transport": "transport (a taxi or car)",
}  # fmt: skip


def _offered(kind: str) -> str:
    return _OFFERED.get(kind) or f"a {kind}"


#: "At our cost" in a remedy makes it free to the customer: "at no cost to you" offers that remedy.
_REVERSED = re.compile(r"\b(?:charges?|payments?|fees?|debits?|transactions?) (?:\w+ ){0,2}?revers\w*")
#: "A corrected bill": the wrong bill cancelled is that correction, not a waiver.
_CORRECTED_BILL = re.compile(r"\b(?:corrected|revised|amended|re-?issued|new) (?:\w+ )?(?:bill|invoice|statement)s?\b")
_CANCEL_BILL = re.compile(r"(?:cancel|void)\w* (?:the|that|this|your) (?:\w+ )?(?:bill|invoice)s?\b")
_ALL_FACT = re.compile(r"\b100\s?%\s?(?:our|my|your|right|correct|true|paid|on us|down to|not)\b")
#: "10% off your next invoice as a service credit": the authorised credit, told as what it takes off.
_AS_CREDIT = re.compile(r"\bas (?:a |an )?(?:\w+ )?credit\b")
_CANCELLED_FEE = re.compile(
    r"\b(?:fine|fee|charge|penalt\w+|bill|invoice|surcharge)s? (?:\w+ ){0,2}?(?:cancel\w*|remov\w*|wiped|written off|"
    r"dropped|void\w*|struck off|scrapped)\b|\b(?:cancel\w*|remov\w*|wip\w*|void\w*|drop\w*|scrap\w*) (?:the |your |"
    r"any )?"
    r"(?:\S+ ){0,2}?(?:fine|fee|penalt\w+|surcharge)s?\b"
)
#: Remedies that carry the customer somewhere, in any words: then a taxi laid on may be that remedy.
_RIDE = re.compile(r"\b(?:taxi|cab|minicab|uber|car|driver|chauffeur|shuttle|lift|transport|ride)s?\b")
_AT_OUR_COST = re.compile(
    r"\b(?:at (?:our|the company's) (?:own )?(?:cost|expense)|(?:paid for|covered|funded) by us)\b"
)
_PERIOD = re.compile(r"\b(month|year|week)s?\b")
_COUNT = keys("two three four five six seven eight nine ten eleven twelve 2 3 4 5 6 7 8 9 10 11 12 18 24")


def _free_period(s: str, m: re.Match[str], allowed: _Authorised) -> bool:
    """ "A free month of Premium" when the case authorises "One month of Premium free": the same free period in
    other words, so long as the case names that period and the count before it ("three free months" is more)."""
    unit = _PERIOD.search(m.group(0)) if "free" in m.group(0) else None
    if unit is None or unit.group(1) not in allowed.text:
        return False
    # The case gives that period ("one month of Premium free"), not only a time ("five free hours this month").
    given = rf"\b(?:free|an?|one|\d+|{'|'.join(_COUNT)}) (?:free )?{unit.group(1)}s?\b|\b{unit.group(1)}s? free\b"
    if re.search(given, allowed.text) is None:
        return False
    count = s[max(0, m.start() - 12) : m.start()].split()[-1:]
    return not count or count[0] not in _COUNT or re.search(rf"\b{count[0]}\b", allowed.text) is not None


_ONE_FREE_MONTH = re.compile(r"\b(?:one|a|1) (?:free )?month\b")
_ONE_MONTH_NEXT = re.compile(r"\b(?:one|a|1) month\b[^.;]*\bnext (?:bill|invoice|statement|payment)")
#: A sum off the next order is the voucher or credit the case authorises, in other words ("a tenner off your next
#: order" for "a £10 voucher for your next order"); a percentage off is a discount.
_NEXT_PURCHASE = re.compile(r"\boff (?:your|the) next\b")


def _fixed_sum_off(s: str, m: re.Match[str], allowed: _Authorised) -> bool:
    if not ({"voucher", "credit"} & allowed.kinds) or "next" not in allowed.text:
        return False
    clause = s[max(0, m.start() - 40) : m.end() + 40]
    return (
        _NEXT_PURCHASE.search(clause) is not None
        and "%" not in clause
        and "percent" not in clause
        and "per cent" not in clause
        and "half" not in clause
    )


_EXPENSE = re.compile(rf"\b(?:{_EXPENSES})\b")


def _pays_for_authorised(s: str, m: re.Match[str], pays: set[str]) -> bool:
    """Whether paying for what ``m`` offers is paying for what the case pays for ("we'll cover the repair of your
    wall" when the case covers the wall's repair), and for no other expense ("... and your hotel")."""
    offered = s[m.start() : m.end() + 60]
    if m.group(0).startswith("at our"):
        # "We'll valet the car at our expense": the tag pays for what its clause names before it.
        offered = clause_around(s, m.start(), m.end())
    if not _names_any(offered, pays):
        return False
    return all(e.group(0)[:5] in pays for e in _EXPENSE.finditer(offered))


#: Remedy words that authorise paying back the customer's own costs in general ("travel costs up to £30").
_ANY_COSTS = {w[:5] for w in keys("travel expenses expense costs out-of-pocket receipts receipt")}
#: What a refund verb pays back, named straight after it: "reimburse your flights", "refund you for the hotel".
_PAID_OBJECT = re.compile(r" (?:you )?(?:for )?(?:your|the|all|any|their|his|her|both)\b")
_OBJECT_END = re.compile(r"[,;:.(]| as well| plus| but| so | which| once| when| if| within| by ")


def _pays_other_costs(s: str, m: re.Match[str], allowed: _Authorised) -> bool:
    """ "Reimburse your flights and the deposit on your flat": what is paid back names an expense of the customer's
    that no remedy names."""
    if not _ANY_COSTS.isdisjoint(allowed.given) or _PAID_OBJECT.match(s, m.end()) is None:
        return False
    after = s[m.end() : m.end() + 60]
    if _EXPENSE.search(after) is None:
        return False
    cut = _OBJECT_END.search(after)
    paid = after[: cut.start()] if cut else after
    return any(e.group(0)[:5] not in allowed.given for e in _EXPENSE.finditer(paid))


def _authorised_sum(s: str, m: re.Match[str], allowed: _Authorised) -> bool:
    """ "I've wiped the £230 off" when the case credits the £230 back: the authorised money, in other words."""
    if not ({"refund", "credit", "waiver"} & allowed.kinds):
        return False
    near = s[max(0, m.start() - 40) : m.end() + 40]
    return (
        _money(near)
        and all(_norm_amount(a) in allowed.amounts for a in _AMOUNT.findall(near))
        and bool(_AMOUNT.search(near))
    )


def _content(text: str) -> Iterator[str]:
    """The stems :func:`_stems` makes of lower-cased ``text``, lazily (a hot path stops at the first it needs)."""
    for w in text.encode("ascii", "replace").translate(_TO_SPACE).decode("ascii").split():
        if len(w) >= 4 and w not in _STOP:
            yield w[:5]


def _names_any(text: str, stems: Any) -> bool:
    if not stems:
        return False
    # _content's stems, inlined: this runs for every remedy word found.
    for w in text.encode("ascii", "replace").translate(_TO_SPACE).decode("ascii").split():
        if len(w) >= 4 and w not in _STOP and w[:5] in stems:
            return True
    return False


def _no_content(text: str) -> bool:
    return next(_content(text), None) is None


#: Times and dates, which name no thing: "Saturday at 10am free of charge" tags the remedy named before it.
_WHEN_WORDS = re.compile(
    r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|tonight|tomorrow|morning|afternoon|"
    r"evening|noon|midday|midnight|\d{1,2}(?:[.:]\d{2})?\s?(?:am|pm)|\d{1,2}(?:st|nd|rd|th)?|january|february|"
    r"march|april|may|june|july|august|september|october|november|december)\b"
)


_WHEN_HINTS = ("day", "tomorrow", "tonight", "morning", "afternoon", "evening", "noon", "night")


def _untimed(text: str) -> str:
    if _HAS_DIGIT(text) is None and not has_any(text, _WHEN_HINTS):
        return text  # no time in it (a month named without a day is rare enough to leave)
    return _WHEN_WORDS.sub(" ", text)


@functools.lru_cache(maxsize=256)
def _case_words(issue: str, message: str) -> frozenset[str]:
    """The words of the case's own account (its issue and the customer's message), as stems."""
    return frozenset(_stems(f"{issue} {message}".lower()))


#: "..., so you will have a decision": the customer receiving, which speaks for the whole sentence.
_RECEIVING = re.compile(r"\byou(?:'ll| will| can| are going to|'re going to)? (?:get|receive|have|see|keep)\b")


_RELATIVE_CLAUSE = re.compile(r"\b(?:which|that|it|them)\b")


def _later_cue_only(s: str, m: re.Match[str], cue: re.Match[str]) -> bool:
    """Whether every offer cue in ``s`` starts after the clause of the remedy word ``m`` (the first cue, ``cue``,
    already does when this is asked), and none is the customer receiving."""
    right = _CLAUSE_BREAK.search(s, m.end())
    if cue.start() < (right.start() if right else len(s)):
        return False
    if _RELATIVE_CLAUSE.search(s, m.end(), cue.start()):
        return False  # "a full refund, which I've just processed, ...": the cue's clause is about the remedy
    return _RECEIVING.search(s) is None


def _only_names(clause: str, stems: Any) -> bool:
    """Whether ``clause`` names some of ``stems`` and nothing else ("for today's hire", not "the rest of the
    week's")."""
    named = list(_content(clause))
    return bool(named) and all(w in stems for w in named)


_CORRECT_THING = re.compile(r"\b(?:correct|right|missing)\b")
_REPAIR = re.compile(r"\b(?:repair\w*|refurb\w*|fix\w*|mend\w*)\b")
_NEW_THING = re.compile(r"\b(?:new|newer|brand|another|different|upgraded|better)\b")


def _replaces_what_is_repaired(s: str, m: re.Match[str], allowed: _Authorised) -> bool:
    """ "Replace the cracked screen" when the case repairs the screen: the repair in other words, so long as nothing
    new or different is named ("replace the wheel with a brand new alloy" is more than a refurbished one)."""
    if not m.group(0).startswith("replac") or _REPAIR.search(allowed.text) is None:
        return False
    clause = clause_around(s, m.start(), m.end()).replace(m.group(0), " ")
    return _NEW_THING.search(clause) is None and _names_any(clause, allowed.things)


def _the_case_thing(s: str, m: re.Match[str], about: frozenset[str]) -> bool:
    """A remedy word that names what the case itself is about ("after a screen replacement", "the SMS credit ran
    out"), in a clause that gives nothing: the thing that went wrong, told, not offered."""
    if len(m.group(0)) < 4:
        return False
    told = clause_around(s, m.start(), m.end())
    clause = told.replace(m.group(0), " ")
    if _GIVING.search(clause) is not None or "you" in clause.split():
        return False
    # A cue that is the remedy word itself ("when we replaced your screen") tells what happened; a cue beside it
    # ("Refund done.", "Credit applied to your account.") gives it.
    cue = _offer_cue(told.strip())
    return cue is None or cue.group(0).endswith(m.group(0))


#: Every _AMOUNT match has one of these.
_MONEY_HINTS = ("£", "$", "€", "eur", "usd", "gbp", "aud", "cad", "chf", "pound", "dollar")


_HAS_DIGIT = re.compile(r"\d").search  # has_digit without the extra call: the hot paths ask it per sentence
_MONEY_HINT = re.compile("|".join(map(re.escape, _MONEY_HINTS))).search


def _in_etas(said: str, remedies: tuple[Any, ...]) -> bool:
    """Whether a remedy's own ETA names the time promised ("Thursday" in "Thursday from 8am")."""
    said = said.strip().lower()
    return bool(said) and any(re.search(rf"\b{re.escape(said)}\b", (r.eta or "").lower()) for r in remedies)


_PAID_BACK = re.compile(r"\w*(?:reimburs|refund)\w*")
_FULL_BACK = re.compile(r"\b(?:full|whole|entire)\b[^.;]{0,12}?[£$€]\d[^.;]{0,20}\bback\b")


def _own_sum_ok(s: str, allowed: _Authorised) -> bool:
    """Whether the customer's own sum may be the refund: the case prices no remedy ("a refund of the duplicate fee"),
    or the sentence gives "the full £145 back" and the case authorises a full refund."""
    return (not allowed.amounts and not allowed.percents) or (
        "full" in allowed.scope and _FULL_BACK.search(s) is not None
    )


@functools.lru_cache(maxsize=512)
def _case_sums(text: str) -> frozenset[str]:
    """The sums the case's own account names ("That's $42 extra", "I paid £145")."""
    return frozenset(_norm_amount(a) for a in _AMOUNT.findall(text)) if _money(text) else frozenset()


def _money(text: str) -> bool:
    return _HAS_DIGIT(text) is not None and _MONEY_HINT(text) is not None


def _scope_word(word: str) -> str:
    word = word.lower()
    if word.endswith(("month's", "months")) and word.startswith(("next", "this")):
        word = word[:-2] if word.endswith("'s") else word[:-1]  # "next month's invoice" is next month
    return "full" if word in ("in full", "fully", "full", "whole", "entire") else word


def _norm_amount(text: str) -> str:
    return re.sub(r"[^\d.]", "", text.replace(",", ".")).rstrip("0").rstrip(".")


#: The searches that parse a case's remedies and issue, each skipping a text it cannot match (see _finder).
_AT_OUR_COST_IN = _finder(_AT_OUR_COST)
_CANCELLED_FEE_IN = _finder(_CANCELLED_FEE)
_REVERSED_IN = _finder(_REVERSED)
_RIDE_IN = _finder(_RIDE)
_PAYS_FOR_IN = _finder(_PAYS_FOR)
_ONE_MONTH_NEXT_IN = _finder(_ONE_MONTH_NEXT)
_ONE_FREE_MONTH_IN = _finder(_ONE_FREE_MONTH)
_RESTORES_IN = _finder(_RESTORES)
_SHIPS_IN = _finder(_SHIPS)
_ARRIVES_IN = _finder(_ARRIVES)
_SEEN_IN = _finder(_SEEN)
_LIMITED_IN = _finder(_LIMITED)
_PERCENT_POSSIBLE = _possible(_PERCENT)
_SCOPE_POSSIBLE = _possible(_SCOPE)
#: And per sentence: whether "already" or "now" can be a remedy done already (most "now"s are not).
_DONE_NOW_POSSIBLE = _possible(_DONE_NOW)


class _Gates(NamedTuple):
    """The words that can make each check find something, for the checks a reply's words leave to run."""

    guarantees: tuple[tuple[frozenset[str], re.Pattern[str] | _Pruned | _Needs, str], ...]
    kinds: tuple[tuple[str, frozenset[str], re.Pattern[str] | _Pruned], ...]
    relevant: frozenset[str]
    guarantee: frozenset[str]
    remedy: frozenset[str]
    timeline: frozenset[str]
    overclaim: frozenset[str]


#: For each word some check is gated on, a bit for each guarantee (bit i) and remedy kind (bit len(GUARANTEES) + i)
#: it keys: OR-ing them over a reply's words gives the checks its words leave to run.
_GATE_BITS: dict[str, int] = {}
for _at, _keys in enumerate([*(entry[0] for entry in GUARANTEES), *(entry[1] for entry in _KINDS)]):
    for _word in _keys:
        _GATE_BITS[_word] = _GATE_BITS.get(_word, 0) | 1 << _at
_GATE_WORDS = frozenset(_GATE_BITS)
_TIMELINE_KEYS = _NOW_KEYS | _ARRIVAL_KEYS


@functools.lru_cache(maxsize=2048)
def _gates(bits: int, timed: bool, overclaim: bool, lost: bool) -> _Gates:
    # Few combinations occur, so the unions are made once each rather than once per reply. (The key is positions,
    # as bits, not the entries themselves: hashing a compiled pattern hashes its whole code each time.)
    guarantees = tuple(entry for at, entry in enumerate(_GUARANTEES) if bits >> at & 1)
    kinds = tuple(entry for at, entry in enumerate(_KINDS, len(GUARANTEES)) if bits >> at & 1)
    guarantee = frozenset().union(*(keys for keys, _, _ in guarantees))
    remedy = frozenset().union(*(keys for _, keys, _ in kinds))
    # _timeline looks only for something done now or an arrival; _overclaim for an absolute or a restore.
    timeline = _TIMELINE_KEYS if timed else frozenset()
    absolute = (_ABSOLUTE_KEYS if overclaim else frozenset()) | (_RESTORE_KEYS if overclaim and lost else frozenset())
    return _Gates(
        guarantees,
        kinds,
        frozenset().union(guarantee, remedy, timeline, absolute, _RESTORE_KEYS if lost else ()),
        guarantee,
        remedy,
        timeline,
        absolute,
    )


def split_sentences(lowered: str) -> Iterator[tuple[int, int, str, frozenset[str]]]:
    """The sentences of a lower-cased reply (as :func:`_text.sentences` finds them), each with its offsets and word
    set (as :func:`_text.words` makes it), in one pass: the punctuation-to-space translation runs once on the whole
    reply and each sentence's words are a slice of it (``encode("ascii", "replace")`` keeps every offset)."""
    return iter(_split_sentences(lowered))


@functools.lru_cache(maxsize=32)
def _split_sentences(lowered: str) -> tuple[tuple[int, int, str, frozenset[str]], ...]:
    # Cached like _text's per-reply helpers (and emptied with them): next-steps splits the same reply.
    flat = lowered.encode("ascii", "replace").translate(_TO_SPACE).decode("ascii")
    found = []
    for m in _SENTENCE.finditer(lowered):
        raw = m.group()
        body = raw.strip()
        if body:
            start = m.start() + raw.index(body[0])  # everything before the body's first character is whitespace
            end = start + len(body)
            found.append((start, end, body, frozenset(flat[start:end].split())))
    return tuple(found)


_OTHER_CACHES.append(_split_sentences)


class RashPromise(Guardrail):
    id = "rash-promise"
    description = "Flags guarantees nobody can keep, and remedies or timelines the case does not authorise."

    @learned.second_opinion  # rules first; the learned check only when they find nothing
    def check(self, reply: str, case: Any) -> Iterator[Finding]:
        text, lowered = prepare(reply)
        quoted = quoted_spans(text)
        remedies = tuple(getattr(case, "remedies", ()) or ())
        try:
            allowed = _authorised(remedies)
        except TypeError:  # remedies that cannot be hashed (a duck-typed case): parse them uncached
            allowed = _Authorised(remedies)
        split = _split_sentences(lowered)
        low = frozenset().union(*(w for _, _, _, w in split))
        # Gate once on the whole reply (kept local: one guardrail instance serves many threads).
        bits = 0
        for word in low & _GATE_WORDS:
            bits |= _GATE_BITS[word]
        issue_text = getattr(case, "issue", "") or ""
        issue_text = issue_text if isinstance(issue_text, str) else str(issue_text)
        issue, overclaim, lost = _issue_facts(issue_text)
        message = getattr(case, "message", "") or ""
        message = message if isinstance(message, str) else str(message)
        about = _case_words(issue_text, message)
        told = f"{issue_text} {message}"  # the case's own account, searched for sums only when a refund needs it
        dated = _issue_dates(issue_text) if issue_text else None
        timed = (
            bool(allowed.remedies and (allowed.days or allowed.spans or allowed.ship_only))
            or issue is not None
            or dated is not None
        )
        gates = _gates(bits, timed, overclaim, bool(lost))
        if not gates.relevant:
            return
        relevant, guarantees, kinds = gates.relevant, gates.guarantees, gates.kinds
        for start, end, sentence, low in split:
            if relevant.isdisjoint(low) or sentence.count(" ") < 2:
                continue  # greetings and sign-offs promise nothing
            if quoted and in_spans(start, quoted) and in_spans(end - 1, quoted):
                continue  # nor do the customer's own words
            # Each check is called only when the sentence has a word it looks for (it would find nothing else).
            found = (
                (not gates.guarantee.isdisjoint(low) and self._guarantee(sentence, low, guarantees, allowed))
                or (not gates.remedy.isdisjoint(low) and self._remedy(sentence, low, allowed, kinds, about, told))
                or (
                    not gates.timeline.isdisjoint(low)
                    and self._timeline(sentence, text[start:end], low, allowed, issue, dated)
                )
                or (not gates.overclaim.isdisjoint(low) and self._overclaim(sentence, low, lost))
            )
            if not found:
                continue
            at, until, message, suggestion = found
            if in_spans(start + at, quoted):
                continue
            yield self.finding(message, start + at, start + until, suggestion)

    def _guarantee(
        self,
        s: str,
        low: frozenset[str],
        guarantees: tuple[tuple[frozenset[str], re.Pattern[str] | _Pruned | _Needs, str], ...],
        allowed: _Authorised,
    ) -> tuple[int, int, str, str] | None:
        hedge = None  # whether the sentence hedges ("I can't promise ..."), found only once a guarantee word is there
        for words_for, pattern, why in guarantees:
            if words_for.isdisjoint(low):
                continue
            if type(pattern) is _Needs and not has_any(s, pattern.hints):
                continue
            if hedge is None:
                hedge = hedged(s) or ("no " in s and _NO_PROMISES.search(s) is not None)
                if hedge:
                    return None
            for m in pattern.finditer(s):
                before = clause_before(s, m.start(), 50)
                if _PURPOSE.search(before) or _CONDITION.search(before):
                    continue
                opens = m.start() - len(before)
                if opens > 3 and _PURPOSE_SO.search(s, max(0, opens - 9), opens) and _ADVICE.search(s, 0, opens):
                    continue  # "I'd recommend deleting old accounts so this can't recur": the purpose of advice
                if m.group(0).startswith("never") and _SHOULD_NEVER.search(s, max(0, m.start() - 20), m.end()):
                    continue  # "you should never have been asked again": what ought not to have happened
                if why.startswith("makes") and negated_in(before, 20):
                    continue
                if m.group(0).startswith(("never", "no longer")) and _DONE.search(before):
                    continue  # "it never arrived again" describes the past
                if m.group(0).startswith("from") and _arrangement(s, m):
                    continue  # "I'm your contact from now on" says who handles it, not how it will turn out
                if why.startswith("makes") and _PROMISE_VERB.search(m.group(0)) and _promises_remedy(s, m, allowed):
                    continue  # "I can promise you this: 14 September is yours" vouches for the authorised remedy
                if why.startswith("makes") and "assure" in m.group(0) and _EFFORT.search(s, m.start(), m.end() + 30):
                    continue  # "I can assure you the handler will look at every document": effort, not an outcome
                if why.startswith("makes") and _PROMISE_VERB.search(m.group(0)) and _OWN_WORD.match(s, m.end()):
                    continue  # "I can promise you an honest answer by Friday": the agent's own word, in their gift
                return (
                    m.start(),
                    len(s.rstrip(".!?")),
                    f"This {why}.",
                    "Say what you changed instead of promising the future, e.g. \"I can't promise it will never "
                    "happen again, but we've added a check so orders like yours are confirmed before dispatch.\"",
                )
        return None

    def _overclaim(self, s: str, low: frozenset[str], lost: frozenset[str]) -> tuple[int, int, str, str] | None:
        """ "Nothing has been lost" when the case says some of it could not be recovered, or "we'll put your streak
        back" when the case says streaks cannot be restored."""
        m = _ABSOLUTE.search(s) if not _ABSOLUTE_KEYS.isdisjoint(low) else None
        if m is None or negated_before(s, m.start(), 15) or hedged(s):
            m = self._restores(s, low, lost) if lost and not _RESTORE_KEYS.isdisjoint(low) else None
            if m is None:
                return None
        return (
            m.start(),
            len(s.rstrip(".!?")),
            "This promises a complete fix, but the case says part of the problem cannot be undone.",
            'Be honest about what cannot be fixed, e.g. "We restored most of it; some could not be recovered, '
            'and here is what I can do about that: ..."',
        )

    @staticmethod
    def _restores(s: str, low: frozenset[str], lost: frozenset[str]) -> re.Match[str] | None:
        """A promise to bring back the very thing the case says is lost for good."""
        if low.isdisjoint(lost) and not any(w[:5] in lost for w in low if len(w) >= 4):
            return None
        if hedged(s) or _LIMITED.search(s):
            return None  # "notes were restored; anything newer could not be recovered" says what the case says
        for m in _RESTORE.finditer(s):
            clause = clause_around(s, m.start(), m.end())
            if not _names_any(clause, lost):
                continue
            before = clause_before(s, m.start(), 60)
            if negated_in(before, 35) or _TRY.search(before) or _PURPOSE.search(before):
                continue  # "we can't bring the streak back", "I'll see if we can restore it"
            if _NOT_DOABLE.search(s, m.end(), m.end() + 40):
                continue  # "restoring the streak isn't possible"
            if _PARTIAL.search(clause) or _WERE.search(s, max(0, m.start() - 6), m.start()):
                continue  # "we restored most of your notes" is what the case says, not more
            return m
        return None

    def _remedy(
        self,
        s: str,
        low: frozenset[str],
        allowed: _Authorised,
        active: tuple[tuple[str, frozenset[str], re.Pattern[str] | _Pruned], ...],
        about: frozenset[str] = frozenset(),
        told: str = "",
    ) -> tuple[int, int, str, str] | None:
        offer = None  # whether the sentence offers anything at all, found only once a remedy word is there
        cue = None
        for kind, kind_keys, pattern in active:
            if kind_keys.isdisjoint(low) or not _KIND_POSSIBLE[kind](s):
                continue
            for m in pattern.finditer(s):
                if offer is None:
                    cue = _offer_cue(s)
                    offer = cue is not None and not (has_any(s, _ASKING_HINTS) and _ASKING.search(s))
                if not offer:
                    return None
                if cue is not None and cue.start() > m.end() and _later_cue_only(s, m, cue):
                    continue  # "faults after a screen replacement are a known risk, and this is covered by ...": the
                    # offer, if any, comes in a later clause and says nothing of this word
                if negated_before(s, m.start(), 35):
                    continue
                if (
                    kind == "replacement"
                    and m.group(0) in _BARE_ONE
                    and not _GIVING.search(clause_around(s, m.start(), m.end()))
                ):
                    continue  # "two bookings for the same slot, yours and another one" counts, it gives nothing
                word = m.group(0)
                if word[:5] in about and " " not in word and _the_case_thing(s, m, about):
                    continue  # "Face ID faults after a screen replacement", "I'd let the SMS credit run out"
                problem = self._unauthorised(kind, s, m, allowed, told)
                if problem:
                    what = (
                        f"Offer only what the case authorises: {allowed.describe}."
                        if allowed.describe
                        else "The case authorises no remedy: apologise and say what you will do, or say you will "
                        "ask whether anything more is possible."
                    )
                    return 0, len(s.rstrip(".!?")), problem, what
        return None

    def _unauthorised(self, kind: str, s: str, m: re.Match[str], allowed: _Authorised, told: str = "") -> str | None:
        if not allowed.remedies:
            return f"This offers {_offered(kind)}, but the case authorises no remedy."
        if kind == "credit" and "credit" not in allowed.kinds and "refund" in allowed.kinds:
            if m.group(0) == "credited" and "refund" in s:
                kind = "refund"  # "I've raised a refund and it'll be credited within 3 days": the refund, paid in
        elif kind == "discount" and "discount" not in allowed.kinds and "credit" in allowed.kinds:
            if _AS_CREDIT.search(s, m.end()):
                kind = "credit"  # "we'll take 10% off your next invoice as a service credit"
        elif kind == "waiver" and "waiver" not in allowed.kinds and _CANCEL_BILL.match(m.group(0)):
            if _CORRECTED_BILL.search(allowed.text):
                return None  # "I've cancelled that bill" when the case sends a corrected one: the correction
        elif (
            kind == "compensation"
            and "compensation" not in allowed.kinds
            and "refund" in allowed.kinds
            and ("reimburs" in m.group(0) or "refund" in m.group(0))
            and _names_any(_PAID_BACK.sub(" ", m.group(0)), allowed.given)
        ):
            kind = "refund"  # "taxi fare will be reimbursed" when the case reimburses taxi fares
        if kind == "compensation" and "free" in allowed.kinds and _free_period(s, m, allowed):
            kind = "free"  # "a free month of Premium" is the authorised "one month of Premium free", held as such
        # "We pay the vet bill" authorised: "send the receipt and we'll reimburse you" is that payment (its sum is
        # still checked below).
        paid_back = (
            kind == "refund" and "refund" not in allowed.kinds and bool(allowed.pays) and _pays_back(s, m, allowed.pays)
        )
        if (
            kind == "credit"
            and "credit" not in allowed.kinds
            and (m.group(0) not in ("credit", "credits") or s.endswith("'s ", 0, m.start()))
            and _names_any(clause_around(s, m.start(), m.end()).replace(m.group(0), " "), allowed.given)
        ):
            # "I've credited a free month of Premium to your account": the authorised remedy, credited; held as the
            # remedy it names (its count, sum and scope still checked below).
            kind = "free" if "free" in allowed.kinds else next(iter(sorted(allowed.kinds)), kind)
        if (
            kind == "waiver"
            and "waiver" not in allowed.kinds
            and "refund" in allowed.kinds
            and _only_names(clause_around(s, m.start(), m.end()).replace(m.group(0), " "), allowed.things)
        ):
            kind = "refund"  # "you won't be charged for today's hire" when the case refunds today's hire charge
        if (
            kind == "replacement"
            and "replacement" not in allowed.kinds
            and _CORRECT_THING.search(m.group(0))
            and _names_any(m.group(0), allowed.things)
        ):
            return None  # "the correct prescription delivered to your home": the authorised delivery of it
        if kind == "replacement" and "replacement" not in allowed.kinds and _replaces_what_is_repaired(s, m, allowed):
            return None  # "we'll replace the cracked screen at our cost" when the case repairs the screen at our cost
        if kind == "compensation" and "refund" in allowed.kinds and _CLAIM.match(m.group(0)):
            kind = "refund"  # "I've approved your claim" grants the authorised refund; its scope is still checked
        waived = ""
        if (
            kind == "waiver"
            and "free" in allowed.kinds
            and "waiver" not in allowed.kinds
            and _names_any(s, allowed.stems.get("free", ()))
        ):
            # "The plumber fixes the leak; you won't pay a thing": the free remedy, held as such (the words of
            # "won't pay a thing" name nothing given).
            kind, waived = "free", m.group(0)
        if (
            kind not in allowed.kinds
            and not paid_back
            and not (kind == "discount" and _fixed_sum_off(s, m, allowed))
            and not (kind == "waiver" and _authorised_sum(s, m, allowed))
        ):
            return f"This offers {_offered(kind)} the case does not authorise."
        if kind == "compensation" and allowed.pays and not _pays_for_authorised(s, m, allowed.pays):
            return "This offers to pay for something no authorised remedy covers."
        if kind in _OBJECT_KINDS:
            # "Free upgrade to overnight shipping" authorises free shipping, not a free desk lamp.
            # A clock time ("19:40") is no clause break, and a bare "at no cost" tags the clause before it.
            plain = _CLOCK.sub(r"\1.\2", s) if ":" in s else s
            clause = clause_around(plain, m.start(), m.end())
            if waived:
                clause = clause.replace(waived, " ")
            stems = allowed.stems.get(kind, ())
            if not _names_any(clause, stems) and not (_no_content(_untimed(clause)) and _names_any(s, stems)):
                # "a free 4G hub": the thing may be named by short words the stems skip; the two words after it.
                named = s[m.end() : m.end() + 30].split()[:2] + s[max(0, m.start() - 30) : m.start()].split()[-2:]
                if not any(w.strip(",.;:!?") in allowed.short_words for w in named):
                    return f"This offers something {kind} that no authorised remedy covers."
        if kind in _COUNTED_KINDS and (
            _HAS_DIGIT(s) is not None
            or not _NUMBER_KEYS.isdisjoint(low := s.split())
            or not _PERIOD_KEYS.isdisjoint(low)
        ):
            more = _more_than_given(s, m, allowed)
            if more:
                return f"This offers {more}, more than the case authorises."
        clause = s[max(0, m.start() - 60) : m.end() + 60]
        for pct in _PERCENT.findall(clause) if "%" in clause or "per" in clause else ():
            if pct == "100" and _ALL_FACT.search(clause):
                continue  # "that was 100% our fault": a fact, not a sum off
            if pct not in allowed.percents:
                return f"This offers {pct}%, but the case authorises {', '.join(sorted(allowed.percents)) or 'none'}."
        has_amount = _money(clause)  # most clauses name no sum: skip the (slow) _AMOUNT scan
        for amount in _AMOUNT.findall(clause) if has_amount else ():
            sum_ = _norm_amount(amount)
            if not sum_.strip("0."):
                continue  # "you'll see £0 this month" gives nothing
            if (
                kind in ("refund", "waiver")
                and allowed.unpriced_refund
                and sum_ in _case_sums(told)
                and _own_sum_ok(s, allowed)
            ):
                continue  # "the duplicate $42" the customer was charged, refunded as the case refunds that fee
            if sum_ not in allowed.amounts:
                return f"This offers {amount.strip()}, which the case does not authorise."
        near = s[max(0, m.start() - 40) : m.end() + 40]
        if kind in _SCOPED_KINDS and has_any(near, _SCOPE_HINTS):
            # "the full £180" is the authorised £180 refund: a sum the case names pins the scope down.
            pinned = _money(near) and any(_norm_amount(a) in allowed.amounts for a in _AMOUNT.findall(near))
            for sm in _SCOPE.finditer(near):
                word = sm.group(0)
                if pinned and _scope_word(word) in _WIDE:
                    continue
                if word in _NUMBER_KEYS and _names_any(" ".join(near[sm.end() :].split()[:2]), allowed.given):
                    continue  # "the two damaged chairs" counts what the case gives (_more_than_given checks counts)
                if _scope_word(word) not in allowed.scope:
                    return f"This offers a {word.lower()} {kind}, wider than the case authorises."
        if kind == "refund" and not paid_back and _pays_other_costs(s, m, allowed):
            # "We'll reimburse your flights" when the case refunds the course fee: the customer's own costs are paid
            # for, which is compensation, whatever the verb.
            return "This offers to pay for something no authorised remedy covers."
        return None

    def _timeline(
        self,
        s: str,
        original: str,
        low: frozenset[str],
        allowed: _Authorised,
        issue: _When | None,
        dated: _Dated | None = None,
    ) -> tuple[int, int, str, str] | None:
        if not _NOW_KEYS.isdisjoint(low):
            found = self._done_now(s, low, allowed, issue)
            if found:
                return found
        if dated is not None and _HAS_DIGIT(s) is not None and not _MONTH_KEYS.isdisjoint(low):
            found = _too_early(s, original, dated)
            if found:
                return found
        if _ARRIVAL_KEYS.isdisjoint(low) or (_TIME_WORD_KEYS.isdisjoint(low) and _HAS_DIGIT(s) is None):
            return None  # no arrival, or no time to hold it to
        arrival = _ARRIVAL if has_any(s, _BRINGING_HINTS) else _ARRIVAL_PLAIN
        matches: Iterator[re.Match[str]] = arrival.finditer(s)
        if not _REBOOKED_KEYS.isdisjoint(low):
            matches = itertools.chain(matches, _REBOOKED.finditer(s))
        for m in matches:
            before = clause_before(s, m.start(), 40)
            if _WHEN.search(before) or negated_in(before, 25):
                continue
            if _INFO.search(before) and not _BACK_UP.search(m.group(0)):
                # "the tracking link will be with you by 5pm" is a message, not the remedy; but "your email will be
                # back" is the service itself coming back.
                continue
            if (
                s.startswith(" ", m.end())
                and _INFO.match(s, m.end() + 1)
                and not _names_any(s[m.start() : m.end() + 20], allowed.things)
            ):
                continue  # "you'll see the revised invoice in your inbox this afternoon": a message, not the remedy
            after = s[m.end() : m.end() + 45]
            t = _TIME_WORD.search(after)
            if t is None and len(s) > m.end() + 45:
                # "you'll have the credit note for the full difference in your inbox this afternoon": a long object
                # puts the time further on, but only within the same clause.
                longer = s[m.end() : m.end() + 65]
                cut = _AFTER_BREAK.search(longer)
                after = longer[: cut.start()] if cut else longer
                t = _TIME_WORD.search(after)
            if t is None:
                # "So in 10 minutes your code will work": the time can open the clause instead.
                # Only a span or a relative day there: a weekday before the verb is as often the day it went wrong.
                t = _TIME_WORD.search(before)
                if (
                    t is None
                    or t.group(1)
                    or before.startswith("'s", t.end())
                    or _RELATIVE.search(before, 0, t.start())
                ):
                    continue
                at = m.start() - len(before)
                start, end = at + t.start(), m.end()
            else:
                if _RELATIVE.search(after, 0, t.start()) or _WHEN.search(after, 0, t.start()):
                    continue  # "well before Saturday", "once the technician resets it today": not the arrival day
                if allowed.when.relative and not (t.group(1) or t.group(2)) and _RELATIVE_TO.match(after, t.end()):
                    continue  # "within 10 business days of that visit" counts from the visit, as the case does
                at = m.end()
                start, end = m.start(), m.end() + t.end()
            when = self._when(s, low, before, m.group(0), allowed, issue)
            if when is issue and allowed.remedies and _in_etas(t.group(0), allowed.remedies):
                continue  # "he'll be back on site on Thursday": the remedy's own day, whatever the issue's days were
            if when is None or when.ok(t):
                # The fault itself fixed ("our engineers will have you back online"), naming no remedy, is held to
                # the issue's own time too ("the repair is scheduled for Saturday").
                if (
                    issue is None
                    or when is issue
                    or _FIX.search(m.group(0)) is None
                    or _names_any(f"{before} {m.group(0)}", allowed.things)
                    or issue.ok(t)
                ):
                    continue
                when = issue
            promised = t.group(0)
            etas = when.says or allowed.describe
            fix = (
                original[: at + t.start()] + when.first_time + original[at + t.end() :]
                if when.first_time
                else "Give only the timeline the case states, e.g. say when it ships and that you'll send tracking."
            )
            return start, end, f"This promises {promised}, but the case says {etas}.", fix
        return None

    @staticmethod
    def _when(
        s: str, low: frozenset[str], before: str, promised: str, allowed: _Authorised, issue: _When | None
    ) -> _When | None:
        """The timeline a promise is held to: its remedies' ETAs, else (no remedy's time speaks to it) the times
        the case's issue states ("a technician is scheduled to reset it at 4pm today")."""
        when = None
        if allowed.remedies:
            money = (
                not _MONEY_KEYS.isdisjoint(low)
                or _money(s)
                or (not _ON_CARD_KEYS.isdisjoint(low) and _ON_CARD.search(s) is not None)
            )
            when = allowed.when_for(before, promised, money_named=money)  # what arrives, else how
            if when is not None and (when.days or when.spans or when.ship_only) and (when.says or issue is None):
                return when
        return issue or when

    def _done_now(
        self, s: str, low: frozenset[str], allowed: _Authorised, issue: _When | None
    ) -> tuple[int, int, str, str] | None:
        """ "It's already active" when the case says the remedy takes an hour: done now is a timeline too."""
        if not _DONE_NOW_POSSIBLE(s):
            return None
        for m in _DONE_NOW.finditer(s):
            before = clause_before(s, m.start(), 40)
            if _WHEN.search(before) or _CONDITION.search(before) or negated_in(before, 25):
                continue
            if _INFO.search(before):
                continue  # "the tracking link is already in your inbox" is a message
            when = self._when(s, low, before, m.group(0), allowed, issue)
            if (
                when is not None
                and when is not issue
                and _FIX.search(m.group(0))
                and not any(_MENDS.search(f"{r.description} {r.eta or ''}".lower()) for r in when.remedies)
            ):
                # "It is fixed now" after telling the fault: the fault, not a remedy (none of them mends anything),
                # so only the issue's own times speak to it.
                when = issue
            if when is None or not when.says or when.ok_hours(0) or (when.spans and min(when.spans) < 1):
                continue  # "within 15 minutes" is the agent's own few clicks: done while they write is on time
            if any(_SAME_DAY.search((r.eta or "").lower()) for r in when.remedies):
                continue  # "the hold is active now" when the case places the hold today: on time
            later = _TIME_WORD.search(s, m.end()) if when is not issue else None
            if later is not None and when.ok(later) and _FIX.search(m.group(0)):
                continue  # "the fault is fixed now, and the engineer comes tomorrow to reconnect you": the remedy's
                # own time, told in the same breath, so what is fixed now is something else
            return (
                m.start(),
                m.end(),
                f"This says it is done already, but the case says {when.says or allowed.describe}.",
                "Give only the timeline the case states" + (f' ("{when.first_time}")' if when.first_time else "") + ".",
            )
        return None


@hookimpl
def register_guardrails(register):  # type: ignore[no-untyped-def]
    register(RashPromise())
