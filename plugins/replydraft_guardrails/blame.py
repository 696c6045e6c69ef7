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

from ._text import _NEXT_BREAK, clause_before, in_spans, keys, negated_before, prepare, quoted_spans, sentences, words

_I = 0  # patterns run on lower-cased text (see _text.prepare)

# -- who --------------------------------------------------------------------------------------------------------
_ROLE = (
    r"(?:team|department|dept|staff|colleague|colleagues|agent|rep|representative|technician|tech|engineer|engineers|"
    r"packer|packers|picker|pickers|porter|manager|dba|developer|developers|guys|people|folks|person|"
    r"specialist|specialists|supervisor|hire|crew|office|inspector|inspectors|handler|adjuster|assessor|clerk|"
    r"cashier|adviser|advisor|operator|dispatcher|scheduler|planner|receptionist|pharmacist|chef|waiter|cook|"
    r"reader|readers|fitter|fitters|cleaner|cleaners|attendant|instructor|trainer|tutor|surveyor|valuer|"
    r"coordinator|coordinators|co-ordinator|assistant|assistants|officer|administrator|associate|"
    r"associates|branch|nurse|concierge|stylist)"
)
_THIRD = (
    r"(?:courier|couriers|carrier|delivery (?:company|partner|firm|service)|post office|postal service|postman|"
    r"royal mail|ups|fedex|dhl|usps|hermes|evri|dpd|supplier|suppliers|manufacturer|vendor|factory|bank(?! holiday)|"
    r"bank partner|payment (?:provider|processor|partner|gateway)|card issuer|(?:third|3rd)[- ]party|partner|"
    r"subcontractor|contractor|(?:\w+ )?(?:provider|providers|host)|(?:\w+ )?partner|restaurant|"
    r"booking (?:site|platform|website|agent|partner)|airline|marketplace|"
    r"installer|landlord|driver|drivers|surgery|gp|doctor|clinic|hospital|insurer|broker|agency|hotel|"
    r"council|retailer|seller|merchant|wholesaler|distributor|lab|laboratory|"
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
    r"left (?:out|off)|cut corners|rushed)"
)
#: What a third party did wrong: a colleague "lost" nothing the company did not lose, a courier can.
_THIRD_FAULT = (
    rf"(?:{_FAULT}|lost|damaged|broke|crushed|handled [^.!?\n]{{0,20}}roughly|delayed|retried|rejected|declined|"
    r"keeps? losing|unreliable|(?:haven't|have not|hasn't|has not) been able|(?:can't|couldn't|cannot) find|"
    # Unable to do its part: "the carrier couldn't fit it in", "the lab wasn't able to process it".
    r"couldn't|could not|(?:wasn't|weren't|was not|were not) able to|(?:was|were) unable to|"
    r"postponed|backlog|shortage|overwhelmed|not passed on|cancelled|canceled|overbooked|oversold|got stuck|stuck|"
    r"went down|crashed|failed|malfunction\w*|duplicated|"
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
        "hands control nothing able position much little way rely override overrule bypass interfere outside",
        r"out of our hands|outside (?:of )?our control|beyond our control|(?:had|have|has) no control over|"
        r"nothing (?:more |else |further )?(?:we|i) (?:can|could) (?:do|have done)|"
        r"not (?:able|in a position) to do (?:much|anything)|"
        r"(?:can't|cannot|can not|aren't able to|are not able to|unable to|have no way to) (?:override|overrule|"
        r"bypass|interfere with)|"
        # "you had no way of knowing" clears the customer; "the driver had no way of knowing" is an excuse.
        r"(?<!you had )(?<!you have )(?<!you'd have )no way of knowing|we rely on|"
        r"(?:can't|cannot|couldn't|can not|something (?:i|we) can|anything (?:i|we) can) control|"
        r"outside (?:of )?what (?:we|i) can|out of (?:our|my) control|no way for (?:us|me) to|"
        r"not much (?:we|i) (?:can|could) do|(?:there's|there is) (?:not much|little|nothing) (?:we|i) can do",
    ),
    (
        "their its process procedure",
        r"(?:on|from|in|according to) (?:their|its) (?:side|end|system|records|tracking|logs)|"
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
        "responsibility decision rebooking refund claim matter compensation directly",
        r"(?:responsibility|decision|rebooking|refund|claim|matter|compensation) (?:now )?(?:is|lies|rests|sits) with "
        r"(?:them|the \w+)|(?:complaint|claim|dispute) with (?:them|the \w+) directly|"
        r"contact(?:ing)? (?:them|the (?:\w+ ){0,2}?\w+) directly|"
        r"(?:raise|take (?:it|this|that) up|chase|get in touch)\w* (?:\w+ ){0,3}?(?:with |to )?"
        r"(?:them|the (?:\w+ ){0,2}?\w+) directly",
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
        "know verify inspect tell",
        r"(?:no one|nobody|no-one) could have (?:predicted|foreseen|known|prevented|avoided)|"
        r"(?:no one|nobody|none of the \w+(?: \w+)?) (?:else )?(?:reported|noticed|complained|flagged)|"
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
    r"we (?:should have|got (?:it|this) wrong|messed up|take (?:full )?responsibility|own this)|"
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
    r"our(?<![\w']our) (?:\w+ ){0,2}(?:system|app|tool|software|website|site|checkout|process|platform) "
    r"(?:should have|failed)\b"
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
        keys("failed forgot neglected bother omitted didn never hadn haven not needed supposed required meant which"),
        re.compile(
            r"\b(?:you|the customer|customers?) (?:failed|forgot|neglected|didn't bother|omitted) to\b"
            r"|\byou (?:didn't|did not|never|hadn't|had not|haven't|have not)(?: yet| already)? (?:select|choose|chose|"
            r"pick|verif|confirm|read|check|updat|remov|click|complet|follow|enabl|export|back|tell|told|let|enter|"
            r"provid|includ|specif|regist|activat|set|instal|uninstal)\w*\b"
            r"|\byou (?:needed|had|were supposed|are supposed|were required|was supposed|were meant|are meant) to "
            r"(?:confirm|click|verify|complete|follow|select|enter|update|register|call|contact|cancel|check|read|accept|"
            r"submit|choose|tell|let|give|provide|book)\b"
            r"|\byou need to \w+[^.!?\n]*\bwhich\b[^.!?\n]*\b(?:wasn't|was not|can't see|didn't|did not|hasn't|"
            r"has not|isn't)\b",
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
            "notes chart centre center page listing website email policy conditions rules agreement "
            "announcement notice newsletter menu label packaging contract receipt description confirmation"
        ),
        re.compile(
            r"\b(?:as (?:you were|we) (?:clearly )?(?:told|said|explained|stated|mentioned|advised)|"
            r"as (?:our|the) (?:\w+ ){0,2}(?:terms|conditions|policy|policies|faq|guide|instructions|manual|"
            r"documentation|t&cs|rules|agreement) (?:clearly )?(?:state|states|say|says|explain|explains|mention|"
            r"mentions|outline|outlines|make clear|makes clear|set out|sets out)|"
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
        keys("someone somebody anyone something"),
        re.compile(r"\b(?:someone|somebody|anyone|something) (?:on|at|from) your (?:side|end|team)\b[^.!?\n]*", _I),
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
    (
        keys(
            "important essential vital necessary crucial responsibility server provider bank browser device settings "
            "spam network connection computer phone filter firewall app isp router submitted clicked entered "
            "selected refreshed pressed chosen typed sent placed cancelled step link confirmation button box field "
            "form checkbox relies rely admin admins administrator staff colleague colleagues manager accountant "
            "assistant missed unless advance beforehand ahead"
        ),
        re.compile(
            r"\b(?:it's|it is|it was) (?:important|essential|vital|necessary|crucial|your responsibility) "
            r"(?:to|that)\b(?! (?:me|us)\b)(?! you know)[^.!?\n]*"
            r"|\byour (?:own )?(?:\w+ ){0,2}(?:server|provider|bank|browser|device|settings|email|spam|network|"
            r"connection|computer|phone|system|filter|firewall|app|isp|router|card issuer) (?:may|might|could|must|"
            r"probably|likely)\b[^.!?\n]*"
            r"|\b(?:was|were) (?:\w+ )?(?:submitted|clicked|entered|selected|refreshed|pressed|chosen|typed|sent|"
            r"made|placed|set up|done|cancelled) (?:\w+ ){0,3}(?:from|on|in|by|through|via) your\b[^.!?\n]*"
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
        keys("show shows showed indicate indicates indicated says confirms confirmed"),
        re.compile(
            r"\b(?:records?|tracking|system|logs?|scans?|gps|proof of delivery|photos?|signature|app|history|"
            r"audit trail) (?:shows?|showed|says|said|indicates?|indicated|confirms?|confirmed|has it|had it)\b"
            r"(?![^.!?\n]*\b(?:but|however|though|although|wrongly|mistakenly|incorrectly|by mistake|in error|error|"
            r"wrong|not|never|isn't|wasn't|didn't|we|our|us)\b)"
            r"[^.!?\n]*?\b(?:signed for|delivered (?:to you|at your|on your|to your)|"
            # ... or that the customer did something that caused it: "records indicate you opted out of texts".
            r"you (?:had )?(?:opted|unsubscribed|declined|dismissed|cancell?ed|canceled|deleted|removed|disabled|"
            r"turned|switched|skipped|ignored|changed|selected|chose|booked|ordered|requested|entered|clicked|"
            r"downgraded|paused)|(?:was|were) (?:\w+ )?(?:dismissed|declined|deleted|removed|disabled|skipped|ignored|"
            r"placed for|booked for|set (?:to|for)|cancell?ed|canceled|changed|opted out|unsubscribed)|"
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
            r"fare|ticket|package|delivery|shipping|level|membership|service)\b[^.!?\n]{0,80}?(?:, so\b|\bso (?:it|"
            r"the|that|this|your)\b|\b(?:which|that|this) (?:is why|means|meant)\b|\bmeaning\b)[^.!?\n]*",
            _I,
        ),
        "implies the customer's own choice caused the problem",
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
    _pattern("own choice caused"): _veto_owned,
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


def _colleagues(s: str, said: frozenset[str]) -> list[tuple[int, int]]:
    """(start, end) of every colleague or department named in ``s`` (whose words are ``said``), in order."""
    found = [(m.start(), m.end()) for m in _OTHER_COLLEAGUE_RE.finditer(s)]
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
    r"(?:nothing|not anything) you did|you (?:did|didn't do) (?:nothing|anything) wrong|you're right)\b",
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
    "administrator associate associates branch reception desk nurse concierge stylist finance accounts billing "
    "dispatch payroll management legal compliance "
    "operations"
)
_THIRD_KEYS = keys(
    "courier couriers carrier carriers company partner firm service office postal postman royal ups fedex dhl "
    "usps hermes evri dpd supplier suppliers manufacturer vendor factory bank banks processor gateway issuer "
    "third-party third 3rd-party 3rd subcontractor contractor provider host restaurant site platform website "
    "airline marketplace installer landlord driver drivers surgery gp doctor clinic hospital insurer "
    "broker agency hotel council retailer seller merchant wholesaler distributor lab laboratory companies"
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
_PRONOUNS = [
    (re.compile(r"\b(?:he|she|they)\b", re.I), "we"),
    (re.compile(r"\b(?:his|her|their)\b", re.I), "our"),
    (re.compile(r"\b(?:him|them)\b", re.I), "us"),
]


_WE_IS = re.compile(r"(?i)\bwe (is|was)\b")
_SO_ON_US = re.compile(r",? so (?:this one is |that one's |it's )?(?:really )?on us\b")


def _as_we(span: str, who: int) -> str:
    """Rewrite a colleague-blaming span, whose first ``who`` characters name the colleague, in the first person
    plural: "our billing team didn't" -> "we didn't"."""
    out = "we" + span[who:]
    for pattern, repl in _PRONOUNS:
        out = pattern.sub(repl, out)
    out = _WE_IS.sub(lambda m: "we " + {"is": "are", "was": "were"}[m.group(1).lower()], out)
    out = _SO_ON_US.sub("", out)
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
        text, low = prepare(reply)
        quoted = quoted_spans(text)
        parts = [p for p in sentences(low) if p.text.count(" ") >= 2]  # "Hi Dana," and sign-offs blame nobody
        # Gate once on the whole reply, then per sentence: most patterns cannot match most replies. Every pattern
        # runs on these sentences only, so the reply's words are the union of theirs.
        said_in = [words(p.text) for p in parts]
        every_word = frozenset().union(*said_in)
        active = _Active(
            [entry for entry in CUSTOMER if not entry[0].isdisjoint(every_word)],
            not _DISOWN_KEYS.isdisjoint(every_word),
            not _COLLEAGUE_KEYS.isdisjoint(every_word),
            not _THIRD_KEYS.isdisjoint(every_word),
            not _EXCUSE_KEYS.isdisjoint(every_word),
        )
        # A sentence's words are the reply's words, so a key of any pattern in the sentence means that pattern is
        # active: the union of every pattern's keys gates sentences exactly as the union of the active ones would.
        relevant = _ALL_KEYS
        reported = False
        for i, sentence in enumerate(parts):
            said = said_in[i]
            if relevant.isdisjoint(said):
                continue
            following = parts[i + 1].text if i + 1 < len(parts) else ""
            found = self._sentence(sentence.text, said, text[sentence.start : sentence.end], following, active)
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
        self, s: str, low: frozenset[str], original: str, following: str, active: _Active
    ) -> tuple[int, int, str, str] | None:
        """The first blame in sentence ``s`` (lower-cased, with its words ``low``; ``original`` keeps its case)."""
        for gate_keys, pattern, why in active.customer:
            if gate_keys.isdisjoint(low):
                continue
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
        m = DISOWN.search(s) if active.disown and not _DISOWN_KEYS.isdisjoint(low) else None
        if m:
            return m.start(), _trim(s, m.end()), "disowns the mistake instead of owning it", _SUGGEST_OWN
        colleague = _colleague_fault(s, low) if active.colleague and not _COLLEAGUE_KEYS.isdisjoint(low) else None
        # A colleague's fault is reported first, so a third party's is not needed then.
        third = (
            _third_party_fault(s, low) if not colleague and active.third and not _THIRD_KEYS.isdisjoint(low) else None
        )
        excuse = None
        if not (colleague or third) and active.excuse and not _EXCUSE_KEYS.isdisjoint(low):
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
    # A requirement stated as a rule: "changes need to be made before the invoice date".
    r"(?:needs?|has|have) to be \w+ (?:before|by|within|at least|no later)|must be \w+ (?:before|by|within|at least|"
    r"no later)|"
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
    r"\b(?:because|due to|caused by|triggered by|resulted from|because of|comes? down to|which is why|that's why|"
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
    r"traffic|demand|holidays?|subscribers?|clients?|members?|accounts?)\b"
)
_CAUSE_KEYS = keys(
    "triggered resulted based only need needs has have must looking appear look "
    "because due caused down why reason result tend tends usually typically generally often sometimes occasionally "
    "rarely can may might could looks seems appears apparently see records according per delicate fragile rare "
    "unavoidable harder hard always"
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
    for who in THIRD_PARTY_RE.finditer(s):
        determiner = _THIRD_DETERMINER.search(s, max(0, who.start() - 30), who.start())
        if not (
            determiner or "'" in who.group(0) or s.startswith("'s", who.end()) or _GENERIC_PARTIES.match(who.group(0))
        ):
            continue  # "that restaurant will never ..." is a promise, not someone else's fault
        start = determiner.start() if determiner else who.start()
        if negated_before(s, start, 15):  # "it wasn't the courier", "I can't promise a courier will never ..."
            continue
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
