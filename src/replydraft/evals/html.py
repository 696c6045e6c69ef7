"""The self-contained HTML report: one file, inline CSS, no scripts or external resources.

Each case shows its reply with the guardrail findings highlighted on their spans (``<mark class="finding">``,
with the guardrail and message in ``data-guardrail`` and ``title``), its assertions ticked or crossed, and, for
``--compare``, the two variants side by side with a word-level diff of the replies.
"""

from __future__ import annotations

import difflib
import itertools
import re
from collections.abc import Callable
from html import escape
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .runner import CaseResult, RunResult, SuiteResult, VariantResult

__all__ = ["highlight", "render_html", "word_diff"]

_CSS = """
:root { --ok:#1a7f37; --bad:#cf222e; --warn:#9a6700; --muted:#57606a; --line:#d0d7de; --bg:#f6f8fa; }
* { box-sizing: border-box; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 0; color: #1f2328; }
header { background: #24292f; color: #fff; padding: 1.2rem 2rem; }
header h1 { margin: 0 0 .3rem; font-size: 1.4rem; }
header p { margin: 0; color: #d0d7de; }
main { padding: 1.5rem 2rem; max-width: 1400px; }
.cards { display: flex; gap: 1rem; flex-wrap: wrap; margin-bottom: 1.5rem; }
.card { border: 1px solid var(--line); border-radius: 8px; padding: .8rem 1.2rem; min-width: 260px; background: #fff; }
.card .rate { font-size: 2rem; font-weight: 700; }
.card.met { border-left: 6px solid var(--ok); } .card.missed { border-left: 6px solid var(--bad); }
table.stats { border-collapse: collapse; margin: .5rem 0 1.5rem; }
table.stats th, table.stats td { border-bottom: 1px solid var(--line); padding: .25rem .8rem; text-align: left; }
table.stats td.num { text-align: right; font-variant-numeric: tabular-nums; }
nav.index a { margin-right: .6rem; white-space: nowrap; }
.badge { display: inline-block; padding: 0 .5rem; border-radius: 1rem; font-size: .8rem; font-weight: 600;
         color: #fff; }
.badge.passed { background: var(--ok); } .badge.failed { background: var(--bad); }
.badge.error { background: var(--warn); }
section.case { border: 1px solid var(--line); border-radius: 8px; margin: 1rem 0; padding: .8rem 1.2rem;
               background: #fff; }
section.case h2 { font-size: 1.1rem; margin: 0 0 .4rem; }
section.case.failed { border-left: 6px solid var(--bad); } section.case.passed { border-left: 6px solid var(--ok); }
section.case.error { border-left: 6px solid var(--warn); }
.desc, .meta { color: var(--muted); margin: .2rem 0; }
blockquote.message { margin: .5rem 0; padding: .4rem .8rem; background: var(--bg); border-left: 4px solid var(--line); }
.reply { white-space: pre-wrap; font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: .85rem;
         background: var(--bg); border-radius: 6px; padding: .6rem .8rem; margin: .4rem 0; }
mark.finding { background: #ffd8d3; border-bottom: 2px solid var(--bad); padding: 0 1px; }
mark.finding.sev-warning { background: #fff1c2; border-bottom-color: var(--warn); }
ul.assertions, ul.findings { list-style: none; padding-left: 0; margin: .3rem 0; }
ul.assertions li { padding: .1rem 0; }
.tick { color: var(--ok); font-weight: 700; } .cross { color: var(--bad); font-weight: 700; }
ul.assertions li.fail { color: var(--bad); }
.detail { color: var(--muted); font-size: .85rem; margin-left: .4rem; }
ul.findings li { font-size: .9rem; } ul.findings .gid { font-weight: 600; }
.error-box { background: #fff8c5; border: 1px solid #d4a72c; padding: .5rem .8rem; border-radius: 6px; }
.columns { display: grid; grid-template-columns: 1fr 1fr; gap: 1rem; }
.columns > div { min-width: 0; }
.diff ins { background: #aceebb; text-decoration: none; } .diff del { background: #ffcecb; }
details summary { cursor: pointer; color: var(--muted); }
"""


