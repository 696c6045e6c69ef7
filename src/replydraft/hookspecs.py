"""The plugin contract: every hook replydraft calls, and the markers plugins use.

A plugin is a module (or object) with functions decorated by :data:`hookimpl` whose names match a hook below.
Built-in guardrails are plugins too, loaded through the same ``replydraft`` entry-point group.
Each hook is documented in ``docs/plugins.md`` with its exact signature (a test keeps the two in step).
"""

from __future__ import annotations

from pluggy import HookimplMarker, HookspecMarker

hookspec = HookspecMarker("replydraft")
hookimpl = HookimplMarker("replydraft")


@hookspec
def register_guardrails(register):  # type: ignore[no-untyped-def]
    """Register guardrails by calling ``register(guardrail)`` with :class:`replydraft.Guardrail` instances.

    Called when the plugin host first collects guardrails. An invalid guardrail, a duplicate id or an exception
    raised here is reported against the plugin and skipped (see ``replydraft plugins``); others still load.
    """


@hookspec(firstresult=True)
def case_from_payload(source, payload, settings):  # type: ignore[no-untyped-def]
    """Turn a helpdesk ``payload`` (a parsed JSON object) from ``source`` (e.g. ``"zendesk"``) into a case dict.

    Return ``None`` when ``source`` is not yours; raise :class:`replydraft.CaseError` when it is yours but the
    payload lacks what a case needs. ``settings`` is the :class:`replydraft.Settings` (``extra["adapters"]``
    holds the configured remedies, agent and company). The first non-``None`` answer wins.
    """


@hookspec
def register_redactors(register):  # type: ignore[no-untyped-def]
    """Register redactors by calling ``register(redactor)``: objects with ``id``, ``label`` and ``find(text)``.

    Before a case is sent to the model, every span a redactor's ``find`` returns is replaced by a placeholder
    (``[LABEL_1]``), restored in the draft. See :mod:`replydraft.redact`.
    """
