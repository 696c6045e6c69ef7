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
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from replydraft import Finding, Guardrail, hookimpl

from . import learned
from ._text import (
    _NEXT_BREAK,
    clause_before,
    in_spans,
    keys,
    negated_before,
    prepare,
    quoted_spans,
    sentences,
    words,
)

_I = 0  # patterns run on lower-cased text (see _text.prepare)

# -- who --------------------------------------------------------------------------------------------------------
_ROLE = (
    r"(?:team|department|dept|staff|colleague|colleagues|agent|rep|representative|technician|tech|engineer|engineers|"
    r"packer|packers|picker|pickers|porter|manager|dba|developer|developers|guys|people|folks|person|"
    r"specialist|specialists|supervisor|hire|crew|office|inspector|inspectors|handler|adjuster|assessor|clerk|"
    r"cashier|adviser|advisor|operator|dispatcher|scheduler|planner|receptionist|pharmacist|chef|waiter|cook|"
    r"reader|readers|fitter|fitters|cleaner|cleaners|attendant|instructor|trainer|tutor|surveyor|valuer|"
    r"coordinator|coordinators|co-ordinator|assistant|assistants|officer|administrator|associate|"
    r"associates|branch|nurse|concierge|stylist|shift|guy|temp|temps|trainee|trainees|intern|junior|chap|lady)"
)
_THIRD = (
    r"(?:courier|couriers|carrier|delivery (?:company|partner|firm|service)|post office|postal service|postman|"
    r"royal mail|ups|fedex|dhl|usps|hermes|evri|dpd|supplier|suppliers|manufacturer|vendor|factory|bank(?! holiday)|"
    r"bank partner|payment (?:provider|processor|partner|gateway)|card issuer|(?:third|3rd)[- ]party|partner|"
    r"subcontractor|contractor|(?:\w+ )?(?:provider|providers|host)|(?:\w+ )?partner|restaurant|"
    r"booking (?:site|platform|website|agent|partner)|airline|marketplace|"
    r"installer|landlord|driver|drivers|surgery|gp|doctor|clinic|hospital|insurer|broker|agency|hotel|"
    r"council|retailer|seller|merchant|wholesaler|distributor|lab|laboratory|practice|pharmacy|employer|school|"
    r"university|college|solicitors?|venue|organi[sz]ers?|promoters?|tour operator|"
    r"(?:payment|delivery|courier|shipping|logistics|hosting|software|phone|energy|insurance|booking|taxi) "
    r"(?:company|companies|firm))"
)

# -- what they did wrong ------------------------------------------------------------------------------------------
_FAULT = (
    r"(?:messed up|screwed up|dropped the ball|slipped up|forgot|failed to|neglected|didn't|did not|never|missed|"
    r"hadn't|had not|hasn't|has not|wasn't|weren't|assumed|overlooked|ignored|did forget|forget|outdated|"
    r"out[- ]of[- ]date|stale|(?:used|reused|entered|applied|pulled|sent|quoted|charged|kept) (?:the |an? )?"
    r"(?:old|previous|"
    r"expired|superseded|last year's|last month's)|"
    r"mixed up|got (?:it|this|that|the \w+) wrong|made (?:a|an|the) (?:mistake|error|typo)|"
    r"should have(?<!as it should have)(?<!as they should have)(?<!as he should have)(?<!as she should have)|"
    r"shouldn't have|wrong|incorrect(?:ly)?|by mistake|by accident|without (?:checking|testing|telling|running|"
    r"asking|looking|confirming|verifying)|instead of|against my advice|is to blame|are to blame|was to blame|"
    r"were to blame|at fault|(?:is|are|was|were) responsible|on them|their (?:fault|mistake|error|doing|call)|"
    r"admitted|let (?:us|you) down|too early|left early|before [^.!?\n]{0,30}finished|didn't catch|did not catch|"
    r"left (?:out|off)|cut corners|rushed|skipped|(?:arrived|turned up|came|got there|showed up|ran|running|"
    r"processed (?:it|this|that|the \w+)|replied|responded) (?:\w+ )?late|behind schedule|running behind|"
    r"against (?:policy|procedure|the rules|our process)|overran|got lost|at (?:short|no) notice|"
    r"at the last minute|last[- ]minute|"
    r"without (?:notice|warning))"
)
#: What a third party did wrong: a colleague "lost" nothing the company did not lose, a courier can.
_THIRD_FAULT = (
    rf"(?:{_FAULT}|lost|damaged|broke|crushed|handled [^.!?\n]{{0,20}}roughly|delayed|retried|rejected|declined|"
    r"keeps? losing|unreliable|(?:haven't|have not|hasn't|has not) been able|(?:can't|couldn't|cannot) find|"
    # Unable to do its part: "the carrier couldn't fit it in", "the lab wasn't able to process it".
    r"couldn't|could not|(?:wasn't|weren't|was not|were not) able to|(?:was|were) unable to|"
    r"postponed|backlog|shortage|overwhelmed|not passed on|cancelled|canceled|overbooked|oversold|got stuck|stuck|"
    r"went down|crashed|failed|malfunction\w*|duplicated|"
    # What they did went wrong: "the gateway timed out", "our parcel partner is experiencing high volumes".
    r"timed out|"
    r"(?:experiencing|seeing|dealing with|having) (?:\w+ )?(?:high|heavy|huge|unusual|record) (?:volumes?|demand)|"
    # Late: "the courier's van was running late", "our delivery partner was behind schedule".
    r"(?:running|ran|was|were|is|are|arrived|turned up|came|showed up|got there) (?:\w+ )?late|"
    r"behind schedule|running behind|(?:shipped|sent|delivered|dispatched|responded|paid|processed|replied) "
    r"(?:\w+ )?late|"
    # The party decides, so the customer must go to them: "the host sets the cancellation terms".
    r"(?:sets?|decides?|controls?|owns?|is in charge of) (?:the |their |its |all )?(?:\w+ )?(?:terms|polic(?:y|ies)|"
    r"pricing|prices|rules|compensation|refunds|cancellation fees?)|"
    # Doing it twice is the fault: "your bank processed the auth twice", "the processor ran the payment twice".
    r"(?:processed|charged|billed|debited|took|taken|sent|submitted|authori[sz]ed|approved|applied|ran|run|"
    r"deducted|collected|captured|posted|presented) (?:[\w$£€,-]+ ){0,4}?(?:twice|two times|more than once)|"
    r"misrout\w*|mislabel\w*|misplaced|(?:sent|submitted|issued|passed|forwarded|delivered|shipped) (?:\w+ ){0,3}"
    r"without|(?:had|has|have|been having|having) (?:a |some |loads of |lots of |a lot of |many |major |ongoing |"
    r"technical )?(?:backlog|delays?|problems?|issues?|difficulties|outages?|trouble))"
)
#: Someone else owns it: "their call, not mine", "out of our hands".
# Each group with the words one of which any of its matches contains, so a sentence runs only the groups it can
# match (one long alternation is tried at every word of every sentence).
_EXCUSE_GROUPS: list[tuple[str, str]] = [
    (
        "hands control nothing able position much little way rely override overrule bypass interfere outside "
        "passed relayed forwarded went acted platform marketplace middleman intermediary agent reseller broker "
        "go-between messenger",
        r"out of our hands|outside (?:of )?our control|beyond our control|"
        r"(?<!you )(?<!you've )(?:had|have|has) no control over|"
        r"nothing (?:more |else |further )?(?:we|i) (?:can|could) (?:do|have done)|"
        r"not (?:able|in a position) to do (?:much|anything)|"
        r"(?:can't|cannot|can not|aren't able to|are not able to|unable to|have no way to) (?:override|overrule|"
        r"bypass|interfere with)|"
        # "you had no way of knowing" clears the customer; "the driver had no way of knowing" is an excuse.
        r"(?<!you had )(?<!you have )(?<!you'd have )no way of knowing|we rely on|"
        # Only the messenger: "we simply passed that on", "we only relayed what the airline told us".
        r"(?:we|i) (?:simply|only|just|merely) (?:passed|relayed|forwarded|went by|acted on)\b|"
        r"(?:we're|we are) (?:just|only|simply|merely) (?:the|a|an) (?:\w+ )?(?:platform|marketplace|middleman|"
        r"intermediary|booking agent|reseller|broker|go-between|messenger)|"
        # "we can't really control their attendance", "we have no real control over the drivers".
        r"(?:can't|cannot|couldn't|can not|don't|do not|aren't able to|are not able to|something (?:i|we) can|"
        r"anything (?:i|we) can) (?:really |fully |always |directly |entirely |actually |personally )?control|"
        r"(?<!you )(?<!you've )(?:had|have|has) no (?:real |direct |actual )control over|"
        r"outside (?:of )?what (?:we|i) can|out of (?:our|my) control|no way for (?:us|me) to|"
        r"not much (?:we|i) (?:can|could) do|(?:there's|there is) (?:not much|little|nothing) (?:we|i) can do",
    ),
    (
        # Not my department: another team or an outside firm runs it, so the writer cannot speak for it. "The
        # status page is maintained by our NOC team separately from support", "made by our IT team, not by
        # customer services, so I'm not able to see why", "our billing is handled by an outside billing company".
        "separately separate different another outside external independent third-party third speak comment "
        "answer account department remit support services",
        r"separately from (?:support|us|me|customer (?:services?|care|support)|our (?:\w+ )?team|this team|"
        r"the rest of)|"
        r"not (?:by|from|with|through) (?:customer (?:services?|support)|support|(?:the |our )?(?:support|"
        r"customer services?) team|this department)\b|"
        r"(?:i|we) (?:can't|cannot|can not|am not able to|'m not able to|are not able to|'re not able to|"
        r"am unable to|'m unable to|are unable to|'re unable to|have no way to) (?:really )?(?:speak to|speak for|"
        r"comment on|answer for|account for)(?![^.!?\n]*\b(?:yet|but (?:i|we)(?:'ll| will))\b)|"
        r"so (?:i|we) (?:can't|cannot|can not|am not able to|'m not able to|are not able to|'re not able to|"
        r"am unable to|'m unable to|don't|do not) (?:really )?(?:see|explain|say|know|tell you) (?:why|what "
        r"(?:happened|went wrong)|how (?:it|this|that) happened)(?! yet)|"
        # Not the remedy on its way: "your claim is handled by an external assessor", "the refund was processed
        # by a separate team".
        r"^(?!your |the (?:refund|replacement|credit|repair|voucher|compensation|new)\b)[^.!?\n]*?"
        r"\b(?:is|are|was|were|'s|gets?|got) (?:all |entirely |actually |now )?(?:handled|"
        r"maintained|managed|run|operated|done|made|processed|administered|controlled|owned|set|outsourced|"
        r"looked after) (?:\w+ ){0,3}?(?:by|to) (?:an?|the|our) (?:outside|external|separate|different|"
        r"independent|third[- ]party|another)\b|"
        r"(?:that's|that is|it's|it is|this is|that was|it was) (?:a |an )?(?:different|separate|another|other) "
        r"(?:team|department|dept|company|business|firm)\b|"
        r"not (?:my|our) (?:department|remit|area)|outside (?:my|our) (?:remit|department|team|area)",
    ),
    (
        # Kept in the dark ourselves: "we only found out the same day as you", "we weren't told either".
        "found heard learned learnt informed notified aware warned weren wasn nobody no-one",
        r"(?:we|i) (?:only|just|also) (?:found out|heard|learned|learnt|got told|were told|was told)\b|"
        r"(?:we|i) (?:weren't|were not|wasn't|was not) (?:\w+ )?(?:told|informed|notified|made aware|warned)\b|"
        r"(?:nobody|no one|no-one) (?:told|informed|notified|warned) (?:us|me)\b",
    ),
    (
        # Staff who are not ours to manage: "trainers are self-employed", "our drivers are independent contractors".
        "self-employed freelance freelancers independent subcontractors subcontracted employees employed employ",
        r"(?:is|are|was|were) (?:all )?(?:self-employed|freelance|freelancers|independent contractors?|"
        r"subcontractors|subcontracted|not (?:our )?(?:own )?employees|not employed by us)|"
        r"(?:we|i) (?:don't|do not) (?:directly )?employ",
    ),
    (
        "their its process procedure side end",
        r"(?:on|from|in|according to) (?:their|its|the \w+'s) (?:side|end|system|records|tracking|logs)|"
        r"their (?:fault|mistake|error|problem|responsibility|call|care|doing)|"
        r"(?:their|its|'s) own (?:claims? )?(?:process|procedure)",
    ),
    (
        "responsible blame fault down",
        r"(?:is|was|are|were) (?:entirely |really |ultimately )?(?:responsible|to blame|at fault)|"
        r"down to (?:them|the \w+)",
    ),
    (
        "ours us fault doing rather side end",
        r"not (?:by |from )?(?:ours|us|our (?:fault|doing))|"
        r"rather than (?:us|ours|(?:anything|something) (?:on|at) our (?:side|end)|(?:anything|something) we did)|"
        r"(?:nothing|not anything|not something) (?:on|at|from) our (?:side|end)",
    ),
    (
        "responsibility decision rebooking refund claim matter compensation directly issue problem fault delay "
        "error hold-up",
        r"(?:issue|problem|fault|delay|error|hold-up) (?:now )?(?:is|lies|rests|sits) with (?:them|(?:the|our) "
        r"(?:[\w-]+ )?(?:courier|carrier|supplier|manufacturer|partner|provider|processor|bank|airline|hotel|"
        r"restaurant|seller|vendor|contractor|installer|host|insurer|landlord|clinic|lab|council))\b|"
        r"(?:responsibility|decision|rebooking|refund|claim|matter|compensation) (?:now )?(?:is|lies|rests|sits) with "
        r"(?:them|the \w+)|(?:complaint|claim|dispute) with (?:them|the \w+) directly|"
        r"contact(?:ing)? (?:them|the (?:\w+ ){0,2}?\w+) directly|"
        r"(?:raise|take (?:it|this|that) up|chase|get in touch)\w* (?:\w+ ){0,3}?(?:with |to )?"
        r"(?:them|the (?:\w+ ){0,2}?\w+) directly",
    ),
    (
        # Sending the customer to the third party: "you'll need to take this up with the manufacturer", "any
        # complaint needs to go to them".
        "them manufacturer seller host retailer courier carrier airline hotel restaurant insurer bank supplier "
        "partner landlord vendor marketplace provider",
        r"you(?:'ll| will|'d| would)? (?:need|have) to (?:take (?:it|this|that) up|raise (?:it|this|that)|claim|"
        r"complain|contact|get in touch|speak|talk|go back|deal|chase|request (?:a|your) refund|apply)\b"
        r"(?: [\w'-]+){0,4}? (?:with|through|to|from) (?:them|the (?:[\w-]+ ){0,2}?(?:manufacturer|seller|host|"
        r"retailer|courier|carrier|airline|hotel|restaurant|insurer|bank|supplier|partner|landlord|vendor|"
        r"marketplace|provider|company))\b|"
        r"(?:complaints?|claims?|returns?|refunds?|requests?|disputes?) (?:will )?(?:needs?|has|have|must|should) "
        r"(?:to )?(?:go|be (?:made|raised|sent|directed|taken up|handled)) (?:\w+ )?(?:to|with|through|by) (?:them|"
        r"the (?:[\w-]+ ){0,2}?(?:manufacturer|seller|host|retailer|courier|carrier|airline|hotel|restaurant|"
        r"insurer|bank|supplier|partner|landlord|vendor|marketplace|provider|company))\b",
    ),
    (
        "only left yours",
        r"(?:as|since|because) (?:we|i) only (?:handle|deliver|provide|process|manage|operate|sell|"
        r"take care of|arrange)|(?:after|once|since) (?:it|the \w+|your \w+) (?:had |has )?left (?:our|us)\b|"
        r"(?:only|just) (?:\w+ ){0,7}(?:accounts|customers|users|cases|orders|people)\b[^.!?\n]{0,60}like yours",
    ),
    (
        "happen happens nature",
        r"these things (?:can )?happen|happens? (?:from time to time|occasionally|sometimes|now and then|"
        r"every now and then)|(?:can|do|does|may|will) (?:sometimes |occasionally |unfortunately )?happen|"
        r"the nature of|it happens",
    ),
    (
        "short-staffed staffed understaffed busy peak known careful reliable trouble problems issues demand "
        "estimate estimates losing nightmare",
        r"short[- ]staffed|understaffed|(?:very|extremely|really|unusually) busy|(?:is|are) known for|"
        r"(?:isn't|aren't|is not|are not|not) always (?:as )?(?:careful|reliable)|"
        r"(?:had|has|having) (?:car|van|vehicle|technical|staffing) (?:trouble|problems|issues)|"
        r"(?:during|at) (?:busy|peak) (?:periods?|times?|seasons?)|"
        r"demand (?:is|was|has been) (?:high|unusually high|very high)|estimates? (?:can|may|do|does) (?:shift|change|"
        r"vary|slip)|keeps? losing|(?:'s|has|have) been a nightmare",
    ),
    (
        "designed intended expected design tested",
        r"(?:works|worked|working|is working|behaved|behaves) (?:exactly )?as (?:designed|intended|expected)|by design|"
        r"(?:was|were|is|are|has been|have been) (?:thoroughly|extensively|carefully|fully|rigorously) tested|"
        r"tested (?:thoroughly|extensively|carefully|rigorously)",
    ),
    (
        "predicted foreseen known prevented avoided reported noticed complained flagged said told say see check "
        "knew realised realized aware "
        "know verify inspect tell",
        r"(?:no one|nobody|no-one) could have (?:predicted|foreseen|known|prevented|avoided)|"
        r"(?:no one|nobody|none of the \w+(?: \w+)?) (?:else )?(?:reported|noticed|complained|flagged|knew(?! to\b)|"
        r"realised|realized|was aware)|"
        r"(?:they|finance|billing|the team) (?:said|told me|say)|"
        r"(?:can't|cannot|couldn't|aren't able to|are not able to) (?:see|check|know|verify|inspect|tell) what",
    ),
]
_EXCUSE = "(?:" + "|".join(source for _, source in _EXCUSE_GROUPS) + ")"
#: Owning it: suppresses colleague and third-party findings nearby.
OWNERSHIP = re.compile(
    r"\b(?:(?:that|this|it)(?:'s| is| was) (?:on us|on me|ours|our (?:fault|mistake|error|responsibility|doing|"
    r"failure|bug|problem))|(?:it's |it is )?(?:ours|ours alone|on us) to (?:own|fix|put right|sort|make right)|"
    r"(?:our|my) (?:fault|mistake|error|failure|bug|responsibility)(?! (?:is|was) (?:not|that))|"
    r"we (?:still |then |just |really )?(?:should have|got (?:it|this|that|the \w+) wrong|messed up|"
    r"take (?:full )?responsibility|own this)|"
    r"we (?:chose|picked|selected|hired|use|used|work with) (?:them|that \w+|the \w+|this \w+)|"
    r"not (?:going to )?ask you to chase|"
    r"(?:i'm|i am|we're|we are) not (?:going to )?(?:hide|pass|blame|put)|i won't (?:hide|pass|blame|put)|"
    r"not (?:going to )?(?:hide behind|pass (?:this|it) off)|that's on us|on us, not|"
    r"our \w+'s (?:fault|mistake|error))\b",
    _I,
)
# More ways of owning it, each behind a cheap substring test (one long alternation is slow in Python's re).
# Patterns that begin with a literal let re skip ahead to it; "(?<![\w'])" after it stands in for a leading \b.
_OWNED_ON_US = re.compile(r"(?:is|was|are|were|'s) (?:all |entirely |squarely |completely |fully |firmly )?on us\b")
# A first-person admission: "he cancelled, but we failed to notice".
_OWNED_WE = re.compile(
    r"we(?<![\w']we) (?:then |also |simply |clearly |just )?(?:failed|forgot|neglected|dropped the ball|didn't (?:tell|"
    r"notice|catch|check|update|send|pass|follow|flag|log|reassign|call|spot))\b"
)
_OWNED_OUR_TOOL = re.compile(
    r"our(?<![\w']our) (?:\w+ ){0,2}(?:system|app|tool|software|website|site|checkout|process|platform|check|checks|"
    r"controls|procedure|quality control|qc) (?:should have|failed|missed|didn't catch|did not catch)\b"
)
_OWNED_FAULT = re.compile(
    r"\b(?:mistake|error|fault|failure|wrong decision|bad decision|slip|oversight) (?:(?:of|by|from|on the part of) "
    r"(?:our|us|me|how we)|on (?:our|my) (?:part|side|end))\b"
)
# "It sat in the wrong queue on our side" places the fault with us; "not much we can do on our side" does not.
_OWNED_OUR_SIDE = re.compile(
    r"\b(?:wrong|error|mistake|fault|problem|issue|bug|glitch|slip|oversight|failure|delay|held up|stuck)\b"
    r"(?:(?!\b(?:rather|than|anything|nothing|not|no)\b)[^.!?\n]){0,40}\bon our (?:side|end|part)\b"
)
# The clause just named is then owned outright: ", which is our fault", "— that's on us", "and that was our mistake".
_OWNED_CLAUSE = re.compile(
    r"(?:, |; | — | - | and )(?:which|that|this|it)(?:'s| is| was| were) (?:entirely |completely |all |squarely )?"
    r"(?:our (?:fault|mistake|error|failure|doing|responsibility)|on us|on me|my (?:fault|mistake|error))\b"
)
_FAULT_NOUNS = ("mistake", "error", "fault", "failure", "decision", "slip", "oversight")


