"""``blame``: shifting fault to the customer, to colleagues or departments, or to a third party as an excuse.

What counts (seeds 001, 002, 004): blaming the customer openly or by implication ("per the tracking, the address
you provided was incomplete", "it seems size 9 was selected at checkout", "as stated in our terms"); pointing at a
colleague or department ("our billing team didn't update it"); and a third party used as an excuse ("the courier
lost it, so it's out of our hands"). What does not: owning a fact that involves someone else ("it was lost at the
courier's depot; we chose them, so it's on us"), quoting the customer, and clearing them ("not your fault").

The checks are sentence by sentence. Colleague and third-party blame is forgiven when the same or the next
sentence owns the mistake, because naming who did what is fine once the company takes responsibility.

Blame by implication is found by its grammar rather than by known phrasings: who is the agent of the fault (the
customer as the subject of a slip verb, "by you", a passive with no agent around the customer's own order or
settings, "according to our records"/"it appears" framing); requirements and conditions the customer supposedly
failed ("if you changed printers, the model does need updating", "should be phoned through rather than the form",
"the deposit wasn't paid", "within 30 days"); and someone else as the sole cause with nothing owned: another team
or an outside firm ("maintained by our NOC team separately from support, so I can't speak to why"), staff who are
"self-employed", a third party late or deciding the terms, or the customer sent to them ("you'll need to take this
up with the manufacturer"). Each rule has near misses it must leave alone in tests/guardrails/test_blame.py.

Honest replies by new writers that earlier rules read as blame, and that the rules now leave alone (round 6): a
customer pattern beside the company's own admission or with the customer cleared just before ("you didn't do
anything wrong. Our rule locked you out when you needed it most"); sympathy for what the customer went through ("you
shouldn't have lost a day", "you may have noticed two charges"); the customer's report retold ("you said our engineer
didn't turn up", "you clicked the link and got an error"); promises about the future ("this can't happen to you
again"); our own staff or a party we sent doing the fix ("our billing team will correct the wrong invoice"); the
company itself as "our office"; a named party cleared ("nothing you or the driver did wrong") or owned in other
words ("that's down to us", "we packed it too lightly"); a rule or promise that binds us, quoted against us ("our
terms say we refund within 5 days, and it's been three weeks"); evidence that backs the customer; our own tool as the
cause ("cancelled by our system in error").

Round 8, the same for heldout9, whose false positives were mostly our own team named in an honest reply: a team
working with us on the fix ("investigating it with our engineering team and will make sure it never recurs"), or
asked by us to do it ("I've asked our warehouse team to stop the parcel"); the team's mistake told as the company's,
with the customer cleared beside it ("you did nothing wrong. Our billing office sent the claim under the wrong code")
or owned in words the rules did not know ("that mistake is ours", "we should've caught it", "totally on us", "our
screw-up"); a fault word in a clause of ours or our tool's after the colleague's name ("our support team couldn't
reach you because we had the wrong number"); a party we chose, named as ours ("the contractor we hired"); a record
read as a rule ("filed under the wrong policy number"), "since" read as "because", and rules, good news and
entitlements quoted in the customer's favour. New families of blame: damage put before our visit ("the wall was
already marked when he arrived"), the customer's settings, side, payment or paperwork as the cause, a guess at what
they did ("if you've ever shared your photos, that would explain it"), what customers "normally" do, the tool's own
prompt held up to them ("the app does ask you to keep enough balance"), too late after a cut-off, departments named
by their room or centre, colleagues too busy, acting "without any warning", gone and unable to explain, and third
parties slower than promised.

Round 9, the same for heldout10, whose writers (small firms writing at length, regulated firms' letters) mix an
honest apology with the cause told in full: the customer's action confirmed as right with our side failing after it
("you're right - you skipped that week and our app didn't save it"); a fault denied before "on your part" ("our
failure, not a misunderstanding on your part"); our own silence ("nobody picked up the phone to tell you"); "when"
that only dates our slip ("we missed it when your coat came in": the "when" branch now needs something the customer
did, since it matched one blame and three honest replies); "rather than" a channel or place in a plan ("you'll hear
it from me rather than from a text"); "so often" as sympathy; our own safeguard owned ("our verification should have
caught that"); and "will be completely on us" read as a treat, not an admission. New families of blame: "not in our
control", the fault "in their tooling", a party that "experienced delays" or "suffered an outage", "to be fair to
him" and "in their defence", a department as found ("looks like billing didn't update it"), skipped "pre-checks",
"this month's cut-off", a page quoted against them ("as set out on page 2 of the report you signed"), our messages
that got "no response", a cause pinned on a colleague ("which is how the clash arose", "not picked up by them", past
"I'm afraid"), and "after we moved systems" no longer read as owning what a department then failed to do. Denials
further back ("not, in any sense, your fault") clear the customer unless a "but", "as" or "so" turns it back; "your
bank did nothing wrong" clears the bank; advice for next time is forgiven beside an admission ("the missed change
was ours", now read as one) and "if you need" is a condition, not an instruction.

Round 10, the same for heldout11, whose false positives were honest replies read through one word: an admission
just before a customer pattern in the same sentence, with no "but" after it ("this is our failure, you should have
known before leaving"); our own plan ("I'll call you tomorrow to make sure you have everything", "I'll ring you once
the van has left us"); our silence after our own slip ("our crew didn't show - and then nobody picked up"); our own
work named as the cause ("the last thing you needed, and it's our workmanship that caused it": that pattern matched
two honest replies and no blaming one in the tuned splits, so it now skips what the customer needed and any "our" or
"we" in between); "our process failing you" and "our pharmacist's check should have caught it" as owning it; a party
cleared beside the customer ("not on you and not on the restaurant"); harm denied as good news ("the piano itself
wasn't affected"); a party's name for our own feature ("the bank feed issue"); and the customer's own busy time
("critical to your operations, particularly during peak periods"). New families of blame, each probed with
paraphrases first: "in fairness to the lads" and "in defence of our fitters", "outside of our direct control", and a
party that "left the fries out of your bag".

Three modules: ``lexicon`` (who can be blamed, for what, and the wordings that own a fault), ``customer`` (the
patterns that blame the customer, with their vetoes), and this one (colleagues, third parties, explanations that
own nothing, and the guardrail itself).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import Any

from replydraft import Finding, Guardrail, hookimpl

from .. import learned
from .._text import (
    clause_before,
    has_any,
    in_spans,
    keys,
    negated_before,
    prepare,
    quoted_spans,
    sentences,
    words,
)
from ..ownership import ADMISSION
from .customer import _VETO, CUSTOMER, NEEDS
from .lexicon import (
    _EXCUSE,
    _EXCUSE_GROUPS,
    _FAULT,
    _I,
    _OWN_WAYS_KEYS,
    _OWNED_CLAUSE,
    _OWNED_WE,
    _ROLE,
    _THIRD,
    _THIRD_FAULT,
    _WRONG_WORDS,
    OWNED_IN_ERROR,
    _owned,
    own_ways,
)

# Two steps, like third parties below: who, then what they did wrong from there to the end of the sentence.
# Anchored on the role noun ("team", "agent") and then checked for a determiner just before it: searching for
# "our|the|a ..." first would try the long role alternation after every "the" and "a" in the reply.
_ROLE_WORDS = frozenset(_ROLE[3:-1].split("|"))
_DETERMINER = re.compile(r"\b(?:our|the|my|a|one of our|one of the|their|his|her)\s+(?:[\w'-]+[ -]){0,3}$")
_OTHER_COLLEAGUE_RE = re.compile(
    r"\bthe (?:agent|person|rep|colleague) (?:you (?:spoke|talked|chatted) (?:to|with)|who (?:took|handled|answered))"
    r"|\b(?:he|she|whoever|somebody in (?:the |our )?\w+|someone in (?:the |our )?\w+)\b"
    r"|\bthe warehouse\b(?=[^.!?\n]*\bthey\b)|\bthe previous agent\b"
    r"|\b(?:on|at|from|in) (?:the )?(?:reception|front desk|front of house|(?:\w+ )?desk)\b"
    r"|\b(?:our|the) (?:front|reception|help|service|check-in) desk\b"
)
# Departments named by their room or centre: "our print room", "the call centre", "our back office".
_ROOM_RE = re.compile(
    r"\b(?:our|the) (?:(?:print|post|mail|control|stock|back) ?(?:room|office)|(?:call|contact|service|distribution|"
    r"fulfil?ment|repair|processing) cent(?:re|er))\b"
)
_ROOM_KEYS = keys("room office centre center printroom postroom mailroom")


_PLACE_NAME = re.compile(r"\b(?:room|office|cent(?:re|er))\b")


# A department named bare as the subject of a clause: "Finance put the refund on hold without telling anyone".
_DEPARTMENT_NAMES = (
    "finance", "accounts", "billing", "dispatch", "payroll", "management", "head office", "legal", "compliance",
    "operations", "reception",
)  # fmt: skip
_DEPARTMENT_RE = re.compile(
    # "Looks like billing didn't update it", "it seems dispatch sent it twice": the department, as found (round 9).
    r"(?:^|[,;:—–-] |\b(?:because|as|since|but|and|so|then|looks like|seems|appears|afraid|think|told me|tells me) )"
    r"(?:(?:unfortunately|sadly|then|also|apparently|that) )?"
    r"((?:our )?(?:finance|accounts|billing|dispatch|payroll|"
    r"management|head office|legal|compliance|operations|reception))\b(?! (?:team|department|dept|system|systems|tool|"
    r"software|platform|process|date|cycle|period|address|details|account|error|issue|problem|run|job|sync|portal|"
    r"page)\b)"
)


#: Roles that, bare after "our", are the whole company rather than a colleague: "our office", "our branch".
_US_AS_A_PLACE = frozenset({"office", "branch", "people", "folks", "guys", "staff", "crew", "team"})
_OTHER_COLLEAGUE_KEYS = keys(
    "agent person rep colleague he she whoever somebody someone warehouse previous reception front desk"
)


# Every match of _OTHER_COLLEAGUE_RE holds one of these literals, "the warehouse" with "they" after it, "he", "she" or
# "whoever" as a word, or "desk" after "on", "at", "from" or "in" (_AT_DESK, that branch alone). Its gate words pass
# on "our warehouse team" or "your desk" (the product), where it cannot match; these tests are cheaper than the search.
_OTHER_COLLEAGUE_NEEDS = (
    "the agent ", "the person ", "the rep ", "the colleague ", "someone in ", "somebody in ", "the previous agent",
    "reception", "front desk", "front of house", "help desk", "service desk", "check-in desk",
)  # fmt: skip
_HE_SHE = frozenset({"he", "she", "whoever"})
_AT_DESK = re.compile(r"\b(?:on|at|from|in) (?:the )?(?:\w+ )?desk\b")
_HE_SHE_WORD = re.compile(r"\b(?:he|she|whoever)\b")
# ASCII characters at which \b finds a word's end but words() does not split ("re-he" is one word to it): with one
# of these (or any other character) in the sentence, "he" may be a word to re and not to words().
_UNSPLIT = re.compile(r"[^\w \t\n\r\x0b\x0c.,;:!?()\[\]{}\"'/\\*<>=+#@]")


def _other_colleague_possible(s: str, said: frozenset[str]) -> bool:
    """Whether ``_OTHER_COLLEAGUE_RE`` can match in ``s`` (whose words are ``said``)."""
    return (
        has_any(s, _OTHER_COLLEAGUE_NEEDS)
        or ("the warehouse" in s and "they" in s)
        or not _HE_SHE.isdisjoint(said)
        or ((not s.isascii() or _UNSPLIT.search(s) is not None) and _HE_SHE_WORD.search(s) is not None)
        or ("desk" in s and _AT_DESK.search(s) is not None)
    )


def _colleagues(s: str, said: frozenset[str]) -> list[tuple[int, int]]:
    """(start, end) of every colleague or department named in ``s`` (whose words are ``said``), in order."""
    found = (
        [(m.start(), m.end()) for m in _OTHER_COLLEAGUE_RE.finditer(s)]
        if not _OTHER_COLLEAGUE_KEYS.isdisjoint(said) and _other_colleague_possible(s, said)
        else []
    )
    if not _ROOM_KEYS.isdisjoint(said):
        found.extend((m.start(), m.end()) for m in _ROOM_RE.finditer(s))
    if has_any(s, _DEPARTMENT_NAMES):
        found.extend((m.start(1), m.end(1)) for m in _DEPARTMENT_RE.finditer(s))
    # The role nouns are single words: find the few the sentence has with str.find, not a 90-way alternation.
    for role in _ROLE_WORDS.intersection(said):
        at = s.find(role)
        while at >= 0:
            end = at + len(role)
            if (at == 0 or not _word_char(s[at - 1])) and (end == len(s) or not _word_char(s[end])):
                before = _DETERMINER.search(s, max(0, at - 30), at)
                if before and not (role in _US_AS_A_PLACE and s.endswith("our ", 0, at) and before.start() == at - 4):
                    # "our office never sent the form" is the company itself ("we never sent it"), not a colleague
                    found.append((before.start(), end))
            at = s.find(role, end)
    return sorted(found)


def _word_char(c: str) -> bool:
    return c.isalnum() or c == "_"


COLLEAGUE_FAULT_RE = re.compile(rf"\b{_FAULT}\b[^.!?\n]*", _I)
_S = r"[^.!?\n]"  # any character of the same sentence ("5.2" does not end one)
# Found in two steps (who, then what they did from there on): one pattern with a lazy gap before a long
# alternation would try that alternation at every character.
# Anchored on the party's noun ("courier", "bank") and then checked for "the/our/your/their/a/this" just before
# it (or a possessive, or a generic plural such as "restaurants"): the same result as one pattern, far cheaper.
THIRD_PARTY_RE = re.compile(rf"\b(?:{_THIRD}|booking sites)s?\b(?:'s (?:responsibility|fault|mistake|error))?", _I)
# Up to two modifiers between: "our US-based email hosting provider", "our meter-reading contractor".
_THIRD_DETERMINER = re.compile(
    r"\b(?:the|our|your|their|a|this)\s+(?:(?!(?:to|for|with|by|of|from|and|or|at|in|on|is|was|are|were)\b)"
    r"[\w'-]+ ){0,2}$"
)
# The third party as the agent of the fault: "the issue was caused by our hosting provider", "the wrong reading
# was entered by our contractor" (a participle and "by", after a word that says it was wrong).
_CAUSE_AGENT = re.compile(
    r"\b(?:(?:caused|triggered|created|introduced|started|brought about) by|due to|because of|(?:the )?result of|"
    r"down to|(?:fault|error|mistake|doing) of|"
    r"(?:caused by|triggered by|due to|because of|result of|down to) (?:an? |the |some )?(?:[\w-]+ ){0,2}?(?:fault|"
    r"failure|problem|issue|error|outage|glitch|bug|incident|delay|strike|breach)s? (?:with|at|in|on|from|by)|"
    r"(?:originated|originates|arose|stemmed|started) (?:with|at|from|in)|"
    # What it did, with it as the agent: "the payment was declined by your bank", "rejected by the carrier".
    r"(?:declined|rejected|refused|blocked|flagged|cancell?ed|canceled|lost|damaged|delayed|held|stopped|reversed|"
    r"misdelivered|mishandled|misrouted|returned|bounced) by)\s+$"
)
_PARTICIPLE_BY = re.compile(r"\b(?:\w+ed|made|done|sent|given|taken|put|set|run|written|keyed|read) by\s+$")
_WRONG = re.compile(
    r"\b(?:wrong|wrongly|incorrect|incorrectly|inaccurate|faulty|mistaken|mistakenly|erroneous|duplicate|"
    r"by mistake|in error|bad|mis-?(?:handl|deliver|direct|sort|rout|label|plac|read|key|typ|calculat|quot|appl)\w*)\b"
)
_GENERIC_PARTIES = re.compile(
    r"^(?:restaurants|couriers|carriers|banks|suppliers|airlines|vendors|manufacturers|booking sites)$"
)
THIRD_FAULT_RE = re.compile(rf"\b(?:{_THIRD_FAULT}|{_EXCUSE})\b{_S}*", _I)
# The same in two steps: what third parties do wrong, then the excuses whose words the sentence has.
_THIRD_FAULT_ONLY = re.compile(rf"\b{_THIRD_FAULT}\b{_S}*", _I)
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
    r"(?:nothing|not anything|not something|not because of anything|not due to anything) (?:that )?you "
    r"(?:did|\w+ed|chose|typed|pressed|clicked|entered|selected|picked|set)|"
    r"you (?:did|didn't do) (?:nothing|anything) wrong|you're right|you did (?:everything|all of it|it all) "
    r"(?:right|correctly)|(?:through )?no fault of (?:yours|your own)|none of (?:this|it|that) (?:is|was) "
    r"(?:on you|your fault|down to you))\b",
    _I,
)

# Substrings that must occur for the pattern of the same name to have a chance (see ``_text.gate``).
_COLLEAGUE_KEYS = keys(
    "team teams department dept staff colleague colleagues agent agents rep reps representative technician tech "
    "engineer engineers packer packers picker pickers porter manager dba developer developers guys people folks "
    "person desk specialist specialists supervisor hire crew office he she warehouse previous whoever someone somebody "
    "inspector inspectors handler adjuster assessor clerk cashier adviser advisor operator dispatcher scheduler "
    "planner receptionist pharmacist chef waiter cook reader readers fitter fitters cleaner cleaners attendant "
    "instructor trainer tutor surveyor valuer coordinator coordinators co-ordinator assistant assistants officer "
    "administrator associate associates branch reception desk nurse concierge stylist finance accounts billing shift "
    "dispatch payroll management legal compliance "
    "operations guy temp temps trainee trainees intern junior chap lady lads hosts waitress waiters bartender barista "
    "room printroom postroom mailroom centre center consultant consultants"
)
_THIRD_KEYS = keys(
    "courier couriers carrier carriers company partner firm service office postal postman royal ups fedex dhl "
    "usps hermes evri dpd supplier suppliers manufacturer vendor factory bank banks processor gateway issuer "
    "third-party third 3rd-party 3rd subcontractor contractor provider host restaurant site platform website "
    "airline marketplace installer landlord driver drivers surgery gp doctor clinic hospital insurer "
    "broker agency hotel council retailer seller merchant wholesaler distributor lab laboratory companies "
    "practice pharmacy employer school university college solicitor solicitors venue organiser organizer "
    "owner owners tenant tenants occupant occupants occupier resident residents holder "
    "organisers organizers promoter promoters operator external outside outsourced"
)
#: Words at or near the start of a third party's name, to skip the words before it (see _third_party_fault).
_THIRD_HEADS = _THIRD_KEYS | keys(
    "booking payment delivery shipping logistics hosting software phone energy insurance taxi post card agent"
)
#: Text that every match of an excuse group holds (one of these), keyed by a piece of the group's source: its gate
#: words ("them", "not", "did") pass on many sentences that cannot match, and a few substring tests are far cheaper
#: than the search.
_EXCUSE_NEEDS = {
    "up to (?:them": ("up to ",),
    "rather than (?:us": ("not us", "not our", "not by ", "not from ", "rather than ", "our side", "our end"),
    "(?:we|i) (?:did|changed)": ("we did", "i did", "we changed", "i changed", "not from ", "not by "),
    "(?:need|have) to (?:take": ("need to ", "have to ", " go ", " be "),
    "could have (?:predicted": (
        "no one", "nobody", "no-one", "none of", "said", "told me", "say", "can't", "cannot", "couldn't", "able to ",
    ),
    "so (?:i|we)": ("so i", "so we"),
    "separately from (?:support": (
        "separate", "not by ", "not from ", "not with ", "not through ", "speak to", "speak for", "comment on",
        "answer for", "account for", "outside", "external", "different", "independent", "third", "other", "not my ",
        "not our ", "decision",
    ),
    "hold-up) (?:now )?": (
        "s with ", "go to ", "go with ", "be directed", "be sent", "be raised", "be taken up", "directly",
    ),
    "according to) (?:their|its": (
        "their", "its side", "its end", "its system", "its records", "its tracking", "its logs", "its own", "'s side",
        "'s end", "'s system", "'s records", "'s tracking", "'s logs", "'s own",
    ),
    "(?:as|since|because) (?:we|i) only": ("we only", "i only", "left our", "left us", "like yours"),
    "these things": (
        "these things", "from time to time", "occasionally", "sometimes", "now and then", "can happen", "do happen",
        "does happen", "may happen", "unfortunately", "nature of", "it happens",
    ),
    "short[- ]staffed": (
        "staffed", "busy", "known for", "always", "car ", "van ", "vehicle ", "technical ", "staffing ", "peak",
        "demand", "estimate can", "estimates can", "estimate may", "estimates may", "estimate do", "estimates do",
        "losing", "nightmare",
    ),
}  # fmt: skip
#: Each excuse group, compiled, with its words and what it needs (see above; empty: no test).
EXCUSE_GROUPS = [
    (
        keys(words),
        re.compile(rf"\b(?:{source})\b[^.!?\n]*"),
        next((needs for piece, needs in _EXCUSE_NEEDS.items() if piece in source), ()),
    )
    for words, source in _EXCUSE_GROUPS
]
_EXCUSE_KEYS = frozenset().union(*(group_keys for group_keys, _, _ in EXCUSE_GROUPS))
#: Which excuse groups each word opens (like _CUSTOMER_INDEX below): one set intersection per sentence.
_EXCUSE_INDEX: dict[str, tuple[int, ...]] = {}
for _n, _group in enumerate(EXCUSE_GROUPS):
    for _word in _group[0]:
        _EXCUSE_INDEX[_word] = (*_EXCUSE_INDEX.get(_word, ()), _n)
_DISOWN_KEYS = keys("fault doing mistake call problem do")
_CLEAR_KEYS = keys("not nothing anything right fault none correctly")

_ALL_KEYS = frozenset().union(
    *(entry[0] for entry in CUSTOMER), _DISOWN_KEYS, _COLLEAGUE_KEYS, _THIRD_KEYS, _EXCUSE_KEYS
)

# Someone named is cleared, not blamed: "nothing you or the driver did wrong", "it wasn't the courier's fault".
_CLEAR_PARTY = re.compile(
    r"\b(?:nothing|not anything) (?:that )?(?:you or |either you or )?(?:the|our|your) (?:[\w-]+ ){0,2}?(?:or you )?"
    r"did (?:\w+ )?wrong|\b(?:the|our|your|their) (?:[\w-]+ ){0,2}?did (?:nothing|not do anything) wrong|"
    r"\b(?:wasn't|was not|isn't|is not|not) (?:the [\w-]+'s|their|his|her|(?:the|our) [\w-]+ (?:team's|staff's)) "
    r"(?:fault|doing|mistake)|\bno fault of (?:theirs|his|hers|the [\w-]+'s)|"
    # Round 10: "that's on us, not on you and not on the restaurant".
    r"\bnot on you,? (?:and|or|nor) (?:not )?(?:on )?(?:the|your|our) [\w-]+"
)


# "Not your fault, it's theirs": the customer cleared only to put it on someone else.
_CLEARED_FOR_OTHERS = re.compile(
    r"\b(?:but|it's|it is|it was|rather) (?:\w+ )?(?:theirs|his|hers|the (?:[\w-]+ ){0,2}?(?:team's|staff's|"
    r"department's|office's|[\w-]+'s))\b"
)


# The colleague held to account in front of the customer: "he's been spoken to", "I've raised it with her manager".
_DISTANCING = re.compile(
    r"\b(?:(?:been|was|were|be|is being|are being) (?:spoken to|retrained|warned|told off|disciplined)|"
    r"had (?:a|words|a quiet) ?(?:word|chat)? with (?:him|her|them)|"
    r"(?:raised|escalated|fed) (?:it |this |that )?(?:back )?(?:with|to) (?:his|her|their|the \w+) (?:manager|"
    r"supervisor|team leader|line manager|boss)|disciplin\w*)"
)


def _distanced(*texts: str) -> bool:
    return any(
        x
        and (
            "spoken" in x
            or "word" in x
            or "manager" in x
            or "supervisor" in x
            or "leader" in x
            or "disciplin" in x
            or "warned" in x
            or "retrained" in x
            or "told off" in x
            or "boss" in x
            or "chat" in x
        )
        and _DISTANCING.search(x)
        for x in texts
    )


def _customer_cleared(*texts: str) -> bool:
    """Whether one of ``texts`` clears the customer ("you did nothing wrong", "none of this was down to you") without
    putting it on someone else instead."""
    for x in texts:
        if x and ("not" in x or "no" in x or "right" in x) and not _CLEAR_KEYS.isdisjoint(words(x)):
            m = _CLEAR_CUSTOMER.search(x)
            if m and not _CLEARED_FOR_OTHERS.search(x, m.end(), m.end() + 40):
                return True
    return False


def _cleared_party(*texts: str) -> bool:
    for x in texts:
        if ("wrong" in x or "fault" in x or "doing" in x or "mistake" in x or "not on" in x) and _CLEAR_PARTY.search(x):
            return True
    return False


_SUGGEST_OWN = "We got this wrong, and that's on us. Here's what I'm doing to fix it: ..."
# He, she, they -> we; his, her, their -> our; him, them -> us: one pass.
_PRONOUN = re.compile(r"\b(?:he|she|they|his|her|their|him|them)\b", re.I)
_AS_WE = {"he": "we", "she": "we", "they": "we", "his": "our", "her": "our", "their": "our", "him": "us", "them": "us"}


_GERUND_AFTER = re.compile(r"we (?:not |never )?(?:\w+ing|failing)\b")
_WE_IS = re.compile(r"(?i)\bwe (is|was)\b")
_SO_ON_US = re.compile(r",? so (?:this one is |that one's |it's )?(?:really )?on us\b")


_PRONOUN_LOWER = re.compile(r"\b(?:he|she|they|his|her|him|them|their)\b")  # _PRONOUN on lower-cased text


def _pronouns_as_we(out: str) -> str:
    """``_PRONOUN`` replaced as in ``_AS_WE``. Plain ASCII is searched lower-cased, without the slow re.I (which
    also matches a few other letters, "ſ" for "s": other text keeps it)."""
    if not out.isascii():
        # casefold(), not lower(): re.I also matches "ſhe", which lower() leaves as it is.
        return _PRONOUN.sub(lambda m: _AS_WE[m.group(0).casefold()], out)
    pieces: list[str] = []
    last = 0
    for m in _PRONOUN_LOWER.finditer(out.lower()):  # the same offsets: ASCII lower-casing keeps every character
        pieces += (out[last : m.start()], _AS_WE[m.group(0)])
        last = m.end()
    return "".join(pieces) + out[last:] if pieces else out


def _as_we(span: str, who: int) -> str:
    """Rewrite a colleague-blaming span, whose first ``who`` characters name the colleague, in the first person
    plural: "our billing team didn't" -> "we didn't"."""
    out = "we" + span[who:]
    if _GERUND_AFTER.match(out):
        return _SUGGEST_OWN  # "due to our team missing it" does not turn into "we missing it"
    out = _pronouns_as_we(out)
    lowered = out.lower()
    # (In plain ASCII, "we is" or "we was" in any case must be there for _WE_IS to match.)
    if "we " in lowered and (not out.isascii() or "we is" in lowered or "we was" in lowered):
        out = _WE_IS.sub(lambda m: "we " + {"is": "are", "was": "were"}[m.group(1).casefold()], out)
    out = _SO_ON_US.sub("", out)
    out = out[:1].upper() + out[1:]
    return out.rstrip(" ,.;") + ", and that's on us."


#: Which customer patterns each gate word opens: a sentence runs only the patterns whose words it has, found with
#: one set intersection instead of a subset test per pattern.
_CUSTOMER_INDEX: dict[str, tuple[int, ...]] = {}
for _n, _entry in enumerate(CUSTOMER):
    for _word in _entry[0]:
        _CUSTOMER_INDEX[_word] = (*_CUSTOMER_INDEX.get(_word, ()), _n)
_CUSTOMER_WORDS = frozenset(_CUSTOMER_INDEX)
_CUSTOMER_NEEDS = [NEEDS.get(pattern, ()) for _, pattern, _ in CUSTOMER]


def _customer_patterns(said: frozenset[str]) -> Sequence[int]:
    """Indices (in order) of the customer patterns whose gate words occur in a sentence with words ``said``."""
    return _indices(_CUSTOMER_INDEX, _CUSTOMER_WORDS.intersection(said))


def _indices(index: dict[str, tuple[int, ...]], hit: frozenset[str]) -> Sequence[int]:
    """The indices (in order, each once) that ``index`` lists for the words ``hit``."""
    if len(hit) == 1:
        (word,) = hit
        return index[word]  # built in order
    found: set[int] = set()
    for word in hit:
        found.update(index[word])
    return sorted(found)


class Blame(Guardrail):
    id = "blame"
    description = "Flags blame put on the customer, on colleagues or departments, or on a third party as an excuse."

    @learned.second_opinion  # rules first; the learned check only when they find nothing
    def check(self, reply: str, case: Any) -> Iterator[Finding]:
        text, low = prepare(reply)
        quoted = quoted_spans(text)
        parts = [p for p in sentences(low) if p.text.count(" ") >= 2]  # "Hi Dana," and sign-offs blame nobody
        # Each pattern runs only on the sentences that have one of its words: most patterns cannot match most
        # sentences.
        said_in = [words(p.text) for p in parts]
        every_word = frozenset().union(*said_in)
        relevant = _ALL_KEYS
        reported = False
        signed: frozenset[str] | None = None  # the sign-off's words, found only when a third party is named
        if not _THIRD_KEYS.isdisjoint(every_word):
            signed = _signed_by(low)
        for i, sentence in enumerate(parts):
            said = said_in[i]
            if relevant.isdisjoint(said):
                continue
            following = parts[i + 1].text if i + 1 < len(parts) else ""
            previous = parts[i - 1].text if i else ""
            found = self._sentence(
                sentence.text, said, text[sentence.start : sentence.end], following, signed, previous
            )
            if found is None:
                continue
            start, end, why, suggestion = found
            start += sentence.start
            end += sentence.start
            if in_spans(start, quoted):
                continue
            reported = True
            yield self.finding(f"This {why}.", start, end, suggestion)
        if not reported:
            excuse = _unowned_explanation(low, every_word, parts, said_in, quoted)
            if excuse is not None:
                yield self.finding(
                    "This explains why it went wrong without ever owning it, which reads as an excuse (or as "
                    "blaming the customer); own it first.",
                    excuse.start,
                    excuse.end,
                    _SUGGEST_OWN,
                )

    def _sentence(
        self,
        s: str,
        low: frozenset[str],
        original: str,
        following: str,
        signed: frozenset[str] | None = None,
        previous: str = "",
    ) -> tuple[int, int, str, str] | None:
        """The first blame in sentence ``s`` (lower-cased, with its words ``low``; ``original`` keeps its case)."""
        for n in _customer_patterns(low):
            _, pattern, why = CUSTOMER[n]
            needs = _CUSTOMER_NEEDS[n]
            if needs and not has_any(s, needs):
                continue  # none of the text every match of it holds
            m = pattern.search(s)
            if m is None or negated_before(s, m.start(), 12):
                continue
            veto = _VETO.get(pattern)
            if veto is not None and veto(s, m, following):
                continue
            cleared = not _CLEAR_KEYS.isdisjoint(low) and _CLEAR_CUSTOMER.search(s)
            if cleared and cleared.start() < m.start():
                continue
            if previous and not _CLEAR_KEYS.isdisjoint(words(previous)) and _CLEAR_CUSTOMER.search(previous):
                continue  # "You didn't do anything wrong. Our rule locked you out when you needed it most."
            if ("our" in s or " on " in s) and _OWNED_CLAUSE.search(s, m.start()):
                continue  # "it happened because your booking wasn't moved into the new system, which is our fault"
            if _ours_before(s, m):
                continue  # round 10: owned, or our own plan or slip, just before it in the same sentence
            return m.start(), _trim(s, m.end()), why, _SUGGEST_OWN
        m = DISOWN.search(s) if not _DISOWN_KEYS.isdisjoint(low) else None
        if m:
            return m.start(), _trim(s, m.end()), "disowns the mistake instead of owning it", _SUGGEST_OWN
        colleague = _colleague_fault(s, low) if not _COLLEAGUE_KEYS.isdisjoint(low) else None
        if (
            colleague
            and _PLACE_NAME.search(s, colleague[0], colleague[1])
            and not _EXCUSE_KEYS.isdisjoint(low)
            and _excuse(s, low)
        ):
            # "Our call centre was short-staffed": a department named by its place, excused by circumstances, is
            # reported as the excuse it is.
            colleague = None
        # A colleague's fault is reported first, so a third party's is not needed then.
        third = _third_party_fault(s, low, signed) if not colleague and not _THIRD_KEYS.isdisjoint(low) else None
        excuse = None
        if not (colleague or third) and not _EXCUSE_KEYS.isdisjoint(low):
            excuse = _excuse(s, low)
            if excuse and _OUR_ERRAND.match(excuse.group(0)) and _OUR_PLAN_END.search(clause_before(s, excuse.start())):
                excuse = None  # "I'll chase the courier directly": our errand, not sending the customer elsewhere
            elif excuse and _WHEN_WORD.match(excuse.group(0)) and _PLAN_BEFORE.search(s, 0, excuse.start()):
                excuse = None  # "I'll ring you once the van has left us": when our plan happens, not an excuse
            elif excuse and _YOUR_PEAK.search(s, max(0, excuse.start() - 70), excuse.start()):
                excuse = None  # "critical to your operations, particularly during peak periods": their busy time
        if (excuse or third) and _HEDGED_PROMISE.search(s):
            # "I can't control how fast the courier is, so I won't promise you a date": why a promise is withheld,
            # about what is still to come, not an excuse for what went wrong.
            excuse = third = None
        if not (colleague or third or excuse):
            return None
        if _cleared_party(s, following, previous):
            return None  # "Nothing you or the driver did wrong": the one named is cleared, not blamed
        if _owned(s) or _owned(following) or (previous and _owned(previous)):
            return None  # owned in the same sentence, the next, or the one just before ("Both were our failures.")
        if colleague and _customer_cleared(s, following, previous) and not _distanced(s, following, previous):
            # "You did nothing wrong. Our billing office sent the claim under the wrong code": the company's own
            # mistake told as a fact, with the customer cleared beside it, not the fault passed to a colleague.
            return None
        if colleague:
            span = original[colleague[0] : _trim(s, colleague[2])]
            return (
                colleague[0],
                colleague[0] + len(span),
                "blames a colleague or department; the customer sees one company",
                _as_we(span, colleague[1] - colleague[0]),
            )
        start, end = third if third else (excuse.start(), excuse.end())  # type: ignore[union-attr]
        return (
            start,
            _trim(s, end),
            'uses a third party or circumstances as an excuse; own it instead ("that\'s on us")',
            "State the fact and own it: \"It went wrong on its way to you, and that's on us. Here's what I've "
            'done: ..."',
        )


# Round 10: what stands just before a customer pattern in the same sentence and makes it ours, not theirs.
_CONTRAST = re.compile(r".*\b(?:but|however|though|although|yet|except)\b", re.S)
# Our own plan: "I'll call you tomorrow to make sure you have everything", "we'll ring you once the van has left us".
_PLAN_BEFORE = re.compile(
    r"\b(?:i|we)(?:'ll| will| shall| am going to|'m going to| are going to|'re going to) "
    r"(?:(?!\b(?:but|however|though|although|need|needs|have to|has to|next time|must)\b)[^.!?\n])*$"
)
# The customer's own busy time, not ours as an excuse: "critical to your operations, particularly during peak
# periods" (round 10).
_YOUR_PEAK = re.compile(r"\b(?:your|you)\b[^.!?\n;]*\b(?:particularly|especially|above all|most of all|not least),? $")
_WHEN_WORD = re.compile(r"(?:once|after|when|as soon as)\b")
_MAKE_SURE = re.compile(r"(?:make sure|ensure)\b")
# Our slip, then our silence: "our crew simply didn't show - and then nobody picked up the phone".
_OUR_SLIP_AND = re.compile(
    r"\b(?:we|our (?:[\w-]+ ){1,2}?)(?:simply |just |then |also )?(?:didn't|did not|never|failed to|forgot to)\b"
    r"[^.!?\n]*\band (?:then |also )?$"
)
# Our own thing named as the cause: "it's our workmanship that caused it".
_OUR_THING_CAUSED = re.compile(
    r"\b(?:it's|it is|it was|that's|that was) (?:our|my) (?:[\w-]+ ){1,2}?(?:that|which) (?:caused|triggered|led to)\b"
)


def _ours_before(s: str, m: re.Match[str]) -> bool:
    """Whether customer pattern ``m`` in ``s`` is made ours by what stands just before it in the same sentence: an
    admission with no "but" after it ("this is our failure, you should have known before leaving"), our own plan
    ("I'll call you tomorrow to make sure you have everything you need"), our slip and then our silence, or our own
    thing as the cause inside the match ("you needed, and it's our workmanship that caused it")."""
    before = s[: m.start()]
    turn = _CONTRAST.match(before)
    since = before[turn.end() :] if turn else before
    if since and ("our" in since or " on " in since or "we" in since or "down to" in since) and _owned(since):
        return True
    text = m.group(0)
    if _MAKE_SURE.match(text) and _PLAN_BEFORE.search(before):
        return True
    if text.startswith(("nobody", "no one", "no-one")) and _OUR_SLIP_AND.search(before):
        return True
    return "our " in text and _OUR_THING_CAUSED.search(text) is not None


def _excuse(s: str, said: frozenset[str]) -> re.Match[str] | None:
    """The first excuse in ``s`` (whose words are ``said``): what ``EXCUSE.search`` finds, group by group."""
    first = None
    for n in _indices(_EXCUSE_INDEX, _EXCUSE_KEYS.intersection(said)):
        _, pattern, needs = EXCUSE_GROUPS[n]
        if needs and not has_any(s, needs):
            continue
        m = pattern.search(s)
        if m and (first is None or m.start() < first.start()):
            first = m
    return first


def _third_fault_after(s: str, said: frozenset[str], at: int) -> re.Match[str] | None:
    """What ``THIRD_FAULT_RE.search(s, at, at + _REACH)`` finds, without trying the excuses ``s`` cannot have."""
    end = at + _REACH
    first = _THIRD_FAULT_ONLY.search(s, at, end)
    for n in _indices(_EXCUSE_INDEX, _EXCUSE_KEYS.intersection(said)):
        _, pattern, needs = EXCUSE_GROUPS[n]
        if needs and not has_any(s, needs):
            continue
        m = pattern.search(s, at, end)
        if m and (first is None or m.start() < first.start()):
            first = m
    return first


#: How far after a name to look for what they did: bounded so a pathological run-on "sentence" stays linear.
_REACH = 240


# -- explanations without ownership -------------------------------------------------------------------------------
# Blame by implication has endless wordings ("lamps like this are delicate", "logins from public wifi often look
# suspicious"), but they share a shape: the reply explains the cause, and nowhere owns it. Replies that explain and
# own ("our checkout retried a payment; that's on us") pass, and so do replies that explain nothing.
# Generalisations deflect on their own ("lamps like this are delicate", "it often happens").
GENERALISATION = re.compile(
    # "so often", "how often": how much the customer has had to bear, not how things tend to go (round 9).
    r"\b(?:tends? to|usually|typically|generally|(?<!so )(?<!how )(?<!as )often|sometimes|occasionally|rarely|"
    r"can be|can get|can only|"
    r"can (?:appear|look|seem|show up|end up)|"
    r"only works? (?:if|when)|(?:is|are) only \w+ (?:when|if|once|after|until)|"
    r"only (?:works?|applies|apply|covers?|valid) (?:on|for|to|with)|"
    r"only (?:covers?|includes?|allows?|supports?|permits?) (?:one|a single|\d+|up to|two|three)|"
    # A requirement stated as a rule: "changes need to be made before the invoice date".
    r"(?:needs?|has|have) to be \w+ (?:(?:\d+|a|one|two|three|\w+) (?:(?:working|business) )?(?:days?|hours?|"
    r"weeks?|months?) )?(?:before|by|within|at least|no later)|must be \w+ (?:(?:\d+|a|one|two|three|\w+) "
    r"(?:(?:working|business) )?(?:days?|hours?|weeks?|months?) )?(?:before|by|within|at least|no later)|"
    r"(?:is|are) (?:quite |very |fairly )?(?:delicate|fragile|rare|unavoidable|harder|hard)|"
    # Requirements and setups other than the customer's: "4K playback requires a compatible TV", "on some setups
    # the stream may default to HD".
    r"requires? (?:a |an |the )?(?:compatible|supported|steady|stable|minimum|valid|working|fast|strong|"
    r"recent|current|separate)|"
    r"on (?:some|certain|older|many|most) (?:\w+ )?(?:setups|devices|phones|browsers|networks|connections|tvs|"
    r"computers|models|routers)|"
    r"(?:don't|doesn't|aren't|isn't) always|"
    # How our safeguards treat suspect activity, as the explanation: "our system locks accounts when it detects
    # suspicious activity".
    # ("from now on it will only lock accounts when ..." is a change we made).
    r"(?<!will )(?<!'ll )(?<!only )(?<!to )(?<!never )(?<!no longer )"
    r"(?:locks?|blocks?|flags?|freezes?|suspends?|holds?|declines?|cancels?) (?:\w+ )?(?:accounts?|cards?|payments?|"
    r"orders?|logins?|transactions?|bookings?) (?:automatically )?(?:when|if|whenever|once) (?:it|we|the system|our "
    r"system) (?:detects?|sees?|spots?|notices?|picks up))\b"
)
# "Can" that states no general truth: a purpose or a condition ("before it can be unlocked", "so it can be
# collected") or an exclamation of sympathy ("how stressful a cancellation can be").
_NOT_GENERAL = re.compile(
    r"\b(?:we|i|you)(?: (?:usually|normally|still|also|then|now|only|easily))? $|"
    r"\b(?:before|until|till|so|so that|once|after|where|when|if|whether|as soon as) (?:it|they|this|that|we|you|i|"
    r"he|she|someone|somebody|anyone|one of us|the \w+|your \w+|our \w+|an? \w+|our \w+ \w+|[\w-]+'s [\w-]+) $|"
    r"\bhow (?:[\w'-]+ ){1,5}$"
)
# What someone can do for the customer, not how things tend to go: "they can get you booked within 5 days", "it
# can be with you by Friday", "we can be there at 9".
_ABILITY = re.compile(
    r" (?:you|your|it (?:back|to you|fixed|sorted|done|replaced|repaired)|them|this|that|back|in touch|there|with you|"
    r"started|fixed|sorted|booked|done|repaired|replaced|restored|rebooked|refunded|arranged|ready)\b"
)
# Causes and evidence ("because", "it looks like") deflect only when they point at someone else: the customer
# or an outside party. "It looks like the pickup was missed" is passive, but it blames nobody.
CAUSE = re.compile(
    r"\b(?:because|due to|caused by|triggered by|resulted from|what caused|"
    r"(?:made|done|cancell?ed|canceled|changed|moved|rescheduled|delayed|decided|initiated|postponed) by|"
    r"because of|comes? down to|which is why|that's why|"
    r"this is why|the reason|as a result|(?:is|are) based on|may have|might have|could have|it looks like|it seems|"
    r"it appears|apparently|from what i can see|our records show|looking (?:at|into|through|over) (?:the|your) "
    r"(?:\w+ )?(?:account|order|records?|logs?|booking|form|file|history|notes|details|claim|application)|"
    r"according to|per (?:the|our) (?:records|tracking|"
    r"system|logs)|from what i can tell|"
    # The record speaks: "the booking shows a party of two", "the system registered two taps on the pay button".
    # Our figure taken from the customer's own data: "generated from the seat count shown in your admin console".
    r"(?:(?<=was )|(?<=were ))(?:generated|calculated|worked out|taken|pulled|billed|charged|priced|based) "
    r"(?:from|off|using|on) (?:the |your )?(?:[\w-]+ ){0,4}?(?:shown|entered|listed|recorded|set|saved|held|showing) "
    r"(?:in|on) your|"
    r"(?:the|your|our) (?:[\w-]+ ){0,2}?(?:booking|order|account|system|records?|logs?|notes|instructions|form|"
    r"tracking|history|label|request|application) (?:(?!now )[\w-]+ ){0,2}?(?:shows?|showed|says|said|states?|stated|"
    r"registered|recorded|lists?|listed|indicates?|indicated))\b"
)
# "You" alone is usually the one who suffered ("it was damaged on its way to you"), so it does not count; the
# customer's own things and choices do ("your dashboard", "yours was requested by phone").
_SOMEONE_ELSE = re.compile(
    r"\b(?:your (?:own )?(?:browser|device|phone|app|bank|provider|network|dashboard|admins?|settings|address|"
    r"postcode|details|password|team|system|server|computer|account settings)|yours (?:was|were|is|came)|"
    # The customer's side, or someone on it, as the one who acted: "pending the estimate from your side", "your
    # school sent the transcript under another name", "looking at the order form, the name was hard to read".
    r"(?:from|on|at) your (?:side|end)|(?:card|details|email address|password|payment method) on (?:file|your "
    r"account|the account)|your card|your (?:[\w'-]+ ){0,2}?(?:sent|submitted|entered|provided|filed|gave|listed|"
    r"wrote|typed|supplied|registered)|(?:the|your) (?:order|booking|application|claim|registration|request) form|"
    r"you (?:used|entered|chose|picked|selected|booked|clicked|typed|requested|ordered|set|changed|added|placed|"
    r"made|cancelled|signed|logged|submitted|returned|left|collected|received|accepted|agreed|printed|wrote|"
    r"filled|completed|uploaded|gave|provided|supplied|bought|purchased|paid)|"
    # What the customer's record or device registered: "a party of two", "two taps on the pay button".
    r"(?:the|your) (?:booking|order|account|request|application|instructions) (?:(?!now )[\w-]+ ){0,2}?"
    r"(?:shows?|showed|says|said|states?|stated|lists?|listed)|(?:taps|clicks|presses) on|"
    # The record of the customer's hand-over: "charges are based on the condition as recorded at return".
    # What the customer sent or asked for, named by its passive: "the appointment requested was for the 12th",
    # "the documents did not come through in a format our case system could read".
    r"(?:the|your) (?:[\w-]+ ){1,2}(?:requested|ordered|selected|chosen|entered|provided|supplied|submitted|given) "
    r"(?:was|were|is|as)|(?:documents?|files?|attachments?|photos?|uploads?|forms?|scans?|images?)(?: [\w-]+){0,4} "
    r"(?:in (?:a|the|an) (?:\w+ )?format|(?:could ?n[o']t|can ?n[o']t|cannot) be (?:read|opened))|"
    r"(?:recorded|noted|logged|documented|inspected|assessed|photographed|checked|found) (?:at|on|upon|during|"
    r"after) (?:the )?(?:return|drop-off|dropoff|handover|hand-back|check-in|check-out|collection)|"
    # The customer's own input: "the postcode on your booking placed you in the wrong region", "size 9 on the order
    # confirmation", "the images were uploaded at a low resolution".
    r"(?:address|postcode|post code|zip ?code|number|email|details|name|date|time|size|quantity|colou?r) (?:on|in) "
    r"your (?:booking|order|account|form|application|request)|on (?:the|your) (?:order|booking) (?:confirmation|form|"
    r"summary)|(?:were|was) (?:uploaded|submitted|entered|typed|selected|chosen|filled in) (?:at|as|with|without)|"
    # What the customer's own account or device held: "the mileage entered in your online profile".
    r"(?:shown|entered|listed|recorded|saved|held|showing) (?:in|on) your|"
    # The customer's own payment, said not to have arrived: "our records show the March direct debit didn't come
    # through".
    r"(?:direct debit|debit|payment|instalment|installment|transfer|deposit|premium|cheque|check|standing order|"
    r"remittance)s? (?:[\w-]+ ){0,2}?(?:didn't|did not|never|wasn't|was not|weren't|were not|hasn't|has not|haven't|"
    r"have not) (?:come through|came through|arrive|arrived|reach us|reached us|clear|cleared|go through|gone through|"
    r"been received|received|bounce|bounced)|"
    r"customers?|users?|guests?|courier|carrier|bank|provider|partner|driver|restaurant|site|"
    r"platform|supplier|manufacturer|phone|phones|browser|device|app|admin|isp|network|post|postal|weather|"
    r"traffic|demand|holidays?|subscribers?|clients?|members?|accounts?|heatwave|heat|storms?|snow|floods?|"
    r"temperatures?|(?:warm|hot|cold|wet) (?:day|weather|spell)|airline|hotel|instructor|trainer|clinic|landlord|"
    r"installer|contractor|venue|organi[sz]er|operator|council|host|seller|vendor|insurer|lab)\b"
)
_CAUSE_KEYS = keys(
    "triggered resulted based only need needs has have must looking appear look made done cancelled canceled "
    "changed moved rescheduled delayed decided initiated postponed "
    "because due caused down why reason result tend tends usually typically generally often sometimes occasionally "
    "rarely can may might could looks seems appears apparently see records according per delicate fragile rare "
    "tell shows showed says said states stated registered recorded lists listed indicates indicated "
    "unavoidable harder hard always works work applies apply covers cover valid requires require some certain "
    "older many most generated calculated worked taken pulled billed charged priced locks lock blocks block flags "
    "freezes suspends holds declines cancels"
)
# A cause the company owns ("because we ..."), a timing fact ("refunds usually take 3 days"), an apology ("any
# confusion caused by") or a cause that points at nobody ("due to a technical issue") is not an excuse.
_OWN_CAUSE = re.compile(r"\b(?:we|i|we've|i've|we're|i'm|we'd)\b")
# Where the evidence comes from, not who caused it: "according to our system, the size ordered was a 9".
_EVIDENCE = re.compile(r"according to|per |our records|looking|it (?:looks|seems|appears)|apparently|from what")
# Evidence that backs the customer is not an excuse: "you cancelled within the 14-day period, so you are entitled
# to a full refund", "your direct debit was set up correctly".
_BACKS_CUSTOMER = re.compile(
    r"\byou(?:'re| are| were|'ll be| will be) (?:\w+ )?(?:entitled|due|owed|eligible|right|correct)\b|"
    r"\b(?:was|were|been|you) (?:[\w-]+ ){0,3}?(?:correctly|on time|in good time|as agreed|as you asked|"
    r"as requested)\b|"
    r"\b(?:was|were) (?:all |absolutely |completely )?(?:fine|right|correct|valid|perfect|accurate)\b"
)
# The writer judges what happened as a failure, so the explanation is no excuse: "which isn't good enough", "five
# days, far too long".
_SELF_CRITIQUE = re.compile(
    r"\b(?:(?:which|that|this|it)(?:'s| is| was)? ?(?:n't|not|isn't|wasn't|is not|was not) (?:good enough|acceptable|"
    r"okay|ok)|far too (?:long|slow))\b"
)
_SELF_CRITIQUE_KEYS = keys("good acceptable okay ok far")
# What only we do, admitted as not done: "the refund was never submitted", "your replacement was not dispatched".
_WE_NEVER_DID = re.compile(
    r"\b(?:refund|replacement|credit|voucher|callback|call-back|repair|reply|response|confirmation|cancellation|"
    r"booking|appointment|order|parcel|email|code|letter|invoice|request|claim|case|complaint)s? (?:was|were|had|"
    r"has|have)(?: been)? (?:never|not) (?:been )?(?:submitted|processed|sent|issued|actioned|raised|logged|"
    r"dispatched|booked|applied|arranged|passed on|followed up|approved|paid|scheduled|recorded|added|done|"
    r"started|set up|ordered|shipped|posted)\b(?![^.!?\n]*\b(?:you|your)\b)"
)
_BECAUSE_OURS = re.compile(r"\b(?:because|since|due to|as a result of) (?:of )?(?:we|we'd|we had|our)\b")
# Good news explained: what is on its way, in a sentence with nothing gone wrong in it.
_GOOD_NEWS = re.compile(
    r"\b(?:will|'ll) (?:now |then |also )?(?:arrive|reach you|be with you|be ready|be back|be there|land|go out|ship|"
    r"be delivered|be sent|show|appear)\b|\bon (?:its|their|the) way\b|\byou(?:'ll| will) (?:see|get|receive|have)\b|"
    r"\bgoes back to\b"
)
_GONE_WRONG = re.compile(
    r"n't\b|\b(?:not|never|no|nothing|nobody|wrong\w*|late|later|missed|lost|fail\w*|declined|rejected|locked|"
    r"blocked|flagged|cancell?ed|delay\w*|damaged|broken|error|problems?|issues?|fault\w*|twice|only|expired|lapsed|"
    r"short|instead|rather|unfortunately|cannot|without|too|after|before|outside|held|stuck|suspended|reverted|"
    r"returned|bounced|paused|frozen|released|still|already|sometimes|usually|often)\b"
)
# Our own tool did it: the cause is ours, whatever the sentence's evidence ("the booking shows ...") points at.
_OUR_TOOL_DID = re.compile(
    r"\bour (?:[\w-]+ ){0,2}(?:system|systems|website|site|app|checkout|software|tool|platform|page|server|"
    r"scheduler|calendar|rule|filter|update|migration)s? (?:(?:only|wrongly|mistakenly|never|just|also|then) "
    r"(?:\w+ed|gave|sent|took|put|made|let|set|ran|kept|showed|counted|let)|didn't|did not|failed|couldn't|could not|"
    r"wouldn't|won't|can't|cannot|lost|broke|crashed|went down|timed out|glitched|dropped|deleted|wiped|"
    r"overwrote|double[- ]\w+|(?:\w+ed|charged|billed|took|sent) (?:\w+ )?twice)\b"
)
_OUR_CAUSE = re.compile(r"^\W*(?:\w+ )?our\b")  # "triggered by our fraud rule", "because our checkout ..."
_NOT_EXCUSE = re.compile(
    r"\b(?:refunds?|money|transfers?|payments?|banks?|cards?|claims?|requests?|applications?)\b[^.!?\n]*"
    r"\b(?:take|takes|taking) (?:a few|up to|around|about|\d|longer than (?:usual|normal|expected))"
    r"|\b(?:refund|tracking|delivery|shipping|arriv|reach)"
    r"\w*\b[^.!?\n]*\b(?:usually|typically|can take)|\b(?:sorry|apologi[sz]e|apologies|inconvenience|confusion)\b"
    r"[^.!?\n]*\b(?:caused|due to)|\bdue to (?:a|an|some) (?:\w+ )?(?:technical|system|unexpected|unforeseen)? ?"
    r"(?:issue|error|problem|glitch|fault|bug)\b"
)


def _unowned_explanation(
    low: str, every_word: frozenset[str], parts: list[Any], said_in: list[frozenset[str]], quoted: list[tuple[int, int]]
) -> Any | None:
    """The sentence (with offsets) that explains the cause in a reply that never owns the mistake, if any."""
    if _CAUSE_KEYS.isdisjoint(every_word) or _owns(low) or ("we " in low and _OWNED_WE.search(low)):
        return None
    if any(word in low for word in _WRONG_WORDS) and OWNED_IN_ERROR.search(low):
        return None  # "it was cancelled by our system in error": the cause is ours
    if not _OWN_WAYS_KEYS.isdisjoint(every_word) and own_ways(low):
        return None  # "I take full responsibility", "that's down to us"
    if not _SELF_CRITIQUE_KEYS.isdisjoint(every_word) and _SELF_CRITIQUE.search(low):
        return None  # "the app can be slow to update your balance, which isn't good enough"
    for sentence, said in zip(parts, said_in, strict=True):
        s = sentence.text
        if _CAUSE_KEYS.isdisjoint(said):
            continue
        m = GENERALISATION.search(s)
        while (
            m is not None
            and m.group(0).startswith("can ")
            and (_NOT_GENERAL.search(s, max(0, m.start() - 40), m.start()) or _ABILITY.match(s, m.end()))
        ):
            m = GENERALISATION.search(s, m.end())
        if m is None:
            m = CAUSE.search(s)
            if m is not None and not _SOMEONE_ELSE.search(s):
                continue
        if m is None or in_spans(sentence.start, quoted) or _NOT_EXCUSE.search(s) or negated_before(s, m.start(), 8):
            continue
        if _WE_NEVER_DID.search(s):
            continue  # "looking at your account, the refund was never submitted": what we did not do, admitted
        if ("our" in s or "we" in s) and _BECAUSE_OURS.search(s):
            continue  # "the direct debit didn't go through because our bank details changed": the cause is ours
        if _GOOD_NEWS.search(s) and not _GONE_WRONG.search(s):
            continue  # "because your application was approved, your card will arrive by Friday": nothing wrong
        if _BACKS_CUSTOMER.search(s):
            continue  # "according to our records, you cancelled within the 14 days, so you're entitled to a refund"
        if "our " in s and _OUR_TOOL_DID.search(s):
            continue  # "your booking shows two guests; our system only gave you one breakfast": our tool is the cause
        after = s[m.end() : m.end() + 40]
        if (
            _OWN_CAUSE.search(after)
            or (_OUR_CAUSE.match(after) and not _EVIDENCE.match(m.group(0)))
            or _OWN_CAUSE.search(s[max(0, m.start() - 12) : m.start()])
        ):
            continue
        return sentence
    return None


def _owns(low: str) -> bool:
    return any(
        (not negated_before(low, m.start(), 12) or m.group(0).startswith(("not ", "you")))
        and not (m.group(0).startswith("on our") and _FIXED_THERE.search(low, max(0, m.start() - 40), m.start()))
        and not _JUSTIFIED.search(low, max(0, m.start() - 25), m.start())
        for m in ADMISSION.finditer(low)
    )


# What we did, given as what was right: "the order confirmation says a 9, so that's what we sent" owns nothing.
_JUSTIFIED = re.compile(
    r"\b(?:that's|that is|which is|which was|this is|that was) (?:exactly |just |only )?(?:what|how) $"
)
# Where a fix was made is not an admission: "I've corrected it on our side".
_FIXED_THERE = re.compile(
    r"\b(?:corrected|fixed|updated|changed|amended|adjusted|reset|cleared|resolved|sorted|removed|unlocked|"
    r"re-?run|reprocessed|refunded|reversed|cancelled|applied|added)\b(?: (?:it|this|that|them|the \w+))?\s*$"
)


def _colleague_fault(s: str, said: frozenset[str]) -> tuple[int, int, int] | None:
    """(start, end of the name, end) of a colleague or department named with what they did wrong."""
    for start, end in _colleagues(s, said):
        rest = s[start:]
        runs_it = _RUNS_IT.match(s, end)
        if _only_system(rest) or _SOFTWARE.match(rest) or (_SYSTEM.search(clause_before(s, start, 50)) and not runs_it):
            continue  # "our scheduling system sent the technician to the wrong region" blames a tool
        if _HYPOTHETICAL.search(s, max(0, start - 30), start) or _FUTURE_PRONOUN.match(rest):
            continue  # "if he hasn't arrived by 12, I'll chase", "I can't promise she'll be eating": not a claim
        if _SORRY_THAT.search(s, max(0, start - 40), start):
            continue  # "we're sorry our technician didn't arrive": an apology for the fact, not a culprit
        if _reported(s, start):
            continue  # "you said our engineer didn't turn up": the customer's own account, retold
        if not runs_it and _tool_as_agent(s, start):
            continue  # "our scheduling system put your job in the wrong region, so the technician never saw it"
        if _TOOL_AGENT.search(s):
            return None  # "the technician was booked into the wrong region by our scheduling system, so he ..."
        if " by " in s[max(0, start - 6) : start + 1] and _colleague_did_it(clause_before(s, start, 90)):
            return start, end, end  # "caused by a failure during maintenance carried out by our infrastructure team"
        if _CAUSED_BY_THEM.search(s, max(0, start - 25), start) and _THEIR_SLIP.match(s, end):
            return start, end, _trim(s, _clause_end(s, end))  # "due to our warehouse team missing the pickup"
        what = COLLEAGUE_FAULT_RE.search(s, end, end + _REACH)
        # "so they can look into what went wrong", "to find out why it was missed": a question, not a claim; "we'll
        # make sure it never happens again": a purpose, not a fault.
        while what and (
            _INDIRECT_QUESTION.search(s, max(0, what.start() - 40), what.start())
            or _we_before(s, what.start())
            or _our_clause(s, end, what.start())
            or _UNHARMED.match(s, what.start()) is not None
            or (
                _PREVENTION_HINT.search(s, max(0, what.start() - 40), what.start()) is not None
                and _PREVENTION.search(s, max(0, what.start() - 40), what.start()) is not None
            )
        ):
            # "the engineer you spoke to was right; we just never booked the fitting": the fault is in our clause
            what = COLLEAGUE_FAULT_RE.search(s, what.start() + 1, end + _REACH)
        if (
            what
            and _WITH_US.search(s, max(0, start - 25), start)
            and not _JOINED.search(s, start, end)
            and not _THEY_DID.match(s, end, what.start())
        ):
            # "we're investigating it with our engineering team and will make sure ...": the colleague works with us
            # on the fix; what follows is ours unless it is said of them ("to our billing team, who forgot ...")
            continue
        if what and not _fixing(s, end, what.start()):
            return start, end, what.end()
    return None


# A colleague named as the cause, with what they did (or failed to do) as a gerund: "due to our warehouse team
# missing the pickup", "thanks to our billing team forgetting the update".
_CAUSED_BY_THEM = re.compile(r"\b(?:due to|because of|thanks to|owing to|down to|result of)\s+$")
_THEIR_SLIP = re.compile(
    r" (?:(?:not|never) \w+ing|missing|forgetting|failing|overlooking|ignoring|neglecting|losing|mixing|skipping|"
    r"mis\w+ing|double-booking|overbooking|sending (?:\w+ )?(?:the )?wrong)\b"
)


def _clause_end(s: str, at: int) -> int:
    m = _CLAUSE_BREAK.search(s, at)
    return m.start() if m else len(s)


_CLAUSE_BREAK = re.compile(r"[,;:.!?\n]| — | - ")


# A colleague named as working with us or hearing from us, not as the subject: "investigating with our engineering
# team", "I've passed it to our billing team".
_WITH_US = re.compile(
    r"\b(?:with|alongside|together with|(?<!due )(?<!owing )(?<!thanks )(?<!down )(?<!according )to|asked|told|"
    r"instructed|got|had|emailed|called|rang|contacted|messaged|reminded|chased|booked|sent)\s+$"
)
# "with the store and the picker ...": the name found runs on into a second party, the subject of its own clause.
_JOINED = re.compile(r"\b(?:and|but|so|then)\b")
# What follows is then said of them only through a relative or a pronoun: "to our billing team, who forgot",
# "with the warehouse and they admitted".
_THEY_DID = re.compile(r"\s*[,:;]?\s*(?:(?:who|which|whom|and they|and he|and she|they|he|she)\b|'s\b|'\s)")
_PREVENTION_HINT = re.compile(r"ensur|sure|so that|guarantee|see to it|prevent")
# A purpose: "ensure it never recurs", "make sure nothing is missed", "so that it doesn't happen again".
_PREVENTION = re.compile(
    r"\b(?:ensur\w*|make sure|makes sure|making sure|made sure|so that|guarantee|see to it|prevent\w*)(?: that)?"
    r"(?: [\w']+){0,3} $"
)


def _signed_by(low: str) -> frozenset[str]:
    """Words of the reply's sign-off (its last short lines): "Parking Services, Westbury Borough Council"."""
    lines = low.strip().splitlines()
    tail = [
        line
        for line in lines[1:][-3:]
        if line.strip() and line.count(" ") < 8 and not line.rstrip().endswith((".", "!", "?", ":"))
    ]
    return words(" ".join(tail)) if tail else frozenset()


