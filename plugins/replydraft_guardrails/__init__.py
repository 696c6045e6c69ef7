"""replydraft's built-in guardrails.

Each module is a plugin registered through the ``replydraft`` entry-point group, exactly as a third-party
guardrail would be, so the core uses the same contract it documents. Each one only computes on the reply and the
case (``re`` and plain Python: no I/O, no waiting), so each declares ``inline = True`` and runs on the caller's
thread under a ``SIGALRM`` time limit rather than through a worker thread.
"""
