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

Steps come in other shapes too: an item of a list whose lead-in line names the owner ("To put this right we'll:" /
"- credit three months to your account today"), a terse note ("Rebooked Weds 8-12"), a named colleague ("Priya will
ring you this afternoon"), what we do after the customer's own step ("send us a photo and we'll collect it the same
day"). Some owners commit to nothing whatever time the sentence names: understanding ("I can only imagine how hard
it is with work starting next week"), an apology, an investigation under way, handing the case on inside the company
("I'll get this escalated right away"), an offer landing on the next bill, an arrival that is the customer's.
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

#: "Please expect it by Friday", "expect a call from Priya before 5pm": who it comes from may sit between the thing
#: and its time.
_EXPECT = (
    r"(?:please )?expect (?:it|them|the \w+|your \w+|an? \w+)(?: from (?:[\w']+ ){0,3}?[\w']+)? (?:on|in|by|within|"
    r"to|before|at|between|today|tonight|tomorrow|this)\b"
)
_READY = (
    r"(?:(?!was |were |is |are |has |had |been )[\w'-]+ ){1,3}?(?:ready|booked|reserved|confirmed|arranged|held|"
    r"processed)(?=[.,;!]|$| for\b| on\b| at\b| from\b)"
)
#: Someone committing to act: the agent, the company, a named role, or the remedy itself being on its way.
COMMITMENT = re.compile(
    # What every alternative starts with: the look-ahead turns away most positions between words before the long
    # alternation is tried (see _text.TIME).
    r"\b(?=[\w',:;—–-])"
    r"(?:i(?:'ll| will| shall|'m going to| am going to|'m| am|'ve| have|'d like to| would like to| can)|"
    r"we(?:'ll| will| shall|'re going to| are going to|'re| are|'ve| have|'d like to| can)|let me|"
    # "We're aware of it and will call you by 5pm": the owner carried over to a second verb.
    r"(?:and|but|then) (?:will|shall) (?!not\b|never\b)|"
    # "Saturday 8am, courtesy car ready": a terse note that the remedy is set up.
    # (At the start of a sentence, _TERSE_OWNER has it: an anchored alternative here would slow the whole scan.)
    r"(?:, |[—–-] )" + _READY + "|"
    r"(?:an?|one of our|our|the|your) (?:\w+ ){0,2}?(?:engineer|technician|agent|specialist|manager|courier|"
    r"driver|team|rep|representative|colleague|lead|supervisor)s? (?:will|'ll|can|is going to|is booked|is "
    # "The courier collects on Monday": a scheduled visit in the present tense.
    r"scheduled|is coming|is due|(?:collects|arrives|calls|visits|comes|delivers|picks up|rings|installs|fits))\b|"
    r"\w+ (?:from|in|on) (?:our|the) \w+(?: \w+)? (?:will|'ll)|"
    r"(?:he|she|they|who)(?:'ll| will| is going to| are going to) (?!not\b|never\b)|"
    r"(?:i|we) (?:also |personally )?(?:stay|give|send|call|ring|email|e-mail|write|text|message|refund|book|"
    r"deliver|restore|unblock|unlock|transfer|pay)\b|"
    r"(?:will|'ll|should|shall) be (?:\w+ and )?(?:made (?=to your|into your)|delivered|sent|credited|refunded|"
    r"processed|applied|shipped|"
    r"issued|posted|"
    r"e-?mailed|restored|unlocked|unblocked|re-?issued|released|removed|ready|booked|confirmed|collected|"
    r"reinstated|reactivated|paid|transferred|waived|cancelled|added|visible|live|active|corrected|reversed|amended|"
    r"repaired|replaced|reconnected|re-?booked|re-?scheduled|fitted|installed|re-?sent|couriered|dispatched|"
    r"returned|posted|reset|switched back|turned back on)\b|"
    r"(?<!follow up )(?:follows|to follow|will follow|'ll follow)\b(?! up)|"
    r"you(?:'ll| will) (?:receive|get|see|have|hear|find|notice|spot)|"
    r"(?:it|they|this|the \w+|your \w+(?: \w+)?)(?:'ll| will| should)"
    r" (?:arrive|reach|land|travel|fly|ship|leave|depart|go out|(?:show|appear)(?: up)? (?:on|in) your|(?:show|appear|"
    r"clear|go through|come through)"
    r"(?: up)?(?= (?:within|by|in|on|today|tonight|tomorrow|this)\b)|be (?:back|with you|there|in your|on your|"
    r"at your|delivered|sent|processed|credited|refunded|"
    r"applied|shipped|ready|unlocked|done|fixed|removed|restored|collected))|"
    r"(?:'ll|will|should|is due to|are due to) (?:be back|arrive|appear|show up|reach|land|be with you|be in your|"
    r"be on your|(?:show|clear|go through|come through)(?= (?:within|by|in|on|today|tonight|tomorrow|this)\b))|"
    r"(?:is|are) being (?:\w+ and )?(?:refunded|processed|sent|shipped|credited|applied|prepared|packed|restored|"
    r"posted|couriered|dispatched|delivered|repaired|fixed|booked|arranged|issued|re-?issued|transferred|paid)|"
    r"(?:refunded|credited|reimbursed|issued|dispatched|shipped|sent|applied)\s*[,;:—–-]?\s*(?:please )?"
    r"(?:allow|expect)\b|[,;:—–-] " + _EXPECT + "|"
    r"(?:is|are|will be|'ll be|'s) (?:on|in) your (?:next )?(?:invoice|bill|account|card|statement|inbox)|"
    r"(?:link|refund|replacement|tracking(?: number| link)?|voucher|credit|confirmation|invoice|email|label|call|"
    r"exchange|report|summary) (?=within|by|in the next|today|tonight|tomorrow|on \w+day|this (?:afternoon|evening))|"
    r"(?:back|lands?|landing|shows?|showing|appears?)(?: up)? (?:on|in) your (?:card|account|inbox|bank|statement)|"
    r"(?:goes|go|going) (?:out |back )?to you\b|"
    r"(?:'s|is|are) (?:booked|scheduled) (?:on|in|for)\b|(?:underway|"
    r"in progress|on its way|"
    r"on the way)\b|"
    r"(?:arrives?|arriving|ships?|goes out|going out|go out|(?:is|'s) (?:going out|on (?:its|the) way|"
    r"held|booked|"
    r"scheduled|ready|there|set|confirmed|done|unlocked|unblocked|reactivated|re-?enabled|reinstated|paused|"
    r"on your account|in your account)|are (?:going out|on their way|"
    r"held|booked))\b|(?:tracking|confirmation|the (?:receipt|reference|link|invoice|label))"
    r"(?: number| email| link| code)?"
    r"(?: (?:in|to|by|will|coming|follows?|to follow|is coming)))",
    _I | re.M,
)
#: More owners, looked for only when COMMITMENT has none in a sentence (most steps say "I'll" or "we will", so keeping
#: these out of COMMITMENT keeps the common case fast).
_MORE_OWNERS = re.compile(
    r"\b(?=[acdfghilmnoprstuwy',:;—–-])(?:"  # what every alternative starts with (see COMMITMENT)
    # "It will travel on the first flight and be delivered by 8pm": a modal carried over to a passive remedy.
    r"(?:and|then|or) (?:be|get) (?:\w+ )?(?:delivered|sent|shipped|credited|refunded|applied|posted|e-?mailed|"
    r"collected|installed|fitted|fixed|repaired|replaced|restored|returned|paid|transferred|issued|re-?issued|"
    r"rebooked|booked|released|ready)\b|"
    # "Jamal in accounts is reversing the charge today": a remedy under way, whoever does it.
    r"(?:is|are|'s|'re) (?:personally |now )?(?:reversing|refunding|crediting|sending|posting|couriering|booking|"
    r"rebooking|calling|ringing|phoning|delivering|collecting|fixing|repairing|replacing|shipping|dispatching|"
    r"re-?issuing|re-?sending|arranging|fitting|installing|waiving|cancelling|transferring|paying)\b|"
    # "A technician has been booked for Thursday", "the refund has been scheduled for the 3rd".
    r"(?:has|have|'s|'ve) been (?:booked|re-?booked|scheduled|re-?scheduled|arranged|reserved|confirmed|set up|moved|"
    r"approved)(?: \w+)? (?:for|on|in|to|at|and)\b|"
    # "A new charger goes in the post tonight".
    r"(?:goes|go|going|is|are|'s) (?:in|into) the (?:post|mail)\b|"
    # "Payment is going through now, in your account by 6pm": a remedy in motion, and where it lands by when.
    r"(?:is|are) (?:going|coming) through\b|(?:[,;:—–-] )(?:in|on|into) your (?:account|card|bank|inbox|wallet|"
    r"balance)(?= (?:by|within|in|before|today|tonight|tomorrow)\b)|"
    # "The fitter's coming back Saturday", "Ana is popping round at 4": a visit under way.
    r"(?:is|are|'s|'re) (?:coming|heading|popping|driving) (?:back|round|over|out|to you|to yours)\b|"
    # "Your payment holiday starts from 1 June", "two free nights, starting tonight": a remedy that begins at a time.
    r"(?:holiday|credit|discount|refund|cover|plan|subscription|pause|freeze|upgrade|membership|access|service|rate|"
    r"price|waiver|warranty|months?|nights?|weeks?)(?: \w+)? (?:starts?|begins?|kicks? in|takes? effect)(?= (?:from|"
    r"on|at|today|tonight|tomorrow|this|next|with|in|within|immediately|right away|straight away)\b)|, starting (?=(?:"
    r"today|tonight|tomorrow|from|this|next|with|immediately)\b)|"
    # "I was able to book you in for Friday", "we managed to get a slot tomorrow": the agent's success, a step done.
    r"(?:(?:i|we) (?:was|were) able to|(?:i|we) managed to)(?= (?:\w+ )?(?:book|re-?book|move|secure|get|arrange|"
    r"reserve|re-?schedule|find|squeeze|fit|hold|swap)\b)|"
    # "Your next statement will reflect it": the bill that shows the remedy.
    r"your next (?:invoice|bill|statement) (?:will|should) (?:reflect|show|include)\b|"
    # "Your solicitor gets a copy today": who receives the remedy, and when.
    r"(?:you|your \w+) (?:gets?|receives?) (?:a|an|the|your|it|them)\b|"
    # "It leaves our warehouse tonight", "reaches your hotel by 9pm": a thing on its way, with its time.
    r"(?:leaves|reaches) (?:our|the|your) \w+(?= (?:tonight|today|tomorrow|by|on|at|this|before|within)\b)|"
    # "The returns label is coming within 15 minutes": a thing on its way, with its time.
    r"(?:is|are|'s|'re) coming(?= (?:to you |your way |over )?(?:within|by|in|today|tonight|tomorrow|this|on|first|"
    r"before)\b)|"
    # "The hotel has your room ready from 3pm": a remedy held ready for the customer.
    r"(?:has|have|'s got|'ve got) (?:your|the) (?:\w+ ){0,2}?(?:ready|booked|reserved|waiting|held)\b|"
    # "You're booked on the 16:45": the customer booked in.
    r"'re (?:booked|scheduled|re-?booked) (?:on|in|for|onto)\b"
    r")",
    _I | re.M,
)
#: Owners that only open a sentence, tried with .match (an anchored alternative in COMMITMENT would slow its scan).
_TERSE_OWNER = re.compile(
    # "- New router posted tomorrow", "Refund sent today by bank transfer": a terse line, the remedy with its time.
    r"(?:[-*•·–—>]\s*)?(?:[\w'£$€,-]+ ){1,4}?(?:posted|sent|delivered|collected|credited|refunded|shipped|"
    r"dispatched|couriered|e-?mailed|fitted|installed|paid|transferred|issued|re-?issued)(?= (?:(?:to|back to|into|"
    r"on|in) (?:you|your \w+) |back |out )?(?:today|tonight|tomorrow|by|within|in \d|in the next|this|next|first "
    r"thing|on (?:mon|tue|wed|thu|fri|sat|sun)))|"
    # "Rebooked Thurs 9-11", "Moved your slot to Mon 2pm": a terse note of a booking made, with its new time.
    r"(?:re-?booked|re-?scheduled|re-?arranged|moved|booked|confirmed)(?= (?:you|it|them|your \w+(?: \w+)?) "
    r"(?:for|to|on|in|at|into)\b| (?:for|to|on|in|at|into)\b| (?!for\b|to\b|on\b|in\b|at\b|into\b)\w)|"
    # "In your account by 6pm": where the remedy lands, by when.
    r"(?:in|on|into) your (?:account|card|bank|inbox|wallet|balance)(?= (?:by|within|in|before|today|tonight|"
    r"tomorrow)\b)|"
    # "Saturday 8am, courtesy car ready", "Please expect it by Friday": COMMITMENT's, at the start of a sentence.
    r"(?=\w)" + _READY + "|" + _EXPECT + "|"
    # "Engineer: Tuesday 9am": a label on a terse line (see _GREETING for a sender's name before a greeting).
    r"(?:[a-z][\w ]{2,30}):\s"
)
#: "Ticket resent to your phone just now": a terse note of a delivery just made (tried with .match).
_TERSE_DONE = re.compile(
    # "Ticket resent to your phone just now": a terse note of a delivery just made.
    r"(?:[\w'-]+ ){0,3}?(?:re-?sent|sent|e-?mailed|texted|refunded|credited|unlocked|unblocked|restored|"
    r"re-?issued|cancelled|waived)\b[^.!?\n]{0,40}\b(?:just now|right now|a (?:moment|minute) ago)\b"
)
#: Remedies already done that the customer can see or use right away ("the voucher is on your account now",
#: "both show in your app now", "your direct debit is paused as of now"), or at a named point ("a credit has been
#: applied to your next invoice": the invoice is when the customer sees it).
AVAILABLE_NOW = re.compile(
    r"\b(?=['abdhinorstuvwy])(?:"  # what every alternative starts with (see COMMITMENT)
    r"\b(?:(?:on|in|to|under) your (?:account|wallet|card|app|inbox|balance|profile|dashboard)|ready to use|unlocked|"
    r"unblocked|(?:'s|is|are) there|done|(?:shows?|showing|appears?)(?: up)? (?:in|on|under) (?:your|the)|visible|"
    r"(?:is|are|'s|been|'ve) (?:now )?(?:paused|cancelled|"
    r"applied|waived|back|restored|active|live|credited|refunded|gone|removed|cleared|lifted|deleted|reinstated|"
    r"reactivated|reversed|unfrozen|extended|upgraded|added))\b"
    r"[^.!?\n]{0,30}\b(?:now|already|right now|straight away|with immediate effect|(?:from|as of|effective|since) "
    r"(?:today|this morning|this afternoon)|"
    r"(?:available|ready) (?:for|to) (?:immediate )?use)\b|"
    # "The code is WELCOME20 and it works straight away".
    r"\b(?:it|this|the code|the voucher|the link|the pass|the ticket|that) (?:works|is valid|is live|is active|"
    r"applies|is ready)\b[^.!?\n]{0,20}\b(?:now|straight away|right away|immediately)\b|"
    # "It's now applied", "your access has been now restored": done, said with "now" before the verb.
    r"\b(?:is|are|'s|'re|has been|have been|'ve been|been) now (?:paused|cancelled|applied|waived|restored|active|"
    r"live|credited|refunded|gone|removed|cleared|lifted|deleted|fixed|unlocked|unblocked|reinstated|reactivated)\b|"
    r"\byou can (?:now )?(?:log ?in|log back in|sign in|use|access|download|see|find|collect|pick|check in|board|book|"
    r"order|travel|fly|stream|watch|spend|redeem|withdraw|pay|shop|drive|reorder|rebook)\b"
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
    r"reinstated)\b(?! (?:it |them )?(?:to )?(?:the |our |my )?(?:team|colleague|manager|department|supervisor)s?\b)"
    r")",
    _I,
)
#: Remedies done earlier today ("I removed you from the list this morning"), or where the customer finds them now
#: ("tickets issued, check your email"): looked for only when the sentence has the words they need.
_DONE_RECENTLY = re.compile(
    # "I removed you from the postal file this morning": a remedy the agent finished earlier today.
    r"\b(?:i|we) (?:just |already |personally )?(?:removed you|took you off|refunded|credited|re-?sent|re-?issued|"
    r"re-?booked|reinstated|restored|reactivated|unblocked|unlocked|waived|reversed|cancelled the (?:charge|fee|"
    r"duplicate)|corrected|fixed)\b(?![^.!?\n]*\b(?:by mistake|in error|wrongly|accidentally|without)\b)[^.!?\n]{0,60}"
    r"\b(?:this morning|this afternoon|earlier today|an hour ago|(?:a few|\d+|two|five|ten|twenty) minutes ago)\b|"
    # "Payment of £85 was sent to your bank this morning", "your records have been sent to the vet 10 minutes ago".
    r"\b(?:was|were|has been|have been|'s been|'ve been) (?:sent|re-?sent|refunded|credited|paid|transferred|"
    r"issued|re-?issued|reinstated|restored|unblocked|unlocked|reactivated|waived|reversed|e-?mailed|forwarded|"
    r"posted|dispatched|released)\b(?![^.!?\n]*\b(?:by mistake|in error|wrongly|accidentally|without)\b)"
    r"[^.!?\n]{0,60}\b(?:today|this morning|this afternoon|earlier today|an hour ago|(?:a few|\d+|two|five|ten|twenty) "
    r"minutes ago)\b"
)
_FIND_IT = re.compile(
    # "New tickets issued, check your email": a delivery made, where the customer finds it now.
    r"\b(?:sent|re-?sent|issued|re-?issued|e-?mailed|texted|added|applied|credited|unlocked|restored|reset|attached|"
    r"uploaded)\b[^.!?\n]{0,40}\b(?:check|look in|have a look in|see) (?:your|the) (?:email|e-mail|inbox|app|account|"
    r"spam|junk|"
    r"messages|texts|phone)\b"
)
#: Times _text.TIME does not know: ranges ("in 3-5 days"), day-first dates ("your 28 June bill"), "for the next
#: ten minutes".
_MONTHS = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*"
_SHORT_DAY = r"\b(?:mon|tues?|weds?|thu|thur|thurs|fri|sat|sun)"
_WORD_TIME_KEYS = keys(
    "mon tue tues wed weds thu thur thurs fri sat sun close play eod cob eop few couple before ahead january february "
    "march april may june july august september october november december"
)
MORE_TIME = re.compile(
    r"\b(?=[abfgintuwy\d])"  # what every alternative starts with (see COMMITMENT)
    r"(?:(?:in|within) (?:the next )?\d+ ?(?:-|–|to) ?\d+ (?:business |working )?(?:minutes?|hours?|days?|weeks?)|"
    r"(?:for|in|within) the next (?:\w+ )?(?:minutes?|hours?|days?)|"
    # "in about 40 minutes", "within roughly 2 hours".
    r"(?:in|within) (?:about|around|roughly|approximately|approx|under|less than|no more than|another|a further) "
    r"\d+ ?(?:-|–|to) ?\d+ (?:business |working )?(?:minutes?|mins?|hours?|hrs?|days?)|"
    r"(?:in|within) (?:about|around|roughly|approximately|approx|under|less than|no more than|another|a further) "
    r"\d+ (?:business |working )?(?:minutes?|mins?|hours?|hrs?|days?)|"
    # "I've unblocked your card - give it 10 minutes and try again": a wait the customer can count.
    r"(?:give it|allow|wait|after) (?:up to |about |around |another |roughly )?\d+ (?:more )?(?:minutes?|mins?|hours?|"
    r"(?:business |working )?days?)|"
    # "a text 30 minutes before the engineer arrives": an offset from an event still to come.
    r"\d+ (?:minutes?|mins?|hours?|days?) (?:before|ahead of|after) (?:it|they|the|your|we|i|he|she)\b|"
    rf"(\d{{1,2}}(?:st|nd|rd|th)? (?:of )?{_MONTHS})\b|"
    # "message you by 6", "a driver with you before 11", "at 10 tomorrow": an hour of the clock without am/pm; and
    # "should show in 24h", "within 48hrs", "back in 10 mins": units written short.
    r"(?:by|before|at|around|after|until|till|from|in|within|under|next|up to) (?:(?:1[0-2]|[1-9])(?: ?o'clock)?"
    r"(?= ?(?:[.,;!?]|$|tomorrow|today|tonight|this|on \w+day|and|with|latest|at the latest|o'clock))|\d+ ?(?:h|hrs?|"
    r"mins?)\b)|"
    # "Your next statement will reflect it".
    r"your next (?:invoice|bill|statement)(?= (?:will|should) (?:reflect|show|include)\b))",
    _I,
)
#: Times in words TIME_KEYS does not hold, looked for only when one of _WORD_TIME_KEYS is in the sentence.
_WORD_TIMES = (
    (
        # "Rebooked Weds 8-12", "I'll text you Tues pm", "on Fri": day names written short, where they name a day.
        keys("mon tue tues wed weds thu thur thurs fri sat sun"),
        None,
        re.compile(
            rf"{_SHORT_DAY}\.?(?= ?(?:\d|am\b|pm\b|a\.m|p\.m|morning|afternoon|eve|evening|night|lunch|by\b|before\b|"
            rf"after\b))|\b(?:on|by|for|this|next|until|till|before|from|to|booked|rebooked|arriving) {_SHORT_DAY}\b"
        ),
    ),
    (
        # "applied to your March bill": a bill named by its month is when the customer sees the remedy.
        keys("january february march april may june july august september october november december"),
        None,
        re.compile(rf"\b(?:to|on|in|from|off) your {_MONTHS} (?:invoice|bill|statement)\b"),
    ),
    (
        # "by close of play", "end of play today", "by EOD": the end of a working day, in office words.
        keys("close play eod cob eop"),
        None,
        re.compile(
            r"\b(?:close|end) of (?:play|business|the working day|the day|today|tomorrow)|\b(?:by|before) (?:eod|cob|"
            r"eop)\b"
        ),
    ),
    (
        # "a text an hour before delivery", "a reminder a day ahead of it": an offset from an event still to come.
        keys("before ahead"),
        keys("minute minutes hour hours day days"),
        re.compile(
            r"\b(?:an?|one|two|three|half an?) (?:minutes?|hours?|days?) (?:before|ahead of) (?:it|they|the|your|we|i|"
            r"he|she|delivery|arrival|collection|pickup|pick-up|departure)\b"
        ),
    ),
    (
        # "in a few days", "within a couple of hours": a bounded wait, unlike "soon" -- but too loose to pin down an
        # empty action ("we'll be in touch in a few days").
        keys("few couple"),
        None,
        re.compile(
            r"(?P<weak>\b(?:in|within) (?:the next )?(?:a )?(?:few|couple(?: of)?) (?:more )?(?:minutes|hours|"
            r"(?:business |working )?days|weeks))"
        ),
    ),
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
    r"\bwhenever (?:you (?:get|have|find) (?:a|the) (?:chance|moment|minute)|you can|it suits)\b[^.!?\n,;]*|"
    # "as soon as they can": someone else's earliest convenience is no time.
    r"\b(?:as soon as|when|whenever|once) (?:they|he|she|someone|the (?:\w+ )?team|our (?:\w+ )?team|the \w+)"
    r"(?: can| are able| is able|'re able|'s able| gets? a chance| gets? round to it| ha(?:ve|s) (?:a|the) (?:chance|"
    r"capacity|time))\b[^.!?\n,;]*"
)
_VAGUE_TRIGGER_KEYS = keys("once when whenever if soon after")
#: "I'll get this escalated to our delivery team right away": handing the case on inside the company is no step for
#: the customer, however soon it happens; its time is taken out with it (the owner stays, for a second verb:
#: "I'll escalate it today and call you by 5pm").
_HANDOFF = re.compile(
    r"\b((?:i|we)(?:'ll| will|'ve| have|'m going to| am going to|'re going to| are going to|'m| am|'re| are)?) "
    r"(?:just |now |also |"
    r"already |personally )?(?:get (?:this|it|that|your \w+(?: \w+)?) )?(?:escalat\w*|flag\w*|pass\w* (?:this|it|that|"
    r"your \w+(?: \w+)?) (?:on|along|to)|forward\w* (?:this|it|that|your \w+(?: \w+)?) to|rais\w* (?:this|it|that)|"
    r"logg?\w* (?:this|it|that))\b[^.!?\n,;]*?(?= and | plus | but |[,;:—–.!?]|$)"
)
_HANDOFF_KEYS = keys(
    "escalate escalated escalating escalate flag flagged flagging pass passed passing forward forwarded forwarding "
    "raise raised raising log logged logging"
)
#: Actions that commit to nothing, whenever they happen.
VAGUE_ACTION = re.compile(
    r"\b(?:decide (?:on )?(?:the )?(?:next steps|what|how)|(?:see|work out|figure out|decide|discuss) what (?:we|i) "
    r"can do|take it from there|look into|get back to you|be in touch|keep you (?:posted|updated|informed)|"
    r"update you|let you know|share more|review|investigate|consider|assess|evaluate|follow up on this|"
    r"(?:take|have) a (?:look|closer look)|look at (?:it|this|that|what)|"
    r"make (?:any|the) (?:necessary|needed|"
    r"required|appropriate) (?:adjustments|changes|corrections))\b",
    _I,
)
_VAGUE_ACTION_KEYS = keys(
    "decide see work figure discuss take look get be keep update let share review investigate follow make consider "
    "assess evaluate"
)
#: Warm but empty: what the finding points at when no concrete step exists.
VAGUE = re.compile(
    r"\b(?=[adfhijlopstw])"  # what every alternative starts with (see COMMITMENT)
    r"(?:(?:we|i|they|the team|our team)(?:'ll| will| are| am|'re|'m)? (?:look(?:ing)? into (?:it|this|that|what|"
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
        tried = sorted(_with_lead_ins(split_sentences(low), low), key=_unlikely)
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
#: "To make this right, we'll:" followed by "- Credit three months to your account today": the owner is in the
#: line that leads into a list, the action and its time in each item.
_LEAD_IN = re.compile(r".*:$")
_BULLET = re.compile(r"(?:[-*•·–—>]|\d{1,2}[.)]|\(?[a-z]\))\s*")
#: "We've done the following:" leads into "cancelled the charge": what is left is "we've cancelled the charge".
_LEAD_TAIL = re.compile(
    r"(?: (?:done|do|doing|did|taken|take|taking))?(?: (?:the following(?: steps?)?|these(?: \w+)? (?:things|steps)|"
    r"this|(?:a few|two|three|four) (?:things|steps)))?\s*:$"
)
_LIST = re.compile(r":\s*\n\s*(?:[-*•·–—>]|\d{1,2}[.)]|\(?[a-z]\))")


def _with_lead_ins(
    found: Iterator[tuple[int, int, str, frozenset[str]]], low: str
) -> Iterator[tuple[int, int, str, frozenset[str]]]:
    """The sentences, and each list item read with the line that leads into its list ("we'll: - refund ...")."""
    if ":" not in low or _LIST.search(low) is None:
        return found
    return _lead_ins(found)


def _lead_ins(found: Iterator[tuple[int, int, str, frozenset[str]]]) -> Iterator[tuple[int, int, str, frozenset[str]]]:
    lead: tuple[int, int, str, frozenset[str]] | None = None
    for sentence in found:
        yield sentence
        s = sentence[2]
        if _LEAD_IN.match(s):
            lead = sentence
        elif lead is not None and (bullet := _BULLET.match(s)) is not None:
            said = _LEAD_TAIL.sub("", lead[2])
            yield (sentence[0], sentence[1], said + " " + s[bullet.end() :], lead[3] | sentence[3])
        else:
            lead = None


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
    timed = not _TIMED_KEYS.isdisjoint(found) or has_digit(s)
    triggered = not _TRIGGERED_KEYS.isdisjoint(found)
    if not (timed or triggered):
        return False  # nothing pins it down, whoever commits to it
    pinned = VAGUE_TIME.sub(_vague_time, s) if not VAGUE_TIME_KEYS.isdisjoint(found) else s
    if triggered and not _VAGUE_TRIGGER_KEYS.isdisjoint(found):
        pinned = VAGUE_TRIGGER.sub(" ", pinned)
    if not _HANDOFF_KEYS.isdisjoint(found):
        pinned = _HANDOFF.sub(r"\1 ", pinned)
    if (
        not _AVAILABLE_KEYS.isdisjoint(found)
        or (not _TODAY_KEYS.isdisjoint(found) and not _FROM_KEYS.isdisjoint(found))
    ) and AVAILABLE_NOW.search(pinned) is not None:
        return True
    # The rarer shapes of a done remedy are looked for only when no one commits to a step.
    return _owned_step(pinned, found, timed, triggered) or (
        not _ANY_AVAILABLE_KEYS.isdisjoint(found) and _available(pinned, found)
    )


def _owned_step(pinned: str, found: frozenset[str], timed: bool, triggered: bool) -> bool:
    """Whether someone commits in ``pinned`` to an action pinned to a time or trigger."""
    # What pins the step down does not depend on who commits to it; checked first, as it is the cheaper test.
    at_time = timed and _pinned_time(pinned, found if not _WORD_TIME_KEYS.isdisjoint(found) else None)
    if not (at_time or (triggered and _triggered(pinned, found))):
        return False
    # "We'll be in touch when we hear something": a trigger cannot rescue an empty action, whoever commits to it
    # (ruled out before the owners are looked for, the costliest test).
    if (
        at_time is not True
        and not _VAGUE_ACTION_KEYS.isdisjoint(found)
        and any(
            _PURPOSE.search(pinned, max(0, m.start() - 40), m.start()) is None for m in VAGUE_ACTION.finditer(pinned)
        )
    ):
        return False
    vouched = _VOUCH.search(pinned) if not _VOUCH_KEYS.isdisjoint(found) else None
    # Somebody commits to it.
    return any(
        not (
            negated_before(pinned, owner.end(), 25)
            or ((act := _NO_ACTION.match(pinned, owner.end())) is not None and _takes_back(pinned, act))
            or (_VAGUE_AFTER_OWNER.match(pinned, owner.end()) is not None and _vague_unpinned(pinned, owner, found))
            or (owner.group(0)[0] == "a" and _not_the_remedy(pinned, owner))
            or (owner.re is _NAMED and _NOT_NAMED.search(pinned, max(0, owner.start() - 9), owner.start()) is not None)
            or (owner.group(0).endswith(": ") and _GREETING.match(pinned, owner.end()) is not None)
            or _IF_BEFORE.search(pinned, max(0, owner.start() - 8), owner.start())
            or (vouched is not None and _vouched(owner, vouched))
        )
        for owner in _owners(pinned, found)
    )


def _owners(s: str, found: frozenset[str]) -> Iterator[re.Match[str]]:
    """Who might commit to a step in ``s``, likeliest first (each kind looked for only when the last had none)."""
    yield from COMMITMENT.finditer(s)
    if ":" in s or not _TERSE_KEYS.isdisjoint(found):
        m = _TERSE_OWNER.match(s)
        if m is not None:
            yield m
    if _more_owners(s, found):
        yield from _MORE_OWNERS.finditer(s)
    if not _PROMISE.isdisjoint(found):
        yield from _NAMED.finditer(s)


#: "... and ring you to let you know it is in place": an empty action that is only the purpose of a real one.
_PURPOSE = re.compile(
    r"\b(?:call|ring|phone|text|email|e-mail|message|visit|write to) (?:you|them|him|her)(?: back)?(?: \w+)? to $"
)


#: "As a priority appointment", "as a priority booking": a kind of booking, not a vague time.
_PRIORITY_THING = re.compile(
    r"as a (?:priority|matter of urgency) (?:appointment|booking|slot|visit|delivery|job|call-out|callout|case|"
    r"order)s?\b"
)


#: "... as a priority and it will be in your wallet within the hour": a second clause after a vague time is a step
#: of its own.
_NEXT_CLAUSE = re.compile(r" (?:and|but|then|so|plus) (?=(?:i|we|it|they|you|he|she|your|the|this)\b)")


def _vague_time(m: re.Match[str]) -> str:
    """What VAGUE_TIME removes, except a priority booking, whose own time then still pins the step down, and a
    clause joined after it."""
    said = m.group(0)
    if _PRIORITY_THING.match(said):
        return said
    joined = _NEXT_CLAUSE.search(said)
    return " " if joined is None else " " + said[joined.start() :]


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
#: "Priya will ring you", "Mina, our duty manager, will phone you", "the clinic will contact you": anyone named
#: committing to a concrete action -- not "someone", nor the customer, nor a thing (COMMITMENT has those).
_NAMED = re.compile(
    r"(?<=[\w,])(?: will|'ll) (?:personally |also |then |now )?(?:call|ring|phone|email|e-mail|text|message|visit|"
    r"contact|send|deliver|collect|come|fit|install|refund|credit|pay|post|dispatch|book|repair|replace|fix|bring|"
    r"drop|pick|meet|reverse|waive|re-?issue|re-?send|swap|exchange|arrange|confirm|transfer)\b"
)
#: Who cannot own a step named by _NAMED.
_NOT_NAMED = re.compile(
    r"\b(?:it|this|that|which|there|what|nothing|someone|somebody|anyone|anybody|nobody|you|no[- ]one|none)$"
)
#: "... if we can": an owner in a condition commits to nothing.
_IF_BEFORE = re.compile(r"\b(?:if|whether|unless) $")
#: "We'll try to get it resolved today": trying and hoping commit to nothing.
_TRYING = re.compile(
    r"\s*(?:(?:try|hope|attempt|endeavou?r|aim) to|do (?:our|my|their|his|her) (?:best|utmost)|do (?:everything|all|"
    r"whatever) (?:we|i|they|he|she) (?:can|possibly can))\b"
)
#: "I'm so sorry about Saturday", "we're aware of it": a feeling or awareness, not someone committing to act.
_FEELING = re.compile(
    r"\s*(?:so |really |very |truly |deeply |terribly |incredibly |genuinely |fully |well )?(?:sorry|afraid|aware|"
    r"sad|gutted|embarrassed|disappointed|frustrated|ashamed|grateful|thankful|upset|mortified|"
    r"(?:glad|happy|pleased)(?! to\b))\b"
)
_I_WILL = re.compile(r"\b(?:i|we)(?:'ll| will)\b")
#: "I can only imagine how hard it is with work starting next week": understanding the customer commits to nothing.
_EMPATHY = re.compile(
    r"\s*(?:only |totally |completely |fully |really |well |certainly |absolutely |just )?(?:imagine|understand|"
    r"appreciate|see (?:why|how|that|what)|hear (?:how|that)|tell (?:how|that)|relate|picture|"
    # "We'd like to apologise for the error on your 5 May statement": an apology or thanks is no action.
    r"(?:sincerely |again |also )?(?:apologi[sz]e|say sorry|thank|express (?:my|our)|acknowledge|reassure))\b"
)
#: "We're looking into it", "we are reviewing this": an investigation under way commits to no step, whatever time
#: the sentence names elsewhere ("your guests arriving on Saturday deserve better; we're looking into it").
_LOOKING = re.compile(
    r"\s*(?:still |now |currently |already |actively )?(?:looking into|investigating|reviewing (?:it|this|that|what|"
    r"why|how)|working on (?:it|this|that|a fix)|on it)\b(?! (?:it |this |that )?(?:now |today |tonight |this \w+ )?"
    r"(?:and|so)\b)"
)
#: "Arriving at 11pm with two tired children ... is the last thing anyone should face", "you're arriving at 3pm": an
#: arrival that is the customer's, or the subject of a remark, is no remedy on its way.
_CUSTOMER_ARRIVING = re.compile(
    r"\b(?:you're|you are|you were|you'll be|were|was|after|before|since|guests|family|children|kids|friends|parents|"
    r"visitors|passengers|relatives|clients|customers|people|everyone) (?:\w+ )?$"
)
#: "We'd like to offer you a 20% credit on your next invoice": an offer proposes a remedy; nobody has done it yet,
#: and the invoice is where it would land, not when anything happens.
_OFFER = re.compile(r"\s*(?:also |now |happily |gladly )?(?:offer|propose|suggest)\b")
_NEXT_BILL = re.compile(r"\b(?:on|in|to|off|from|against) your next (?:invoice|bill|statement|order|renewal|booking)\b")
_GERUND_SUBJECT = re.compile(r"arriving\b[^,;:]*\b(?:is|was|isn't|wasn't) (?:the|a|an|not|no|never)\b")


def _not_the_remedy(s: str, owner: re.Match[str]) -> bool:
    if not owner.group(0).startswith("arriving"):
        return False
    at = owner.start() + (owner.group(0)[0] != "a")
    return _CUSTOMER_ARRIVING.search(s, max(0, at - 25), at) is not None or (
        at == 0 and _GERUND_SUBJECT.match(s) is not None
    )


#: "TyreDash: Hi Gareth, ...": a sender's name before the greeting, not a label on a booked step.
_GREETING = re.compile(r"(?:hi|hello|hey|dear|good (?:morning|afternoon|evening)|thanks|thank you|sorry)\b")
_NOT_AFTER = re.compile(r"\s*(?:not|never|n't|no|nothing)\b")
#: What may follow an owner and take the commitment back: a negation, a feeling, trying, empathy, an investigation
#: under way, or an offer (one regex, as every owner is tried against all of them).
_NO_ACTION = re.compile(
    r"\s*(?:"
    + "|".join(p.pattern.removeprefix(r"\s*") for p in (_NOT_AFTER, _FEELING, _TRYING, _EMPATHY, _LOOKING))
    + "|(?P<offer>"
    + _OFFER.pattern.removeprefix(r"\s*")
    + "))"
)


#: "We'll keep you posted", "we'll be in touch": an empty action counts only when its own clause says when ("we'll be
#: in touch by Friday"), not when the time belongs to something else ("the flight leaves at 6pm ... we'll keep you
#: posted").
_VAGUE_AFTER_OWNER = re.compile(
    r"\s*(?:also |then )?(?:keep you (?:posted|updated|informed|in the loop)|be in touch|get back to you|let you know|"
    r"update you|reach out|look into|follow up)\b"
)
_CLAUSE_END = re.compile(r"[,;:.!?—–]| and | but | so ")
_CLAUSE_START = re.compile(r".*(?:[,;:.!?—–]| and | but | so )", re.S)


def _vague_unpinned(s: str, owner: re.Match[str], found: frozenset[str]) -> bool:
    """Whether ``owner`` commits only to an empty action with no time of its own."""
    m = _VAGUE_AFTER_OWNER.match(s, owner.end())
    if m is None:
        return False
    end = _CLAUSE_END.search(s, m.end())
    start = _CLAUSE_START.match(s, 0, owner.start())
    clause = s[start.end() if start else 0 : end.start() if end else len(s)]
    return not (_pinned_time(clause, found) or _triggered(clause, found))


def _takes_back(s: str, m: re.Match[str]) -> bool:
    """Whether ``m`` (_NO_ACTION, right after an owner) takes the commitment back. An offer does only when it has no
    time of its own ("I'd like to offer you a slot on Thursday" is a step); "a credit on your next invoice" is where
    it would land, not when anything happens."""
    if m.lastgroup != "offer":
        return True
    return "next" in s and _NEXT_BILL.search(s) is not None and not _pinned_time(_NEXT_BILL.sub(" ", s))


_AVAILABLE_KEYS = keys("now already away immediately immediate effect invoice bill statement")
#: "I removed you from the list this morning", "live on your account from today": done remedies at a recent time.
_RECENT_KEYS = keys("morning afternoon earlier ago today")
_FROM_KEYS = keys("from as effective since")
_TODAY_KEYS = keys("today morning afternoon")
_WE_KEYS = keys("i we was were been")
_MAYBE_AVAILABLE_KEYS = _RECENT_KEYS | {"today", "check", "look", "see"}
_FIND_KEYS = keys("check look see")
_ANY_AVAILABLE_KEYS = _MAYBE_AVAILABLE_KEYS | {"ago", "now"}


_MORE_OWNER_KEYS = keys(
    "leaves reaches has have got coming get gets receive receives able managed been post mail through your coming "
    "heading popping driving starts start begins begin kicks takes starting reversing refunding crediting sending "
    "posting couriering booking rebooking calling ringing phoning delivering collecting fixing repairing "
    "replacing shipping dispatching reissuing re-issuing resending re-sending arranging fitting installing "
    "waiving cancelling transferring paying booked scheduled rebooked"
)


def _more_owners(s: str, found: frozenset[str]) -> bool:
    """Whether _MORE_OWNERS can match in ``s`` (a word it needs is there)."""
    return not _MORE_OWNER_KEYS.isdisjoint(found) or " be " in s or " get " in s


#: Words one of which every _TERSE_OWNER match has, but for a label ("Engineer: ..."), which has a colon.
_TERSE_KEYS = keys(
    "posted sent delivered collected credited refunded shipped dispatched couriered emailed e-mailed fitted installed "
    "paid transferred issued reissued re-issued rebooked re-booked rescheduled re-scheduled rearranged re-arranged "
    "moved booked confirmed ready reserved arranged held processed expect your"
)


def _available(s: str, found: frozenset[str]) -> bool:
    """Whether ``s`` tells of a remedy done just now or earlier today, or one the customer finds now (AVAILABLE_NOW
    has the common shapes)."""
    if ("now" in found or "ago" in found) and _TERSE_DONE.match(s) is not None:
        return True
    if _MAYBE_AVAILABLE_KEYS.isdisjoint(found):
        return False
    if not _RECENT_KEYS.isdisjoint(found) and not _WE_KEYS.isdisjoint(found) and _DONE_RECENTLY.search(s):
        return True
    return "your" in found and not _FIND_KEYS.isdisjoint(found) and _FIND_IT.search(s) is not None


#: A clause of thanks or apology: the times in it are when something happened.
_EVENT = re.compile(
    r"\b(?:thanks?(?: you)? for|sorry (?:for|about)|apolog\w* for)\b(?![^,;:.!?—–]*(?:'ll|\bwill\b|\bgoing to\b))"
    r"[^,;:.!?—–]*$"
)
#: "Sorry about Saturday", "the mix-up over Tuesday" -- but "I'm sending it over tonight" is when it goes.
_ABOUT_ENDS = ("about ", "regarding ", "over ")
_ABOUT = re.compile(
    r"\b(?:about|regarding) $|\b(?:sorry|apologies|upset|annoyed|worried|frustrat\w*|confusion|trouble|problems?|"
    r"issues?|mix-up|fuss|row|dispute) over $"
)
_AFTER_EVENT = ("after ", "when ")
_ASKED_KEYS = keys(
    "reply send email message text call ring tell pop drop forward upload share pick choose book replied sent emailed "
    "messaged uploaded shared confirm confirmed picked chose booked return returned dropped forwarded fill filled sign "
    "signed"
)
_TRIGGERED_KEYS = TRIGGER_KEYS | _ASKED_KEYS
# An offset names a unit, in TIME_KEYS; "with immediate effect" is when a done remedy applies (AVAILABLE_NOW).
_TIMED_KEYS = TIME_KEYS | (_WORD_TIME_KEYS - {"before", "ahead"}) | {"effect", "immediate"}


def _triggered(s: str, found: frozenset[str]) -> bool:
    """Whether ``s`` pins a step to a trigger. "After"/"when" with nothing still to come in the sentence ("an issue
    affecting subscribers after the latest update") tells when something happened, not when a step will."""
    for m in TRIGGER.finditer(s):
        if m.group(0).startswith(_AFTER_EVENT) and _FUTURE.search(s) is None:
            continue
        return True
    return (
        ("'ll" in s or "will" in s or " you" in s)
        and not _ASKED_KEYS.isdisjoint(found)
        and (_ASKED_FIRST.match(s) is not None or _ASKED.search(s) is not None)
    )


#: "Send us a photo and we'll arrange collection", "just reply with a time and our fitter will come out": what the
#: customer is asked to do, then what happens after it (_text.TRIGGER knows "send me ... and I'll").
_ASK = (
    r"(?:reply|send|email|e-mail|message|text|call|ring|tell|pop|drop|forward|upload|share|pick|choose|book)"
    r"(?: (?:us|me|it|them|over|back))?\b[^.!?\n]{0,60}\b(?:and|then|,) (?!someone|somebody|it\b|this\b|that\b)"
    r"(?:i|we|our \w+|the \w+|he|she|they|[\w-]+)(?:'ll| will)\b(?! (?:be in touch|get back|look into|review|"
    r"let you know|keep you|try))"
)
_ASKED = re.compile(
    r"(?:\b(?:please|just|simply|kindly) |[,;:—–-] )" + _ASK + "|"
    r"\b(?:if|once|when|as soon as) you(?:'ve| have)? (?:reply|replied|send|sent|email|emailed|message|messaged|"
    r"upload|uploaded|share|shared|confirm|confirmed|pick|picked|choose|chose|book|booked|return|returned|drop|"
    r"dropped|forward|forwarded|fill|filled|sign|signed)\b"
)
#: _ASKED at the start of a sentence (tried with .match).
_ASKED_FIRST = re.compile(_ASK)


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


def _pinned_time(s: str, found: frozenset[str] | None = None) -> bool | str:
    """Whether ``s`` names a time a next step can happen at (not one in the past, nor a past event's name)."""
    digit = has_digit(s)
    times = TIME.finditer(s) if digit or any(part in s for part in _TIME_PARTS) else ()
    for time in times:
        if (
            _past(s, time.start())
            or s.startswith("'s", time.end())
            or (s.endswith(_ABOUT_ENDS, 0, time.start()) and _ABOUT.search(s, max(0, time.start() - 20), time.start()))
        ):
            continue  # "Sunday's update", "sorry about Saturday" name an event, not when anything happens
        if s.startswith("on ", time.start()) and _done_on(s, time.start() + 3):
            continue  # "the incident that affected the dashboard on Monday" is when it happened
        if _EVENT.search(s, max(0, time.start() - 60), time.start()):
            continue  # "thank you for flagging this on Friday" is when the customer did something
        if time.group(0).startswith(("every", "each")) and _FUTURE.search(s) is None:
            continue  # "we check every order each morning" is a habit, not a step; "I'll check each morning" is
        return True
    more = MORE_TIME.finditer(s) if digit or "next" in s else ()  # every match has one of these
    weak = False
    if found is not None:
        more = itertools.chain(
            more,
            *(
                p.finditer(s)
                for k, also, p in _WORD_TIMES
                if not k.isdisjoint(found) and (also is None or not also.isdisjoint(found))
            ),
        )
    for time in more:
        if not (
            _past(s, time.start())
            or (time.re is MORE_TIME and time.group(1) and _DONE_ON.search(s, max(0, time.start() - 40), time.start()))
            or _EVENT.search(s, max(0, time.start() - 60), time.start())
        ):
            if time.lastgroup != "weak":
                return True
            weak = True
    return _WEAK if weak else False


#: What _pinned_time returns for a loose time ("in a few days"): it pins a remedy down, not an empty action.
_WEAK = "weak"


def _done_on(s: str, at: int) -> bool:
    """Whether the "on" ending at ``at`` follows a verb in the past ("affected the dashboard on"), with no future
    auxiliary before it in the clause ("we'll have it delivered on" is still to come)."""
    start = max(0, at - 40)
    return _DONE_ON.search(s, start, at) is not None and _FUTURE.search(s, start, at) is None


#: Words that put the time after them in the past: "we missed the pickup on Monday", and reported promises ("we
#: told you someone would call on Tuesday") -- the broken promise, not the next step.
_PAST = re.compile(
    r"\b(?:missed|happened|(?:was|were)(?! able\b)|had|did|last|since|ago|earlier|supposed to|should have|would have|"
    r"didn't|"
    r"wasn't|weren't|hadn't|couldn't|failed to|began|broke|stopped|failed|crashed|occurred|went (?:down|wrong|off)|"
    r"ran out|expired)(?!\w)[^,;]*$"
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