def _third_party_fault(s: str, said: frozenset[str], signed: frozenset[str] | None = None) -> tuple[int, int] | None:
    """(start, end) of a third party named with what it did wrong or an excuse, unless negated."""
    # Start a little before the first party's word the sentence has ("payment provider", "post office"), so the
    # long alternation does not scan the words before it.
    first = min((s.find(word) for word in _THIRD_HEADS.intersection(said)), default=0)
    for who in THIRD_PARTY_RE.finditer(s, max(0, first - 25)):
        determiner = _THIRD_DETERMINER.search(s, max(0, who.start() - 30), who.start())
        if not (
            determiner or "'" in who.group(0) or s.startswith("'s", who.end()) or _GENERIC_PARTIES.match(who.group(0))
        ):
            continue  # "that restaurant will never ..." is a promise, not someone else's fault
        if signed and _party_noun(who.group(0)) in signed:
            continue  # "that was the Council's error" in a reply signed by the council: the company owning it
        start = determiner.start() if determiner else who.start()
        if negated_before(s, start, 15):  # "it wasn't the courier", "I can't promise a courier will never ..."
            continue
        if _HYPOTHETICAL.search(s, max(0, start - 30), start):
            continue  # "if the driver is running late, I'll call you": nothing has gone wrong yet
        if _OUR_PLAN.search(clause_before(s, start, 60)):
            continue  # "next time we'll call you before the driver leaves": our plan, not their fault
        if _reported(s, start):
            continue  # "you told us the driver left without unloading": the customer's own account, retold
        if _WE_CHOSE.match(s, who.end()):
            continue  # "the contractor we hired damaged your fence": a party we chose, named as ours (README)
        if _PARTY_AS_FEATURE.match(s, who.end()):
            continue  # round 10: "the recent bank feed issue" names our feature, not the bank
        if who.group(0).endswith(("responsibility", "fault", "mistake", "error")):
            return start, who.end()
        before = clause_before(s, start, 40) if " by " in s or " to " in s or " of " in s or " with " in s else ""
        agent = before and (
            _CAUSE_AGENT.search(before) or (_PARTICIPLE_BY.search(before) and _WRONG.search(s, 0, start))
        )
        if agent and not negated_before(s, start, 30):
            return start, who.end()
        what = _third_fault_after(s, said, who.end())
        if what and not what.group(0).startswith(_UNABLE) and _we_before(s, what.start()):
            continue  # "the hospital transport booking was our job and we missed it": the fault is in our clause
        if what and not _fixing(s, who.end(), what.start()):
            return start, what.end()
    return None