def _on_our_side(s: str) -> bool:
    """ "It sat in the wrong queue on our side", but not "there was no problem on our side"."""
    m = _OWNED_OUR_SIDE.search(s)
    return m is not None and not negated_before(s, m.start(), 15)


def _owned(s: str) -> bool:
    """Whether sentence ``s`` owns the mistake ("that's on us", "we failed to notice", "a mistake on our part")."""
    return bool(
        OWNERSHIP.search(s)
        or ("on us" in s and _OWNED_ON_US.search(s))
        or ("we " in s and _OWNED_WE.search(s))
        or ("our " in s and _OWNED_OUR_TOOL.search(s))
        or ("on our " in s and _on_our_side(s))
        or (any(noun in s for noun in _FAULT_NOUNS) and _OWNED_FAULT.search(s))
    )


# -- the customer -------------------------------------------------------------------------------------------------
_INPUT = (
    r"(?:address|postcode|zip code|post code|details|information|info|email address|email|phone number|number|"
    r"card|card details|size|option|slot|date|delivery slot|password|settings|order|booking|form|account details)"
)
_BAD = r"(?:incomplete|incorrect|wrong|invalid|missing|mistyped|misspelt|misspelled|outdated|out of date|not valid)"
_SHOULD_HAVE = "implies the customer should have prevented this"
CUSTOMER: list[tuple[frozenset[str], re.Pattern[str], str]] = [
    (
        keys("must might may probably"),
        re.compile(r"\byou (?:must|might|may|probably) have (?:\w+ )?\w+ed\b[^.!?\n]*", _I),
        "suggests the customer caused it",
    ),
    (
        keys("should shouldn"),
        re.compile(
            r"\byou should(?:n't| not)? have (?!been\b|received\b|got\b|gotten\b|had\b|heard\b|seen\b|to\b)", _I
        ),
        "tells the customer what they should have done",
    ),
    (
        keys("failed forgot neglected bother omitted"),
        re.compile(r"\b(?:you|the customer|customers?) (?:failed|forgot|neglected|didn't bother|omitted) to\b", _I),
        "puts the fault on the customer",
    ),
    (
        # The same with "you" as the subject: found from the literal "you" ("(?<![\w']you)" stands in for \b).
        keys("didn never hadn haven not needed supposed required meant which"),
        re.compile(
            r"you(?<![\w']you) (?:(?:didn't|did not|never|hadn't|had not|haven't|have not)(?: yet| already)? "
            r"(?:select|choose|chose|"
            r"pick|verif|confirm|read|check|updat|remov|click|complet|follow|enabl|export|back|tell|told|let|enter|"
            r"provid|includ|specif|regist|activat|set|instal|uninstal|mention|declar|disclos|inform|notif|warn|reply|"
            r"respond|answer|bring|brought|print|attend|arriv|turn up|show up)\w*\b"
            r"|(?:needed|had|were supposed|are supposed|were required|was supposed|were meant|are meant) to "
            r"(?:confirm|click|verify|complete|follow|select|enter|update|register|call|contact|cancel|check|read|accept|"
            r"submit|choose|tell|let|give|provide|book)\b"
            r"|need to \w+[^.!?\n]*\bwhich\b[^.!?\n]*\b(?:wasn't|was not|can't see|didn't|did not|hasn't|"
            r"has not|isn't)\b)",
            _I,
        ),
        "puts the fault on the customer",
    ),
    (
        keys("provided gave entered supplied typed used picked chose selected booked put mentioned registered"),
        re.compile(
            rf"\b(?:the |your )?{_INPUT} (?:that |which )?you (?:provided|gave|entered|supplied|typed|used|picked|"
            rf"chose|selected|booked|put in|mentioned|registered)\b[^.!?\n]*?\b(?:{_BAD}|never|not (?:confirmed|"
            rf"guaranteed|linked|associated|registered|connected)|subject to|estimate|mapped to|didn't match|"
            rf"did not match|isn't (?:linked|associated|registered|connected|the one)|wasn't (?:linked|associated|"
            rf"registered|connected|the one))",
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
            "as per under line accordance terms t&cs faq guide instructions manual documentation docs "
            "notes chart centre center page listing website email policy conditions rules agreement "
            "announcement notice newsletter menu label packaging contract receipt description confirmation"
        ),
        re.compile(
            r"\b(?:as (?:you were|we) (?:clearly )?(?:told|said|explained|stated|mentioned|advised)|"
            r"as (?:our|the) (?:\w+ ){0,2}(?:terms|conditions|policy|policies|faq|guide|instructions|manual|"
            r"documentation|t&cs|rules|agreement) (?:clearly )?(?:state|states|say|says|explain|explains|mention|"
            r"mentions|outline|outlines|make clear|makes clear|set out|sets out)|"
            r"(?:as per|per|under|in line with|in accordance with) (?:our|the) (?:\w+ )?(?:policy|terms|t&cs|rules|"
            r"conditions|terms and conditions|booking conditions)\b(?!,? (?:(?:we|i)(?:'ll| will| can| have|'ve)?|"
            r"you(?:'re| are) (?:entitled|covered|due|owed)|you (?:get|can have|will get|'ll get))\b)|"
            r"as (?:mentioned|stated|explained|outlined|noted|set out|described|shown|specified) (?:clearly )?"
            r"(?:in|on|at) (?:our|the)\b|(?:is|are|it's|it is|was) (?:clearly )?(?:stated |explained |mentioned |"
            r"written |set out )?(?:in|on) (?:our|the) (?:terms|t&cs|faq|guide|install(?:ation)? guide|instructions|"
            r"manual|documentation|docs|release notes|size (?:chart|guide)|website|policy|help (?:centre|center))|"
            r"(?:our|the) (?:[\w.,-]+ )?(?:terms|t&cs|faq|guide|install(?:ation)? guide|instructions|manual|"
            r"documentation|docs|"
            r"release notes|size (?:chart|guide)|help (?:centre|center)|product page|listing|website|confirmation "
            r"email|menu|label|packaging|contract|receipt|product description|"
            r"(?:booking |appointment |order )?confirmation|terms of service|"
            r"terms and conditions|allergen (?:information|notice|policy)|status page|announcement|notice|newsletter|"
            r"email we sent|booking conditions)(?: for [\w.]+)? "
            r"(?:do |does |did |clearly |also )*(?:say|says|state|states|stated|recommend|showed|"
            r"recommends|recommended|mention|mentions|mentioned|advise|advises|advised|warn|warns|warned|explain|"
            r"explains|show|shows|note|notes|ask|asks|asked|require|requires|required|instruct|"
            r"instructs|instructed|direct|directs|directed|tells? (?:you|customers|users|guests) to|"
            r"told (?:you|customers|"
            r"users|guests) to))\b[^.!?\n]*",
            _I,
        ),
        "points the customer to rules or instructions they supposedly ignored",
    ),
    (
        keys("can cannot couldn usually normally typically generally only sure ensure"),
        re.compile(
            r"\b(?:that|this|it) (?:can't|cannot|couldn't) (?:have )?happen(?:ed)?\b"
            r"(?! again| twice| a (?:second|third|\w+) time| in (?:the )?future| until| going forward)[^.!?\n]*"
            r"|\b(?:usually|normally|typically|generally|only) (?:means|happens when|affects|occurs when)\b"
            r"[^.!?\n]*\b(?:without|you|your|users|customers)\b[^.!?\n]*"
            r"|\b(?:make sure|ensure) (?:that )?you (?:follow|read|check|use|select|enter|install|close|stop|have)\b"
            r"[^.!?\n]*",
            _I,
        ),
        "implies the customer caused the problem",
    ),
    # What the customer should have done, in several wordings: one pattern each, so that each runs only on sentences
    # that have its words.
    (
        keys("users customers people accounts those teams guests buyers members subscribers holders most other many"),
        re.compile(
            r"\b(?:users|customers|people|accounts|those) (?:who|that) (?:don't|do not|didn't|did not|skip|skipped|"
            r"haven't|have not|never|forget|forgot|ignore|ignored)\b[^.!?\n]*"
            r"|\b(?:guests|customers|users|buyers|members|subscribers|account holders) (?:should|must|need to|are "
            r"(?:required|expected|asked) to)\b[^.!?\n]*"
            r"|\b(?:most|other|many) (?:customers|users|people|accounts) (?:weren't|were not|didn't|did not|don't|"
            r"do not|haven't|have not)\b[^.!?\n]*"
            r"|\b(?:teams|customers|users|people|those) who (?:checked|read|followed|enabled|updated|saw|looked)"
            r"\b[^.!?\n]*",
            _I,
        ),
        _SHOULD_HAVE,
    ),
    (
        keys("would"),
        re.compile(r"\bwould have (?:protected|prevented|avoided|saved|stopped)\b[^.!?\n]*", _I),
        _SHOULD_HAVE,
    ),
    (
        keys("worth best idea advisable recommend recommended advise suggest ask better safer wiser"),
        re.compile(
            r"\b(?:always|generally|usually) worth "
            r"(?!noting|mentioning|knowing|saying|adding|pointing|waiting|asking)\w+ing\b"
            r"[^.!?\n]*"
            r"|\b(?:worth|best to|a good idea to|advisable to|recommend(?:ed)?) (?:checking|double-checking|"
            r"letting us know|making sure|verifying|updating|reading|having (?:your|someone)|asking your|getting your)"
            r"\b[^.!?\n]*"
            r"|\brecommend (?:turning|switching|enabling|setting)\b[^.!?\n]*"
            r"|\b(?:we|i) (?:always |usually |strongly |do |would )?(?:recommend|advise|suggest|ask) "
            r"(?:customers |users |guests |passengers |travellers |that you |you )?(?:to )?"
            r"(?:choos|select|us|add|pick|opt|buy|enabl|turn|check|"
            r"mak|read|carry|carri|keep|bring|back|sav|pack|stor|allow|leav|arriv|confirm|travel|insur)\w*\b"
            r"[^.!?\n]*"
            r"|\bwe (?:always|usually|normally|generally) (?:recommend|advise|suggest|ask)\b[^.!?\n]*"
            r"|\b(?:it's|it is|it's always) (?:best|better|advisable|recommended|safer|wiser) to\b[^.!?\n]*",
            _I,
        ),
        _SHOULD_HAVE,
    ),
    (
        # A general rule about what helps, aimed at customers: "it really helps when customers point out pipework".
        keys("helps help helpful useful"),
        re.compile(
            r"\b(?:it|this|that) (?:really |always |also |does |certainly )?(?:helps|would help|will help|is "
            r"(?:really |very )?(?:helpful|useful))(?: a lot| hugely| enormously)? (?:when|if|for|that) "
            r"(?:customers|users|guests|people|clients|buyers|owners|homeowners|tenants|patients|passengers|"
            r"travellers|members|account holders)\b[^.!?\n]*",
            _I,
        ),
        _SHOULD_HAVE,
    ),
    (
        # The customer's attempt did not match what we hold: "the login attempt didn't match the details we have
        # on file".
        keys("match matched"),
        re.compile(
            r"\b(?:didn't|did not|doesn't|does not|don't|do not|wasn't|weren't) match(?:ed)? (?:the |what |our |any )?"
            r"(?:[\w-]+ ){0,3}?(?:on file|on record|we (?:have|hold|had|held)|in our records|registered)\b[^.!?\n]*",
            _I,
        ),
        "implies the customer's own details caused the problem",
    ),
    (
        keys("someone somebody anyone something whoever"),
        re.compile(
            r"\b(?:someone|somebody|anyone|something) (?:on|at|from) your (?:side|end|team|address|home|house|"
            r"property|building|flat|office)\b[^.!?\n]*"
            r"|\b(?:whoever|someone|somebody) (?:was )?(?:home|in|there|at (?:your|the) (?:address|door|property|"
            r"house|home)) (?:signed|took|accepted|collected|received|answered)\b[^.!?\n]*",
            _I,
        ),
        _SHOULD_HAVE,
    ),
    (
        keys("may might could"),
        re.compile(
            r"\b(?:may|might|could) (?:just |simply |well |also )?(?:be|have been) (?:down to |due to |on |in |from )?"
            r"your (?:own )?(?:bank|provider|device|browser|settings|email|spam|network|connection|computer|phone|"
            r"end|side|admins?|team|it|setup|set-up|\w+'s)\b[^.!?\n]*",
            _I,
        ),
        _SHOULD_HAVE,
    ),
    (
        keys("triggered caused happened occurred locked flagged blocked failed missed charged delayed"),
        re.compile(
            r"\b(?:triggered|caused|happened|occurred|locked|flagged|blocked|failed|missed|charged|delayed) "
            r"(?:\w+ )?(?:because|since|as|when) (?:you|your)\b[^.!?\n]*",
            _I,
        ),
        _SHOULD_HAVE,
    ),
    (
        keys("without"),
        re.compile(
            r"\b(?:logging in|installing|ordering|booking|updating|signing in)\b[^.!?\n]*\bwithout (?:verifying|"
            r"checking|reading|confirming|following|exporting|backing up|telling)\b[^.!?\n]*",
            _I,
        ),
        _SHOULD_HAVE,
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
            r"|\b(?:yours|(?:your|the) (?:request|cancellation|order|booking|form|payment|change|claim|return)) "
            r"(?:came in|arrived|was (?:made|submitted|"
            r"placed|sent)) (?:too late|after|later)\b[^.!?\n]*"
            r"|\b(?:users|seats|people) (?:were|was) still active in your\b[^.!?\n]*"
            r"|\b(?:was|were) (?:never|not|only (?:ever )?an?) (?:guaranteed|confirmed|estimates?)\b[^.!?\n]*"
            r"|\b(?:dates?|times?) (?:shown|given|quoted) (?:at checkout |on the \w+ )?(?:are|were|is|was) "
            r"(?:only )?(?:an? )?estimates?\b[^.!?\n]*",
            _I,
        ),
        "implies the customer is to blame",
    ),
    (
        keys(
            "important essential vital necessary crucial responsibility server provider bank browser device settings "
            "spam network connection computer phone filter firewall app isp router submitted clicked entered "
            "selected refreshed pressed chosen typed sent placed cancelled step link confirmation button box field "
            "form checkbox relies rely admin admins administrator staff colleague colleagues manager accountant "
            "reset requested initiated authorised authorized accessed changed deleted removed disabled approved "
            "assistant missed unless advance beforehand ahead"
        ),
        re.compile(
            r"\b(?:it's|it is|it was) (?:important|essential|vital|necessary|crucial|your responsibility) "
            r"(?:to|that)\b(?! (?:me|us)\b)(?! you know)[^.!?\n]*"
            r"|\byour (?:own )?(?:\w+ ){0,2}(?:server|provider|bank|browser|device|settings|email|spam|network|"
            r"connection|computer|phone|system|filter|firewall|app|isp|router|card issuer) (?:may|might|could|must|"
            r"probably|likely)\b(?! (?:take|takes|need|show|display|list|ask|want|send|contact|require)\b)[^.!?\n]*"
            r"|\b(?:likely|probably|possibly|perhaps|maybe|might be|may be|could be|it's|it is) (?:that )?your "
            r"(?:own )?(?:\w+ )?(?:server|provider|bank|browser|device|settings|spam|filter|firewall|network|"
            r"connection|phone|app|isp|router|email|inbox|junk)\b(?:[\w ]{0,20})\b(?:caught|blocked|filtered|"
            r"rejected|declined|stopped|flagged|held|quarantined|deleted|hid|hidden|is|was|has)\b[^.!?\n]*"
            r"|\b(?:was|were) (?:\w+ )?(?:submitted|clicked|entered|selected|refreshed|pressed|chosen|typed|sent|"
            r"made|placed|set up|done|cancelled) (?:\w+ ){0,3}(?:from|on|in|by|through|via) your\b[^.!?\n]*"
            r"|\b(?:was|were) (?:\w+ )?(?:reset|requested|initiated|authori[sz]ed|accessed|changed|deleted|removed|"
            r"turned off|switched off|disabled|approved|logged in|signed in) (?:\w+ ){0,3}(?:from|by|through|via) "
            r"your\b[^.!?\n]*"
            r"|\b(?:step|link|email|confirmation|button|box|field|form|checkbox) (?:was|were|wasn't|weren't) "
            r"(?:missed|skipped|ignored|not (?:clicked|completed|confirmed|ticked|filled|followed))\b[^.!?\n]*"
            r"|\brel(?:y|ies|ied) on (?:the|your|you|customers) [^.!?\n]{0,40}\bbeing\b[^.!?\n]*"
            r"|\byour (?:[\w']+ ){0,2}(?:admin|admins|administrator|team|colleague|colleagues|staff|it team|manager|"
            r"accountant|assistant) (?:\w+ ){0,2}?(?:added|removed|changed|set|turned|enabled|disabled|deleted|"
            r"installed|ran|entered|booked|ordered|cancelled|didn't|did not|forgot|missed|blocks|blocked|filters|"
            r"filtered|quarantined|rejected)\b[^.!?\n]*"
            r"|\byou missed (?:our|the|my|an|a) (?:call|email|message|delivery|appointment|notification|text|"
            r"visit|driver|courier)\b[^.!?\n]*"
            r"|\b(?:unless|only if) (?:you|the \w+ is|we are|we're|we were) (?:\w+ ){0,3}(?:told|informed|notified|"
            r"contacted|called|warned) (?:in advance|beforehand|ahead)\b[^.!?\n]*",
            _I,
        ),
        "implies the customer did something wrong",
    ),
    (
        # Advice for next time, aimed at the customer, implies they should have acted differently ("next time, do
        # give us a shout", "one tip for future orders: choosing a delivery window avoids this"). The company's own
        # plans ("next time we'll call first") are not advice to the customer.
        keys("next future avoid prevent stop forward tip"),
        re.compile(
            r"\b(?:next time|in (?:the )?future|for the future|for future (?:orders|bookings|reference|purchases|"
            r"visits|trips|stays)|to (?:avoid|prevent|stop) (?:this|that|it)|going forward|(?:one|a|top|pro|quick|"
            r"handy|little) tip)\b(?:(?!\b(?:we|i|we'll|i'll|we've|i've|our|us)\b)[^.!?\n])*?"
            r"\b(?:please (?!feel free|don't|do not|accept|bear|know|reply|reach out to me|contact me|let me|call me|"
            r"email me|message me|keep this|use this|quote)|do (?:give|call|check|let|contact|make|get|drop|"
            r"ring|book|choose|select|register|read|keep|double-check|remember)|make sure|remember to|be sure to|"
            r"try to|you (?:should|may want|might want|need|must|'ll want|will want|'d want)|"
            r"(?:should|must|need to|needs to|has to|have to|is best|are best) (?:always |only )?be \w+|"
            r"(?:it|this|that) (?:really |always |also )?(?:helps|would help|will help|can help|may help|might help)"
            r"(?: a lot| hugely| massively)? (?:to|if you|when you|if your)|"
            r"(?:it's|it is|it'd be|it would be) (?:always )?(?:worth|best|wise|a good idea|(?:helpful|useful|safer|"
            r"better|advisable) (?:to|if you))|choosing|selecting|registering|checking|booking|"
            r"ordering|enabling|avoids?|prevents?)\b[^.!?\n]*"
            # "a heads-up for next time: ticking 'safe place' means ...": advice given as a gerund after a colon.
            r"|\b(?:next time|in (?:the )?future|for the future|going forward|tip)\b[^.!?\n:—–]{0,30}[:—–] ?"
            r"(?:just |simply |always )?\w+ing\b[^.!?\n]*",
            _I,
        ),
        "advises the customer for next time, implying they should have acted differently",
    ),
    (
        # The customer's role named as responsible: "it is the renter's responsibility to ensure the tank is full".
        keys("responsibility duty obligation"),
        re.compile(
            r"\b(?:the )?(?:renter|hirer|customer|buyer|purchaser|guest|user|account holder|account owner|cardholder|"
            r"card holder|policyholder|policy holder|member|passenger|recipient|subscriber|tenant|sender|client|"
            r"patient|traveller|traveler)'s (?:own )?(?:responsibility|duty|obligation)\b[^.!?\n]*"
            r"|\b(?:responsibility|duty|obligation) (?:of|lies with|rests with|falls on|falls to) (?:the|you|your)\b"
            r"(?! company| business| team| store| shop| us)[^.!?\n]*"
            r"|\b(?:is|are|was|were|remains|remained) (?:solely |entirely |always )?your (?:own )?"
            r"(?:responsibility|duty|obligation)\b[^.!?\n]*",
            _I,
        ),
        "makes it the customer's responsibility",
    ),
    (
        # "It's an easy one to miss": the customer supposedly missed it.
        keys("easy easily often commonly"),
        re.compile(
            r"\b(?:an )?(?:easy|easily) (?:one |thing |step )?to (?:miss|overlook|forget|skip|get wrong|mix up)\b"
            r"[^.!?\n]*|\b(?:easily|often|commonly) (?:missed|overlooked|forgotten|skipped)\b[^.!?\n]*",
            _I,
        ),
        "implies the customer missed something",
    ),
    (
        # What the customer did, read from the records as the cause: "nobody was available to sign for it", "the
        # security question wasn't answered correctly", "it looks like that was the size chosen at checkout",
        # "the invoice matches what was showing in your admin console".
        keys(
            "sign receive accept collect correctly properly accurately match answered filled completed provided "
            "incorrectly wrongly inaccurately "
            "matches matched mirrors mirrored reflects reflected consistent chosen selected picked entered typed "
            "ordered submitted booked"
        ),
        re.compile(
            r"\b(?:nobody|no one|no-one) (?:was )?(?:home |in |there |available |around |present |at home )?to "
            r"(?:sign|receive|accept|collect|answer the door|let (?:him|her|them|the \w+) in)\b[^.!?\n]*"
            rf"|\b(?:security (?:question|answer)|(?<!your )answer|code|pin|passcode|password|details|form|{_INPUT}|"
            r"documents?|documentation|paperwork|evidence|receipts?|photos?)s? "
            r"(?:wasn't|was not|weren't|were not) (?:\w+ )?(?:answered|entered|typed|filled(?: in| out)?|completed|"
            r"given|provided|spelt|spelled) (?:correctly|properly|in full|accurately)\b[^.!?\n]*"
            rf"|\b(?:{_INPUT}|cvv|cvc|security code|pin|name|reference)s? (?:that |which )?(?:you )?"
            r"(?:entered|provided|"
            r"gave|given|typed|supplied|used|submitted)(?: (?:in|on|into|at|via|through|for|with) (?:your|the) "
            r"(?:[\w-]+ ){0,3}?[\w-]+)? (?:didn't|did not|doesn't|does not|don't|do not) "
            r"match\b[^.!?\n]*"
            r"|\b(?:answered|entered|typed|filled in|completed|spelt|spelled) (?:incorrectly|wrongly|inaccurately)\b"
            r"[^.!?\n]*"
            r"|\b(?:matches|matched|mirrors|mirrored|reflects|reflected|(?:is|was) consistent with) what (?:was |is |"
            r"you |you had )?(?:showing |shown |set |set up |entered |listed |active |configured |selected |recorded )?"
            r"(?:in|on|at|into) your\b[^.!?\n]*"
            r"|\b(?:matches|matched|(?:is|was) consistent with) (?:the \w+ |what )?you (?:entered|provided|gave|"
            r"selected|chose|set|typed|submitted|had)\b[^.!?\n]*"
            r"|\b(?:looks like|seems|appears|apparently|suggests|indicates|which means)\b[^.!?\n]{0,40}?"
            rf"\b(?:the|that|this|a) (?:\w+ )?{_INPUT} (?:you )?(?:chosen|selected|picked|entered|typed|ordered|"
            r"submitted|booked)\b[^.!?\n]*",
            _I,
        ),
        "implies the customer's own action caused the problem",
    ),
    (
        # The records say the customer had it ("our records show the parcel was signed for at 14:02"), or did what
        # caused it ("records indicate you opted out of texts"), and nothing in the sentence contradicts or owns it.
        keys("show shows showed indicate indicates indicated say says confirms confirmed"),
        re.compile(
            r"\b(?:records?|tracking|system|logs?|scans?|gps|proof of delivery|photos?|signature|app|history|"
            r"audit trail|notes?(?: on (?:file|the account|your account))?) (?:shows?|showed|says?|said|indicates?|"
            r"indicated|confirms?|confirmed|has it|had it)\b"
            r"(?![^.!?\n]*\b(?:but|however|though|although|wrongly|mistakenly|incorrectly|by mistake|in error|error|"
            r"wrong|not|never|isn't|wasn't|didn't|we|our|us)\b)"
            r"[^.!?\n]*?\b(?:signed for|delivered (?:to you|at your|on your|to your)|"
            # ... or that the customer did something that caused it: "records indicate you opted out of texts".
            r"you (?:had )?(?:opted|unsubscribed|declined|dismissed|cancell?ed|canceled|deleted|removed|disabled|"
            r"turned|switched|skipped|ignored|changed|selected|chose|booked|ordered|requested|entered|clicked|"
            r"downgraded|paused|agreed|asked|accepted|approved|confirmed|authori[sz]ed)|(?:was|were) (?:\w+ )?"
            r"(?:dismissed|declined|deleted|removed|disabled|skipped|ignored|placed for|booked for|set (?:to|for)|"
            r"cancell?ed|canceled|changed|opted out|unsubscribed|switched|moved|rescheduled|amended|downgraded|paused|"
            r"left (?:on|off|unticked|blank|empty)|turned (?:off|on)|opened|used|worn|washed)|"
            r"at your (?:own )?request|signed for by|"
            r"handed (?:over at|over to you|to you)|"
            r"(?:received|collected|accepted) by (?:you|your|someone at)|left (?:at|in|with|by|on|behind) (?:your|the "
            r"(?:door|porch|doorstep|front|back|side|neighbour)|a neighbour|reception)|at (?:the|your) (?:door|"
            r"doorstep|address|property)|redeemed)\b[^.!?\n]*",
            _I,
        ),
        "implies the customer's own action caused the problem",
    ),
    (
        # A guess that the customer's own input step was done wrong, in the passive: "it may have been selected by
        # mistake when ordering", "the confirmation step might have been skipped". Only verbs whose agent can be
        # nobody but the customer; "by the driver" names someone else (vetoed below, with our own things).
        keys("may might must could probably likely"),
        re.compile(
            r"\b(?:may|might|must|could|probably|likely) (?:well |just |simply |also )?(?:have )?been (?:accidentally "
            r"|mistakenly |inadvertently |unintentionally |then )?(?:selected|chosen|picked|entered|typed|mistyped|"
            r"clicked|double-clicked|pressed|tapped|ticked|unticked|skipped|dismissed|left (?:blank|empty|unticked|"
            r"unchecked)|toggled|switched off|turned off|opted out)\b(?! by (?!mistake|accident))[^.!?\n]*",
            _I,
        ),
        "guesses the customer did something wrong",
    ),
    (
        # A recommendation drawn as the lesson of what went wrong: "notes that hadn't been exported couldn't be
        # recovered, which is why we recommend regular exports" (vetoed unless something failed before it).
        keys("recommend advise suggest encourage ask tell"),
        re.compile(
            r"\b(?:which is|that's|that is|this is|which's) (?:exactly |precisely |also )?why (?:we|i) (?:always |"
            r"strongly |generally |usually |normally |would |do )?(?:recommend|advise|suggest|encourage|ask|tell)\b"
            r"[^.!?\n]*",
            _I,
        ),
        _SHOULD_HAVE,
    ),
    (
        # The customer's own details or subscription, in a state only they could have changed: "the number we held
        # for you may not have been up to date", "the email on your account was no longer in use", "your annual
        # plan may have lapsed". Vetoed when the reply owns it at once (see _VETO).
        keys(
            "date current valid longer use updated incorrect wrong invalid outdated incomplete missing "
            "lapsed expired renewed"
        ),
        re.compile(
            rf"\b{_INPUT}s? (?:we (?:held|had|have|hold|kept)|on (?:file|record)|(?:on|in|for) your (?:account|"
            r"profile|record|file)|(?:we|i) (?:\w+ )?(?:had|have|held) (?:on file )?for you)\b[^.!?\n]{0,60}?"
            rf"\b(?:{_BAD}|(?:not|n't|never) (?:have )?(?:been |be )?(?:up to date|current|correct|valid|"
            r"accurate|updated)|no longer (?:current|valid|in use|active|correct|up to date))\b[^.!?\n]*"
            r"|\byour (?:[\w-]+ ){0,2}?(?:plan|subscription|membership|licen[cs]e|trial|card|payment (?:method|"
            r"details)|registration|passport|visa|direct debit|mandate|cover|policy) (?:may |might |must |probably |"
            r"likely |seems to |appears to )?(?:have |has |had )?(?:lapsed|expired|run out|been allowed to lapse|"
            r"not been renewed|wasn't renewed|was not renewed|never been renewed)\b[^.!?\n]*",
            _I,
        ),
        "implies the customer let their own details lapse",
    ),
    (
        # What we sent the customer got no answer: "the confirmation call the day before went unanswered", "our
        # texts weren't responded to". The customer's own calls or emails going unanswered are our fault (_VETO).
        keys(
            "unanswered unread unopened unacknowledged unreturned unclaimed uncollected answered responded picked "
            "acknowledged opened collected"
        ),
        re.compile(
            r"\b(?:went|go|goes|gone|was|were|remained|remains|stayed|got|had been|has been|have been|been) "
            r"(?:left )?(?:unanswered|unread|unopened|unacknowledged|unreturned|unclaimed|uncollected|not (?:answered|"
            r"picked up|responded to|acknowledged|opened|collected))\b[^.!?\n]*",
            _I,
        ),
        "implies the customer did not respond",
    ),
    (
        # The customer's choice of option given as the cause: "it was placed with our standard delivery option, so
        # it wasn't in the priority batch", "the ticket was booked on a saver fare, which is why it can't be moved".
        keys("placed booked made ordered bought purchased paid taken"),
        re.compile(
            r"\b(?:was|were|had been) (?:placed|booked|made|ordered|bought|purchased|paid for|taken out) "
            r"(?:with|on|using|under|as|at|for) (?:the |our |a |an )?(?:[\w-]+ ){0,3}?(?:option|tier|rate|plan|"
            r"fare|ticket|package|delivery|shipping|level|membership|service|guests?|people|persons?|adults?|"
            r"nights?|seats?|rooms?|size|date|address|name|collection|pickup|pick-up)\b[^.!?\n]{0,80}?"
            r"(?:, so\b|\bso (?:it|"
            r"the|that|this|your)\b|\b(?:which|that|this) (?:is why|means|meant)\b|\bmeaning\b)[^.!?\n]*",
            _I,
        ),
        "implies the customer's own choice caused the problem",
    ),
    (
        # The customer's details on file were from before: "the insurance information on file was from your
        # previous plan", "the card we held was your old one". Vetoed when our own failure caused it (see _VETO).
        keys("previous old former earlier prior expired superseded last"),
        re.compile(
            rf"\b(?:{_INPUT}|insurance|policy|plan|model|device|vehicle|registration)s? (?:(?:that |which )?we "
            r"(?:held|had|have|hold|kept|used)|on (?:file|record)|(?:on|in|for) (?:your|the) (?:account|profile|record|"
            r"file|policy|system)|(?:we|i) (?:\w+ )?(?:had|have|held) (?:on file )?for you)\b[^.!?\n]{0,40}?"
            r"\b(?:(?:was|were|is|are)(?: still| actually| only)? (?:from |for |under |of )?|(?:from|for|under|of) )"
            r"(?:your |the |an? )?(?:old|previous|former|earlier|prior|expired|superseded|last year's|last)\b[^.!?\n]*",
            _I,
        ),
        "implies the customer's own details were out of date",
    ),
    (
        # A step only the customer could take, not taken: "if the final confirmation screen wasn't reached", "the
        # confirmation link was never clicked", "the verification code wasn't entered in time".
        keys(
            "reached completed finished clicked pressed tapped confirmed ticked opened followed submitted "
            "finalised finalized entered verified visited"
        ),
        re.compile(
            r"\b(?:screen|page|step|stage|prompt|link|button|email|code|checkbox|box|form)s?(?: of (?:the|your) "
            r"[\w-]+(?: [\w-]+)?)? (?:wasn't|was not|"
            r"weren't|were not|was never|were never|hadn't been|had not been|hasn't been|has not been|never got) "
            r"(?:\w+ )?(?:reached|completed|finished|clicked|pressed|tapped|confirmed|ticked|opened|followed|"
            r"submitted|finali[sz]ed|entered|verified|visited)\b[^.!?\n]*",
            _I,
        ),
        "implies the customer missed a step",
    ),
    (
        # The customer did not get to the end of a step: "if you didn't get to the last screen".
        keys("didn never hadn"),
        re.compile(
            r"you(?<![\w']you) (?:didn't|did not|never|hadn't|had not)(?: quite| actually)? (?:reach|finish|get to|"
            r"go through|hit|press|tap|submit|sav|return|sign)\w*\b[^.!?\n]*",
            _I,
        ),
        "implies the customer missed a step",
    ),
    (
        # A requirement tied to the customer's own change: "if you changed printers, the model does need updating",
        # "it needs to be updated whenever you change printers". What they should have done, as a condition.
        keys("changed switched moved replaced upgraded swapped bought whenever updating"),
        re.compile(
            r"\b(?:if|when|since|as) you(?:'ve| have| had)? (?:changed|switched|moved|replaced|upgraded|swapped|"
            r"bought|got)\b(?! your mind)[^.!?\n]{0,50}?\b(?:need|needs|has to|have to|must|should|is meant to|"
            r"are meant to)(?: to)?(?: be)? (?:updat|chang|amend|edit|register|add|notif|inform|tell|let us know)"
            r"\w*\b[^.!?\n]*"
            r"|\b(?:needs?|has to|have to|must|should)(?: to)? (?:be )?(?:updat|chang|amend|edit|register|add)\w* "
            r"(?:[\w'-]+ ){0,5}?(?:whenever|when|if|each time|every time|after|once) you(?:'ve| have)? "
            r"(?:change|switch|move|replace|upgrade|swap|buy|get|got|changed|switched|moved|replaced|upgraded)\b"
            r"[^.!?\n]*"
            r"|\b(?:whenever|when|if|each time|every time|once) you (?:change|switch|move|replace|upgrade|swap)\b"
            r"(?! your mind)[^.!?\n]{0,50}?\b(?:needs?|has|have|must|should)(?: to)? (?:be )?(?:updat|chang|amend|"
            r"edit|register|add)\w*\b[^.!?\n]*",
            _I,
        ),
        "implies the customer should have updated it",
    ),
    (
        # The customer as the subject of a slip: "you accidentally booked the 9th", "you paid the old invoice
        # instead of the new one".
        keys("accidentally mistakenly inadvertently unintentionally unknowingly instead"),
        re.compile(
            r"\byou (?:may |might |must |probably |seem to |appear to |may have |might have |must have |"
            r"seem to have |appear to have )?(?:have )?(?:accidentally|mistakenly|inadvertently|unintentionally|"
            r"unknowingly)\b(?! (?:got|get|were|was|been|ended up)\b)[^.!?\n]*"
            r"|\byou(?:'d| had)? (?!asked|requested|wanted|preferred|opted|would)(?:\w+ed|chose|picked|sent|put|paid|"
            r"bought|gave|wrote|took|made|set|hit|ran) (?:[\w'-]+ ){0,5}?instead of\b[^.!?\n]*",
            _I,
        ),
        "puts the fault on the customer",
    ),
    (
        # What the customer sent us was not good enough: "the photos you sent didn't show the damage clearly".
        keys(
            "photos photo pictures picture images image documents document documentation evidence receipt "
            "receipts screenshot screenshots file files paperwork form forms details information readings reading"
        ),
        re.compile(
            r"\b(?:photos?|pictures?|images?|documents?|documentation|evidence|receipts?|screenshots?|files?|"
            r"paperwork|forms?|details|information|meter readings?|readings?) (?:that |which )?you (?:sent|provided|"
            r"gave|submitted|uploaded|attached|supplied)(?: us)?\b[^.!?\n]{0,30}?\b(?:didn't|did not|don't|"
            r"do not|weren't|wasn't|were not|was not|couldn't|could not)\b(?! (?:need|have to)\b)[^.!?\n]*",
            _I,
        ),
        "implies the customer's own details caused the problem",
    ),
    (
        # Something the customer had to do, not done in time or as required: "payment wasn't received by the due
        # date", "the item was not returned in its original packaging".
        keys(
            "returned received paid cancelled submitted made confirmed renewed collected signed packed packaged posted"
        ),
        re.compile(
            r"\b(?:wasn't|was not|weren't|were not|hadn't been|had not been|never|not) (?:\w+ )?(?:returned|sent back|"
            r"posted|received|paid|cancell?ed|canceled|submitted|made|confirmed|renewed|collected|signed|packed|"
            r"packaged) (?:\w+ ){0,3}?(?:in time|on time|by the (?:due date|deadline|cut-?off|date)|before the "
            r"(?:deadline|cut-?off|due date)|within (?:the )?\d+|within the|in (?:its|the|their) original|in full|"
            r"as required|as instructed)\b[^.!?\n]*",
            _I,
        ),
        "implies the customer missed a requirement",
    ),
    (
        # Our people could not get to the customer: "there was no access to the property", "we couldn't reach you".
        keys(
            "access couldn unable able failed tried locked closed shut inaccessible blocked voicemail answerphone "
            "rang rung"
        ),
        re.compile(
            r"\b(?:gate|door|front door|building|entrance|property|garage|premises) (?:was|were) (?:\w+ )?(?:locked|"
            r"closed|shut|inaccessible|blocked)\b[^.!?\n]*"
            r"|\b(?:went|goes|go|going|was going) (?:straight )?to (?:voicemail|answerphone|an answering machine)\b"
            r"[^.!?\n]*|\b(?:rang|rung) out\b[^.!?\n]*"
            r"|\bno access (?:to|at) (?:the|your) (?:property|flat|house|home|building|site|premises|meter|unit|"
            r"address|garden|car park)\b[^.!?\n]*"
            r"|\b(?:couldn't|could not|can't|cannot|were unable to|was unable to|weren't able to|wasn't able to) "
            r"(?:get |gain )?(?:access|in) (?:to )?(?:the|your) (?:property|flat|house|home|building|site|premises|"
            r"meter|unit)\b[^.!?\n]*"
            r"|\b(?:couldn't|could not|were unable to|was unable to|weren't able to|wasn't able to|failed to|"
            r"tried (?:\w+ ){0,4}but couldn't) (?:reach|contact|get hold of|get through to|get an answer from) "
            r"you\b[^.!?\n]*",
            _I,
        ),
        "implies the customer was not there",
    ),
    (
        # The customer's item, used or opened, given as the reason: "since the item was used, we can't refund".
        keys("used opened worn washed assembled installed altered modified dropped misused"),
        re.compile(
            r"\b(?:since|because|as) (?:the|your) (?:[\w-]+ ){0,2}?(?:was|were|had been|has been|have been) "
            r"(?:already )?(?:used|opened|worn|washed|assembled|installed|altered|modified|dropped|misused)\b"
            r"[^.!?\n]*",
            _I,
        ),
        "implies the customer did something wrong",
    ),
    (
        # A timing rule about what the customer did: "orders placed after 2pm are dispatched the next working day".
        keys("orders bookings requests cancellations changes returns claims payments applications amendments"),
        re.compile(
            r"\b(?:orders|bookings|requests|cancellations|changes|returns|claims|payments|applications|amendments) "
            r"(?:placed|made|received|submitted|booked|sent|requested|cancelled) (?:after|later than|outside|less "
            r"than|fewer than|within|over|during) (?:(?!\b(?:today|tonight|will|we|i)\b)[^.!?\n]){0,40}?"
            r"\b(?:are|aren't|are not|can't|cannot|won't|"
            r"will not|don't|do not|only|go|get|need|may not|might not)\b[^.!?\n]*",
            _I,
        ),
        "implies the customer's timing caused the problem",
    ),
    (
        # A channel rule with a contrast implies the customer used the wrong one: "urgent repairs should be phoned
        # through on the emergency line rather than the online form".
        keys("rather instead via"),
        re.compile(
            r"\b(?:should|must|need to|needs to|has to|have to|are meant to|is meant to|are supposed to|"
            r"is supposed to|are best|is best|are always|is always|are only|is only)(?: always| only)? be "
            r"(?:\w+ed|made|sent|done|given|raised|logged|reported|submitted|rung)\b[^.!?\n]{0,60}?\b(?:rather "
            r"than|instead of|not (?:via|through|by|on|using|in|over|at|with))\b[^.!?\n]*",
            _I,
        ),
        _SHOULD_HAVE,
    ),
    (
        # The customer's side of the deal, not done, in the passive with no agent: "the deposit wasn't paid", "the
        # account wasn't verified", "autopay was never set up", "the parcel wasn't ready when the driver came".
        keys(
            "paid made verified set ready confirmed completed signed activated registered returned submitted "
            "provided uploaded topped received"
        ),
        re.compile(
            r"\b(?:deposit|balance|invoice|account|identity|id|autopay|auto-pay|direct debit|standing order|form|"
            r"documents?|paperwork|return|parcel|item|meter reading|verification|payment|instalment|installment|"
            r"bill|fee|subscription|mandate)s? (?:wasn't|was not|weren't|were not|hadn't been|had not been|"
            r"has not been|hasn't been|was never|were never|had never been|has never been|isn't|is not|haven't been|"
            r"have not been)(?: yet| fully| actually)? (?:paid|made|verified|set up|ready|confirmed|completed|signed|"
            r"activated|registered|returned|submitted|provided|uploaded|topped up|received)\b[^.!?\n]*"
            # "we haven't received the return yet": the customer has not sent it.
            r"|\bwe (?:haven't|have not|hadn't|had not|never|didn't|did not|are yet to|have yet to)(?: yet)? "
            r"(?:receiv|got|get)\w* (?:the|your|any) (?:return|item|parcel|payment|deposit|form|documents?|photos?|"
            r"paperwork|meter reading|signed|completed)\b[^.!?\n]*",
            _I,
        ),
        "implies the customer did not do their part",
    ),
    (
        # What the customer did (or left) at the time of ordering, in the passive: "the date that was entered
        # when the reservation was made", "the charger wasn't added to the basket", "yours hadn't been verified",
        # "the card on file at the time", "the order was set to deliver to your work address".
        keys("entered selected chosen typed given provided picked specified listed"),
        re.compile(
            r"\b(?:was|were|had been) (?:\w+ )?(?:entered|selected|chosen|typed|given|provided|put in|picked|"
            r"specified|listed) (?:when|at|during|while|on) (?:the |your )?(?:reservation|booking|order|checkout|"
            r"check-out|sign-?up|registration|ordering|purchase|application)\b[^.!?\n]*",
            _I,
        ),
        "implies the customer's own action caused the problem",
    ),
    (
        keys("basket cart yours file record set"),
        re.compile(
            r"\b(?:wasn't|was not|weren't|were not|hadn't been|had not been|never) (?:\w+ )?(?:added|included|"
            r"put) (?:to|in|into|on) (?:the |your )?(?:basket|cart|order|booking|form)\b[^.!?\n]*"
            r"|\byours (?:wasn't|was not|hadn't been|had not been|hasn't been|has not been|was never|had never been)"
            r"(?: yet)? (?:\w+ )?(?:verified|confirmed|activated|registered|completed|submitted|updated|set up)\b"
            r"[^.!?\n]*"
            rf"|\b(?:{_INPUT}) (?:(?:that |which )?we (?:had|held) )?on (?:file|record|your account) at the time\b"
            r"[^.!?\n]*"
            r"|\b(?:was|were|had been) set (?:up )?to (?:deliver|go|ship|be sent|be delivered|renew|charge|send|"
            r"arrive)\b[^.!?\n]{0,30}\byour\b[^.!?\n]*",
            _I,
        ),
        "implies the customer's own action caused the problem",
    ),
    (
        # The customer corrected about their own booking or choice: "your booking was for the 3rd, not the 4th",
        # "you'd selected standard delivery, which doesn't include weekends", "as instructed on the order".
        # Found from the literal "you" ("(?<![\w']you)" stands in for \b).
        keys("not selected chose chosen picked booked ordered opted set"),
        re.compile(
            r"you(?<![\w']you)(?:r (?:booking|order|reservation|ticket|appointment|flight|request|selection) "
            r"(?:was|is|had been) (?:actually |only )?(?:for|on|at|to|in) [^,.!?\n]{1,30}, not\b"
            r"|(?:'d| had)? (?:selected|chose|chosen|picked|booked|ordered|opted for|set) "
            r"[^.!?\n]{0,40}?(?:, which (?:doesn't|does not|didn't|did not|isn't|wasn't|won't|can't|means|meant)\b|"
            r",? so (?!(?:i|we)(?:'ve|'ll| have| will| can)?\b)|,? which is why\b))[^.!?\n]*",
            _I,
        ),
        "implies the customer's own choice caused the problem",
    ),
    (
        # The customer as the subject of a slip verb, or of an action with what was wrong about it: "you misread the
        # dates", "you sent it to the wrong address", "you paid twice", "you only gave us one day's notice".
        keys(
            "misread misunderstood misheard misremembered mistyped misspelt misspelled mixed confused overlooked "
            "misplaced miscounted misjudged overloaded overfilled mislaid wrong old twice cut-off cutoff deadline "
            "late notice ticked unticked toggled disabled declined unsubscribed needed"
        ),
        re.compile(
            r"you(?<![\w']you)(?: (?:may have |might have |must have |probably |seem to have |appear to have )?"
            r"(?:misread|misunderstood|misheard|misremembered|mistyped|misspelt|misspelled|mixed up|confused|"
            r"overlooked|misplaced|miscounted|misjudged|overloaded|overfilled|mislaid|ticked|unticked|toggled|"
            r"disabled|declined|unsubscribed|opted out)\b"
            r"|(?:'d| had)? (?:only )?(?!(?:received|got|were|was|been|ended|experienced|suffered|saw|noticed|"
            r"reported|asked|had|found|told us|expected|wanted|needed|requested|hoped|waited|tried|"
            # Contacting us is the customer's effort, not a slip ("you emailed us twice"), unless too late.
            r"(?:called|rang|phoned|emailed|wrote|messaged|chased|contacted|explained|mentioned|complained|"
            r"reached|told)(?! (?:us )?(?:after the|too late|only))\b)\b)"
            r"(?:\w+ed|sent|gave|paid|put|made|took|left|rang|wrote|chose|picked|bought|booked|ordered|told) "
            r"(?:[\w'-]+ ){0,5}?(?:the wrong|a wrong|an old|the old|twice|two times|after the (?:cut-?off|deadline)|"
            r"too late|(?:one|a|only one|two|a single) (?:day|days|hour|hours)'?s? notice)\b"
            r"|(?:'d| would) have (?:needed|had) to\b)[^.!?\n]*",
            _I,
        ),
        "puts the fault on the customer",
    ),
    (
        # Misuse of the product, in the passive: "the dryer was overloaded", "the bike was ridden in the rain".
        keys(
            "overloaded overfilled dropped submerged immersed exposed ridden washed installed stored used left chewed"
        ),
        re.compile(
            r"\b(?:dryer|washer|washing machine|machine|unit|appliance|bag|case|bike|bicycle|shelf|shelves|item|"
            r"product|device|phone|laptop|jacket|boots|shoes|garment|fabric|tent|furniture|sofa|table|frame|battery|"
            r"charger|it) (?:was|were|had been|has been) (?:\w+ )?(?:overloaded|overfilled|dropped|submerged|"
            r"immersed|exposed to (?:water|rain|moisture|heat|sunlight|the elements)|left out(?:side)? in|ridden in|"
            r"washed at|washed on|used outdoors|installed on an uneven|stored in (?:a |the )?(?:damp|wet|hot|cold))"
            r"\b[^.!?\n]*"
            r"|\byour (?:dog|cat|pet|puppy|child|children|kids|son|daughter|toddler) (?:\w+ )?(?:chewed|damaged|broke|"
            r"scratched|knocked|pulled|bit)\b[^.!?\n]*",
            _I,
        ),
        "puts the fault on the customer",
    ),
    (
        # What the customer gave when ordering, as the cause: "sent to the address given at checkout".
        keys("given entered provided supplied selected chosen typed"),
        re.compile(
            r"\b(?:address|details|number|email|card|name|postcode|date|size) (?:that was |which was )?(?:given|"
            r"entered|provided|supplied|used|selected|chosen|typed) (?:at|during|on|in|with) (?:the )?(?:checkout|"
            r"check-out|booking|sign-?up|registration|order|booking form|order form)\b"
            r"(?! (?:was|is|were|are) (?:correct|right|fine|valid|complete))[^.!?\n]*",
            _I,
        ),
        "implies the customer's own details caused the problem",
    ),
    (
        keys("instructed specified instructions"),
        re.compile(
            r"\b(?:as instructed|as specified|per your instructions?|following your instructions?) "
            r"(?:on|in|at) (?:the|your) (?:order|booking|account|form|checkout|delivery notes)\b"
            r"(?!,? (?:i|we)(?:'ve|'ll| have| will)?\b)[^.!?\n]*",
            _I,
        ),
        "implies the customer's own choice caused the problem",
    ),
    (
        # The customer's equipment found in a state only they could leave it in: "the router was unplugged".
        keys("unplugged disconnected switched turned blocked obstructed"),
        re.compile(
            r"\b(?:router|modem|device|unit|boiler|appliance|equipment|power|plug|socket|machine|meter|hub|box|"
            r"supply|valve|stopcock|alarm|sensor) (?:was|were|had been) (?:\w+ )?(?:unplugged|disconnected|"
            r"switched off|turned off|blocked|obstructed)\b[^.!?\n]*",
            _I,
        ),
        "implies the customer did something wrong",
    ),
    (
        # Damage put down to the customer's use: "misuse", "tampered with", "a DIY repair", "user damage".
        keys("misuse misused tampered diy user improper incorrect wear accidental intended"),
        re.compile(
            r"\b(?:misuse|misused|tampered with|diy (?:repair|job|fix|installation)|user damage|improper use|"
            r"incorrect use|(?:normal |general )?wear and tear|accidental damage|not used as intended|used in a way)"
            r"\b[^.!?\n]*",
            _I,
        ),
        "puts the fault on the customer",
    ),
    (
        # The customer's own choice or setting as the cause: "the booking was non-refundable", "auto-renew was
        # switched on", "the voucher had expired before it was used", "sent to the address you registered with".
        keys(
            "non-refundable non-returnable non-transferable sale auto-renew auto-renewal autorenew expired "
            "registered signed"
        ),
        re.compile(
            r"\b(?:was|were|is|are) (?:a |an )?(?:non-refundable|non-returnable|non-transferable|final sale)\b"
            r"[^.!?\n]*"
            r"|\bauto-?renew\w* (?:was|were|is|had been|has been) (?:still )?(?:switched|turned|left|set) on\b"
            r"[^.!?\n]*"
            r"|\b(?:voucher|code|coupon|offer|gift card|credit|points|promo\w*) (?:had|has)(?: already)? expired "
            r"(?:before|by the time)\b[^.!?\n]*"
            r"|\b(?:sent|went|delivered|posted) to the (?:\w+ )?(?:address|email|number|account) (?:that )?you "
            r"(?:registered|gave|provided|entered|signed up|supplied|listed)\b[^.!?\n]*",
            _I,
        ),
        "implies the customer's own choice caused the problem",
    ),
    (
        # A standard practice given as the reason: "held for 15 minutes, as is standard".
        keys("standard"),
        re.compile(
            r"\b(?:as is|as per|which is) (?:our )?(?:standard|normal|usual) "
            r"(?:practice|procedure|policy|process)?\b[^.!?\n]*|\bas is standard\b[^.!?\n]*",
            _I,
        ),
        "points the customer to rules or instructions they supposedly ignored",
    ),
    (
        # Delivery tried and failed at the customer's end: "after two failed delivery attempts", "the address
        # couldn't be found".
        keys("failed unsuccessful attempts attempt found located"),
        re.compile(
            r"\b(?:two|three|several|multiple|\d+|after (?:a|one|the)) (?:failed|unsuccessful) "
            r"(?:delivery |collection )?attempts?\b[^.!?\n]*"
            r"|\b(?:address|property|house|flat|building|home) (?:couldn't|could not|can't|cannot) be (?:found|"
            r"located|accessed)\b[^.!?\n]*",
            _I,
        ),
        "implies the customer was not there",
    ),
    (
        # Evidence framing around a change to the customer's own order or settings, with no agent: "according to
        # our records, the delivery was switched to collection", "it appears the order was changed after it was
        # placed". The customer is the hidden agent unless the sentence names someone else or owns it.
        keys("according see appears seems looks apparently"),
        re.compile(
            r"\b(?:according to (?:our|the|your) (?:records|system|notes|logs|history|account)|from what (?:i|we) "
            r"can see|it (?:appears|seems|looks like)|apparently),? (?:that )?(?:the|your) (?:[\w-]+ ){0,2}?"
            r"(?:delivery|order|booking|subscription|plan|appointment|account|settings?|renewal|auto-renew\w*|"
            r"address|size|date|slot|reservation|membership|option|visit|collection|payment method|card)s? "
            r"(?:was|were|had been|has been) (?:\w+ )?(?:switched|changed|moved|cancell?ed|canceled|rescheduled|"
            r"amended|downgraded|upgraded|set|turned (?:off|on)|left (?:on|off)|removed|updated|paused|reduced)\b"
            r"(?![^.!?\n]*\b(?:by (?:us|our|me|mistake|error|accident|the system)|wrong|wrongly|mistakenly|in error|"
            r"incorrectly|our|we|us)\b)[^.!?\n]*",
            _I,
        ),
        "implies the customer's own action caused the problem",
    ),
    (
        # The customer named as the agent of the passive: "the meter was read by you", "cancelled by you".
        # Found from "by you" (a literal re finds fast), then checked for the passive before it (see _VETO).
        keys("by"),
        re.compile(r"by you(?:rself)?\b(?!'|r\b)[^.!?\n]*", _I),
        "puts the fault on the customer",
    ),
]

