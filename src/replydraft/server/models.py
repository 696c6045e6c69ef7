"""Response shapes, for the OpenAPI document. Handlers return plain dicts (``Draft.to_dict()``) for speed; these
models describe them so clients and schemathesis can hold the server to its word."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field


class FindingOut(BaseModel):
    guardrail: str
    severity: Literal["error", "warning"]
    message: str
    start: int | None = Field(description="Offset of the span in the reply, or null when something is missing.")
    end: int | None
    suggestion: str | None = Field(default=None, description="A rewrite of the span, when the guardrail has one.")


class Usage(BaseModel):
    prompt_tokens: int
    completion_tokens: int


class DraftOut(BaseModel):
    """The draft, exactly as ``replydraft draft --format json`` prints it."""

    status: Literal["ready", "needs_review"]
    reply: str
    findings: list[FindingOut]
    attempts: int
    model: str
    prompt_version: str
    usage: Usage


class CheckOut(BaseModel):
    passed: bool = Field(description="True when no finding is an error.")
    findings: list[FindingOut]


class GuardrailOut(BaseModel):
    id: str
    description: str
    severity: Literal["error", "warning"] = Field(description="Severity after configured overrides.")
    enabled: bool = Field(description="Whether it runs, after the configured enable/disable lists.")
    plugin: str | None


class GuardrailsOut(BaseModel):
    guardrails: list[GuardrailOut]


class HealthOut(BaseModel):
    status: Literal["ok"]


class ErrorDetail(BaseModel):
    code: str = Field(description="Stable machine-readable code, e.g. invalid_case, unauthorized, queue_full.")
    message: str
    details: list[str] = Field(description="For invalid_case: one 'json.path: problem' line per fault.")


class ErrorOut(BaseModel):
    error: ErrorDetail