# A party's name used for a feature of our own product: "the bank feed", "the courier integration" (round 10).
_PARTY_AS_FEATURE = re.compile(r" (?:feeds?|integrations?|sync|syncing|connections?|connectors?|import|imports)\b")
# Harm denied is good news, not a fault: "the piano itself wasn't affected", "nothing was damaged" (round 10).
_UNHARMED = re.compile(
    r"(?:wasn't|was not|weren't|were not|isn't|is not|hasn't been|has not been|haven't been) (?:at all )?"
    r"(?:affected|damaged|harmed|hurt|touched|impacted|lost|compromised)\b"
)


# A party named as our choice: "the contractor we hired", "the installer we sent" ("the courier we use" names a
# habit, not a choice owned, and still counts).
_WE_CHOSE = re.compile(
    r" (?:that |who |whom )?we(?:'d| had)? (?:\w+ )?(?:hired|chose|picked|selected|sent|booked|appointed|engaged|"
    r"instructed|contracted)\b"
)


def _party_noun(name: str) -> str:
    """The last word of a party's name: "the council's error" -> "council", "our payment provider" -> "provider"."""
    return name.split("'", 1)[0].split()[-1]


def _trim(s: str, end: int) -> int:
    """End offset with trailing spaces and punctuation dropped, so the span is the clause itself."""
    while end > 0 and s[end - 1] in " ,;:—–-":
        end -= 1
    return end