# Customer patterns that do not count in some contexts: (sentence, match, next sentence) -> veto.
_YOUR_MESSAGE = re.compile(
    r"\byour (?:\w+ )?(?:calls?|emails?|messages?|questions?|complaints?|requests?|queries|query|tickets?|letters?|"
    r"voicemails?|texts?|chats?|claims?|applications?|appeals?)\b|\byou (?:sent|made|left|wrote|raised|logged)\b"
)
_OUR_THING = re.compile(
    r"\byour (?:\w+ )?(?:delivery|order|parcel|package|stop|visit|appointment|collection|booking|refund|payment|"
    r"claim|request|email|call|message|ticket|complaint|application)\b"
)


_TO_US = re.compile(r"\b(?:to|for) (?:us|me|our \w+)\b")
# A cause that is ours: "the address was out of date because our system didn't save your change".
_OUR_CAUSE_IN = re.compile(r"\b(?:because|since|due to) (?:we|i|our|us)\b|\bby (?:us|me|our)\b")
_US = re.compile(r"\b(?:we|us|our)\b")
# What went wrong, before a recommendation drawn from it.
_WENT_WRONG = re.compile(
    r"\b(?:not|never|no|hadn't|hasn't|haven't|wasn't|weren't|didn't|couldn't|can't|cannot|lost|failed|missed|"
    r"deleted|wiped|expired|lapsed|locked|blocked)\b"
)


