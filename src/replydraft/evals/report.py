"""Reports of a suite run: the terminal summary (rich), JSON, and JUnit XML. The HTML report is in ``html.py``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .runner import SuiteResult

__all__ = ["print_summary", "to_json", "to_junit", "write_html", "write_json", "write_junit"]


def _rate(passed: int, total: int) -> str:
    return f"{passed}/{total} ({passed / total:.0%})" if total else "-"


def print_summary(result: SuiteResult, console: Any) -> None:
    """Per variant: case counts against the threshold, pass rates per assertion type and per guardrail, and the
    failing cases with why."""
    from rich.table import Table

    for vr in result.variants:
        counts = vr.counts
        title = f"{result.suite.name} · {vr.variant.label} · prompt {vr.variant.prompt_version} · {vr.variant.model}"
        table = Table(title=title, title_justify="left", show_edge=False)
        table.add_column("pass rate by", style="bold")
        table.add_column("passed", justify="right")
        for kind, entry in vr.by_assertion_type().items():
            table.add_row(f"assertion {kind}", _rate(entry["passed"], entry["total"]))
        for gid, entry in vr.by_guardrail().items():
            table.add_row(f"guardrail {gid}", _rate(entry["passed"], entry["total"]))
        table.add_row("[bold]cases[/bold]", f"[bold]{_rate(counts['passed'], counts['cases'])}[/bold]")
        console.print(table)
        failing = [c for c in vr.cases if not c.passed]
        if failing:
            fail_table = Table(show_edge=False, title="failing cases", title_justify="left")
            fail_table.add_column("case", style="bold")
            fail_table.add_column("outcome")
            fail_table.add_column("why", overflow="fold")
            for case in failing:
                colour = "red" if case.outcome == "error" else "yellow"
                fail_table.add_row(case.id, f"[{colour}]{case.outcome}[/{colour}]", "\n".join(case.reasons()))
            console.print(fail_table)
        verdict = "[green]threshold met[/green]" if vr.met else "[red]threshold missed[/red]"
        console.print(
            f"{counts['passed']} passed, {counts['failed']} failed, {counts['errors']} errors · "
            f"pass rate {vr.pass_rate:.1%} (threshold {vr.threshold:.0%}) · {verdict}"
        )
    if len(result.variants) == 2:
        a, b = result.variants
        console.print(
            f"compare: {a.variant.label} {a.pass_rate:.1%} vs {b.variant.label} {b.pass_rate:.1%} "
            f"({sum(x.passed != y.passed for x, y in zip(a.cases, b.cases, strict=True))} case(s) changed outcome)"
        )
    mode = "recorded" if result.record else "replayed"
    n = sum(len(v.cases) for v in result.variants)
    console.print(f"{mode} {n} case run(s) × {result.runs} in {result.seconds:.2f}s")


def to_json(result: SuiteResult) -> str:
    return json.dumps(result.to_dict(), ensure_ascii=False, indent=2) + "\n"


def write_json(result: SuiteResult, path: Path) -> None:
    path.write_text(to_json(result), "utf-8")


def to_junit(result: SuiteResult) -> str:
    """JUnit XML: one ``testsuite`` per variant, one ``testcase`` per case; a missing recording is an error."""
    import xml.etree.ElementTree as ET

    from .cassettes import case_masker

    masks = {c.id: case_masker(c.case) for c in result.suite.cases}
    root = ET.Element("testsuites", name=f"replydraft eval {result.suite.name}")
    totals = {"tests": 0, "failures": 0, "errors": 0}
    for vr in result.variants:
        counts = vr.counts
        seconds = sum(r.seconds for c in vr.cases for r in c.runs)
        suite_el = ET.SubElement(
            root,
            "testsuite",
            name=f"{result.suite.name} [{vr.variant.label}]",
            tests=str(counts["cases"]),
            failures=str(counts["failed"]),
            errors=str(counts["errors"]),
            skipped="0",
            time=f"{seconds:.3f}",
        )
        props = ET.SubElement(suite_el, "properties")
        for name, value in (
            ("prompt_version", vr.variant.prompt_version),
            ("model", vr.variant.model),
            ("pass_rate", f"{vr.pass_rate:.4f}"),
            ("threshold", str(vr.threshold)),
        ):
            ET.SubElement(props, "property", name=name, value=value)
        for case in vr.cases:
            el = ET.SubElement(
                suite_el,
                "testcase",
                classname=f"replydraft.eval.{result.suite.name}.{vr.variant.label.replace(' ', '_')}",
                name=case.id,
                time=f"{sum(r.seconds for r in case.runs):.3f}",
            )
            if case.outcome == "error":
                node = ET.SubElement(el, "error", message=case.error or "error", type="MissingRecording")
                node.text = case.error
            elif case.outcome == "failed":
                reasons = case.reasons()
                node = ET.SubElement(el, "failure", message=reasons[0] if reasons else "failed", type="AssertionError")
                node.text = "\n".join(reasons)
            last = case.runs[-1] if case.runs else None
            if last and last.reply:
                # CI shows this to anyone with access to the job: the case's contact details are masked.
                ET.SubElement(el, "system-out").text = masks[case.id](last.reply)
        totals["tests"] += counts["cases"]
        totals["failures"] += counts["failed"]
        totals["errors"] += counts["errors"]
    for key, total in totals.items():
        root.set(key, str(total))
    ET.indent(root)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def write_junit(result: SuiteResult, path: Path) -> None:
    path.write_text(to_junit(result), "utf-8")


def write_html(result: SuiteResult, path: Path) -> None:
    from .html import render_html

    path.write_text(render_html(result), "utf-8")