# The team owns the tool that went wrong: "the seat-sync job the engineering team runs, which picked up a stale
# number" names the team as the one at fault, not only a tool.
_RUNS_IT = re.compile(r" (?:runs|ran|owns|maintains|maintained|manages|managed|built|wrote|set up|looks after)\b")
# An apology for what a colleague did not do: "we're sorry our technician didn't arrive", "apologies that the
# engineer missed you".
_SORRY_THAT = re.compile(
    r"\b(?:(?:sorry|apologi[sz]e|apologies|regret)(?: (?:that|for|about))?|(?:frustrating|disappointing|annoying|"
    r"upsetting|stressful|worrying|maddening|inconvenient)(?: (?:it is|it was|it's|it must be|it must have been|this "
    r"is|this was))? (?:that|when))\s*$"
)
# A colleague in a condition or a promise has done nothing wrong yet.
_HYPOTHETICAL = re.compile(r"\b(?:if|unless|in case|whether|promise(?: you)?|guarantee(?: you)?|hope)\s+$")
_FUTURE_PRONOUN = re.compile(r"(?:he|she)(?:'ll| will| would|'d| is going to|'s going to)\b")
# A colleague as the agent of what failed: "... a failure during maintenance carried out by our infrastructure team".
_DONE_BY = re.compile(
    r"\b(?:carried out|run|ran|done|made|performed|caused|triggered|introduced|pushed|deployed) by\s+$"
)
_FAILURE = re.compile(
    r"\b(?:caused by|due to|because of|result of|failure|failed|error|mistake|outage|fault|bug|broke|went down)\b"
)
# Our own staff, or a party we sent, named as doing the fix: "our billing team will correct the wrong invoice by
# Friday", "our support team has fixed the incorrect charge", "the courier will collect the incorrect sofa". The fault
# word then describes what is being put right, not what they did.
_FIXED = (
    r"(?:fix|fixed|fixes|fixing|correct|corrected|corrects|correcting|revers\w*|repair\w*|restor\w*|reinstat\w*|"
    r"waiv\w*|sort(?:ed|ing|s)? out|put(?:ting|s)? right)"
)
_WILL_DO = (
    r"(?:replac|refund|re-?send|resen|send|swap|exchang|rebook|re-?book|reissu|re-?issu|credit|remov|amend|adjust|"
    r"collect|pick(?:ed|ing|s)? up|redeliver|re-?deliver|deliver|bring|call|ring|visit|come|book|ship|re-?ship|"
    r"dispatch|post|email|contact|meet|help|finish|complete|install|fit|re-?fit|clean|look|investigat|process|apply|"
    r"issu|take|return|arrang|check|review|updat|cancel|sort|chas|re-?run|reprocess)\w*"
)
_FIXING = re.compile(
    # "has now updated": a change made after the fact, to put it right ("has since moved on" is not).
    r"^\s*(?:(?:has|have|had|'s|'ve)\s+)?now\s+\w+ed\b|"
    rf"^\s*(?:(?:has|have|had|'s|'ve|already|just|now|then|also|personally|quickly|since|been|will|'ll|is|are|'re|"
    rf"to|going to|can|shall)\s+){{0,3}}{_FIXED}\b"
    rf"|^\s*(?:(?:already|just|now|also|personally)\s+)?(?:will|'ll|shall|is going to|are going to|'s going to|"
    rf"'re going to|to|can|is|are|'re)\s+(?:(?:be|personally|also|then|now|quickly)\s+)?{_WILL_DO}\b"
)
_FIX_KEYS = ("fix", "correct", "revers", "repair", "restor", "reinstat", "waiv", "out", "right", "will",
             "'ll", "shall", "to ", "is ", "are ", "'s ", "'re ", "now ")  # fmt: skip