_GOODS = re.compile(r"\b(?:parcel|package|order|item|delivery|return|box|goods|shipment|consignment)s?\b")
_NOT_PICKED_UP = re.compile(r"not (?:picked up|collected)")


def _veto_unanswered(s: str, m: re.Match[str], following: str) -> bool:
    """The customer's own messages ("your call went unanswered"), ones sent to us, or goods a courier did not pick up
    ("the parcel was not picked up") are not the customer failing to respond."""
    before = clause_before(s, m.start(), 80)
    if _YOUR_MESSAGE.search(before) or _TO_US.search(before):
        return True
    if _NOT_PICKED_UP.search(m.group(0), 0, 40) and _GOODS.search(before):
        return True
    return _veto_owned(s, m, following)


def _veto_not_us(s: str, m: re.Match[str], following: str) -> bool:
    """The clause names us ("... when we took your booking", "unplugged by our engineer"), or it is owned."""
    clause_end = _NEXT_BREAK.search(s, m.start() + 12)
    return bool(_US.search(s, m.start(), clause_end.start() if clause_end else len(s))) or _veto_owned(s, m, following)


def _veto_guess(s: str, m: re.Match[str], following: str) -> bool:
    """Our own things ("your parcel may have been picked up"), or a clause that names us ("... at our warehouse")."""
    if _OUR_THING.search(clause_before(s, m.start(), 60)):
        return True
    clause_end = _NEXT_BREAK.search(s, m.start())
    return bool(_US.search(s, m.start(), clause_end.start() if clause_end else len(s)))


