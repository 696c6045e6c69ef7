"""``blame``: shifting fault to the customer, to colleagues or departments, or to a third party as an excuse.

What counts (seeds 001, 002, 004): blaming the customer openly or by implication ("per the tracking, the address
you provided was incomplete", "it seems size 9 was selected at checkout", "as stated in our terms"); pointing at a
colleague or department ("our billing team didn't update it"); and a third party used as an excuse ("the courier
lost it, so it's out of our hands"). What does not: owning a fact that involves someone else ("it was lost at the
courier's depot; we chose them, so it's on us"), quoting the customer, and clearing them ("not your fault").

The checks are sentence by sentence. Colleague and third-party blame is forgiven when the same or the next
sentence owns the mistake, because naming who did what is fine once the company takes responsibility.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, NamedTuple

from replydraft import Finding, Guardrail, hookimpl

from ._text import gate, in_spans, keys, negated_before, normalise, quoted_spans, sentences, words

_I = re.I

# -- who --------------------------------------------------------------------------------------------------------
_ROLE = (
    r"(?:team|department|dept|staff|colleague|colleagues|agent|rep|representative|technician|tech|engineer|engineers|"
    r"packer|packers|picker|pickers|porter|manager|dba|developer|developers|guys|people|folks|person|desk|"
    r"specialist|specialists|supervisor|hire|crew|office)"
)
#: A colleague or department, as a person or group who can be blamed (a "system" or a "check" is not one).
COLLEAGUE = (
    rf"(?:\b(?:our|the|my|a|one of our|one of the|their|his|her)\s+(?:\w+[ -]){{0,2}}?{_ROLE}\b|"
    r"\bthe (?:agent|person|rep|colleague) (?:you (?:spoke|talked|chatted) (?:to|with)|who (?:took|handled|answered))"
    r"|\b(?:he|she)\b|\bthe warehouse\b(?=[^.!?\n]*\bthey\b)|\bthe previous agent\b)"
)
_THIRD = (
    r"(?:courier|couriers|carrier|delivery (?:company|partner|firm|service)|post office|postal service|postman|"
    r"royal mail|ups|fedex|dhl|usps|hermes|evri|dpd|supplier|suppliers|manufacturer|vendor|factory|bank|"
    r"bank partner|payment (?:provider|processor|partner|gateway)|card issuer|(?:third|3rd)[- ]party|partner|"
    r"subcontractor|contractor|(?:hosting|cloud|server|email|e-mail|email service|internet|network|software) "
    r"(?:provider|company|host)|restaurant|booking (?:site|platform|website|agent|partner)|airline|marketplace|"
    r"installer|landlord|driver|drivers)"
)
THIRD_PARTY = rf"\b(?:the|our|your|their|a|this)\s+(?:\w+ ){{0,1}}?{_THIRD}\b|\b{_THIRD}s?\b(?='s\b)"

# -- what they did wrong ------------------------------------------------------------------------------------------
_FAULT = (
    r"(?:messed up|screwed up|dropped the ball|slipped up|forgot|failed to|neglected|didn't|did not|never|missed|"
    r"mixed up|got (?:it|this|that|the \w+) wrong|made (?:a|an|the) (?:mistake|error|typo)|should have|"
    r"shouldn't have|wrong|incorrect(?:ly)?|by mistake|by accident|without (?:checking|testing|telling|running|"
    r"asking|looking|confirming|verifying)|instead of|against my advice|is to blame|are to blame|was to blame|"
    r"were to blame|at fault|(?:is|are|was|were) responsible|on them|their (?:fault|mistake|error|doing|call)|"
    r"admitted|lost|damaged|broke|crushed|handled [^.!?\n]{0,20}roughly|delayed|retried|rejected|declined|"
    r"let (?:us|you) down|keeps? losing|too early|before [^.!?\n]{0,30}finished|didn't catch|did not catch|"
    r"left (?:out|off)|cut corners|rushed)"
)
#: Someone else owns it: "their call, not mine", "out of our hands".
_EXCUSE = (
    r"(?:out of our hands|outside (?:of )?our control|beyond our control|(?:had|have|has) no control over|"
    r"nothing (?:we|i) (?:can|could) (?:do|have done)|not (?:able|in a position) to do (?:much|anything)|"
    r"(?:on|from) (?:their|its) (?:side|end)|their (?:fault|mistake|error|problem|responsibility|call|care|doing)|"
    r"(?:is|was|are|were) (?:entirely |really |ultimately )?(?:responsible|to blame|at fault)|"
    r"down to (?:them|the \w+)|not (?:ours|us|our (?:fault|doing))|"
    r"rather than (?:us|ours)|(?:complaint|claim|dispute) with (?:them|the \w+) directly|"
    r"contact(?:ing)? (?:them|the \w+) directly|no way of knowing|we rely on|these things (?:can )?happen|"
    r"keeps? losing|(?:has|have) been a nightmare)"
)
#: Owning it: suppresses colleague and third-party findings nearby.
OWNERSHIP = re.compile(
    r"\b(?:(?:that|this|it)(?:'s| is| was) (?:on us|on me|ours|our (?:fault|mistake|error|responsibility|doing|"
    r"failure|bug|problem))|(?:it's |it is )?(?:ours|ours alone|on us) to (?:own|fix|put right|sort|make right)|"
    r"(?:our|my) (?:fault|mistake|error|failure|bug|responsibility)(?! (?:is|was) (?:not|that))|"
    r"we (?:should have|got (?:it|this) wrong|messed up|chose them|picked them|take (?:full )?responsibility|own this)|"
    r"(?:i'm|i am|we're|we are) not (?:going to )?(?:hide|pass|blame|put)|i won't (?:hide|pass|blame|put)|"
    r"not (?:going to )?(?:hide behind|pass (?:this|it) off)|that's on us|on us, not|"
    r"our \w+'s (?:fault|mistake|error))\b",
    _I,
)

# -- the customer -------------------------------------------------------------------------------------------------
_INPUT = (
    r"(?:address|postcode|zip code|post code|details|information|info|email address|email|phone number|number|"
    r"card|card details|size|option|slot|date|delivery slot|password|settings|order|booking|form|account details)"
)
_BAD = r"(?:incomplete|incorrect|wrong|invalid|missing|mistyped|misspelt|misspelled|outdated|out of date|not valid)"
CUSTOMER: list[tuple[frozenset[str], re.Pattern[str], str]] = [
    (
        keys("must might may probably"),
        re.compile(r"\byou (?:must|might|may|probably) have (?:\w+ )?\w+ed\b[^.!?\n]*", _I),
        "suggests the customer caused it",
    ),
    (
        keys("should shouldn"),
        re.compile(r"\byou should(?:n't| not)? have (?!been\b|received\b|got\b|gotten\b|had\b|heard\b|seen\b)", _I),
        "tells the customer what they should have done",
    ),
    (
        keys("failed forgot neglected bother omitted didn did never"),
        re.compile(
            r"\b(?:you|the customer|customers?) (?:failed|forgot|neglected|didn't bother|omitted) to\b"
            r"|\byou (?:didn't|did not|never) (?:select|choose|pick|verify|confirm|read|check|update|remove|click|"
            r"complete|follow|enable|export|back up|tell|let us know|enter|provide|include|specify|register)\b",
            _I,
        ),
        "puts the fault on the customer",
    ),
    (
        keys("provided gave entered supplied typed used picked chose selected booked put"),
        re.compile(
            rf"\b(?:the |your )?{_INPUT} (?:that |which )?you (?:provided|gave|entered|supplied|typed|used|picked|"
            rf"chose|selected|booked|put in)\b[^.!?\n]*?\b(?:{_BAD}|never|not (?:confirmed|guaranteed)|subject to|"
            rf"estimate|mapped to|didn't match|did not match)",
            _I,
        ),
        "implies the customer's own details caused the problem",
    ),
    (
        keys(
            "incomplete incorrect wrong invalid missing mistyped misspelt misspelled outdated date valid mapped match"
        ),
        re.compile(
            rf"\b{_INPUT} (?:on|in|for|from) (?:the|your) (?:order|account|booking|policy|profile|form|checkout)\b"
            rf"[^.!?\n]*?\b(?:{_BAD}|mapped to (?:a|another)|didn't match|did not match)\b"
            rf"|\b{_BAD} (?:{_INPUT}) (?:on|in|for) your (?:order|account|booking|policy|profile)\b"
            rf"|\b(?:the one|the (?:postcode|address|number)) on your (?:booking|order|account)\b[^.!?\n]*?\bmapped\b",
            _I,
        ),
        "implies the customer's own details caused the problem",
    ),
    (
        keys(
            "selected chosen picked entered typed clicked pressed "
            "tapped refreshed submitted left run used installed closed"
        ),
        re.compile(
            rf"\b(?:{_INPUT}|button|page|box|link|product|item|installer|device|option)s? (?:was|were|is|are|had been) "
            r"(?:\w+ )?(?:selected|chosen|picked|entered|typed|clicked|pressed|tapped|refreshed|submitted|left "
            r"(?:outside|open|unattended)|run without|used without|installed without|closed)\b[^.!?\n]*",
            _I,
        ),
        "implies the customer did something wrong",
    ),
    (
        keys(
            "refreshed closed reloaded left skipped ignored clicked pressed double-clicked cancelled "
            "ordered picked chose selected happen happens happened occur occurs occurred"
        ),
        re.compile(
            r"\b(?:when|if) (?:a|the|your) (?:\w+ )?page is (?:refreshed|closed|reloaded)\b[^.!?\n]*"
            r"|\byou (?:closed|refreshed|reloaded|left|skipped|ignored|clicked|pressed|double-clicked|cancelled too "
            r"late|ordered the wrong|picked the wrong|chose the wrong|selected the wrong)\b[^.!?\n]*"
            r"|\b(?:was|were) (?:it|the (?:box|parcel|package|item)) left (?:outside|out|in the rain)\b[^.!?\n]*"
            r"|\b(?:happen(?:s|ed)?|occur(?:s|red)?) after (?:delivery|it was delivered|it left us|it reached you)\b"
            r"[^.!?\n]*",
            _I,
        ),
        "implies the customer did something wrong",
    ),
    (
        keys("fault mistake error end part side misuse misused if had"),
        re.compile(
            r"\b(?:your|you) (?:own )?(?:fault|mistake|error)\b(?! at all)|\buser error\b|\boperator error\b|"
            r"\bon your (?:end|part)\b|\b(?:removed|updated|changed|set|configured|done|deleted) on your side\b|"
            r"\bmisuse of\b|\byou misused\b|\b(?:if|had) you (?:had )?(?:read|followed|checked|listened|"
            r"unsubscribed|told|used|updated|contacted|called|ordered|selected|chosen|installed|backed|exported)\b"
            r"[^.!?\n]*",
            _I,
        ),
        "puts the fault on the customer",
    ),
    (
        keys(
            "as terms t&cs faq guide instructions manual documentation docs "
            "notes chart centre center page listing website email policy"
        ),
        re.compile(
            r"\b(?:as (?:you were|we) (?:clearly )?(?:told|said|explained|stated|mentioned|advised)|"
            r"as (?:mentioned|stated|explained|outlined|noted|set out|described|shown|specified) (?:clearly )?"
            r"(?:in|on|at) (?:our|the)\b|(?:is|are|it's|it is|was) (?:clearly )?(?:stated |explained |mentioned |"
            r"written |set out )?(?:in|on) (?:our|the) (?:terms|t&cs|faq|guide|install(?:ation)? guide|instructions|"
            r"manual|documentation|docs|release notes|size (?:chart|guide)|website|policy|help (?:centre|center))|"
            r"(?:our|the) (?:terms|t&cs|faq|guide|install(?:ation)? guide|instructions|manual|documentation|docs|"
            r"release notes|size (?:chart|guide)|help (?:centre|center)|product page|listing|website|confirmation "
            r"email)(?: for [\w.]+)? (?:do |does |did |clearly |also )*(?:say|says|state|states|stated|recommend|"
            r"recommends|recommended|mention|mentions|mentioned|advise|advises|advised|warn|warns|warned|explain|"
            r"explains|show|shows|note|notes))\b[^.!?\n]*",
            _I,
        ),
        "points the customer to rules or instructions they supposedly ignored",
    ),
    (
        keys("can cannot couldn usually normally typically generally only sure ensure"),
        re.compile(
            r"\b(?:that|this|it) (?:can't|cannot|couldn't) (?:have )?happen(?:ed)?\b[^.!?\n]*"
            r"|\b(?:usually|normally|typically|generally|only) (?:means|happens when|affects|occurs when)\b"
            r"[^.!?\n]*\b(?:without|you|your|users|customers)\b[^.!?\n]*"
            r"|\b(?:make sure|ensure) (?:that )?you (?:follow|read|check|use|select|enter|install|close|stop|have)\b"
            r"[^.!?\n]*",
            _I,
        ),
        "implies the customer caused the problem",
    ),
    (
        keys("users customers people accounts those would worth best idea advisable recommend recommended without"),
        re.compile(
            r"\b(?:users|customers|people|accounts|those) (?:who|that) (?:don't|do not|didn't|did not|skip|skipped|"
            r"haven't|have not|never|forget|forgot|ignore|ignored)\b[^.!?\n]*"
            r"|\bwould have (?:protected|prevented|avoided|saved|stopped)\b[^.!?\n]*"
            r"|\b(?:worth|best to|a good idea to|advisable to|recommend(?:ed)?) (?:checking|double-checking|"
            r"letting us know|making sure|verifying|updating|reading)\b[^.!?\n]*"
            r"|\b(?:logging in|installing|ordering|booking|updating|signing in)\b[^.!?\n]*\bwithout (?:verifying|"
            r"checking|reading|confirming|following|exporting|backing up|telling)\b[^.!?\n]*",
            _I,
        ),
        "implies the customer should have prevented this",
    ),
    (
        keys(
            "nobody no-one weren wasn couldn came active guaranteed "
            "confirmed estimate estimates answered picked home available reachable"
        ),
        re.compile(
            r"\b(?:nobody|no one|no-one) (?:picked up|answered|was (?:home|in|there|available))\b[^.!?\n]*"
            r"|\byou (?:weren't|were not|wasn't) (?:home|in|there|available|reachable)\b[^.!?\n]*"
            r"|\bcouldn't get (?:through|hold of you)\b[^.!?\n]*"
            r"|\b(?:yours|your (?:request|cancellation|order|booking|form|payment)) (?:came in|was (?:made|submitted|"
            r"placed|sent)) (?:too late|after|later)\b[^.!?\n]*"
            r"|\b(?:users|seats|people) (?:were|was) still active in your\b[^.!?\n]*"
            r"|\b(?:was|were) (?:never|not|only (?:ever )?an?) (?:guaranteed|confirmed|estimates?)\b[^.!?\n]*"
            r"|\b(?:dates?|times?) (?:shown|given|quoted) (?:at checkout |on the \w+ )?(?:are|were|is|was) "
            r"(?:only )?(?:an? )?estimates?\b[^.!?\n]*",
            _I,
        ),
        "implies the customer is to blame",
    ),
]

COLLEAGUE_FAULT = re.compile(rf"{COLLEAGUE}[^.!?\n]*?\b{_FAULT}\b[^.!?\n]*", _I)
_S = r"[^.!?\n]"  # any character of the same sentence ("5.2" does not end one)
THIRD_PARTY_FAULT = re.compile(
    rf"(?:{THIRD_PARTY})(?:'s (?:responsibility|fault|mistake|error)|{_S}*?\b(?:{_FAULT}|{_EXCUSE})){_S}*", _I
)
EXCUSE = re.compile(rf"\b{_EXCUSE}\b[^.!?\n]*", _I)
DISOWN = re.compile(
    r"\b(?:(?:it|this|that)(?:'s| is| was)(?:n't| not) (?:my|our) (?:fault|doing|mistake|call|problem)|"
    r"not (?:my|our) (?:fault|doing|mistake|call|problem)|(?:their|his|her) call,? not (?:mine|ours)|"
    r"(?:nothing|not anything) to do with (?:me|us)|not on (?:me|us))\b[^.!?\n]*",
    _I,
)
#: "Our warehouse packed a 9 instead of a 10" is the company owning a fact, not blame: a bare place or system.
_CLEAR_CUSTOMER = re.compile(
    r"\b(?:not (?:your fault|anything you did|down to (?:you|anything you did)|something you did|on you)|"
    r"(?:nothing|not anything) you did|you (?:did|didn't do) (?:nothing|anything) wrong|you're right)\b",
    _I,
)

# Substrings that must occur for the pattern of the same name to have a chance (see ``_text.gate``).
_COLLEAGUE_KEYS = keys(
    "team teams department dept staff colleague colleagues agent agents rep reps representative technician tech "
    "engineer engineers packer packers picker pickers porter manager dba developer developers guys people folks "
    "person desk specialist specialists supervisor hire crew office he she warehouse previous"
)
_THIRD_KEYS = keys(
    "courier couriers carrier carriers delivery post postal postman royal ups fedex dhl usps hermes evri dpd "
    "supplier suppliers manufacturer vendor factory bank payment issuer third-party third 3rd-party 3rd partner "
    "subcontractor contractor provider company host restaurant booking airline marketplace installer landlord "
    "driver drivers"
)
_EXCUSE_KEYS = keys(
    "hands control nothing able position side end their responsible responsibility blame fault down ours us rather "
    "directly way rely happen happens losing nightmare"
)
_DISOWN_KEYS = keys("fault doing mistake call problem do")
_CLEAR_KEYS = keys("not nothing anything right")

_SUGGEST_OWN = "We got this wrong, and that's on us. Here's what I'm doing to fix it: ..."
_PRONOUNS = [
    (re.compile(r"\b(?:he|she|they)\b", _I), "we"),
    (re.compile(r"\b(?:his|her|their)\b", _I), "our"),
    (re.compile(r"\b(?:him|them)\b", _I), "us"),
]


def _as_we(span: str) -> str:
    """Rewrite a colleague-blaming span in the first person plural: "our billing team didn't" -> "we didn't"."""
    out = re.sub(COLLEAGUE, "we", span, count=1, flags=_I)
    for pattern, repl in _PRONOUNS:
        out = pattern.sub(repl, out)
    out = re.sub(r"\bwe (is|was)\b", lambda m: "we " + {"is": "are", "was": "were"}[m.group(1).lower()], out)
    out = re.sub(r",? so (?:this one is |that one's |it's )?(?:really )?on us\b", "", out)
    out = out[:1].upper() + out[1:]
    return out.rstrip(" ,.;") + ", and that's on us."


class _Active(NamedTuple):
    """Which patterns can match anywhere in this reply."""

    customer: list[tuple[frozenset[str], re.Pattern[str], str]]
    disown: bool
    colleague: bool
    third: bool
    excuse: bool


class Blame(Guardrail):
    id = "blame"
    description = "Flags blame put on the customer, on colleagues or departments, or on a third party as an excuse."

    def check(self, reply: str, case: Any) -> Iterator[Finding]:
        text = normalise(reply)
        quoted = quoted_spans(text)
        parts = list(sentences(text))
        # Gate once on the whole reply, then per sentence: most patterns cannot match most replies.
        found = words(text)
        active = _Active(
            [entry for entry in CUSTOMER if gate(found, entry[0])],
            gate(found, _DISOWN_KEYS),
            gate(found, _COLLEAGUE_KEYS),
            gate(found, _THIRD_KEYS),
            gate(found, _EXCUSE_KEYS),
        )
        for i, sentence in enumerate(parts):
            found = self._sentence(sentence.text, parts[i + 1].text if i + 1 < len(parts) else "", active)
            if found is None:
                continue
            start, end, why, suggestion = found
            start += sentence.start
            end += sentence.start
            if in_spans(start, quoted):
                continue
            yield self.finding(f"This {why}.", start, end, suggestion)

    def _sentence(self, s: str, following: str, active: _Active) -> tuple[int, int, str, str] | None:
        low = words(s)
        for gate_keys, pattern, why in active.customer:
            if not gate(low, gate_keys):
                continue
            m = pattern.search(s)
            if m is None or negated_before(s, m.start(), 12):
                continue
            cleared = gate(low, _CLEAR_KEYS) and _CLEAR_CUSTOMER.search(s)
            if cleared and cleared.start() < m.start():
                continue
            return m.start(), _trim(s, m.end()), why, _SUGGEST_OWN
        m = DISOWN.search(s) if active.disown and gate(low, _DISOWN_KEYS) else None
        if m:
            return m.start(), _trim(s, m.end()), "disowns the mistake instead of owning it", _SUGGEST_OWN
        colleague = COLLEAGUE_FAULT.search(s) if active.colleague and gate(low, _COLLEAGUE_KEYS) else None
        if colleague and _only_system(colleague.group(0)):
            colleague = None
        third = THIRD_PARTY_FAULT.search(s) if active.third and gate(low, _THIRD_KEYS) else None
        if third and negated_before(s, third.start(), 15):  # "it wasn't the courier"
            third = None
        excuse = None
        if not (colleague or third) and active.excuse and gate(low, _EXCUSE_KEYS):
            excuse = EXCUSE.search(s)
        if not (colleague or third or excuse):
            return None
        if OWNERSHIP.search(s) or OWNERSHIP.search(following):
            return None
        if colleague:
            span = s[colleague.start() : _trim(s, colleague.end())]
            return (
                colleague.start(),
                colleague.start() + len(span),
                "blames a colleague or department; the customer sees one company",
                _as_we(span),
            )
        m = third or excuse
        assert m is not None
        return (
            m.start(),
            _trim(s, m.end()),
            'uses a third party or circumstances as an excuse; own it instead ("that\'s on us")',
            "State the fact and own it: \"It went wrong on its way to you, and that's on us. Here's what I've "
            'done: ..."',
        )


def _trim(s: str, end: int) -> int:
    """End offset with trailing spaces and punctuation dropped, so the span is the clause itself."""
    while end > 0 and s[end - 1] in " ,;:—–-":
        end -= 1
    return end


def _only_system(span: str) -> bool:
    # "our scheduling system booked you into the wrong region" names a tool, not a person: that is owning a fact.
    return bool(re.match(r"(?:our|the) (?:\w+ )?(?:system|check|process|tool|software|job)\b", span, _I))


@hookimpl
def register_guardrails(register):  # type: ignore[no-untyped-def]
    register(Blame())