def _fixing(s: str, start: int, end: int) -> bool:
    """Whether the words from ``start`` to ``end`` (a name's end, the fault's start) say the one named is fixing it."""
    if end - start < 4:
        return False  # "our billing team didn't": nothing between the name and the fault
    gap = s[start:end]
    return any(key in gap for key in _FIX_KEYS) and bool(_FIXING.match(gap))


# The customer's own account, retold: "you said our engineer didn't turn up", "as you explained, the hotel had no
# record", "I understand the agent you spoke to promised a call back".
_REPORTED = re.compile(
    r"\b(?:you(?:'ve| have)? (?:said|mentioned|told (?:us|me)|explained|wrote|described|reported|let (?:us|me) know)|"
    r"as you (?:said|mentioned|explained|described|put it|say)|(?:i|we) understand|(?:i|we) (?:hear|see|gather) "
    r"(?:that )?|from your (?:message|email|call|letter|note)|you(?:'re| are) (?:right|correct)(?: that)?)"
    r"(?: that)?,? $"
)


def _reported(s: str, start: int) -> bool:
    near = s[max(0, start - 40) : start]
    if not ("you" in near or "understand" in near or "see" in near or "hear" in near or "gather" in near):
        return False
    return bool(_REPORTED.search(s, max(0, start - 40), start))