def _veto_lesson(s: str, m: re.Match[str], following: str) -> bool:
    return not _WENT_WRONG.search(s, 0, m.start())


_INTERIM = re.compile(
    r"\b(?:till then|for now|in the meantime|meanwhile|for the time being|until (?:then|it|we|i|you|they|he|she|"
    r"the \w+|your \w+|our \w+))\b"
)


def _veto_interim(s: str, m: re.Match[str], following: str) -> bool:
    """Advice for the wait ahead ("I recommend keeping the installer closed until then") is not a lesson."""
    return bool(_INTERIM.search(s, m.start()))


_I_TRIED = re.compile(
    r"\bi(?:'ve| have)? (?:\w+ )?(?:tried|called|rang|phoned|emailed)\b|\bi (?:couldn't|could not|was unable|"
    r"wasn't able)\b"
)
_SORRY = re.compile(r"\b(?:sorry|apologi[sz]e|apologies)\b")


_NO_RUSH = re.compile(r"\bno (?:rush|hurry|pressure)\b|\bin your own time\b|\bwhenever (?:it )?suits\b")
# "The ticket is non-refundable, but I've refunded it anyway": the rule is waived at once, not used as an excuse.
_BUT_WE = re.compile(r"\b(?:but|however|though|although)\b[^.!?\n]*?\b(?:i|we)(?:'ve| have|'ll| will|'m| am)\b")


