"""``replydraft eval SUITE``: replay (or ``--record``) a suite's cases and report.

Exit codes: 0 every threshold met, 1 a threshold missed (failing or errored cases), 2 a bad suite file or option.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click


@click.command("eval")
@click.argument("suite_file", metavar="SUITE.yaml", type=click.Path(dir_okay=False))
@click.option("--record", is_flag=True, help="Call the configured model and rewrite the cassettes.")
@click.option(
    "--record-missing", is_flag=True, help="Record only cases (and compared variants) that have no cassette yet."
)
@click.option("--json", "json_out", type=click.Path(dir_okay=False), help="Write the results as JSON.")
@click.option("--junit", "junit_out", type=click.Path(dir_okay=False), help="Write JUnit XML for CI.")
@click.option("--html", "html_out", type=click.Path(dir_okay=False), help="Write a self-contained HTML report.")
@click.option(
    "--compare",
    metavar="prompts=A,B|models=A,B",
    help="Run every case under two prompt versions (or two models) and report them side by side.",
)
@click.option("--repeat", type=click.IntRange(1, 100), help="Draft each case N times (default: the suite's).")
@click.option(
    "--pass-k",
    "pass_k",
    type=click.IntRange(1, 100),
    help="Runs of a case that must pass when repeated (default: all N).",
)
@click.option("--case", "only", multiple=True, metavar="ID", help="Run only this case (repeatable).")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar; summary only.")
def eval_command(
    suite_file: str,
    record: bool,
    record_missing: bool,
    json_out: str | None,
    junit_out: str | None,
    html_out: str | None,
    compare: str | None,
    repeat: int | None,
    pass_k: int | None,
    only: tuple[str, ...],
    quiet: bool,
) -> None:
    """Run the eval suite in SUITE.yaml: replay recorded model calls (offline) or --record them anew."""
    from rich.console import Console

    from .report import print_summary, write_html, write_json, write_junit
    from .runner import parse_compare, run
    from .suite import load_suite

    suite = load_suite(suite_file)
    variants = parse_compare(compare, suite) if compare else None
    console = Console(stderr=True)
    total = len(only or suite.cases) * (len(variants) if variants else 1)
    progress, on_start, on_done = _progress(console, total, quiet)
    try:
        result = run(
            suite,
            record=True if record else ("missing" if record_missing else False),
            variants=variants,
            runs=repeat,
            pass_k=pass_k,
            only=list(only) or None,
            on_start=on_start,
            on_done=on_done,
        )
    finally:
        if progress is not None:
            progress.stop()
    print_summary(result, Console())
    if json_out:
        write_json(result, Path(json_out))
    if junit_out:
        write_junit(result, Path(junit_out))
    if html_out:
        write_html(result, Path(html_out))
    raise SystemExit(result.exit_code)


def _progress(console: Any, total: int, quiet: bool) -> tuple[Any, Any, Any]:
    if quiet:
        return None, None, None
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    progress = Progress(
        TextColumn("[bold]eval[/bold] {task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
        transient=True,
    )
    task = progress.add_task("starting", total=total)
    progress.start()

    def on_start(variant: Any, case: Any) -> None:
        label = f"{variant.label}: {case.id}" if variant.label != "default" else case.id
        progress.update(task, description=label)

    def on_done(variant: Any, result: Any) -> None:
        progress.advance(task)

    return progress, on_start, on_done