def highlight(reply: str, findings: list[dict[str, Any]]) -> str:
    """``reply`` as HTML with each finding's span wrapped in a ``<mark class="finding">`` (overlaps split)."""
    spans = [
        f
        for f in findings
        if isinstance(f.get("start"), int) and isinstance(f.get("end"), int) and 0 <= f["start"] < f["end"]
    ]
    cuts = sorted({0, len(reply), *(f["start"] for f in spans), *(min(f["end"], len(reply)) for f in spans)})
    out = []
    for a, b in itertools.pairwise(cuts):
        text = escape(reply[a:b])
        covering = [f for f in spans if f["start"] <= a and b <= f["end"]]
        if not covering:
            out.append(text)
            continue
        severity = "error" if any(f["severity"] == "error" for f in covering) else "warning"
        guardrails = " ".join(dict.fromkeys(f["guardrail"] for f in covering))
        title = " | ".join(f"{f['guardrail']}: {f['message']}" for f in covering)
        out.append(
            f'<mark class="finding sev-{severity}" data-guardrail="{escape(guardrails)}" '
            f'title="{escape(title)}">{text}</mark>'
        )
    return "".join(out)


def word_diff(before: str, after: str) -> str:
    """A word-level diff of two replies: removed words in ``<del>``, added words in ``<ins>``."""
    a, b = re.findall(r"\S+|\s+", before), re.findall(r"\S+|\s+", after)
    out = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            out.append(escape("".join(a[i1:i2])))
            continue
        if i2 > i1:
            out.append(f"<del>{escape(''.join(a[i1:i2]))}</del>")
        if j2 > j1:
            out.append(f"<ins>{escape(''.join(b[j1:j2]))}</ins>")
    return "".join(out)


def _pct(passed: int, total: int) -> str:
    return f"{passed}/{total} ({passed / total:.0%})" if total else "–"


def _run_html(run: RunResult, label: str = "", mask: Callable[[str], str] = str) -> str:
    if run.error:
        return f'<div class="error-box">{escape(run.error)}</div>'
    parts = [f'<p class="meta">{escape(label)}status <b>{escape(run.status)}</b> · {run.attempts} attempt(s)</p>']
    if run.reply:
        parts.append(f'<div class="reply">{highlight(mask(run.reply), run.findings)}</div>')
    else:
        parts.append('<div class="error-box">no usable reply</div>')
    if run.findings:
        items = []
        for f in run.findings:
            where = "" if f.get("start") is not None else " (whole reply)"
            items.append(
                f'<li class="sev-{escape(f["severity"])}"><span class="gid">{escape(f["guardrail"])}</span> '
                f"{escape(f['severity'])}{where}: {escape(f['message'])}</li>"
            )
        parts.append(f'<ul class="findings">{"".join(items)}</ul>')
    items = []
    for a in run.assertions:
        mark = '<span class="tick">✓</span>' if a.passed else '<span class="cross">✗</span>'
        items.append(
            f'<li class="{"ok" if a.passed else "fail"}" data-type="{escape(a.type)}">{mark} {escape(a.label)}'
            f'<span class="detail">{escape(a.detail)}</span></li>'
        )
    parts.append(f'<ul class="assertions">{"".join(items)}</ul>')
    return "\n".join(parts)


def _runs_html(case: CaseResult, mask: Callable[[str], str] = str) -> str:
    if not case.runs:
        return ""
    first = _run_html(case.runs[0], "run 1 · " if len(case.runs) > 1 else "", mask)
    rest = "".join(
        f"<details><summary>run {i}</summary>{_run_html(run, f'run {i} · ', mask)}</details>"
        for i, run in enumerate(case.runs[1:], start=2)
    )
    return first + rest


def _case_head(case: CaseResult, message: str) -> str:
    runs = f" · {case.runs_passed}/{len(case.runs)} runs passed" if len(case.runs) > 1 else ""
    desc = f'<p class="desc">{escape(case.description)}</p>' if case.description else ""
    return (
        f'<h2>{escape(case.id)} <span class="badge {case.outcome}">{case.outcome}</span></h2>{desc}'
        f'<p class="meta">threshold {case.threshold:.0%} of assertions{runs} · cassette '
        f"<code>{escape(case.cassette)}</code></p>"
        # The customer's message for context; render_html has masked keys, e-mail addresses and phone numbers.
        f'<blockquote class="message">{escape(message)}</blockquote>'
    )


