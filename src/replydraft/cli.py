"""The ``replydraft`` command line: ``draft``, ``check`` and ``plugins``.

Exit codes: 0 success (``check``: no error finding), 1 a failure or error findings, 2 bad input or configuration.
Errors are one line on stderr, never a traceback (set ``REPLYDRAFT_DEBUG=1`` to see one).
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

import click

if TYPE_CHECKING:
    from .draft import Engine
    from .findings import Finding

EXIT_FINDINGS = 1
EXIT_BAD_INPUT = 2


class Context:
    """Options shared by every command, and the engine built from them on first use."""

    def __init__(self, config: str | None, plugins_dirs: tuple[str, ...], trace: bool) -> None:
        self.config = config
        self.plugins_dirs = plugins_dirs
        self.trace = trace

    def engine(self, **overrides: Any) -> Engine:
        from .config import load_settings
        from .draft import Engine
        from .plugins import new_plugin_host

        settings = load_settings(self.config, **overrides)
        dirs = [*settings.plugins_dirs, *self.plugins_dirs]
        host = new_plugin_host(plugins_dirs=dirs, trace=self.trace or None)
        for problem in host.problems:
            _warn(f"plugin {problem.plugin} skipped: {problem.error}")
        return Engine(settings, plugins=host)


def _warn(message: str) -> None:
    click.secho(f"warning: {message}", fg="yellow", err=True)


def _guardrail_options(func: Callable[..., Any]) -> Callable[..., Any]:
    func = click.option(
        "--disable", "disable", multiple=True, metavar="ID", help="Do not run this guardrail (repeatable)."
    )(func)
    func = click.option(
        "--enable", "enable", multiple=True, metavar="ID", help="Run only these guardrails (repeatable)."
    )(func)
    func = click.option(
        "--severity",
        "severity",
        multiple=True,
        metavar="ID=LEVEL",
        help="Override a guardrail's severity: error or warning (repeatable).",
    )(func)
    return func


def _guardrail_settings(
    ctx: Context, enable: tuple[str, ...], disable: tuple[str, ...], severity: tuple[str, ...]
) -> dict[str, Any]:
    from .config import load_settings
    from .errors import ConfigError

    base = load_settings(ctx.config).guardrails
    levels = dict(base.severity)
    for item in severity:
        gid, _, level = item.partition("=")
        if level not in ("error", "warning"):
            raise ConfigError(f"--severity {item!r}: expected ID=error or ID=warning")
        levels[gid] = level
    base.severity = levels
    if enable:
        base.enable = list(enable)
    base.disable = [*base.disable, *disable]
    return {"guardrails": base}


class LazyGroup(click.Group):
    """A group whose bigger commands are imported only when run, so ``replydraft --help`` starts fast."""

    #: command name -> "module:attribute" of a click command.
    lazy_commands: ClassVar[dict[str, str]] = {
        "eval": "replydraft.evals.cli:eval_command",
        "serve": "replydraft.server.cli:serve_command",
    }

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *self._available()})

    def _available(self) -> list[str]:
        import importlib.util

        names = []
        for name, target in self.lazy_commands.items():
            module = target.partition(":")[0]
            try:
                found = importlib.util.find_spec(module) is not None
            except ModuleNotFoundError:
                found = False
            if found:
                names.append(name)
        return names

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name in self.lazy_commands and name in self._available():
            import importlib

            module, _, attribute = self.lazy_commands[name].partition(":")
            command: click.Command = getattr(importlib.import_module(module), attribute)
            return command
        return super().get_command(ctx, name)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="replydraft")
@click.option(
    "--config",
    type=click.Path(dir_okay=False),
    envvar="REPLYDRAFT_CONFIG",
    help="TOML config file (default: ./replydraft.toml if present).",
)
@click.option(
    "--plugins-dir",
    "plugins_dirs",
    multiple=True,
    type=click.Path(file_okay=False),
    help="Load every *.py file in this folder as a plugin (repeatable).",
)
@click.option(
    "--trace-plugins",
    "trace",
    is_flag=True,
    default=False,
    help="Print every hook call with its arguments and results to stderr.",
)
@click.pass_context
def cli(click_ctx: click.Context, config: str | None, plugins_dirs: tuple[str, ...], trace: bool) -> None:
    """Draft customer-support recovery replies with a language model, and check them before they are sent.

    With no endpoint configured, drafts run on the embedded SmolLM2 model. Set OPENAI_API_KEY (and optionally
    OPENAI_BASE_URL, e.g. an Ollama, vLLM or llama.cpp server) to use that endpoint instead.
    """
    click_ctx.obj = Context(config, plugins_dirs, trace)


def _print_findings(reply: str, findings: list[Finding]) -> None:
    if not findings:
        click.secho("✓ no findings", fg="green")
        return
    for finding in findings:
        colour = "red" if finding.severity == "error" else "yellow"
        mark = "✗" if finding.severity == "error" else "!"
        click.secho(f"{mark} {finding.severity} [{finding.guardrail}] ", fg=colour, bold=True, nl=False)
        click.echo(finding.message)
        quote = finding.quote(reply)
        if quote:
            click.echo(f"    “{quote}”")
        if finding.suggestion:
            click.secho(f"    suggestion: {finding.suggestion}", dim=True)


@cli.command()
@click.argument("case_file", metavar="CASE.json")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--model", help="Model name at the endpoint (default gpt-4o-mini when OPENAI_* is set).")
@click.option(
    "--model-path", type=click.Path(dir_okay=False), help="A GGUF file to run locally instead of the embedded SmolLM2."
)
@click.option("--prompt-version", help="Prompt version under prompts/ (default v1).")
@click.option("--max-repairs", type=click.IntRange(0, 10), help="Times a failing draft goes back to the model.")
@_guardrail_options
@click.pass_obj
def draft(
    ctx: Context,
    case_file: str,
    fmt: str,
    model: str | None,
    model_path: str | None,
    prompt_version: str | None,
    max_repairs: int | None,
    enable: tuple[str, ...],
    disable: tuple[str, ...],
    severity: tuple[str, ...],
) -> None:
    """Draft a reply for the case in CASE.json (or - for stdin) and show the guardrail findings."""
    from .case import load_case

    case = load_case(case_file)
    engine = ctx.engine(
        model=model,
        model_path=model_path,
        prompt_version=prompt_version,
        max_repairs=max_repairs,
        **_guardrail_settings(ctx, enable, disable, severity),
    )
    result = engine.draft(case)
    if fmt == "json":
        click.echo(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
        return
    if result.reply:
        click.echo(result.reply)
    else:
        click.secho("(no usable draft)", fg="red")
    click.echo()
    status_colour = "green" if result.ready else "red"
    click.secho(f"status: {result.status}", fg=status_colour, bold=True, nl=False)
    click.echo(
        f"  ·  model {result.model}  ·  prompt {result.prompt_version}  ·  "
        f"{result.attempts} attempt(s)  ·  {result.usage['prompt_tokens']}+"
        f"{result.usage['completion_tokens']} tokens"
    )
    _print_findings(result.reply, result.findings)


@cli.command()
@click.option("--case", "case_file", metavar="CASE.json", help="The case the reply answers.")
@click.argument("reply_file", metavar="REPLY.txt", required=False)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option(
    "--corpus",
    "corpus_file",
    type=click.Path(dir_okay=False),
    help="Check every reply in a labelled JSONL corpus instead of one reply (see tests/corpus/README.md).",
)
@click.option("--report", is_flag=True, help="With --corpus: print precision, recall and F1 per guardrail.")
@_guardrail_options
@click.pass_obj
def check(
    ctx: Context,
    case_file: str | None,
    reply_file: str | None,
    fmt: str,
    corpus_file: str | None,
    report: bool,
    enable: tuple[str, ...],
    disable: tuple[str, ...],
    severity: tuple[str, ...],
) -> None:
    """Check a reply a person wrote (REPLY.txt, or - for stdin). Exit 1 when any finding is an error.

    With --corpus FILE --report, check every labelled reply in FILE and report how accurate each guardrail is.
    """
    from .case import load_case
    from .errors import CaseError

    if corpus_file is not None:
        if case_file or reply_file:
            raise click.UsageError("--corpus checks the replies in the corpus; drop --case and REPLY.txt")
        _check_corpus(ctx, corpus_file, fmt, report, _guardrail_settings(ctx, enable, disable, severity))
        return
    if case_file is None or reply_file is None:
        raise click.UsageError("check needs --case CASE.json and REPLY.txt (or --corpus FILE --report)")
    case = load_case(case_file)
    try:
        reply = sys.stdin.read() if reply_file == "-" else Path(reply_file).read_text("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        reason = "file not found" if isinstance(exc, FileNotFoundError) else f"cannot read ({exc.__class__.__name__})"
        raise CaseError([reason], reply_file) from None
    engine = ctx.engine(**_guardrail_settings(ctx, enable, disable, severity))
    result = engine.check(reply, case)
    if fmt == "json":
        click.echo(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
    else:
        _print_findings(reply, result.findings)
    if not result.passed:
        raise SystemExit(EXIT_FINDINGS)


def _check_corpus(ctx: Context, corpus_file: str, fmt: str, report: bool, overrides: dict[str, Any]) -> None:
    """``check --corpus``: every reply in a labelled corpus, scored per guardrail (``--report``) or listed."""
    from .corpus import evaluate, load_corpus

    items = load_corpus(corpus_file)
    engine = ctx.engine(**overrides)
    ran = [g.id for g in engine.plugins.guardrails if engine.settings.guardrails.selects(g.id)]
    result = evaluate(items, lambda reply, case: engine.check(reply, case).findings, ran, corpus_file)
    if fmt == "json":
        data = result.to_dict()
        if not report:
            data.pop("guardrails")
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        click.echo(result.format_text(scores=report))


@cli.command()
@click.pass_obj
def plugins(ctx: Context) -> None:
    """List loaded plugins (as JSON): name, where from, hooks, guardrails; and any that failed to load."""
    from .plugins import new_plugin_host

    host = new_plugin_host(plugins_dirs=ctx.plugins_dirs, trace=ctx.trace or None)
    loaded = host.plugin_list()
    out: dict[str, Any] = {"plugins": loaded}
    if host.problems:
        out["problems"] = [p.to_dict() for p in host.problems]
    click.echo(json.dumps(out, indent=2))


def main(argv: list[str] | None = None) -> None:
    """Entry point: run the CLI, turning expected errors into one line and an exit code."""
    from .errors import ReplydraftError

    try:
        cli.main(args=argv, prog_name="replydraft", standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("Aborted.", err=True)
        sys.exit(130)
    except click.ClickException as exc:
        exc.show()
        sys.exit(EXIT_BAD_INPUT if exc.exit_code == 2 else exc.exit_code)
    except ReplydraftError as exc:
        click.secho(f"Error: {exc}", fg="red", err=True)
        sys.exit(exc.exit_code)
    except SystemExit:
        raise
    except Exception as exc:  # the last line of defence: one line, not a traceback
        if os.environ.get("REPLYDRAFT_DEBUG"):
            raise
        click.secho(
            f"Error: unexpected {exc.__class__.__name__}: {exc} (set REPLYDRAFT_DEBUG=1 for details)",
            fg="red",
            err=True,
        )
        sys.exit(1)


if __name__ == "__main__":
    main()