def _veto_waived(s: str, m: re.Match[str], following: str) -> bool:
    return bool(_BUT_WE.search(s, m.start())) or _veto_owned(s, m, following)


def _veto_not_there(s: str, m: re.Match[str], following: str) -> bool:
    """ "I'm sorry we couldn't reach you sooner" apologises for our own failure; "no rush" blames nobody."""
    if _SORRY.search(s, 0, m.start()) or _I_TRIED.search(s, max(0, m.start() - 60), m.end()) or _NO_RUSH.search(s):
        return True
    return _veto_owned(s, m, following)


_PASSIVE_BEFORE = re.compile(
    r"\b(?:was|were|had been|has been|have been) (?:\w+ )?(?!(?:received|reported|raised|flagged|spotted|noticed|"
    r"seen|sent|paid|returned|requested)\b)(?:\w+(?:ed|en|ne)|read|made|set|put|left|kept|run|cut) $"
)


def _veto_not_passive(s: str, m: re.Match[str], following: str) -> bool:
    """ "By you" counts only as the agent of a passive: "the meter was read by you", not "I'll stand by you"."""
    return not _PASSIVE_BEFORE.search(s, max(0, m.start() - 40), m.start()) or _owned(s) or _owned(following)


def _veto_owned(s: str, m: re.Match[str], following: str) -> bool:
    return bool(_OUR_CAUSE_IN.search(s)) or _owned(s) or _owned(following)


