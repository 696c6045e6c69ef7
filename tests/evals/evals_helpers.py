"""Helpers shared by the eval tests (a module, not conftest, so test files can import it by a unique name)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
SHIPPED_SUITE = ROOT / "evals" / "recovery.yaml"
#: Where small test suites say their model lives; in replay nothing listens there and nothing needs to.
DEAD_ENDPOINT = "http://127.0.0.1:9/v1"

SMALL_CASES: list[dict[str, Any]] = [
    {
        "id": "kettle",
        "case": {
            "customer": {"name": "Ana Lopez", "email": "ana.lopez@example.com", "phone": "+34 612 345 678"},
            "message": "I got a blue kettle, not red. Write to ana.lopez@example.com or +34 612 345 678.",
            "issue": "Order #5510 was picked from the wrong shelf.",
            "remedies": [{"id": "swap", "description": "A free exchange with a prepaid return label"}],
        },
        "assert": [
            {"remedy-offered": "swap"},
            {"icontains": "exchange"},
            {"rubric": "The reply owns the mistake."},
        ],
    },
    {
        "id": "misused",
        "description": "The stand-in blames the customer here, so the blame guardrail fires.",
        "case": {
            "customer": {"name": "Tom Becker"},
            "message": "The kettle broke. I have not misused it.",
            "issue": "A batch of kettles had a faulty switch.",
            "remedies": [],
        },
        "assert": [{"guardrail": "blame", "expect": "fail"}, {"max-words": 5}],
    },
]


def run_cli(args: list[str]) -> tuple[int, str, str]:
    """Run ``replydraft ARGS`` in-process; return (exit code, stdout, stderr)."""
    from click.testing import CliRunner

    from replydraft.cli import cli

    runner = CliRunner()
    result = runner.invoke(cli, args, catch_exceptions=True)
    code = result.exit_code
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        from replydraft.errors import ReplydraftError

        if not isinstance(result.exception, ReplydraftError):
            raise result.exception
        code = result.exception.exit_code
        return code, result.stdout, result.stderr + str(result.exception)
    return code, result.stdout, result.stderr


def stable(report: dict[str, Any]) -> dict[str, Any]:
    """A JSON report without its ``run`` key (timings and mode): what must be identical between runs."""
    return {k: v for k, v in report.items() if k != "run"}