def _stats(vr: VariantResult) -> str:
    rows = [
        f'<tr><td>assertion <code>{escape(k)}</code></td><td class="num">{_pct(v["passed"], v["total"])}</td></tr>'
        for k, v in vr.by_assertion_type().items()
    ]
    rows += [
        f'<tr><td>guardrail <code>{escape(k)}</code></td><td class="num">{_pct(v["passed"], v["total"])}</td></tr>'
        for k, v in vr.by_guardrail().items()
    ]
    head = f"<tr><th>{escape(vr.variant.label)}: pass rate by</th><th>passed</th></tr>"
    return f'<table class="stats">{head}{"".join(rows)}</table>'


def _variant_title(vr: VariantResult) -> str:
    """'prompt v2 · SmolLM2' for a compared variant, 'prompt v1 · SmolLM2' for a plain run: no repeats."""
    parts = [f"prompt {vr.variant.prompt_version}", vr.variant.model]
    if vr.variant.label not in ("default", *parts, f"model {vr.variant.model}"):
        parts.insert(0, vr.variant.label)
    return " · ".join(p for p in parts if p)


def _card(vr: VariantResult) -> str:
    c = vr.counts
    state = "met" if vr.met else "missed"
    return (
        f'<div class="card {state}"><div>{escape(_variant_title(vr))}</div>'
        f'<div class="rate">{vr.pass_rate:.0%}</div>'
        f"<div>{c['passed']} passed · {c['failed']} failed · {c['errors']} errors of {c['cases']} · "
        f"threshold {vr.threshold:.0%} <b>{state}</b></div></div>"
    )


def render_html(result: SuiteResult) -> str:
    """The whole report as one HTML document."""
    suite = result.suite
    from .cassettes import case_masker

    # A report gets shared (CI artifacts): the case's e-mail and phone are masked, as in the cassettes.
    masks = {c.id: case_masker(c.case) for c in suite.cases}
    messages = {c.id: masks[c.id](c.case.message) for c in suite.cases}
    variants = result.variants
    compare = len(variants) == 2
    sections = []
    for i, case in enumerate(variants[0].cases):
        others = [v.cases[i] for v in variants]
        outcome = "failed" if any(c.outcome == "failed" for c in others) else others[0].outcome
        if any(c.outcome == "error" for c in others):
            outcome = "error"
        mask = masks.get(case.id, str)
        if not compare:
            body = _runs_html(case, mask)
        else:
            a, b = others
            cols = "".join(
                f"<div><h3>{escape(v.variant.label)} "
                f'<span class="badge {c.outcome}">{c.outcome}</span></h3>{_runs_html(c, mask)}</div>'
                for v, c in zip(variants, others, strict=True)
            )
            diff = ""
            if a.runs and b.runs and a.runs[0].reply and b.runs[0].reply:
                changed = a.runs[0].reply != b.runs[0].reply
                diff = (
                    f"<h3>What changed ({escape(variants[0].variant.label)} → {escape(variants[1].variant.label)})</h3>"
                    f'<div class="reply diff">{word_diff(mask(a.runs[0].reply), mask(b.runs[0].reply))}</div>'
                    if changed
                    else '<p class="meta">The two replies are identical.</p>'
                )
            body = f'<div class="columns">{cols}</div>{diff}'
        sections.append(
            f'<section class="case {outcome}" id="case-{escape(case.id)}">'
            f"{_case_head(case, messages.get(case.id, ''))}{body}</section>"
        )
    failing = [c for c in variants[0].cases if not c.passed] if not compare else []
    index = ""
    if failing:
        links = " ".join(f'<a href="#case-{escape(c.id)}">{escape(c.id)}</a>' for c in failing)
        index = f'<nav class="index"><b>Failing:</b> {links}</nav>'
    mode = "recorded" if result.record else "replayed from cassettes"
    title = f"replydraft eval · {suite.name}"
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(title)}</title><style>{_CSS}</style></head><body>"
        f"<header><h1>{escape(title)}</h1><p>{escape(suite.description)}</p>"
        f"<p>{len(variants[0].cases)} cases · {mode} · {result.runs} run(s) per case, "
        f"{result.pass_k} must pass · {'all thresholds met' if result.passed else 'threshold missed'}</p></header>"
        f'<main><div class="cards">{"".join(_card(v) for v in variants)}</div>'
        f'<div class="{"columns" if compare else ""}">{"".join(f"<div>{_stats(v)}</div>" for v in variants)}</div>'
        f"{index}{''.join(sections)}</main></body></html>\n"
    )