def _pattern(why: str, source: str = "") -> re.Pattern[str]:
    """The one customer pattern whose message contains ``why`` (and whose source contains ``source``)."""
    (found,) = [p for _, p, w in CUSTOMER if why in w and source in p.pattern]
    return found


_VETO = {
    _pattern("guesses the customer did"): _veto_guess,
    _pattern("should have prevented this", "why (?:we|i)"): _veto_lesson,
    _pattern("let their own details lapse"): _veto_owned,
    _pattern("should have prevented this", "carri"): _veto_interim,
    _pattern("did not respond"): _veto_unanswered,
    _pattern("own choice caused", "taken out"): _veto_owned,
    _pattern("own choice caused", "non-refundable"): _veto_waived,
    _pattern("details were out of date"): _veto_owned,
    _pattern("missed a step", "screen"): _veto_owned,
    _pattern("missed a step", "get to"): _veto_owned,
    _pattern("should have updated"): _veto_owned,
    _pattern("missed a requirement"): _veto_owned,
    _pattern("was not there", "no access"): _veto_not_there,
    _pattern("was not there", "attempts"): _veto_not_there,
    _pattern("did not do their part"): _veto_not_there,
    _pattern("own action caused", "basket"): _veto_not_us,
    _pattern("own action caused", "(?:when|at|during|while|on) (?:the |your )?(?:reservation"): _veto_not_us,
    _pattern("customer did something wrong", "unplugged"): _veto_not_us,
    _pattern("own choice caused", "as instructed"): _veto_owned,
    _pattern("own choice caused", "opted for|set"): _veto_owned,
    _pattern("puts the fault on the customer", "misremembered"): _veto_owned,
    _pattern("puts the fault on the customer", "overfilled|dropped|submerged"): _veto_owned,
    _pattern("own details caused", "booking form|order form"): _veto_owned,
    _pattern("puts the fault on the customer", "tampered"): _veto_owned,
    _pattern("puts the fault on the customer", "accidentally"): _veto_owned,
    _pattern("puts the fault on the customer", "by you"): _veto_not_passive,
}

# Two steps, like third parties below: who, then what they did wrong from there to the end of the sentence.
# Anchored on the role noun ("team", "agent") and then checked for a determiner just before it: searching for
# "our|the|a ..." first would try the long role alternation after every "the" and "a" in the reply.
_ROLE_WORDS = frozenset(_ROLE[3:-1].split("|"))
_DETERMINER = re.compile(r"\b(?:our|the|my|a|one of our|one of the|their|his|her)\s+(?:[\w'-]+[ -]){0,3}$")
_OTHER_COLLEAGUE_RE = re.compile(
    r"\bthe (?:agent|person|rep|colleague) (?:you (?:spoke|talked|chatted) (?:to|with)|who (?:took|handled|answered))"
    r"|\b(?:he|she|whoever|somebody in (?:the|our) \w+|someone in (?:the|our) \w+)\b"
    r"|\bthe warehouse\b(?=[^.!?\n]*\bthey\b)|\bthe previous agent\b"
    r"|\b(?:on|at|from|in) (?:the )?(?:reception|front desk|front of house|(?:\w+ )?desk)\b"
)


# A department named bare as the subject of a clause: "Finance put the refund on hold without telling anyone".
_DEPARTMENT_NAMES = (
    "finance", "accounts", "billing", "dispatch", "payroll", "management", "head office", "legal", "compliance",
    "operations",
)  # fmt: skip
_DEPARTMENT_RE = re.compile(
    r"(?:^|[,;:—–] |\b(?:because|as|since|but|and|so|then) )((?:our )?(?:finance|accounts|billing|dispatch|payroll|"
    r"management|head office|legal|compliance|operations))\b(?! (?:team|department|dept|system|systems|tool|"
    r"software|platform|process|date|cycle|period|address|details|account|error|issue|problem|run|job|sync|portal|"
    r"page)\b)"
)


_OTHER_COLLEAGUE_KEYS = keys(
    "agent person rep colleague he she whoever somebody someone warehouse previous reception front desk"
)


def _colleagues(s: str, said: frozenset[str]) -> list[tuple[int, int]]:
    """(start, end) of every colleague or department named in ``s`` (whose words are ``said``), in order."""
    found = (
        [(m.start(), m.end()) for m in _OTHER_COLLEAGUE_RE.finditer(s)]
        if not _OTHER_COLLEAGUE_KEYS.isdisjoint(said)
        else []
    )
    if any(name in s for name in _DEPARTMENT_NAMES):
        found.extend((m.start(1), m.end(1)) for m in _DEPARTMENT_RE.finditer(s))
    # The role nouns are single words: find the few the sentence has with str.find, not a 90-way alternation.
    for role in _ROLE_WORDS.intersection(said):
        at = s.find(role)
        while at >= 0:
            end = at + len(role)
            if (at == 0 or not _word_char(s[at - 1])) and (end == len(s) or not _word_char(s[end])):
                before = _DETERMINER.search(s, max(0, at - 30), at)
                if before:
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
    r"down to|(?:fault|error|mistake|doing) of)\s+$"
)
_PARTICIPLE_BY = re.compile(r"\b(?:\w+ed|made|done|sent|given|taken|put|set|run|written|keyed|read) by\s+$")
_WRONG = re.compile(
    r"\b(?:wrong|wrongly|incorrect|incorrectly|inaccurate|faulty|mistaken|mistakenly|erroneous|duplicate|"
    r"by mistake|in error|bad)\b"
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
    r"you (?:did|didn't do) (?:nothing|anything) wrong|you're right)\b",
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
    "operations guy temp temps trainee trainees intern junior chap lady"
)
_THIRD_KEYS = keys(
    "courier couriers carrier carriers company partner firm service office postal postman royal ups fedex dhl "
    "usps hermes evri dpd supplier suppliers manufacturer vendor factory bank banks processor gateway issuer "
    "third-party third 3rd-party 3rd subcontractor contractor provider host restaurant site platform website "
    "airline marketplace installer landlord driver drivers surgery gp doctor clinic hospital insurer "
    "broker agency hotel council retailer seller merchant wholesaler distributor lab laboratory companies "
    "practice pharmacy employer school university college solicitor solicitors venue organiser organizer "
    "organisers organizers promoter promoters operator"
)
#: Words at or near the start of a third party's name, to skip the words before it (see _third_party_fault).
_THIRD_HEADS = _THIRD_KEYS | keys(
    "booking payment delivery shipping logistics hosting software phone energy insurance taxi post card agent"
)
#: Each excuse group, compiled, with its words.
EXCUSE_GROUPS = [(keys(words), re.compile(rf"\b(?:{source})\b[^.!?\n]*")) for words, source in _EXCUSE_GROUPS]
_EXCUSE_KEYS = frozenset().union(*(group_keys for group_keys, _ in EXCUSE_GROUPS))
_DISOWN_KEYS = keys("fault doing mistake call problem do")
_CLEAR_KEYS = keys("not nothing anything right")

