"""``next-steps``: the reply must say what happens next, who does it, and when (or on what trigger).

"We'll look into it", "someone will be in touch" and "let us know if you need anything" are warm but empty
(seed 002 "Have a solution ready", seed 004 steps 4, 6 and 7). "I'll email you the tracking number by 5pm today",
"reply yes and I'll start straight away" and "the refund reaches your card within 3 business days" are next steps.

A sentence is a concrete next step when it has an owner committing to an action (I/we, a named role, someone
named in a relative clause -- "Amit, who will call you by 4pm" --, or the remedy itself arriving: "a dongle will
be delivered tomorrow", "the corrected invoice follows today by 4pm") and a time or trigger that pins it down;
"soon", "as soon as possible", "once we know more" and "once they have an update" pin nothing down. A day that
belongs to the past ("we told you someone would call on Tuesday", "after Sunday's update", "you sent it on 3
January") is not when the next step happens. A remedy already done counts when the reply says when the customer
sees it: "the voucher shows in your app now", "a credit has been applied to your next invoice".
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from typing import Any

from replydraft import Finding, Guardrail, hookimpl

from . import learned
from ._text import (
    TIME,
    TIME_KEYS,
    TRIGGER,
    TRIGGER_KEYS,
    VAGUE_TIME,
    VAGUE_TIME_KEYS,
    has_digit,
    keys,
    negated_before,
    prepare,
    words,
)
from .rash_promise import split_sentences  # sentences and their word sets in one pass

_I = 0  # patterns run on lower-cased text (see _text.prepare)

#: Someone committing to act: the agent, the company, a named role, or the remedy itself being on its way.
COMMITMENT = re.compile(
    r"\b(?:i(?:'ll| will| shall|'m going to| am going to|'m| am|'ve| have|'d like to| would like to| can)|"
    r"we(?:'ll| will| shall|'re going to| are going to|'re| are|'ve| have|'d like to| can)|let me|"
    # "We're aware of it and will call you by 5pm": the owner carried over to a second verb.
    r"(?:and|but|then) (?:will|shall) (?!not\b|never\b)|"
    # "Saturday 8am, courtesy car ready": a terse note that the remedy is set up.
    r"(?:^|, |[—–-] )(?:(?!was |were |is |are |has |had |been )[\w'-]+ ){1,3}?(?:ready|booked|reserved|confirmed|"
    r"arranged|held|processed)(?=[.,;!]|$| for\b| on\b| at\b| from\b)|"
    r"(?:an?|one of our|our|the|your) (?:\w+ ){0,2}?(?:engineer|technician|agent|specialist|manager|courier|"
    r"driver|team|rep|representative|colleague|lead|supervisor)s? (?:will|'ll|can|is going to|is booked|is "
    # "The courier collects on Monday": a scheduled visit in the present tense.
    r"scheduled|is coming|is due|(?:collects|arrives|calls|visits|comes|delivers|picks up|rings|installs|fits))\b|"
    r"\w+ (?:from|in|on) (?:our|the) \w+(?: \w+)? (?:will|'ll)|"
    r"(?:he|she|they|who)(?:'ll| will| is going to| are going to) (?!not\b|never\b)|"
    r"(?:i|we) (?:also |personally )?(?:stay|give|send|call|ring|email|e-mail|write|text|message|refund|book|"
    r"deliver|restore|unblock|unlock|transfer|pay)\b|"
    r"(?:will|'ll|should|shall) be (?:\w+ and )?(?:delivered|sent|credited|refunded|processed|applied|shipped|"
    r"issued|posted|"
    r"e-?mailed|restored|unlocked|unblocked|re-?issued|released|removed|ready|booked|confirmed|collected|"
    r"reinstated|reactivated|paid|transferred|waived|cancelled|added|visible|live|active)\b|"
    r"(?<!follow up )(?:follows|to follow|will follow|'ll follow)\b(?! up)|"
    r"you(?:'ll| will) (?:receive|get|see|have|hear)|(?:it|they|this|the \w+|your \w+(?: \w+)?)(?:'ll| will| should)"
    r" (?:arrive|reach|land|(?:show|appear)(?: up)? (?:on|in) your|(?:show|appear|clear|go through|come through)"
    r"(?: up)?(?= (?:within|by|in|on|today|tonight|tomorrow|this)\b)|be (?:back|with you|there|in your|on your|"
    r"at your|delivered|sent|processed|credited|refunded|"
    r"applied|shipped|ready|unlocked|done|fixed|removed|restored|collected))|"
    r"(?:'ll|will|should|is due to|are due to) (?:be back|arrive|appear|show up|reach|land|be with you|be in your|"
    r"be on your)|"
    r"(?:is|are) being (?:refunded|processed|sent|shipped|credited|applied|prepared|packed|restored)|"
    r"(?:refunded|credited|reimbursed|issued|dispatched|shipped|sent|applied)\s*[,;:—–-]?\s*(?:please )?"
    r"(?:allow|expect)\b|(?:^|[,;:—–-] )(?:please )?expect (?:it|them|the \w+|your \w+|an? \w+)"
    # "Expect a call from Priya before 5pm": who it comes from may sit between the thing and its time.
    r"(?: from (?:[\w']+ ){0,3}?[\w']+)? (?:on|in|by|within|to|before|at|between|today|tonight|tomorrow|this)\b|"
    r"(?:is|are|will be|'ll be|'s) (?:on|in) your (?:next )?(?:invoice|bill|account|card|statement|inbox)|"
    r"(?:link|refund|replacement|tracking(?: number| link)?|voucher|credit|confirmation|invoice|email|label|call|"
    r"exchange|report|summary) (?=within|by|in the next|today|tonight|tomorrow|on \w+day|this (?:afternoon|evening))|"
    r"(?:back|lands?|landing|shows?|showing|appears?)(?: up)? (?:on|in) your (?:card|account|inbox|bank|statement)|"
    r"(?:goes|go|going) (?:out )?to you\b|(?:'s|is|are) (?:booked|scheduled) (?:on|in|for)\b|(?:started|underway|"
    r"in progress|on its way|"
    r"on the way)\b|"
    r"(?:arrives?|arriving|ships?|goes out|going out|go out|is (?:going out|on (?:its|the) way|held|booked|"
    r"scheduled|ready|there|set|confirmed|done|unlocked|unblocked|reactivated|re-?enabled|reinstated|paused|"
    r"on your account|in your account)|are (?:going out|on their way|"
    r"held|booked))\b|(?:tracking|confirmation|the (?:receipt|reference|link|invoice|label))"
    r"(?: number| email| link| code)?"
    r"(?: (?:in|to|by|will|coming|follows?|to follow|is coming))|^(?:[a-z][\w ]{2,30}):\s)",
    _I | re.M,
)
#: Remedies already done that the customer can see or use right away ("the voucher is on your account now",
#: "both show in your app now", "your direct debit is paused as of now"), or at a named point ("a credit has been
#: applied to your next invoice": the invoice is when the customer sees it).
AVAILABLE_NOW = re.compile(
    r"\b(?:(?:on|in|to|under) your (?:account|wallet|card|app|inbox|balance|profile|dashboard)|ready to use|unlocked|"
    r"unblocked|(?:'s|is|are) there|done|(?:shows?|showing|appears?)(?: up)? (?:in|on|under) (?:your|the)|visible|"
    r"(?:is|are|'s|been|'ve) (?:now )?(?:paused|cancelled|"
    r"applied|waived|back|restored|active|live|credited|refunded|gone|removed|cleared|lifted|deleted))\b"
    r"[^.!?\n]{0,30}\b(?:now|already|right now|straight away|with immediate effect)\b|"
    r"\byou can (?:now )?(?:log ?in|log back in|sign in|use|access|download|see|find|collect|pick|check in|board)\b"
    r"[^.!?\n]{0,30}\b(?:now|right away|straight away|immediately)\b|\byou can now (?:log|sign|use|access|download|"
    r"see|find|collect|pick)\b|"
    r"\b(?:now|already)(?: be)?(?: sitting| waiting| available)? (?:on|in|under) your (?:\w+ )?(?:account|wallet|card|"
    r"app|inbox|balance|profile|dashboard)\b|"
    r"\b(?:is|are|been|'ve|will be|'ll be) (?:now |also |already )?(?:applied|added|credited|taken off|deducted|"
    r"removed|shown)\b[^.!?\n]{0,40}\b(?:to|on|in|from|against|starting (?:with|from|on)) (?:your|the) (?:next|"
    r"upcoming|"
    r"\d{1,2}(?:st|nd|rd|th)? \w+) (?:invoice|bill|statement)\b|"
    # "I've refunded the two weeks and added a month free, starting with your next bill": the second of two done
    # remedies shares the first one's "I've".
    r"\b(?:i|we)(?:'ve| have) (?:\w+ ){1,6}?and (?:also )?(?:applied|added|credited|taken|deducted|removed)\b"
    r"[^.!?\n]{0,60}\b(?:to|on|in|from|against|starting (?:with|from|on)) (?:your|the) (?:next|upcoming) "
    r"(?:invoice|bill|statement)\b|"
    # "I've emailed the record to the kennel just now", "we have already resent it": the agent's own delivery, done.
    r"\b(?:i|we)(?:'ve| have)(?: just| also| now| already)? (?:e-?mailed|sent|re-?sent|texted|forwarded|refunded|"
    r"credited|booked|re-?booked|reserved|issued|re-?issued|released|unblocked|unlocked|restored|reactivated|reset|"
    r"transferred|paid|posted|dispatched|shipped|re-?shipped|uploaded|reinstated|cancelled|waived|corrected|"
    r"fixed|replaced)\b(?:(?!team|colleague|manager|department|supervisor|notes?\b)[^.!?\n]){0,60}?\b(?:just now|"
    r"right now|now|already|a (?:moment|minute) ago|(?:a few|\d+|two|five|ten) minutes ago)\b"
    r"(?! (?:that|if|when|whether|unless)\b)|"
    r"\b(?:i|we)(?:'ve| have) (?:already|now) (?:e-?mailed|sent|re-?sent|texted|forwarded|refunded|credited|re-?booked|"
    r"re-?issued|released|unblocked|unlocked|restored|reactivated|transferred|paid|posted|dispatched|re-?shipped|"
    r"reinstated)\b(?! (?:it |them )?(?:to )?(?:the |our |my )?(?:team|colleague|manager|department|supervisor)s?\b)",
    _I,
)
#: Times _text.TIME does not know: ranges ("in 3-5 days"), day-first dates ("your 28 June bill"), "for the next
#: ten minutes".
_MONTHS = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*"
MORE_TIME = re.compile(
    r"\b(?:(?:in|within) (?:the next )?\d+ ?(?:-|–|to) ?\d+ (?:business |working )?(?:minutes?|hours?|days?|weeks?)|"
    r"(?:for|in|within) the next (?:\w+ )?(?:minutes?|hours?|days?)|"
    # "I've unblocked your card - give it 10 minutes and try again": a wait the customer can count.
    r"(?:give it|allow|wait|after) (?:up to |about |around |another |roughly )?\d+ (?:more )?(?:minutes?|mins?|hours?|"
    r"(?:business |working )?days?)|"
    # "a text 30 minutes before the engineer arrives": an offset from an event still to come.
    r"\d+ (?:minutes?|mins?|hours?|days?) (?:before|ahead of|after) (?:it|they|the|your|we|i|he|she)\b|"
    rf"(\d{{1,2}}(?:st|nd|rd|th)? (?:of )?{_MONTHS})\b)",
    _I,
)
#: "You submitted it on 3 January": a date after a verb in the past is when something happened.
_DONE_ON = re.compile(
    r"\b(?<!be )(?<!been )(?:\w+ed|sent|paid|made|took|got|bought|came|went|left)\b(?: \w+){0,3} on\s*$"
)
#: "Once they have an update", "when the team knows more": like _text.VAGUE_TIME's "once we know more", but for
#: whoever else is waiting on news. It pins nothing down.
VAGUE_TRIGGER = re.compile(
    r"\b(?:once|when|as soon as|whenever|if) (?:they|he|she|someone|the (?:\w+ )?team|our (?:\w+ )?team|it|there) "
    r"(?:have|has|get|gets|hear|hears|know|knows|receive|receives|is|are)(?: any)? (?:more|an update|any update|"
    r"news|something|further|back|anything)\b[^.!?\n,;]*|"
    # "once they've reviewed it": the end of someone's open-ended work is no point in time.
    r"\b(?:once|when|as soon as|after) (?:they|he|she|someone|the (?:\w+ )?team|our (?:\w+ )?team)(?:'ve|'s| have|"
    r" has)?"
    r" (?:reviewed|investigated|looked into|checked|assessed|finished|completed|had a look)\b[^.!?\n,;]*|"
    # "whenever you get a chance": the customer's own leisure pins nothing down.
    r"\bwhenever (?:you (?:get|have|find) (?:a|the) (?:chance|moment|minute)|you can|it suits)\b[^.!?\n,;]*"
)
_VAGUE_TRIGGER_KEYS = keys("once when whenever if soon after")
#: Actions that commit to nothing, whenever they happen.
VAGUE_ACTION = re.compile(
    r"\b(?:decide (?:on )?(?:the )?(?:next steps|what|how)|(?:see|work out|figure out|decide|discuss) what (?:we|i) "
    r"can do|take it from there|look into|get back to you|be in touch|keep you (?:posted|updated|informed)|"
    r"update you|let you know|share more|review|investigate|follow up on this|make (?:any|the) (?:necessary|needed|"
    r"required|appropriate) (?:adjustments|changes|corrections))\b",
    _I,
)
_VAGUE_ACTION_KEYS = keys(
    "decide see work figure discuss take look get be keep update let share review investigate follow make"
)
#: Warm but empty: what the finding points at when no concrete step exists.
VAGUE = re.compile(
    r"\b(?:(?:we|i|they|the team|our team)(?:'ll| will| are| am|'re|'m)? (?:look(?:ing)? into (?:it|this|that|what|"
    r"why|the)|investigat\w+|get back to you|be in touch|reach out|see what (?:we|i) can do|do (?:our|my) best|"
    r"keep you (?:posted|updated|informed)|update you|let you know|review\w*|working on it|on it|take it from "
    r"there|get (?:this|it|that) (?:sorted|corrected|fixed|resolved)|make (?:this|it) right|sort it out|"
    r"pass\w* (?:this|it|your \w+) (?:on|along)|escalat\w+)|someone (?:will|'ll|from [\w ]+ will) (?:be in touch|"
    r"contact you|get back to you|reach out|call you)|(?:please |just |do )?let (?:us|me) know\b|feel free to "
    r"(?:reach out|contact us|get in touch)|(?:we|i) hope (?:this|that) helps|don't hesitate|please bear with us|"
    r"hang tight|thank you for your (?:patience|understanding)|thanks for your patience|as soon as possible|"
    r"(?:has|have) been (?:noted|shared|passed on|logged|escalated|flagged)|i've (?:flagged|noted|escalated|"
    r"passed|raised|made a note)|(?:is|are) (?:aware|investigating|reviewing|looking into))\b[^.!?\n]*",
    _I,
)


class NextSteps(Guardrail):
    id = "next-steps"
    description = "Requires a concrete next step: an action, who does it, and when (or on what trigger)."

    @learned.second_opinion  # rules first; the learned check only when they find nothing
    def check(self, reply: str, case: Any) -> Iterator[Finding]:
        _, low = prepare(reply)
        # Whether some sentence is a step does not depend on the order they are tried in, so the likeliest go
        # first: most replies that have a step say "I'll" or "we will" in it, and ruling a sentence out costs as
        # much as ruling it in.
        tried = sorted(split_sentences(low), key=_unlikely)
        if any(_concrete(s, found) for _, _, s, found in tried):
            return
        suggestion = _suggest(case)
        # At most three findings: stop scanning once they are found.
        vague = list(itertools.islice((m for m in VAGUE.finditer(low) if m.group(0).strip()), 3))
        for m in vague:
            yield self.finding(
                "This is warm but empty: it does not say what happens next, who does it, or when.",
                m.start(),
                m.start() + len(m.group(0).rstrip(" ,;:")),
                suggestion,
            )
        if not vague:
            yield self.finding(
                "The reply gives no concrete next step: say what you will do and when "
                '(e.g. "I\'ll send the tracking number by 5pm today").',
                suggestion=suggestion,
            )


_PROMISE = keys("ll will")


def _unlikely(sentence: tuple[int, int, str, frozenset[str]]) -> int:
    """How unlikely a sentence is to be a step: 0 when it promises something with a number ("by 5pm", "within 3
    days"), 1 when it promises something with a word of time, 2 when it only promises, 3 for the rest."""
    found = sentence[3]
    if _PROMISE.isdisjoint(found):
        return 3
    if has_digit(sentence[2]):
        return 0
    return 2 if TIME_KEYS.isdisjoint(found) else 1


def _concrete(s: str, found: frozenset[str] | None = None) -> bool:
    """Whether sentence ``s`` (lower-cased; ``found`` its words, when the caller has them) is a concrete step."""
    if s.rstrip().endswith("?") and _I_WILL.search(s) is None:
        return False  # a question asks; it commits to nothing
    if found is None:
        found = words(s)
    timed, triggered = not TIME_KEYS.isdisjoint(found) or has_digit(s), not TRIGGER_KEYS.isdisjoint(found)
    if not (timed or triggered):
        return False  # nothing pins it down, whoever commits to it
    pinned = VAGUE_TIME.sub(_vague_time, s) if not VAGUE_TIME_KEYS.isdisjoint(found) else s
    if triggered and not _VAGUE_TRIGGER_KEYS.isdisjoint(found):
        pinned = VAGUE_TRIGGER.sub(" ", pinned)
    if not _AVAILABLE_KEYS.isdisjoint(found) and AVAILABLE_NOW.search(pinned):
        return True
    # What pins the step down does not depend on who commits to it; checked first, as it is the cheaper test.
    at_time = timed and _pinned_time(pinned)
    if not (at_time or (triggered and _triggered(pinned))):
        return False
    # "We'll be in touch when we hear something": a trigger cannot rescue an empty action, whoever commits to it
    # (ruled out before the owners are looked for, the costliest test).
    if not at_time and not _VAGUE_ACTION_KEYS.isdisjoint(found) and VAGUE_ACTION.search(pinned) is not None:
        return False
    vouched = _VOUCH.search(pinned) if not _VOUCH_KEYS.isdisjoint(found) else None
    # Somebody commits to it.
    return any(
        not (
            negated_before(pinned, owner.end(), 25)
            or _NOT_AFTER.match(pinned, owner.end())
            or _FEELING.match(pinned, owner.end())
            or _TRYING.match(pinned, owner.end())
            or _IF_BEFORE.search(pinned, max(0, owner.start() - 8), owner.start())
            or (vouched is not None and _vouched(owner, vouched))
        )
        for owner in COMMITMENT.finditer(pinned)
    )


#: "As a priority appointment", "as a priority booking": a kind of booking, not a vague time.
_PRIORITY_THING = re.compile(
    r"as a (?:priority|matter of urgency) (?:appointment|booking|slot|visit|delivery|job|call-out|callout|case|"
    r"order)s?\b"
)


def _vague_time(m: re.Match[str]) -> str:
    """What VAGUE_TIME removes, except a priority booking, whose own time then still pins the step down."""
    kept = _PRIORITY_THING.match(m.group(0))
    return m.group(0) if kept else " "


#: "I can assure you ...", "I can confirm that ...", "I promise ...": the agent vouches for something. Vouching is
#: not acting, so "I can" there owns nothing; and an outcome vouched for ("I can assure you your service will be back
#: up by tonight") has no owner unless someone in it commits to act ("I promise I'll call you by 5pm").
_VOUCH = re.compile(
    r"\b(?:(?:i|we)(?: can| do)? (?:confirm|assure you|promise(?: you)?|guarantee)|rest assured)\b(?: that)?,?"
)
_VOUCH_KEYS = keys("confirm assure promise guarantee assured")
#: A remedy on its way is a step however it is vouched for ("rest assured, your refund will be back by Friday").
_REMEDY_THING = re.compile(
    r"\b(?:refund|replacement|voucher|credit|money|parcel|package|order|delivery|item|label|invoice|bill|tracking)s?\b"
)
#: Owners that act (the agent, the company, a person or a named role), unlike a thing or an outcome.
_PERSON_OWNER = re.compile(
    r"(?:i|we|let me|he|she|they|who)\b|.*\b(?:engineer|technician|agent|specialist|manager|courier|driver|team|rep|"
    r"representative|colleague|lead|supervisor)s?\b|\w+ (?:from|in|on) (?:our|the) "
)


def _vouched(owner: re.Match[str], vouch: re.Match[str]) -> bool:
    """Whether ``owner`` is only the vouching itself ("i can" of "I can confirm") or an ownerless outcome after it."""
    if owner.start() == vouch.start():
        return True
    if "confirm" in vouch.group(0):
        return False  # "I can confirm the refund will reach your card within 3 days": the refund arriving counts
    said = owner.group(0)
    return owner.start() >= vouch.end() and _PERSON_OWNER.match(said) is None and _REMEDY_THING.search(said) is None


_FUTURE = re.compile(r"'ll\b|\b(?:will|shall|going to)\b")
#: "... if we can": an owner in a condition commits to nothing.
_IF_BEFORE = re.compile(r"\b(?:if|whether|unless) $")
#: "We'll try to get it resolved today": trying and hoping commit to nothing.
_TRYING = re.compile(r"\s*(?:(?:try|hope|attempt|endeavou?r|aim) to|do (?:our|my) best)\b")
#: "I'm so sorry about Saturday", "we're aware of it": a feeling or awareness, not someone committing to act.
_FEELING = re.compile(
    r"\s*(?:so |really |very |truly |deeply |terribly |incredibly |genuinely |fully |well )?(?:sorry|afraid|aware|"
    r"sad|gutted|embarrassed|disappointed|frustrated|ashamed|grateful|thankful|upset|mortified|"
    r"(?:glad|happy|pleased)(?! to\b))\b"
)
_I_WILL = re.compile(r"\b(?:i|we)(?:'ll| will)\b")
_NOT_AFTER = re.compile(r"\s*(?:not|never|n't|no|nothing)\b")
_AVAILABLE_KEYS = keys("now already away immediately effect invoice bill statement")


#: A clause of thanks or apology: the times in it are when something happened.
_EVENT = re.compile(
    r"\b(?:thanks?(?: you)? for|sorry (?:for|about)|apolog\w* for)\b(?![^,;:.!?—–]*(?:'ll|\bwill\b|\bgoing to\b))"
    r"[^,;:.!?—–]*$"
)
_ABOUT = re.compile(r"\b(?:about|regarding|over) $")
_AFTER_EVENT = ("after ", "when ")


def _triggered(s: str) -> bool:
    """Whether ``s`` pins a step to a trigger. "After"/"when" with nothing still to come in the sentence ("an issue
    affecting subscribers after the latest update") tells when something happened, not when a step will."""
    for m in TRIGGER.finditer(s):
        if m.group(0).startswith(_AFTER_EVENT) and _FUTURE.search(s) is None:
            continue
        return True
    return False


#: Every _text.TIME match without a digit contains one of these (the day names, "today" and "midday" all contain
#: "day"; each unit of time is here). Fewer sentences have one than have a word of TIME_KEYS ("this", "now", ...),
#: so the costly TIME scan is skipped more often.
_TIME_PARTS = (
    "day",
    "week",
    "hour",
    "hr",
    "min",
    "tonight",
    "tomorrow",
    "morning",
    "afternoon",
    "evening",
    "noon",
    "midnight",
    "end of",
    "first thing",
    "away",
    "right now",
    "immediately",
    "your next",
)


def _pinned_time(s: str) -> bool:
    """Whether ``s`` names a time a next step can happen at (not one in the past, nor a past event's name)."""
    digit = has_digit(s)
    times = TIME.finditer(s) if digit or any(part in s for part in _TIME_PARTS) else ()
    for time in times:
        if (
            _past(s, time.start())
            or s.startswith("'s", time.end())
            or _ABOUT.search(s, max(0, time.start() - 12), time.start())
        ):
            continue  # "Sunday's update", "sorry about Saturday" name an event, not when anything happens
        if s.startswith("on ", time.start()) and _done_on(s, time.start() + 3):
            continue  # "the incident that affected the dashboard on Monday" is when it happened
        if _EVENT.search(s, max(0, time.start() - 60), time.start()):
            continue  # "thank you for flagging this on Friday" is when the customer did something
        if time.group(0).startswith(("every", "each")) and _FUTURE.search(s) is None:
            continue  # "we check every order each morning" is a habit, not a step; "I'll check each morning" is
        return True
    if not (digit or "next" in s):
        return False  # every MORE_TIME match has one of these
    for time in MORE_TIME.finditer(s):
        if not _past(s, time.start()) and not (
            time.group(1) and _DONE_ON.search(s, max(0, time.start() - 40), time.start())
        ):
            return True
    return False


def _done_on(s: str, at: int) -> bool:
    """Whether the "on" ending at ``at`` follows a verb in the past ("affected the dashboard on"), with no future
    auxiliary before it in the clause ("we'll have it delivered on" is still to come)."""
    start = max(0, at - 40)
    return _DONE_ON.search(s, start, at) is not None and _FUTURE.search(s, start, at) is None


#: Words that put the time after them in the past: "we missed the pickup on Monday", and reported promises ("we
#: told you someone would call on Tuesday") -- the broken promise, not the next step.
_PAST = re.compile(
    r"\b(?:missed|happened|was|were|had|did|last|since|ago|earlier|supposed to|should have|would have)\b[^,;]*$"
)
_REPORTED = re.compile(r"\b(?:told (?:you|us|me)|(?:was|were) told|promised|said|assured you)\b[^,;.]*$")


#: Times that can only be ahead: a past word before them belongs to a clause of its own ("a summary of what was
#: recovered by tomorrow morning" is sent by tomorrow), when a future step comes first and nothing was reported.
_AHEAD = re.compile(r"(?:by |before |until )?(?:tomorrow|tonight|next )")
_BROKEN = re.compile(r"\b(?:supposed to|should have|would have|last|ago|since)\b")


def _past(s: str, at: int) -> bool:
    past = _PAST.search(s, max(0, at - 25), at)
    if past is not None:
        return not (
            _AHEAD.match(s, at)
            and _I_WILL.search(s, 0, past.start()) is not None
            and _BROKEN.search(s, past.start(), at) is None
        )
    return ("told" in s or "promised" in s or "said" in s or "assured" in s) and bool(
        _REPORTED.search(s, max(0, at - 60), at)
    )


def _suggest(case: Any) -> str:
    remedies = tuple(getattr(case, "remedies", ()) or ())
    if remedies:
        first = remedies[0]
        when = f" ({first.eta})" if first.eta else ""
        return (
            f"Name the action, who does it and when, e.g. \"I've arranged {first.description[:1].lower()}"
            f"{first.description[1:].rstrip('.')}{when}, and I'll email you to confirm by 5pm today.\""
        )
    return 'Name the action, who does it and when, e.g. "I\'ll call you tomorrow at 10am with an update."'


@hookimpl
def register_guardrails(register):  # type: ignore[no-untyped-def]
    register(NextSteps())
