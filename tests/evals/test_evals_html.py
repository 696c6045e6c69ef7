"""The HTML report, opened in real headless Chromium (Debian's ``chromium``), and asserted on its rendered DOM."""

from __future__ import annotations

import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from evals_helpers import run_cli

from replydraft.evals.html import highlight, word_diff

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
needs_chromium = pytest.mark.skipif(
    CHROMIUM is None, reason="Debian's chromium is not installed (apt-get install -y chromium)"
)


def dump_dom(html_file: Path, tmp_path: Path) -> str:
    """The DOM as Chromium rendered it (after parsing, styles and layout), not the file's text."""
    assert CHROMIUM
    proc = subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={tmp_path / 'chromium-profile'}",
            "--dump-dom",
            html_file.resolve().as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "<html" in proc.stdout, proc.stderr[-2000:]
    return proc.stdout


class Elements(HTMLParser):
    """Collects elements with their attributes and text, enough to query the dumped DOM."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[dict[str, Any]] = []
        self.elements: list[dict[str, Any]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        el = {"tag": tag, "attrs": dict(attrs), "text": "", "parents": [e["attrs"].get("id") for e in self.stack]}
        self.elements.append(el)
        if tag not in ("meta", "br", "img", "input", "link"):
            self.stack.append(el)

    def handle_endtag(self, tag: str) -> None:
        while self.stack:
            if self.stack.pop()["tag"] == tag:
                break

    def handle_data(self, data: str) -> None:
        for el in self.stack:
            el["text"] += data

    def select(self, tag: str, cls: str | None = None, **attrs: str) -> list[dict[str, Any]]:
        out = []
        for el in self.elements:
            if el["tag"] != tag:
                continue
            if cls and cls not in (el["attrs"].get("class") or "").split():
                continue
            if all(el["attrs"].get(k.replace("_", "-")) == v for k, v in attrs.items()):
                out.append(el)
        return out


def parse(dom: str) -> Elements:
    parser = Elements()
    parser.feed(dom)
    return parser


def test_highlight_splits_overlapping_spans_and_escapes() -> None:
    findings = [
        {"guardrail": "blame", "severity": "error", "message": "blames", "start": 0, "end": 10},
        {"guardrail": "rash-promise", "severity": "warning", "message": "<b>", "start": 5, "end": 15},
    ]
    html = highlight("<you> must have done it", findings)
    assert html.count("<mark") == 3
    assert "&lt;you&gt;" in html and "<b>" not in html
    assert 'data-guardrail="blame rash-promise"' in html
    assert "<del>blue</del><ins>red</ins>" in word_diff("a blue kettle", "a red kettle")


@needs_chromium
def test_report_in_headless_chromium_highlights_findings(make_suite: Any, standin: Any, tmp_path: Path) -> None:
    path = make_suite(endpoint=standin.base_url)
    assert run_cli(["eval", str(path), "--record", "-q"])[0] in (0, 1)
    report = tmp_path / "report.html"
    code, _, _ = run_cli(["eval", str(path), "-q", "--html", str(report)])
    assert code == 0
    dom = parse(dump_dom(report, tmp_path))

    marks = dom.select("mark", "finding")
    assert marks, "no highlighted finding in the rendered report"
    blame = [m for m in marks if "blame" in m["attrs"].get("data-guardrail", "").split()]
    assert blame and "case-misused" in blame[0]["parents"]
    assert blame[0]["text"].startswith("You must have misused the kettle")
    assert "blame" in blame[0]["attrs"]["title"]

    # Assertions are ticked or crossed, per case.
    misused = [li for li in dom.select("li") if "case-misused" in li["parents"] and "data-type" in li["attrs"]]
    crossed = {li["attrs"]["data-type"] for li in misused if "fail" in li["attrs"]["class"].split()}
    ticked = {li["attrs"]["data-type"] for li in misused if "ok" in li["attrs"]["class"].split()}
    assert crossed == {"max-words"} and "guardrail" in ticked
    assert all("✓" in li["text"] for li in misused if li["attrs"]["data-type"] in ticked)
    assert [s["attrs"]["id"] for s in dom.select("section", "case")] == ["case-kettle", "case-misused"]
    # The case's contact details are masked in a report people share, as they are in the cassettes.
    text = "".join(el["text"] for el in dom.select("main"))
    assert "ana.lopez@example.com" not in text and "612 345 678" not in text
    assert "Write to •••••" in text


@needs_chromium
def test_compare_report_shows_both_versions_side_by_side(make_suite: Any, standin: Any, tmp_path: Path) -> None:
    path = make_suite(endpoint=standin.base_url)
    assert run_cli(["eval", str(path), "--record", "-q", "--compare", "prompts=v1,v2"])[0] in (0, 1)
    report = tmp_path / "compare.html"
    run_cli(["eval", str(path), "-q", "--compare", "prompts=v1,v2", "--html", str(report)])
    dom = parse(dump_dom(report, tmp_path))
    sections = dom.select("section", "case")
    assert len(sections) == 2
    headings = [h["text"] for h in dom.select("h3") if "case-kettle" in h["parents"]]
    assert any(h.startswith("prompt v1") for h in headings) and any(h.startswith("prompt v2") for h in headings)
    # The stand-in answers both prompts alike, so the report says so rather than showing an empty diff.
    assert "identical" in sections[0]["text"] or dom.select("div", "diff")