def _colleague_did_it(before: str) -> bool:
    return bool(_DONE_BY.search(before) and _FAILURE.search(before))


# "So we couldn't fit it" is what the third party left us unable to do, not a fault we own.
_UNABLE = ("couldn't", "could not", "can't", "cannot", "weren't able", "were not able", "wasn't able", "unable",
           "were unable", "not able", "had to", "have to")  # fmt: skip


# A clause whose subject is us: the fault that follows is owned ("...; we just never booked the fitting").
_WE_WORDS = frozenset({"we", "i", "we've", "i've", "we'd", "i'd"})
_THEN_WORDS = frozenset({"just", "simply", "then", "also", "still", "really", "clearly", "had", "have"})
_US_PLACES = frozenset({"office", "branch", "team", "staff", "people"})


def _we_before(s: str, at: int) -> bool:
    """Whether the clause just before ``at`` has us as its subject: "...; we just never", "and our office"."""
    said = s[max(0, at - 30) : at].split()
    while said and said[-1] in _THEN_WORDS:
        said.pop()
    if not said:
        return False
    if said[-1] in _WE_WORDS:
        return True
    return len(said) >= 2 and said[-2] == "our" and said[-1] in _US_PLACES


# A clause of our own (or our tool's) between the colleague and the fault word: "our support team couldn't reach you
# because we had the wrong number on file", "our agent gave you the right answer; the system didn't apply it".
_OUR_CLAUSE = re.compile(
    r"(?:\b(?:because|since|as|and|but|so|when|after|while)|[,;:—–]) (?:then |also |just |simply )?(?:we|i|we'd|i'd|"
    r"we've|i've|(?:the|our) (?:[\w-]+ )?(?:system|systems|tool|app|software|website|site|checkout|platform|"
    # ("And I'm afraid yours was not picked up by them": a hedge, not a clause of ours; round 9.)
    r"process))\b(?!'ll| will|'m afraid| am afraid| fear| think| believe| suspect|'m sorry to say)"
    r"(?:(?!\b(?:because|since|and|but|so|when|after|while)\b)[^,;:—–])*$"
)


