"""The model: what the engine needs from one (:class:`ChatModel`) and how the configured one is chosen.

There are two: :class:`~replydraft.openai_client.OpenAIChatModel`, for OpenAI or any server speaking the Chat
Completions protocol, and :class:`~replydraft.local.LocalModel`, the embedded default that runs a GGUF model
in-process with llama.cpp when no endpoint is configured.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

if TYPE_CHECKING:
    from .config import Settings

__all__ = ["ChatModel", "Completion", "resolve_model"]


@dataclass
class Completion:
    """One model answer: its text, which model wrote it, token usage and how many attempts it took."""

    text: str
    model: str
    usage: dict[str, int] = field(default_factory=lambda: {"prompt_tokens": 0, "completion_tokens": 0})
    attempts: int = 1
    finish_reason: str | None = None


@runtime_checkable
class ChatModel(Protocol):
    """Anything that turns chat messages plus a JSON Schema for the answer into a :class:`Completion`."""

    @property
    def name(self) -> str:
        """The model's name as reported in results (read-only is enough)."""
        ...

    def complete(self, messages: list[dict[str, str]], schema: dict[str, Any]) -> Completion: ...

    async def acomplete(self, messages: list[dict[str, str]], schema: dict[str, Any]) -> Completion: ...


def resolve_model(settings: Settings) -> ChatModel:
    """The model the settings ask for: an endpoint when one is configured, else the embedded local model."""
    if settings.uses_endpoint:
        from .openai_client import OpenAIChatModel

        return OpenAIChatModel.from_settings(settings)
    from .local import LocalModel

    return LocalModel.shared(settings.model_path)
