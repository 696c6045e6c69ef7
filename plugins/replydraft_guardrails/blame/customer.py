"""Blame of the customer: the patterns, each with what it means, and the vetoes that forgive a match."""

from __future__ import annotations

import re

from .._text import _NEXT_BREAK, clause_before, keys, words
from .lexicon import _I, _owned

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
        # What the customer went through or saw ("you may have noticed two charges", "you must have been charged
        # twice", "you might have expected a call") is not something they did wrong.
        re.compile(
            r"\byou (?:must|might|may|probably) have (?!(?:\w+ )?(?:noticed|seen|expected|heard|wondered|felt|"
            r"received|spotted|experienced|hoped|waited|worried|been|had|suffered|faced|endured|struggled|"
            r"realised|realized|guessed|gathered|learned|learnt)\b)(?:\w+ )?\w+ed\b[^.!?\n]*",
            _I,
        ),
        "suggests the customer caused it",
    ),
    (
        keys("should shouldn"),
        re.compile(
            # "You shouldn't have lost a day waiting" is what the customer should have been spared, not a slip.
            r"\byou should(?:n't| not)? have (?!been\b|received\b|got\b|gotten\b|had\b|heard\b|seen\b|to\b)"
            r"(?:(?<=you should have )|(?!(?:lost|spent|wasted|waited|needed|faced|suffered|endured|experienced|"
            r"gone through|dealt|missed out|worried|felt|found|ended up|paid|travelled|traveled|driven|come|taken|"
            r"sat|stood|chased|called|rung|phoned|written|asked|put up|struggled|lived|woken|started)\b))",
            _I,
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
            # "You clicked the link in our email and got an error page" retells the customer's own report; the act
            # is a slip only when done too soon, twice or wrongly, or when it is named as the cause.
            r"|\byou (?:closed|refreshed|reloaded|left(?! off\b)|clicked|pressed)\b(?=[^.!?\n]*?\b(?:before|without|"
            r"instead of|too (?:early|soon|late|quickly|many)|twice|more than once|several times|repeatedly|"
            r"unattended|(?:which|and (?:that|this)) (?:is what |then )?(?:caused|meant|triggered|led|reset|locked|"
            r"cancell?ed|wiped|deleted|cleared|removed|stopped|blocked|logged)|which is why)\b)[^.!?\n]*"
            r"|\byou (?:skipped|ignored|double-clicked|cancelled too "
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
            # Only the counterfactual ("if you had read", "had you checked") says what the customer should have
            # done; "if you selected express, you should have had it by Tuesday" assumes they did it right.
            r"\bmisuse of\b|\byou misused\b|\b(?:if you(?: had|'d)|had you) (?:read|followed|checked|listened|"
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
            "announcement notice newsletter menu label packaging contract receipt description confirmation rule"
        ),
        re.compile(
            r"\b(?:as (?:you were|we) (?:clearly )?(?:told|said|explained|stated|mentioned|advised)|"
            r"as (?:our|the) (?:\w+ ){0,2}(?:terms|conditions|policy|policies|faq|guide|instructions|manual|"
            r"documentation|t&cs|rules|agreement) (?:clearly )?(?:state|states|say|says|explain|explains|mention|"
            r"mentions|outline|outlines|make clear|makes clear|set out|sets out)|"
            # "Filed under the wrong policy number": the policy named as a record, not as a rule.
            r"(?:as per|per|under|in line with|in accordance with) (?:our|the) (?:\w+ )?(?:policy|terms|t&cs|rules|"
            r"conditions|terms and conditions|booking conditions)\b(?! (?:numbers?|no|holders?|documents?|schedule|"
            r"references?|ref|records?|details|file|name|account|id)\b)(?!,? (?:(?:we|i)(?:'ll| will| can| have|'ve)?|"
            r"you(?:'re| are) (?:entitled|covered|due|owed)|you (?:get|can have|will get|'ll get))\b)|"
            r"as (?:mentioned|stated|explained|outlined|noted|set out|described|shown|specified|covered|documented|"
            r"detailed|flagged|highlighted) (?:clearly )?(?:in|on|at|under) (?:our|the|section|clause|paragraph|"
            # Round 9: "as set out on page 2 of the report you signed".
            r"part|page)\b|(?:is|are|it's|it is|was) (?:clearly )?(?:stated |explained |mentioned |"
            r"written |set out )?(?:in|on) (?:our|the) (?:terms|t&cs|faq|guide|install(?:ation)? guide|instructions|"
            r"manual|documentation|docs|release notes|size (?:chart|guide)|website|policy|help (?:centre|center))|"
            # The rule stated as ours: "our policy is to only refund to the original payment method".
            r"(?:our|the) (?:[\w-]+ )?(?:policy|rule) (?:is|was) (?:always )?(?:to only|only to|not to|that (?:you|"
            r"customers|guests|clients|we (?:can't|cannot|don't|do not|only|won't|will not)))\b|"
            # The terms the customer signed, pointed to: "this is covered in the repair terms you signed".
            r"(?:is|are|was|were) (?:clearly |all )?(?:covered|set out|stated|explained|listed|included|mentioned|"
            r"written|outlined) (?:in|on|under|by) (?:the|our) (?:[\w-]+ ){0,2}?(?:terms|t&cs|agreement|contract|"
            r"waiver|disclaimer|form|conditions) (?:that )?you (?:signed|agreed to|accepted|initialled|ticked)|"
            r"(?:our|the) (?:[\w.,-]+ )?(?:terms|t&cs|faq|guide|install(?:ation)? guide|instructions|manual|"
            r"documentation|docs|"
            r"release notes|size (?:chart|guide)|help (?:centre|center)|product page|listing|website|confirmation "
            r"email|menu|label|packaging|contract|receipt|product description|"
            r"(?:booking |appointment |order )?confirmation|terms of service|"
            r"terms and conditions|allergen (?:information|notice|policy)|status page|announcement|notice|newsletter|"
            r"email we sent|booking conditions)(?: for [\w.]+| (?:on|in|inside|with) (?:the|your) [\w-]+)? "
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
            # "I've made sure this can't happen to you again" is a promise about the future, not a denial.
            r"(?!(?: to (?:you|anyone|anybody|us|them|your [\w-]+|any(?: other)? [\w-]+)(?: else)?)? "
            r"(?:again|twice|ever again)"
            r"| a (?:second|third|\w+) time| in (?:the )?future| until| going forward)[^.!?\n]*"
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
            r"|\b(?:recommend|suggest|advise)(?:ed)? (?:\w+ing)\b[^.!?\n]*\b(?:to|so as to|and) (?:avoid|prevent|stop) "
            r"(?:any |further |future |more |this|that|it|them|a repeat)[^.!?\n]*"
            r"|\b(?:we|i) (?:always |usually |strongly |do |would )?(?:recommend|advise|suggest|ask) "
            r"(?:customers |users |guests |passengers |travellers |that you |you )?(?:to )?"
            r"(?:choos|select|us|add|pick|opt|buy|enabl|disabl|switch|updat|remov|turn|check|"
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
            # Not "since": it mostly says from when ("the interest your card provider has charged you since you paid
            # the bill"), not why.
            r"\b(?:triggered|caused|happened|occurred|locked|flagged|blocked|failed|missed|charged|delayed) "
            # "When" only before something the customer did (round 9): "flagged when you changed the address" names
            # a cause, "we missed it when your coat came in" or "when you needed it most" only dates the slip.
            r"(?:\w+ )?(?:(?:because|as) (?:you|your)\b|when you (?!needed|wanted|called|rang|phoned|contacted|asked|"
            r"reported|told|were|had)(?:\w+ed|made|put|set|sent|took|gave|left|went|chose|paid|did|got)\b)[^.!?\n]*",
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
            "confirmed estimate estimates answered picked home available reachable answer"
        ),
        re.compile(
            # "Nobody answered your three emails" is our silence, not the customer's absence.
            r"\b(?:nobody|no one|no-one) (?:picked up|answered|was (?:home|in|there|available))\b"
            r"(?! (?:your|you|our|my|us|any of your|either of your|the (?:\w+ )?(?:emails?|calls?|messages?|chat))\b)"
            # Round 9: our own silence, "nobody picked up the phone to tell you", "no one answered when you rang".
            r"(?! (?:the )?(?:phone|telephone) (?:to|and) (?:tell|call|ring|warn|let|update|inform|explain|give|"
            r"contact)\b)"
            r"(?! when you (?:called|rang|phoned|tried|chased|wrote|emailed)\b)"
            r"[^.!?\n]*"
            r"|\byou (?:weren't|were not|wasn't) (?:home|in|there|available|reachable)\b[^.!?\n]*"
            r"|\bno (?:answer|reply|response) at (?:the|your) (?:door|address|property|flat|house|home)\b[^.!?\n]*"
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
            # "It's essential that the boiler is checked properly, which is why our engineer will come": a duty we
            # meet ourselves.
            r"\b(?:it's|it is|it was) (?:important|essential|vital|necessary|crucial|your responsibility) "
            r"(?:to|that)\b(?! (?:me|us)\b)(?! you know)(?![^.!?\n]*\b(?:which is why|that's why|so) (?:we|i|our)\b)"
            r"[^.!?\n]*"
            r"|\byour (?:own )?(?:\w+ ){0,2}(?:server|provider|bank|browser|device|settings|email|spam|network|"
            r"connection|computer|phone|system|filter|firewall|app|isp|router|card issuer) (?:may|might|could|must|"
            r"probably|likely)\b(?! (?:take|takes|need|show|display|list|ask|want|send|contact|require)\b)[^.!?\n]*"
            r"|\b(?:likely|probably|possibly|perhaps|maybe|might be|may be|could be|it's|it is) (?:that )?your "
            r"(?:own )?(?:\w+ )?(?:server|provider|bank|browser|device|settings|spam|filter|firewall|network|"
            r"connection|phone|app|isp|router|email|inbox|junk)\b(?:[\w ]{0,20})\b(?:caught|blocked|filtered|"
            r"rejected|declined|stopped|flagged|held|quarantined|deleted|hid|hidden|is|was|has)\b[^.!?\n]*"
            r"|\b(?:was|were) (?:\w+ )?(?:submitted|clicked|entered|selected|refreshed|pressed|chosen|typed|sent|"
            r"made|placed|set up|done|cancelled) (?!correctly\b|properly\b)(?:\w+ ){0,3}(?:from|on|in|by|through|via) "
            r"your\b[^.!?\n]*"
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
            r"\b(?:next time|in (?:the )?future|for the future|for (?:any )?future (?:orders|bookings|reference|"
            r"purchases|"
            r"visits|trips|stays|requests|applications|claims|returns|payments|transfers|submissions|"
            r"appointments|deliveries|uploads|renewals)|to (?:avoid|prevent|stop) (?:this|that|it)|going forward|"
            r"(?:one|a|top|pro|quick|"
            r"handy|little) tip)\b(?:(?!\b(?:we|i|we'll|i'll|we've|i've|our|us)\b)[^.!?\n])*?"
            r"\b(?:please (?!feel free|don't|do not|accept|bear|know|reply|reach out to me|contact me|let me|call me|"
            r"email me|message me|keep this|use this|quote)|do (?:give|call|check|let|contact|make|get|drop|"
            r"ring|book|choose|select|register|read|keep|double-check|remember)|make sure|remember to|be sure to|"
            r"try to|(?<!if )(?<!when )you (?:should|may want|might want|need|must|'ll want|will want|'d want)|"
            r"(?:we|i)(?:'d| would)? (?:always |strongly )?(?:recommend|suggest|advise) (?:that you |you )?(?:to )?"
            r"\w+ing|"
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
            "acknowledged opened collected response reply answer hear heard"
        ),
        re.compile(
            r"\b(?:went|go|goes|gone|was|were|remained|remains|stayed|got|had been|has been|have been|been) "
            r"(?:left )?(?:unanswered|unread|unopened|unacknowledged|unreturned|unclaimed|uncollected|not (?:answered|"
            r"picked up|responded to|acknowledged|opened|collected))\b[^.!?\n]*"
            # Round 9: "closed after there was no response to our follow-up message", "we didn't hear back from you".
            r"|\b(?:there was|there'd been|there had been|we (?:got|had|received)|we've had) no (?:response|reply|"
            r"answer) (?:from you|to (?:our|the|my) (?:[\w-]+ ){0,2}?(?:messages?|emails?|texts?|letters?|calls?|"
            r"follow-ups?|reminders?|requests?)\b(?! (?:you|from you)\b))[^.!?\n]*"
            r"|\b(?:we|i) (?:didn't hear|did not hear|never heard) back from you\b[^.!?\n]*",
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
            # A cause in the machinery, not the customer: "cancelled when the deposit was retried after the outage".
            r"incorrectly|our|we|us|outage|glitch|bug|fault|retried|retry|migration|system error)\b)[^.!?\n]*",
            _I,
        ),
        "implies the customer's own action caused the problem",
    ),
    (
        # The customer named as the agent of the passive: "the meter was read by you", "cancelled by you".
        # Found from "by you" (a literal re finds fast), then checked for the passive before it (see _VETO).
        # Or the customer's own side by another name: "packed and labelled by the household rather than our crew".
        keys("by"),
        re.compile(
            r"by (?:you(?:rself)?\b(?!'|r\b)|(?:the|your) (?:household|homeowner|customer|client)s?\b|"
            r"your (?:own )?(?:family|staff|team|admins?|builders?|it (?:team|department))\b)[^.!?\n]*",
            _I,
        ),
        "puts the fault on the customer",
    ),
    (
        # A slip excused as easy to make is still a slip, and the reply says whose: "it seems the reading was
        # entered as 38,417 rather than 34,817, an easy slip to make", "an understandable mistake with two dials".
        keys("easy understandable common natural"),
        re.compile(
            r"\b(?:an? )?(?:easy|understandable|common|natural|honest) (?:enough )?(?:slip|mistake|error|mix-up|"
            r"typo)(?: to make)?\b[^.!?\n]*",
            _I,
        ),
        "implies the customer made a slip",
    ),
    (
        # A requirement the customer supposedly failed, as the mechanism of what went wrong: "when the reference
        # isn't included our system can't match the payment", "as your parcel arrived without one".
        keys(
            "included provided added entered attached filled completed quoted supplied given selected ticked enabled "
            "switched turned set signed enclosed without removed deactivated deleted cancelled updated"
        ),
        re.compile(
            # "If inactive users aren't removed before the billing date, they're counted as seats."
            r"\b(?:when|if|unless|where|once) (?!(?:we|i|you|they|it)\b)(?:(?:the|a|an|your|any) )?(?:[\w-]+ ){1,3}?"
            r"(?:isn't|aren't|wasn't|weren't|"
            r"is not|are not|was not|were not|hasn't been|haven't been|has not been|have not been) (?:\w+ )?"
            r"(?:included|provided|added|entered|attached|filled in|filled out|completed|quoted|supplied|given|"
            r"selected|ticked|enabled|switched on|turned on|set up|signed|enclosed|removed|deactivated|deleted|"
            r"cancell?ed|updated|switched off|turned off)\b[^.!?\n]*"
            r"|\b(?:as|since|because|but) (?:your|yours|the return|the form|the payment|the transfer|the application)"
            r"(?: [\w-]+){0,2} (?:arrived|came|came back|reached us|was (?:sent|returned|submitted|received|made|"
            r"paid|lodged|filed)) without\b[^.!?\n]*",
            _I,
        ),
        "implies the customer did not meet a requirement",
    ),
    (
        # We only did what the order said, so the order (the customer's) was wrong: "the warehouse packed what was
        # on the order", "we shipped exactly what was selected", "the chef made what you ordered".
        keys(
            "packed sent shipped dispatched delivered processed booked fulfilled made prepared supplied printed "
            "installed checkout matched checked picked through"
        ),
        re.compile(
            r"\b(?:packed|sent|shipped|dispatched|delivered|processed|booked|fulfilled|made|prepared|supplied|"
            r"printed|installed|picked) (?:out )?(?:exactly |just |only |precisely |simply )?(?:what|as) "
            r"(?:was|were|is|had been) (?:on (?:the|your) (?:order|booking|form|ticket|request|slip|system)|"
            r"ordered|requested|booked|selected|specified|entered|submitted|chosen|asked for)\b[^.!?\n]*"
            r"|\b(?:packed|sent|shipped|dispatched|delivered|processed|booked|fulfilled|made|prepared|supplied|"
            r"printed|installed) (?:exactly |just |only |precisely |simply )?what you (?:ordered|selected|chose|"
            r"asked for|booked|requested|entered|specified)\b[^.!?\n]*"
            # The customer's choice as what went through: "this was the variant that went through at checkout".
            r"|\bwhat (?:the|our) (?:[\w-]+ ){0,2}?(?:matched|checked|packed|picked|shipped|sent|made|prepared|booked) "
            r"(?:it )?(?:against|from|off|with) (?:your|the) (?:order|booking|form|request)\b[^.!?\n]*"
            r"|\b(?:variant|size|colou?r|option|model|version|style|finish|item|product|date|slot|address|"
            r"quantity|plan|one)(?: [\w-]+)? (?:that |which |is what |was what )?(?:went|came|was put|got put) through "
            r"(?:at|on|during|via) "
            r"(?:the )?(?:checkout|order form|booking form)\b[^.!?\n]*",
            _I,
        ),
        "implies the customer's own order caused it",
    ),
    (
        # The counterfactual with the customer's setting or act: "had automatic backup been switched on in your
        # settings, those would have been saved", "if you'd ticked the box it would have".
        keys("had d"),
        re.compile(
            r"\bhad (?!(?:we|i|our|us)\b)(?:[\w-]+ ){0,3}been (?:switched|turned|enabled|set|ticked|selected|"
            r"activated|chosen|updated|added|backed up|saved|exported|included|entered|provided|booked|paid|"
            r"registered|confirmed)\b[^.!?\n]*\bwould(?:'ve| have)\b[^.!?\n]*"
            r"|\bif you(?:'d| had) (?!been\b)(?:\w+ ){0,3}?\w+(?:ed|en)\b[^.!?\n]*\bwould(?:'ve| have)\b[^.!?\n]*",
            _I,
        ),
        _SHOULD_HAVE,
    ),
    (
        # What the customer sent fell short: "the photos provided didn't show the damage clearly", "the meter reading
        # you submitted was lower than the last one", "the receipt you uploaded wasn't legible".
        keys("provided supplied submitted sent uploaded attached gave completed"),
        re.compile(
            r"\b(?:photos?|pictures?|images?|documents?|evidence|paperwork|files?|receipts?|screenshots?|"
            r"(?:meter )?readings?|information|details|description|proof|id)(?: that| which)? (?:you )?(?:provided|"
            r"supplied|submitted|sent(?: us| in)?|uploaded|attached|gave(?: us)?|completed)\b[^.!?\n]*?\b(?:"
            r"(?:didn't|did not|don't|doesn't|wasn't|weren't|isn't|aren't|couldn't|could not|failed to|not) "
            r"(?:\w+ )?(?:show|include|contain|match|meet|prove|support|cover|clear|readable|legible|enough|"
            r"sufficient|valid|complete|be read|be opened|be verified)|(?:lower|higher) than|too (?:blurry|dark|"
            r"small|low|old))\b[^.!?\n]*",
            _I,
        ),
        "implies what the customer sent was not good enough",
    ),
    (
        # Too late by the customer's own hand: "the item was returned after the 30-day window", "the claim was made
        # outside the deadline".
        keys("after outside past beyond"),  # every match has one of these
        re.compile(
            r"\b(?:(?:applied|entered|added|used|redeemed) (?:\w+ )?after (?:payment|checkout|purchase|the order "
            r"was placed|the booking was made)\b"
            # "Your timesheet came through after the Friday noon cut-off", "it was placed just after the cut-off".
            r"|(?:returned|sent back|submitted|made|cancell?ed|raised|filed|lodged|requested|claimed|reported|"
            r"came in|came through|went in|arrived|reached us|got to us|was received|were received|placed|"
            r"booked|paid|posted) (?:\w+ ){0,2}?(?:after|outside|past|beyond) (?:the |our |its |"
            r"(?:this|that|last|next) "
            r"(?:day|week|month|quarter|year|cycle)'s |today's )?(?:[\w-]+[- ]){0,3}?"
            r"(?:window|deadline|cut-?off|period|time limit|grace period)\b)"
            r"[^.!?\n]*",
            _I,
        ),
        "implies the customer was too late",
    ),
    (
        # The customer's act as the first cause: "our logs show you logged in from a new country, which triggered
        # the lock", "you changed the plan mid-cycle, and that reset the allowance".
        keys("triggered caused led resulted set locked blocked reset"),
        re.compile(
            # Round 10: not what the customer needed or felt ("the last thing you needed, and it's our workmanship
            # that caused it"), and not with our side named in between ("our fraud system ... blocked you"): raw, it
            # matched two honest replies and no blaming one in the tuned splits.
            r"\byou(?<![\w']you) (?!(?:needed|wanted|expected|deserved|hoped|waited|asked)\b)"
            r"(?:\w+ )?(?:\w+ed|made|sent|put|set|chose|gave|took|ran|left|paid|went|tried)\b"
            r"(?:(?!\b(?:our|we)\b)[^.!?\n])*?\b(?:which|and that|and this|and it|that|this) "
            r"(?:then |in turn |automatically |is what )?"
            r"(?:triggered|caused|led to|resulted in|set off|locked|blocked|reset)\b(?! (?:us|me|our|we)\b)[^.!?\n]*",
            _I,
        ),
        "implies the customer's own action caused it",
    ),
    (
        # The fault placed with the customer's things: "the fault is likely with the socket you used", "the issue
        # seems to be on your network".
        keys("fault issue problem error cause"),
        re.compile(
            r"\b(?:fault|issue|problem|error|cause) (?:is|lies|may be|might be|could be|must be|seems to be|"
            r"appears to be|was)(?: (?:likely|probably|most likely|almost certainly))? (?:to be )?(?:with|on|in|at) "
            r"(?:your|the (?:[\w-]+ ){0,2}?you (?:used|have|own|bought|chose|connected|plugged))\b[^.!?\n]*",
            _I,
        ),
        "puts the fault with the customer's things",
    ),
    (
        # A setting on the customer's side in a state that caused it: "your account was set to paperless, so the
        # bills only went to your inbox", "notifications were switched off on your phone".
        keys("set switched turned left disabled unticked muted stopped blocked declined"),
        re.compile(
            r"\byour (?:[\w-]+ ){0,3}?(?:was|were|had been|is|are) (?:still |already )?(?:set to|switched off|"
            r"switched on|turned off|turned on|left on|left off|disabled|unticked|opted out|muted)\b[^.!?\n]*"
            r"|\b(?:was|were|had been) (?:still |already )?(?:set to \w+|switched off|turned off|disabled|muted|"
            r"blocked|stopped|cancell?ed|declined) (?:on|in|at|by) your (?:account|profile|plan|subscription|policy|"
            r"phone|device|bank|side|end|settings|browser|app|computer|laptop|email|router|network)\b[^.!?\n]*",
            _I,
        ),
        "implies the customer's own settings caused it",
    ),
    (
        # The type the customer bought rules it out: "the ticket type purchased doesn't allow changes".
        keys("purchased bought booked chose chosen selected picked"),
        re.compile(
            r"\b(?:ticket|fare|plan|tariff|rate|room|option|package|policy|tier|type|membership|subscription)"
            r"(?: [\w-]+){0,2} (?:you )?(?:purchased|bought|booked|chose|chosen|selected|picked)"
            r"\b[^.!?\n]*?\b(?:doesn't|does not|don't|do not|didn't|did not|isn't|wasn't|won't) (?:\w+ )?(?:allow|"
            r"permit|include|cover|support|come with|qualify|refundable|changeable|eligible)\b[^.!?\n]*",
            _I,
        ),
        "implies the customer's own choice ruled it out",
    ),
    (
        # The customer's input, named without an agent, as wrong or missing: "the wrong model number was given when
        # the part was ordered", "the gift message was left blank at checkout", "you appear to have booked the 6th".
        keys("wrong left appear appears seem seems"),
        re.compile(
            r"\bthe wrong (?:[\w-]+ ){0,2}(?:was|were|had been) (?:given|entered|selected|chosen|provided|typed|"
            r"supplied|filled in|ticked)\b(?![^.!?\n]*\b(?:(?:on|at|from) (?:our|my) (?:side|end)|by (?:us|me|our)\b))"
            r"[^.!?\n]*"
            r"|\b(?:was|were|had been) left (?:blank|empty|unticked|unchecked|unselected)\b"
            r"(?![^.!?\n]*\b(?:(?:on|at|from) (?:our|my) (?:side|end)|by (?:us|me|our)\b))[^.!?\n]*"
            r"|\byou (?:appear|seem)(?:ed)? to have (?!been\b)(?:\w+ )?\w+(?:ed|en|ook|ot|ent)\b[^.!?\n]*",
            _I,
        ),
        "implies the customer did something wrong",
    ),
    (
        # The record of the customer's input contradicts what they expected: "the address on the order reads
        # Flat 2, not Flat 12".
        keys("not rather instead"),
        re.compile(
            rf"\b{_INPUT} (?:on|in) (?:the|your) (?:order|booking|form|account|application|label|registration)\b"
            r"[^.!?\n]*?\b(?:reads?|says|said|shows?|showed|is|was|were|has|had|lists?|listed)\b[^.!?\n]*?"
            r"(?:, not|rather than|instead of)\b(?![^.!?\n]*\bas (?:the|our|he|she|they|we)\b)[^.!?\n]*",
            _I,
        ),
        "implies the customer's own details caused it",
    ),
    (
        # Our records cast doubt on what the customer says happened: "there's no record of anything happening to the
        # door while the truck was in our bay", "the check-in walkaround doesn't note any damage".
        keys("record records sign evidence trace note notes show shows already"),
        re.compile(
            r"\b(?:no|not any) (?:record|sign|evidence|trace|mention)s? of (?:any(?:thing)? |the )?(?:damage|problem|"
            r"issue|fault|incident|happening|going wrong|happened|wrong)\w*\b[^.!?\n]*"
            r"|\b(?:doesn't|does not|didn't|did not|don't|do not) (?:note|show|record|mention|list|report) any "
            r"(?:damage|problems?|issues?|faults?|incidents?|scratch\w*|dents?|marks?)\b[^.!?\n]*"
            # The damage put before our visit: "the wall was already marked in that spot when he arrived", "it's
            # possible the scratch was already there" (the damage already there when the parcel reached the customer
            # is not this: the one arriving is a person who came to work).
            # A fault the visit found ("the pipe was already leaking when he arrived, so he isolated it") disputes
            # nothing: only damage counts.
            r"|\b(?:was|were|had been) already (?:there|marked|damaged|scratched|scuffed|dented|chipped|"
            r"cracked|broken|stained)\b[^.!?\n]{0,30}?\b(?:when|before) "
            r"(?:he|she|they|we|our "
            r"(?:[\w-]+ )?(?:team|engineer|technician|tech|fitter|fitters|assembler|installer|crew|plumber|electrician|"
            r"cleaner|cleaners|decorator|movers?|staff|valeter|mechanic)|the (?:[\w-]+ )?(?:engineer|technician|tech|"
            r"fitter|fitters|assembler|installer|crew|plumber|electrician|cleaner|cleaners|decorator|movers?|valeter|"
            r"mechanic)) (?:arrived|got there|turned up|came|started|began|took (?:it|the \w+) in|"
            r"(?:picked|lifted) (?:it|them|the \w+) up|(?:collected|loaded|moved|handled) (?:it|them|the \w+))"
            # Picked up from our own stock: the damage was ours before it reached the customer.
            r"(?! from (?:our|the) (?:warehouse|depot|store|shop|factory|supplier|workshop|yard|stockroom))[^.!?\n]*"
            r"|\b(?:possible|likely|may|might|could) (?:that )?(?:the [\w-]+ |it |this |they )?(?:was|were|had been|"
            r"have been|has been|be) already (?:there|present|marked|damaged|scratched|scuffed|dented|chipped|cracked|"
            r"broken|stained|worn)\b[^.!?\n]*",
            _I,
        ),
        "casts doubt on the customer's account",
    ),
    (
        keys(
            "confirmed reconfirmed renewed updated submitted returned signed sent completed activated registered "
            "verified approved accepted re-confirmed re-signed re-submitted re-registered re-verified re-activated"
        ),
        re.compile(
            # The customer's own paperwork left undone, given as the cause: "as your contract pricing wasn't
            # re-confirmed when it came up for renewal, the account reverted to list prices".
            r"\b(?:as|because|since) your (?:[\w-]+ ){0,2}?(?:contract|pricing|prices|account|details|form|application|"
            r"documents?|paperwork|id|identity|payment|direct debit|card|renewal|registration|subscription|membership|"
            r"policy|licen[cs]e|passport|visa|address|mandate|timesheet|agreement|consent) (?:wasn't|was not|weren't|"
            r"were not|hadn't been|had not been|hasn't been|has not been|wasn't ever|was never|were never) (?:re-?)?"
            r"(?:confirmed|renewed|updated|submitted|returned|signed|sent|completed|activated|registered|verified|"
            r"approved|accepted)\b[^.!?\n]*",
            _I,
        ),
        "implies the customer left their own paperwork undone",
    ),
    (
        keys("app site website screen checkout form page editor portal system tool"),
        re.compile(
            # The tool's own prompt, held up to the customer: "the app does ask you to keep enough balance", "our
            # editor normally shows a warning when this happens".
            r"\b(?:our|the) (?:[\w-]+ )?(?:app|site|website|screen|checkout|form|page|editor|portal|system|tool) "
            r"(?:do |does |did |clearly |also |always |normally |usually )*(?:(?:asks?|asked|tells?|told|reminds?|"
            r"reminded|warns?|warned|prompts?|prompted) (?:you|customers|users|guests|members) (?:to|before|that|when|"
            r"if)|(?:shows?|showed|gives?|gave|displays?|displayed|flags?|flagged) (?:a |an )?(?:[\w-]+ )?(?:warning|"
            r"alert|prompt|reminder) (?:when|if|before))\b[^.!?\n]*",
            _I,
        ),
        "points the customer to rules or instructions they supposedly ignored",
    ),
    (
        # A guess at what the customer did, offered as the explanation: "if you've ever had a previous account with
        # us or shared your photos elsewhere, that would explain the flag".
        keys("explain explains reason why"),
        re.compile(
            r"\bif you(?:'ve| have| had|'d)? (?:ever |recently |previously |already |maybe |perhaps )?\w+\b[^.!?\n]*?"
            r"\b(?:that|this|it|which) (?:would|could|might|may|will) (?:well |probably |likely )?(?:explain|be (?:the "
            r"reason|why))\b[^.!?\n]*",
            _I,
        ),
        "guesses at something the customer did as the cause",
    ),
    (
        # What customers normally do, held up to this one: "normally parents let the office know if they'd like those
        # days deducted".
        keys("normally usually generally typically most"),
        re.compile(
            r"\b(?:normally|usually|generally|typically|most) (?:parents|customers|clients|guests|users|members|"
            r"patients|tenants|passengers|travellers|buyers|owners|people) (?:will |would |do |just )?(?:let|tell|"
            r"contact|ask|call|ring|email|check|book|give|send|request|remember|know|read|choose|pick|confirm|update)\b[^.!?\n]*",
            _I,
        ),
        _SHOULD_HAVE,
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
    return _clause_names_us(s, m.start(), 12) or _veto_owned(s, m, following)


def _veto_guess(s: str, m: re.Match[str], following: str) -> bool:
    """Our own things ("your parcel may have been picked up"), or a clause that names us ("... at our warehouse")."""
    if _OUR_THING.search(clause_before(s, m.start(), 60)):
        return True
    return _clause_names_us(s, m.start())


def _clause_names_us(s: str, start: int, skip: int = 0) -> bool:
    """Whether "we", "us" or "our" occurs from ``start`` to the end of its clause (looked for ``skip`` characters on,
    so a break inside the match itself does not end the clause)."""
    clause_end = _NEXT_BREAK.search(s, start + skip)
    return bool(_US.search(s, start, clause_end.start() if clause_end else len(s)))


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


# The rule named as what the customer is owed: "as covered in our guarantee, you're entitled to a full refund".
_ENTITLED = re.compile(
    r"\byou(?:'re| are| were|'ll be| will be) (?!not\b|never\b|no longer\b)(?:\w+ )?(?:entitled|covered|due|owed|"
    r"eligible)|\byou (?:get|can have|will get|'ll get|qualify)\b"
)


# A rule that binds us, quoted against us: "our terms say we refund within 5 days, and it's been three weeks", "our
# website says 14 days and you've waited six weeks", "the product page says it fits; our listing was wrong".
_SAYS_WE = re.compile(
    r"\b(?:says?|states?|stated|promises?|promised|shows?|showed|mentions?|mentioned|explains?|explained|commits? "
    r"(?:us )?to)(?: that)? (?:we|we'll|we will|we'd|our team|us|you(?:'ll| will) (?:get|receive|have|hear))\b"
)
_BROKEN = re.compile(
    r"\b(?:you've|you have|you had)(?: \w+)? (?:waited|been waiting|had to wait)\b|\b(?:it's|it has) (?:now |already )?"
    r"been\b|\b(?:and|but|yet) (?:nobody|no one|no-one|we (?:didn't|did not|never|haven't|have not|failed|missed|"
    r"forgot|lost|overlooked|got it wrong))\b|"
    r"\bour [\w-]+ (?:was|is|were) (?:wrong|incorrect|out of date|misleading)\b|"
    # The customer's fell short of it: "the manual says the fan should run quietly; yours doesn't".
    r"\byours (?:doesn't|does not|didn't|did not|isn't|wasn't|won't|can't|couldn't)\b|"
    # Someone of ours broke it: "our policy is to call before arriving, and the driver didn't".
    r"\b(?:and|but|yet) (?:the |our )?[\w-]+ (?:didn't|did not|never|wasn't|was not|failed)\b|"
    r"\byou should(?:n't| not)? have had no\b|"
    # The product failed what the rule promised: "the manual says the light should go green, and it didn't".
    r"\b(?:and|but) (?:it|they|that|this) (?:didn't|did not|doesn't|does not|wasn't|was not|won't|couldn't)\b|"
    r"\b(?:was|were|is|are) (?:faulty|defective|broken)\b"
)


_BROKEN_WORDS = ("wait", "been", "nobody", "no one", "no-one", " we ", "wrong", "incorrect", "out of date", "mislead",
                 "had no", "and it", "but it", "and they", "but they", "and th", "but th", "faulty", "defective",
                 "broken", "yours")  # fmt: skip


# What the rule gives the customer: "it's covered in the warranty terms you signed, so the repair is free".
_FREE_FOR_YOU = re.compile(
    r"\b(?:free(?: of charge)?|no charge|at no cost|no cost to you|nothing to pay|won't (?:be charged|cost)|"
    r"(?:i|we)(?:'ll| will|'ve| have|'m| am) (?:\w+ )?(?:repair|replace|refund|cover|fix|waive|credit)\w*)\b"
)


def _veto_rule_against_us(s: str, m: re.Match[str], following: str) -> bool:
    said = m.group(0)
    if (
        ((" we" in said or " us" in said or " you" in said or "our team" in said) and _SAYS_WE.search(said))
        or (any(word in said for word in _BROKEN_WORDS) and _BROKEN.search(said))
        or _BUT_WE.search(s, m.start())
        or ("you" in s and _ENTITLED.search(s, m.start()))
    ):
        return True
    if _entitled_before(s, m.start()):
        return True  # "you're entitled to a full refund under our terms"
    if _may_give(s) and _FREE_FOR_YOU.search(s, m.start()):
        return True  # "it's covered in the warranty terms you signed, so the repair is free"
    # "It was filed under the wrong policy at our end, and you should never have had to chase it."
    return bool((_may_own(s) and _owned(s)) or (following and _may_own(following) and _owned(following)))


def _entitled_before(s: str, end: int) -> bool:
    return ("entitled" in s or "eligible" in s or "covered" in s or "owed" in s) and _ENTITLED.search(
        s, 0, end
    ) is not None


_GIVE_KEYS = keys(
    "free charge charged cost costs repair repaired replace replaced replacement refund refunded cover covered "
    "fix fixed waive waived credit credited"
)
_OWN_KEYS = keys(
    "end side part us me mistake mistakes error errors fault faults should ought failed fail failure forgot "
    "wrong wrongly ours mine responsibility responsible miss"
)


def _may_give(x: str) -> bool:
    return not _GIVE_KEYS.isdisjoint(words(x))


def _may_own(x: str) -> bool:
    """A cheap test (on the sentence's cached word set) for the words that owning a fault needs."""
    return not _OWN_KEYS.isdisjoint(words(x))


def _veto_waived(s: str, m: re.Match[str], following: str) -> bool:
    return bool(_BUT_WE.search(s, m.start()) or _ENTITLED.search(s, m.start())) or _veto_owned(s, m, following)


def _veto_not_there(s: str, m: re.Match[str], following: str) -> bool:
    """ "I'm sorry we couldn't reach you sooner" apologises for our own failure; "no rush" blames nobody."""
    if _SORRY.search(s, 0, m.start()) or _I_TRIED.search(s, max(0, m.start() - 60), m.end()) or _NO_RUSH.search(s):
        return True
    return _veto_owned(s, m, following)


_PASSIVE_BEFORE = re.compile(
    r"\b(?:was|were|had been|has been|have been) (?:\w+ (?:and |or )?)?(?!(?:received|reported|raised|flagged|"
    r"spotted|noticed|seen|sent|paid|returned|requested)\b)(?:\w+(?:ed|en|ne)|read|made|set|put|left|kept|run|cut) $"
)


def _veto_not_passive(s: str, m: re.Match[str], following: str) -> bool:
    """ "By you" counts only as the agent of a passive: "the meter was read by you", not "I'll stand by you"."""
    return not _PASSIVE_BEFORE.search(s, max(0, m.start() - 40), m.start()) or _owned(s) or _owned(following)


# Round 9. The customer's action told as right, with our side failing after it: "you skipped that week and our app
# didn't save it", "you cancelled in time, but we never processed it". "You skipped a step, so our system ..." is
# still blame: the failure follows from what they did.
_OURS_FAILED_AFTER = re.compile(
    r"\b(?:and|but|yet)(?: then)? (?:our (?:[\w-]+ ){1,2}|we |i )(?:still |just |simply )?(?:didn't|did not|failed|"
    r"never|"
    r"wasn't|weren't|hadn't|had not|couldn't|lost|dropped|ignored|missed|forgot)\b"
)
# The customer's account confirmed before it: "you're absolutely right - you skipped that week ...".
_YOU_ARE_RIGHT = re.compile(r"\byou(?:'re| are| were) (?:\w+ )?(?:right|correct)\b")


def _veto_owned(s: str, m: re.Match[str], following: str) -> bool:
    return (
        bool(_OUR_CAUSE_IN.search(s))
        or _owned(s)
        or _owned(following)
        or bool(_OURS_FAILED_AFTER.search(s, m.start(), m.end()) or _YOU_ARE_RIGHT.search(s, 0, m.start()))
    )


_OUR_PLAN_AROUND = re.compile(r"\b(?:i|we)(?:'ll| will| can| could| would|'d| am going to|'m going to)\b")


def _veto_our_plan(s: str, m: re.Match[str], following: str) -> bool:
    """A condition or a promise about what we will do ("if the reference isn't included, I'll match it by hand",
    "we'll ship exactly what was ordered"), or one we own, is not a failed requirement."""
    return bool(_OUR_PLAN_AROUND.search(s)) or _veto_owned(s, m, following)


# When it happened, not why: "I'm sorry it happened when you need to pay your suppliers", "it locked just when you
# were about to board".
_CIRCUMSTANCE = re.compile(
    r"\bwhen (?:you|your) (?:\w+ )?(?:need|needed|were|are|'re|was|is|had|have|'d|most|really|least|only|about)\b"
)


def _veto_timing(s: str, m: re.Match[str], following: str) -> bool:
    """An apology or sympathy for the moment it struck, not a cause the customer set off."""
    return bool(_SORRY.search(s, 0, m.start()) or _CIRCUMSTANCE.search(m.group(0)))


# Someone other than the customer named as the agent of the passive: "the wrong number was entered by our parts
# desk", "the box was left outside by our driver".
_OTHER_AGENT = re.compile(r"^[^,;:]{0,60}?\bby (?!you\b|yourself\b)(?:our|us|me|the|an?|one of|their|his|her)\b")
# Whose was it: "the size you picked was right; we sent the wrong one" puts the fault in our clause.
_RIGHT_OR_OURS = re.compile(r"\b(?:(?:was|were|is|are) (?:\w+ )?(?:right|correct|fine|valid|accurate)|(?:we|i))\b")


_DONE_RIGHT = re.compile(r"^[^,;:]{0,40}?\b(?:correctly|properly|as (?:you )?(?:asked|requested|intended|ordered))\b")


def _veto_other_agent(s: str, m: re.Match[str], following: str) -> bool:
    """Someone else did it ("entered by our parts desk"), or it was done right ("selected correctly")."""
    return bool(_OTHER_AGENT.search(m.group(0)) or _DONE_RIGHT.search(m.group(0)))


# "The postcode on your booking was right; our system put it in the wrong region": the customer's detail is cleared
# before the fault word, which belongs to our clause.
_SAID_RIGHT = re.compile(r"^[^;,]*?\b(?:was|were|is|are) (?:\w+ )?(?:right|correct|fine|valid|accurate)\b")


def _veto_said_right(s: str, m: re.Match[str], following: str) -> bool:
    return bool(_SAID_RIGHT.search(m.group(0))) or _veto_owned(s, m, following)


def _veto_right_or_ours(s: str, m: re.Match[str], following: str) -> bool:
    return bool(_RIGHT_OR_OURS.search(m.group(0)))


_FELL_SHORT = re.compile(
    r"\b(?:didn't|did not|don't|doesn't|wasn't|weren't|isn't|aren't|couldn't|could not|failed|not|lower|higher|too)\b"
)


def _veto_sent_was_fine(s: str, m: re.Match[str], following: str) -> bool:
    """ "The documents you uploaded were fine, we just couldn't open them": what fell short is in our clause."""
    short = _FELL_SHORT.search(m.group(0))
    return bool(short and _RIGHT_OR_OURS.search(m.group(0), 0, short.start())) or _veto_owned(s, m, following)


# "Even if you had backed up the files, our migration would have overwritten them": the customer's act would not
# have helped, which clears them.
_EVEN_IF = re.compile(r"\beven $")
_STILL = re.compile(r"\b(?:still|anyway|regardless|either way|no matter)\b")


# Round 9. A fault denied before "on your part": "that's our failure, not a misunderstanding on your part", "no
# error at all on your end", "nothing wrong on your side".
# ("It may not have registered on your end" still guesses at their side: a verb is denied there, not a fault.)
_DENIED_BEFORE = re.compile(
    r"\b(?:not (?:a|an|any|one|the)|no|nothing|without (?:a|an|any)|rather than (?:a|an|any))(?: (?:single|kind of|"
    r"sort of|at all|[\w-]+)){0,2} $"
)


# "This was not, in any sense, your fault", "none of this was ever your mistake": a denial further back than the
# usual few words, with no "but", "as" or "so" turning the sentence back on the customer ("I can't refund it, as it
# was your own mistake").
_DENIED_FURTHER = re.compile(
    r"(?:\bnot|n't|\bno|\bnever|\bnothing|\bnone)\b(?![^.;!?]*\b(?:but|however|though|although|yet|as|because|since|"
    r"so|which)\b)[^.;!?]{0,30}$"
)


def _veto_counterfactual(s: str, m: re.Match[str], following: str) -> bool:
    said = m.group(0)
    if said.startswith("on your") and _DENIED_BEFORE.search(s, max(0, m.start() - 50), m.start()):
        return True
    if said.startswith("your") and _DENIED_FURTHER.search(s, max(0, m.start() - 40), m.start()):
        return True
    return m.group(0).startswith(("if ", "had ")) and bool(
        _EVEN_IF.search(s, max(0, m.start() - 5), m.start()) or _STILL.search(s, m.start())
    )


# What the driver reported, then contradicted: "the driver marked it 'no answer at the door', but the van's GPS shows
# it never stopped".
_CONTRADICTED = re.compile(r"\b(?:but|however|although|though|yet|even though|whereas)\b")


def _veto_contradicted(s: str, m: re.Match[str], following: str) -> bool:
    return bool(_CONTRADICTED.search(s, m.start()) or (following and _CONTRADICTED.match(following.lstrip())))


def _veto_covered(s: str, m: re.Match[str], following: str) -> bool:
    """ "You're covered for accidental damage": the customer's entitlement, not their fault."""
    return bool("you" in s and _ENTITLED.search(s, 0, m.end())) or _veto_owned(s, m, following)


_ANYTHING_WRONG = re.compile(r"(?: us| me)? (?:anything|something) wrong\b")


def _veto_our_cause(s: str, m: re.Match[str], following: str) -> bool:
    """ "You didn't arrive at 9 because we sent you the wrong time": the customer's omission has our cause;
    "you never told us anything wrong" clears them."""
    return bool(_ANYTHING_WRONG.match(s, m.end())) or _veto_owned(s, m, following)


def _pattern(why: str, source: str = "") -> re.Pattern[str]:
    """The one customer pattern whose message contains ``why`` (and whose source contains ``source``)."""
    (found,) = [p for _, p, w in CUSTOMER if why in w and source in p.pattern]
    return found


#: Text that every match of a pattern holds (one of these): the gate words are broad ("not", "would", "if"), and
#: a few substring tests are far cheaper than a search that cannot match. Only for patterns whose gate passes often.
NEEDS: dict[re.Pattern[str], tuple[str, ...]] = {
    # "your fault", "user error", "on your part", "misuse of", "if you'd read", "had you checked".
    _pattern("puts the fault on the customer", "operator error"): (
        "fault", "mistake", "error", "your end", "your part", "your side", "misuse", "if you had", "if you'd",
        "had you",
    ),
    # "it can't have happened", "usually means", "make sure you".
    _pattern("implies the customer caused the problem", "happen(?:ed)?"): (
        "happen", "means", "affects", "occurs when", "sure you", "sure that you",
    ),
    _pattern(_SHOULD_HAVE, "would have"): ("would have ",),
    _pattern(_SHOULD_HAVE, "(?:because|as) (?:you|your)\\b|when you"): ("because you", "as you", "when you"),
    _pattern("missed a requirement"): (
        "in time", "on time", "by the ", "before the ", "within ", "original", "in full", "as required",
        "as instructed",
    ),
    # "sent what was ordered", "as were requested", "what you ordered", "what our team matched", "went through".
    _pattern("own order caused it"): ("what ", "as was", "as were", "as is", "as had been", "through"),
    _pattern("own details caused it", "rather than|instead of"): (", not", "rather than", "instead of"),
    _pattern("paperwork undone"): ("as your", "because your", "since your"),
    # "when the box isn't ticked", "as your form arrived without".
    _pattern("did not meet a requirement"): ("n't", " not ", "without"),
    # "the deposit wasn't paid", "the form was never signed", "we are yet to receive".
    _pattern("did not do their part"): ("n't", " not ", "never", "yet to"),
    # Both wordings end in "would've" or "would have".
    _pattern(_SHOULD_HAVE, "had (?!"): ("would've", "would have"),
    # "when the page is refreshed", "you clicked ... twice", "you ordered the wrong", "left outside", "after delivery".
    _pattern("customer did something wrong", "page is (?:refreshed"): (
        "page is", "you closed", "you refreshed", "you reloaded", "you left", "you clicked", "you pressed",
        "you skipped", "you ignored", "you double-clicked", "you cancelled too late", "the wrong", " left ", "after",
    ),
    # "nobody answered", "you weren't home", "couldn't get through", "came in too late", "only an estimate".
    _pattern("implies the customer is to blame", "nobody|no one"): (
        "nobody", "no one", "no-one", "you weren't", "you were not", "you wasn't", "no answer at", "no reply at",
        "no response at", "couldn't get", "late", "after", "still active", "guaranteed", "confirmed", "estimate",
    ),
    # "went unanswered", "was not picked up", "no response to our emails", "never heard back from you".
    _pattern("did not respond"): (
        "unanswered", "unread", "unopened", "unacknowledged", "unreturned", "unclaimed", "uncollected", "not ",
        "no response", "no reply", "no answer", "back from you",
    ),
    # One or more for each wording, in order: "it's important to", "your bank may", "probably your spam filter",
    # "was submitted from your", "the link wasn't clicked", "relies on ... being", "your admin removed", "you
    # missed our call", "unless we're told in advance".
    _pattern("customer did something wrong", "(?:important|essential"): (
        "important", "essential", "vital", "necessary", "crucial", "responsibility",
        "might", "may", "could", "must", "probably", "likely", "possibly", "perhaps", "s your", "s that your",
        "from your", "on your", "in your", "by your", "through your", "via your",
        "was missed", "were missed", "n't missed", "skipped", "ignored", "not clicked", "not completed",
        "not confirmed", "not ticked", "not filled", "not followed",
        "being",
        "admin", "team", "colleague", "staff", "manager", "accountant", "assistant",
        "you missed",
        "in advance", "beforehand", "ahead",
    ),
    # "nobody was home to sign", "wasn't answered correctly", "didn't match", "typed wrongly", "mirrors what",
    # "it looks like the size chosen".
    _pattern("own action caused the problem", "security (?:question"): (
        "nobody", "no one", "no-one", "correctly", "properly", "in full", "accurately", "match", "wrongly", "mirror",
        "reflect", "consistent with", "looks like", "seems", "appears", "apparently", "suggests", "indicates",
        "which means",
    ),
    # "the size was selected", "the box was left outside", "the installer was run without".
    _pattern("customer did something wrong", "button|page|box"): (
        "selected", "chosen", "picked", "entered", "typed", "clicked", "pressed", "tapped", "refreshed", "submitted",
        "left outside", "left open", "left unattended", "run without", "used without", "installed without", "closed",
    ),
    # "worth checking", "best to", "a good idea to", "we recommend", "I'd suggest", "we always ask".
    _pattern(_SHOULD_HAVE, "worth "): (
        "worth", "best to", "idea to", "advisable to", "recommend", "suggest", "advise", "ask", "better to",
        "safer to", "wiser to",
    ),
}  # fmt: skip


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
    _pattern("puts the fault on the customer", "tampered"): _veto_covered,
    _pattern("puts the fault on the customer", "accidentally"): _veto_owned,
    _pattern("puts the fault on the customer", "by (?:you"): _veto_not_passive,
    _pattern("made a slip"): _veto_owned,
    _pattern("not good enough"): _veto_sent_was_fine,
    _pattern("own details caused the problem", "readings?) (?:that |which )?you (?:sent"): _veto_sent_was_fine,
    _pattern("too late"): _veto_owned,
    _pattern("paperwork undone"): _veto_owned,
    _pattern("timing caused the problem"): _veto_waived,
    _pattern("own details caused the problem", "(?:the one|the (?:postcode"): _veto_said_right,
    _pattern("guesses at something"): _veto_owned,
    _pattern("rules or instructions they supposedly ignored", "editor|portal"): _veto_rule_against_us,
    _pattern(_SHOULD_HAVE, "(?:parents|customers|clients"): _veto_owned,
    _pattern("own settings caused it"): _veto_owned,
    _pattern("did something wrong", "the wrong (?:"): _veto_owned,
    _pattern("own details caused it"): _veto_owned,
    _pattern("choice ruled it out"): _veto_owned,
    _pattern("own action caused it"): _veto_owned,
    _pattern("with the customer's things"): _veto_owned,
    _pattern("did not meet a requirement"): _veto_our_plan,
    _pattern("own order caused it"): _veto_our_plan,
    _pattern(_SHOULD_HAVE, "had (?!"): _veto_owned,
    _pattern(_SHOULD_HAVE, "(?:because|as) (?:you|your)\\b|when you"): _veto_timing,
    _pattern("did something wrong", "run without"): _veto_other_agent,
    _pattern("puts the fault on the customer", "were supposed|are supposed"): _veto_our_cause,
    _pattern("casts doubt"): _veto_owned,
    _pattern("implies the customer is to blame", "nobody|no one"): _veto_contradicted,
    _pattern("rules or instructions they supposedly ignored", "as per|per|under"): _veto_rule_against_us,
    _pattern("did something wrong", "skipped|ignored|double-clicked"): _veto_owned,
    _pattern("own details caused the problem", "you (?:provided"): _veto_right_or_ours,
    _pattern("puts the fault on the customer", "user error"): _veto_counterfactual,
    # Round 9: advice beside the fault owned ("you can always email me directly ... The missed change was ours").
    _pattern("advises the customer for next time"): _veto_owned,
}