def _our_clause(s: str, name_end: int, at: int) -> bool:
    """Whether the fault word at ``at`` sits in a clause of ours that opens after the colleague's name."""
    return at - name_end > 8 and _OUR_CLAUSE.search(s, name_end, at) is not None


_INDIRECT_QUESTION = re.compile(r"\b(?:what|why|how|whether|where)\b(?: [\w']+){0,3} $")
_SYSTEM = re.compile(r"\b(?:system|tool|software|process|bug|glitch|algorithm|app|rule|sync|job|script)\b")
# "our channel manager failed to sync" names software; "booked ... by our scheduling system" has a tool as agent.
_SOFTWARE = re.compile(r"^(?:our|the) (?:channel|package|task|password|account|booking|queue|file) managers?\b")
_HEDGED_PROMISE = re.compile(
    r"\b(?:i|we) (?:won't|will not|can't|cannot|can not|don't want to|am not going to|'m not going to|"
    r"are not going to|'re not going to) (?:\w+ )?(?:promise|guarantee|commit to)\b"
)
_OUR_ERRAND = re.compile(r"(?:contact|raise|take|chase|get in touch)")
_OUR_PLAN_END = re.compile(
    r"\b(?:(?:i|we)(?:'ll| will|'ve| have| can| am going to|'m going to|'re going to)?|let me)\s*$"
)
_OUR_PLAN = re.compile(r"\b(?:we|i)(?:'ll| will| are going to| am going to|'m going to|'re going to)\b")
_OUR_TOOL = re.compile(
    r"\bour (?:\w+ ){0,2}(?:system|tool|software|process|app|rule|algorithm|sync|script|platform|checkout)s?\b"
)
# Where we looked, not what did it: "I've checked our system and ...".
_LOOKED_IN = re.compile(
    r"\b(?:checked|check|checking|looked (?:at|in|through|into)|searched|in|on|into|from|via|through|using|with)\s+$"
)


def _tool_as_agent(s: str, end: int) -> bool:
    """Whether our own tool is named before ``end`` other than as the place we looked."""
    m = _OUR_TOOL.search(s, 0, end)
    while m is not None:
        if not _LOOKED_IN.search(s, max(0, m.start() - 20), m.start()):
            return True
        m = _OUR_TOOL.search(s, m.end(), end)
    return False


_TOOL_AGENT = re.compile(
    r"\bby (?:our|the|an?) (?:\w+ ){0,2}(?:system|tool|software|process|app|rule|algorithm|bug|glitch|sync|script)\b"
)


_ONLY_SYSTEM = re.compile(r"(?:our|the) (?:\w+ )?(?:system|check|process|tool|software|job)\b")


def _only_system(span: str) -> bool:
    # "our scheduling system booked you into the wrong region" names a tool, not a person: that is owning a fact.
    return bool(_ONLY_SYSTEM.match(span))


@hookimpl
def register_guardrails(register):  # type: ignore[no-untyped-def]
    register(Blame())
