"""pytest fixtures and helpers for guardrail authors, loaded automatically through the ``pytest11`` entry point.

Testing a guardrail takes a few lines::

    from my_plugin import Jargon

    def test_flags_jargon(assert_flags, make_case):
        assert_flags(Jargon(), "Your RMA was escalated to L2.", make_case(), quote="RMA")

    def test_plain_words_pass(assert_passes):
        assert_passes(Jargon(), "I've sent a return label to your email.")

and to check the plugin registers it through the hook, as the host will load it::

    import my_plugin

    def test_registers(plugin_guardrails):
        assert [g.id for g in plugin_guardrails(my_plugin)] == ["jargon"]

The helpers are plain functions too (``from replydraft.testing import assert_flags``). They run the guardrail the
way the engine does (isolated, with its output validated), so a guardrail that raises or returns something
malformed fails the test with the reason instead of passing silently.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterable
from typing import Any

import pytest

from .case import Case
from .findings import Finding
from .guardrails import GuardrailSettings, run_guardrails

__all__ = [
    "SAMPLE_CASE",
    "assert_flags",
    "assert_passes",
    "check_guardrail",
    "make_case_dict",
    "plugin_guardrails",
]

SAMPLE_CASE: dict[str, Any] = {
    "customer": {"name": "Dana Whitfield", "language": "en"},
    "message": "I was told my desk would arrive Monday. It's Wednesday and it hasn't even shipped.",
    "issue": "Order #4821 missed the warehouse pickup on Monday; not shipped yet.",
    "remedies": [{"id": "overnight", "description": "Free upgrade to overnight shipping", "eta": "arrives Friday"}],
    "channel": "email",
    "agent": {"name": "Sam"},
    "company": {"name": "Northwind Furniture"},
}

# The runner's wording for a guardrail that raised, hung or returned garbage (see guardrails._failure).
_NOT_CHECKED = "the reply was not checked by it"


def make_case_dict(**overrides: Any) -> dict[str, Any]:
    """A valid case document (the sample late-delivery case) with top-level fields replaced by ``overrides``."""
    data = copy.deepcopy(SAMPLE_CASE)
    data.update(overrides)
    return data


def _case(case: Case | dict[str, Any] | None) -> Case:
    if case is None:
        return Case.from_dict(make_case_dict())
    return case if isinstance(case, Case) else Case.from_dict(case)


def check_guardrail(
    guardrail: Any, reply: str, case: Case | dict[str, Any] | None = None, timeout: float = 2.0
) -> list[Finding]:
    """Run one guardrail (or a list of them) as the engine does and return the findings.

    ``case`` is a :class:`~replydraft.Case`, a case dict, or ``None`` for the sample late-delivery case.
    """
    guardrails: Iterable[Any] = guardrail if isinstance(guardrail, (list, tuple)) else [guardrail]
    return run_guardrails(guardrails, reply, _case(case), GuardrailSettings(timeout=timeout))


def _describe(reply: str, findings: list[Finding]) -> str:
    lines = [f"reply: {reply!r}"]
    for f in findings:
        quote = f.quote(reply)
        lines.append(f"  [{f.guardrail}] {f.severity}: {f.message}" + (f" ({quote!r})" if quote else ""))
    return "\n".join(lines) if findings else lines[0] + "\n  (no findings)"


def _crashed(findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if f.message.endswith(_NOT_CHECKED)]


def assert_flags(
    guardrail: Any,
    reply: str,
    case: Case | dict[str, Any] | None = None,
    *,
    quote: str | None = None,
    count: int | None = None,
    severity: str | None = None,
    message: str | None = None,
) -> list[Finding]:
    """Assert that ``guardrail`` reports ``reply`` and return its findings.

    ``quote``: some finding's span must contain this text (case-insensitive). ``count``: exactly this many
    findings. ``severity``: every finding has it. ``message``: some finding's message contains this text.
    """
    __tracebackhide__ = True
    findings = check_guardrail(guardrail, reply, case)
    crashed = _crashed(findings)
    if crashed:
        pytest.fail(f"guardrail {guardrail!r} did not run cleanly: {crashed[0].message}", pytrace=False)
    if not findings:
        pytest.fail(f"expected {guardrail!r} to flag the reply, but it reported nothing\n{reply!r}", pytrace=False)
    if count is not None and len(findings) != count:
        pytest.fail(f"expected {count} finding(s), got {len(findings)}\n{_describe(reply, findings)}", pytrace=False)
    if quote is not None and not any(quote.lower() in (f.quote(reply) or "").lower() for f in findings):
        pytest.fail(f"no finding points at {quote!r}\n{_describe(reply, findings)}", pytrace=False)
    if severity is not None and any(f.severity != severity for f in findings):
        pytest.fail(f"expected every finding to be {severity!r}\n{_describe(reply, findings)}", pytrace=False)
    if message is not None and not any(message.lower() in f.message.lower() for f in findings):
        pytest.fail(f"no finding message mentions {message!r}\n{_describe(reply, findings)}", pytrace=False)
    return findings


def assert_passes(guardrail: Any, reply: str, case: Case | dict[str, Any] | None = None) -> None:
    """Assert that ``guardrail`` runs cleanly and reports nothing on ``reply``."""
    __tracebackhide__ = True
    findings = check_guardrail(guardrail, reply, case)
    if findings:
        what = "did not run cleanly" if _crashed(findings) else "flagged a reply expected to pass"
        pytest.fail(f"{guardrail!r} {what}\n{_describe(reply, findings)}", pytrace=False)


def plugin_guardrails(*plugins: Any) -> list[Any]:
    """The guardrails that ``plugins`` (modules or objects with hook implementations) register, loaded by a
    fresh plugin host exactly as replydraft loads them, without any installed plugin.

    Raises :class:`~replydraft.PluginError` for a hook implementation that matches no hook, and ``AssertionError``
    when a plugin fails while registering.
    """
    from .plugins import new_plugin_host

    host = new_plugin_host(load_entry_points=False, plugins=plugins, trace=False)
    guardrails = host.guardrails
    assert not host.problems, "; ".join(f"{p.plugin}: {p.error}" for p in host.problems)
    return guardrails


@pytest.fixture
def make_case() -> Callable[..., Case]:
    """Build a validated :class:`~replydraft.Case`: the sample case with any top-level field overridden."""

    def factory(**overrides: Any) -> Case:
        return Case.from_dict(make_case_dict(**overrides))

    return factory


@pytest.fixture
def run_guardrail() -> Callable[..., list[Finding]]:
    """Run one guardrail (or several) the way the engine does: isolated, with findings validated."""
    return check_guardrail


@pytest.fixture(name="assert_flags")
def assert_flags_fixture() -> Callable[..., list[Finding]]:
    """:func:`assert_flags` as a fixture, so a test needs no import."""
    return assert_flags


@pytest.fixture(name="assert_passes")
def assert_passes_fixture() -> Callable[..., None]:
    """:func:`assert_passes` as a fixture, so a test needs no import."""
    return assert_passes


@pytest.fixture(name="plugin_guardrails")
def plugin_guardrails_fixture() -> Callable[..., list[Any]]:
    """:func:`plugin_guardrails` as a fixture: the guardrails a plugin module registers through its hook."""
    return plugin_guardrails
