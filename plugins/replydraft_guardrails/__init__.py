"""replydraft's built-in guardrails.

Each module is a plugin registered through the ``replydraft`` entry-point group, exactly as a third-party
guardrail would be, so the core uses the same contract it documents.
"""
