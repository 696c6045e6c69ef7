"""schemathesis, run as its CLI against a real uvicorn server, holds the service to its own /openapi.json:
no 5xx, and no status code, content type, header or body that contradicts the document."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import TOKEN, LiveServer

pytest.importorskip("schemathesis")
HERE = Path(__file__).parent


def test_schemathesis_finds_no_server_error_or_schema_violation(live: LiveServer, tmp_path: Path) -> None:
    executable = shutil.which("schemathesis") or str(Path(sys.executable).with_name("schemathesis"))
    command = [
        executable,
        "--config-file", str(HERE / "schemathesis.toml"),
        "run", f"{live.url}/openapi.json",
        "--header", f"Authorization: Bearer {TOKEN}",
        "--checks", "all",
        "--exclude-checks", "positive_data_acceptance",  # why: see schemathesis.toml
        "--max-examples", "15",
        "--seed", "20261122",
        "--workers", "1",
        "--generation-database", "none",
        "--report-dir", str(tmp_path),
        "--no-color",
    ]  # fmt: skip
    result = subprocess.run(command, capture_output=True, text=True, timeout=540, cwd=tmp_path)
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]
    assert "No issues found" in result.stdout, result.stdout[-5000:]
