"""What a guardrail reports: a :class:`Finding` points at a span of the reply and says what is wrong."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any, Literal

Severity = Literal["error", "warning"]
SEVERITIES: tuple[str, ...] = ("error", "warning")


@dataclass(frozen=True)
class Finding:
    """One problem a guardrail found in a reply.

    ``start``/``end`` are character offsets into the reply (``reply[start:end]`` is the offending span), or
    ``None`` when the finding is about something missing. ``suggestion`` is an optional rewrite of that span.
    """

    guardrail: str
    severity: Severity
    message: str
    start: int | None = None
    end: int | None = None
    suggestion: str | None = None

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        if data["suggestion"] is None:
            del data["suggestion"]
        return data

    def quote(self, reply: str) -> str | None:
        """The words of ``reply`` this finding points at, if any."""
        if self.start is None or self.end is None:
            return None
        return reply[self.start : self.end]


def has_errors(findings: list[Finding]) -> bool:
    return any(f.severity == "error" for f in findings)
