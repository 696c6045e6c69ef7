"""Tests for the example guardrail, written with the fixtures replydraft ships (no conftest needed)."""

from __future__ import annotations

import replydraft_example_jargon
from replydraft_example_jargon import Jargon


def test_registers_through_the_hook(plugin_guardrails):
    (guardrail,) = plugin_guardrails(replydraft_example_jargon)
    assert guardrail.id == "jargon" and guardrail.severity == "warning"


def test_flags_jargon_with_a_plain_words_suggestion(assert_flags):
    (finding,) = assert_flags(Jargon(), "Your RMA has been approved.", quote="RMA", count=1)
    assert finding.suggestion == "return"


def test_flags_every_term(assert_flags, make_case):
    assert_flags(Jargon(), "I escalated your ticket to L2 after the backend sync job failed.", make_case(), count=4)


def test_plain_words_pass(assert_passes):
    assert_passes(Jargon(), "I've emailed you a return label; our specialist team will call you by 5pm today.")


def test_acronyms_are_case_sensitive(assert_passes):
    assert_passes(Jargon(), "That's an eta-free zone, says my sla-ying colleague.")