_ALL_KEYS = frozenset().union(
    *(entry[0] for entry in CUSTOMER), _DISOWN_KEYS, _COLLEAGUE_KEYS, _THIRD_KEYS, _EXCUSE_KEYS
)

_SUGGEST_OWN = "We got this wrong, and that's on us. Here's what I'm doing to fix it: ..."
# He, she, they -> we; his, her, their -> our; him, them -> us: one pass.
_PRONOUN = re.compile(r"\b(?:he|she|they|his|her|their|him|them)\b", re.I)
_AS_WE = {"he": "we", "she": "we", "they": "we", "his": "our", "her": "our", "their": "our", "him": "us", "them": "us"}


_WE_IS = re.compile(r"(?i)\bwe (is|was)\b")
_SO_ON_US = re.compile(r",? so (?:this one is |that one's |it's )?(?:really )?on us\b")


def _as_we(span: str, who: int) -> str:
    """Rewrite a colleague-blaming span, whose first ``who`` characters name the colleague, in the first person
    plural: "our billing team didn't" -> "we didn't"."""
    out = "we" + span[who:]
    out = _PRONOUN.sub(lambda m: _AS_WE[m.group(0).lower()], out)
    if "we " in out.lower():
        out = _WE_IS.sub(lambda m: "we " + {"is": "are", "was": "were"}[m.group(1).lower()], out)
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


def _customer_patterns(said: frozenset[str]) -> list[int]:
    """Indices (in order) of the customer patterns whose gate words occur in a sentence with words ``said``."""
    found: set[int] = set()
    for word in _CUSTOMER_WORDS.intersection(said):
        found.update(_CUSTOMER_INDEX[word])
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
        for i, sentence in enumerate(parts):
            said = said_in[i]
            if relevant.isdisjoint(said):
                continue
            following = parts[i + 1].text if i + 1 < len(parts) else ""
            found = self._sentence(sentence.text, said, text[sentence.start : sentence.end], following)
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

    def _sentence(self, s: str, low: frozenset[str], original: str, following: str) -> tuple[int, int, str, str] | None:
        """The first blame in sentence ``s`` (lower-cased, with its words ``low``; ``original`` keeps its case)."""
        for n in _customer_patterns(low):
            _, pattern, why = CUSTOMER[n]
            m = pattern.search(s)
            if m is None or negated_before(s, m.start(), 12):
                continue
            veto = _VETO.get(pattern)
            if veto is not None and veto(s, m, following):
                continue
            cleared = not _CLEAR_KEYS.isdisjoint(low) and _CLEAR_CUSTOMER.search(s)
            if cleared and cleared.start() < m.start():
                continue
            if ("our" in s or " on " in s) and _OWNED_CLAUSE.search(s, m.start()):
                continue  # "it happened because your booking wasn't moved into the new system, which is our fault"
            return m.start(), _trim(s, m.end()), why, _SUGGEST_OWN
        m = DISOWN.search(s) if not _DISOWN_KEYS.isdisjoint(low) else None
        if m:
            return m.start(), _trim(s, m.end()), "disowns the mistake instead of owning it", _SUGGEST_OWN
        colleague = _colleague_fault(s, low) if not _COLLEAGUE_KEYS.isdisjoint(low) else None
        # A colleague's fault is reported first, so a third party's is not needed then.
        third = _third_party_fault(s, low) if not colleague and not _THIRD_KEYS.isdisjoint(low) else None
        excuse = None
        if not (colleague or third) and not _EXCUSE_KEYS.isdisjoint(low):
            excuse = _excuse(s, low)
            if excuse and _OUR_ERRAND.match(excuse.group(0)) and _OUR_PLAN_END.search(clause_before(s, excuse.start())):
                excuse = None  # "I'll chase the courier directly": our errand, not sending the customer elsewhere
        if (excuse or third) and _HEDGED_PROMISE.search(s):
            # "I can't control how fast the courier is, so I won't promise you a date": why a promise is withheld,
            # about what is still to come, not an excuse for what went wrong.
            excuse = third = None
        if not (colleague or third or excuse):
            return None
        if _owned(s) or _owned(following):
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


def _excuse(s: str, said: frozenset[str]) -> re.Match[str] | None:
    """The first excuse in ``s`` (whose words are ``said``): what ``EXCUSE.search`` finds, group by group."""
    first = None
    for group_keys, pattern in EXCUSE_GROUPS:
        if group_keys.isdisjoint(said):
            continue
        m = pattern.search(s)
        if m and (first is None or m.start() < first.start()):
            first = m
    return first


def _third_fault_after(s: str, said: frozenset[str], at: int) -> re.Match[str] | None:
    """What ``THIRD_FAULT_RE.search(s, at, at + _REACH)`` finds, without trying the excuses ``s`` cannot have."""
    end = at + _REACH
    first = _THIRD_FAULT_ONLY.search(s, at, end)
    for group_keys, pattern in EXCUSE_GROUPS:
        if group_keys.isdisjoint(said):
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
    r"\b(?:tends? to|usually|typically|generally|often|sometimes|occasionally|rarely|can be|can get|can only|"
    r"can (?:appear|look|seem|show up|end up)|"
    r"only works? (?:if|when)|(?:is|are) only \w+ (?:when|if|once|after|until)|"
    r"only (?:works?|applies|apply|covers?|valid) (?:on|for|to|with)|"
    # A requirement stated as a rule: "changes need to be made before the invoice date".
    r"(?:needs?|has|have) to be \w+ (?:(?:\d+|a|one|two|three|\w+) (?:(?:working|business) )?(?:days?|hours?|"
    r"weeks?|months?) )?(?:before|by|within|at least|no later)|must be \w+ (?:(?:\d+|a|one|two|three|\w+) "
    r"(?:(?:working|business) )?(?:days?|hours?|weeks?|months?) )?(?:before|by|within|at least|no later)|"
    r"(?:is|are) (?:quite |very |fairly )?(?:delicate|fragile|rare|unavoidable|harder|hard)|"
    r"(?:don't|doesn't|aren't|isn't) always)\b"
)
# "Can" that states no general truth: a purpose or a condition ("before it can be unlocked", "so it can be
# collected") or an exclamation of sympathy ("how stressful a cancellation can be").
_NOT_GENERAL = re.compile(
    r"\b(?:before|until|till|so|so that|once|after|where|when|if|whether|as soon as) (?:it|they|this|that|we|you|i|"
    r"he|she|the \w+|your \w+) $|\bhow (?:[\w'-]+ ){1,5}$"
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
    r"system|logs))\b"
)
# "You" alone is usually the one who suffered ("it was damaged on its way to you"), so it does not count; the
# customer's own things and choices do ("your dashboard", "yours was requested by phone").
_SOMEONE_ELSE = re.compile(
    r"\b(?:your (?:own )?(?:browser|device|phone|app|bank|provider|network|dashboard|admins?|settings|address|"
    r"postcode|details|password|team|system|server|computer|account settings)|yours (?:was|were|is|came)|"
    # The customer's side, or someone on it, as the one who acted: "pending the estimate from your side", "your
    # school sent the transcript under another name", "looking at the order form, the name was hard to read".
    r"(?:from|on|at) your (?:side|end)|your (?:[\w'-]+ ){0,2}?(?:sent|submitted|entered|provided|filed|gave|listed|"
    r"wrote|typed|supplied|registered)|(?:the|your) (?:order|booking|application|claim|registration|request) form|"
    r"you (?:used|entered|chose|picked|selected|booked|clicked|typed|requested|ordered|set|changed|added|placed|"
    r"made|cancelled|signed|logged|submitted|returned|left|collected|received|accepted|agreed)|"
    # The record of the customer's hand-over: "charges are based on the condition as recorded at return".
    r"(?:recorded|noted|logged|documented|inspected|assessed|photographed|checked|found) (?:at|on|upon|during|"
    r"after) (?:the )?(?:return|drop-off|dropoff|handover|hand-back|check-in|check-out|collection)|"
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
    "unavoidable harder hard always works work applies apply covers cover valid"
)
# A cause the company owns ("because we ..."), a timing fact ("refunds usually take 3 days"), an apology ("any
# confusion caused by") or a cause that points at nobody ("due to a technical issue") is not an excuse.
_OWN_CAUSE = re.compile(r"\b(?:we|i|we've|i've|we're|i'm|we'd)\b")
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
    if _CAUSE_KEYS.isdisjoint(every_word) or _owns(low):
        return None
    for sentence, said in zip(parts, said_in, strict=True):
        s = sentence.text
        if _CAUSE_KEYS.isdisjoint(said):
            continue
        m = GENERALISATION.search(s)
        while (
            m is not None
            and m.group(0).startswith("can ")
            and _NOT_GENERAL.search(s, max(0, m.start() - 40), m.start())
        ):
            m = GENERALISATION.search(s, m.end())
        if m is None:
            m = CAUSE.search(s)
            if m is not None and not _SOMEONE_ELSE.search(s):
                continue
        if m is None or in_spans(sentence.start, quoted) or _NOT_EXCUSE.search(s) or negated_before(s, m.start(), 8):
            continue
        after = s[m.end() : m.end() + 40]
        if (
            _OWN_CAUSE.search(after)
            or _OUR_CAUSE.match(after)
            or _OWN_CAUSE.search(s[max(0, m.start() - 12) : m.start()])
        ):
            continue
        return sentence
    return None


def _owns(low: str) -> bool:
    from .ownership import ADMISSION  # the ownership guardrail's own test of "owning it"

    return any(
        (not negated_before(low, m.start(), 12) or m.group(0).startswith(("not ", "you")))
        and not (m.group(0).startswith("on our") and _FIXED_THERE.search(low, max(0, m.start() - 40), m.start()))
        for m in ADMISSION.finditer(low)
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
        if _only_system(rest) or _SOFTWARE.match(rest) or _SYSTEM.search(clause_before(s, start, 50)):
            continue  # "our scheduling system sent the technician to the wrong region" blames a tool
        if _HYPOTHETICAL.search(s, max(0, start - 30), start) or _FUTURE_PRONOUN.match(rest):
            continue  # "if he hasn't arrived by 12, I'll chase", "I can't promise she'll be eating": not a claim
        if _OUR_TOOL.search(s, 0, start):
            continue  # "our scheduling system put your job in the wrong region, so the technician never saw it"
        if _TOOL_AGENT.search(s):
            return None  # "the technician was booked into the wrong region by our scheduling system, so he ..."
        what = COLLEAGUE_FAULT_RE.search(s, end, end + _REACH)
        # "so they can look into what went wrong", "to find out why it was missed": a question, not a claim.
        while what and _INDIRECT_QUESTION.search(s, max(0, what.start() - 40), what.start()):
            what = COLLEAGUE_FAULT_RE.search(s, what.start() + 1, end + _REACH)
        if what:
            return start, end, what.end()
    return None


def _third_party_fault(s: str, said: frozenset[str]) -> tuple[int, int] | None:
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
        start = determiner.start() if determiner else who.start()
        if negated_before(s, start, 15):  # "it wasn't the courier", "I can't promise a courier will never ..."
            continue
        if _HYPOTHETICAL.search(s, max(0, start - 30), start):
            continue  # "if the driver is running late, I'll call you": nothing has gone wrong yet
        if _OUR_PLAN.search(clause_before(s, start, 60)):
            continue  # "next time we'll call you before the driver leaves": our plan, not their fault
        if who.group(0).endswith(("responsibility", "fault", "mistake", "error")):
            return start, who.end()
        before = clause_before(s, start, 40) if " by " in s or " to " in s or " of " in s else ""
        agent = before and (
            _CAUSE_AGENT.search(before) or (_PARTICIPLE_BY.search(before) and _WRONG.search(s, 0, start))
        )
        if agent and not negated_before(s, start, 30):
            return start, who.end()
        what = _third_fault_after(s, said, who.end())
        if what:
            return start, what.end()
    return None


def _trim(s: str, end: int) -> int:
    """End offset with trailing spaces and punctuation dropped, so the span is the clause itself."""
    while end > 0 and s[end - 1] in " ,;:—–-":
        end -= 1
    return end


# A colleague in a condition or a promise has done nothing wrong yet.
_HYPOTHETICAL = re.compile(r"\b(?:if|unless|in case|whether|promise(?: you)?|guarantee(?: you)?|hope)\s+$")
_FUTURE_PRONOUN = re.compile(r"(?:he|she)(?:'ll| will| would|'d| is going to|'s going to)\b")
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
