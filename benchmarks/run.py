"""replydraft's performance figures, on this machine: ``python benchmarks/run.py`` (``--quick`` for fewer runs).

Prints:

1. Engine overhead per draft beyond the model call, against the raw ``openai`` client sending the same request to
   the same loopback stand-in endpoint (``tests/faults/standin.py``) that answers after a fixed latency. Ratio =
   engine time per draft / raw client time per call (target <= 1.05 at a realistic model latency), plus the
   overhead in milliseconds, which does not depend on the latency chosen.
2. Guardrail checks per second: ``Engine.check`` (every installed guardrail, isolated on worker threads) on the
   example cases' replies.
3. Eval replay time per case: ``replydraft eval evals/recovery.yaml`` replaying its cassettes, and the injection
   suite's cassettes replayed through the engine.
4. CLI start-up: ``replydraft --help``, median of several runs (target < 300 ms).
5. The embedded model: draft latency p50/p95 and completion tokens per second, against llama.cpp alone
   (``llama_cpp.Llama.create_chat_completion`` with the same messages and the same JSON-schema grammar).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "faults"))
sys.path.insert(0, str(ROOT / "benchmarks"))


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def _examples() -> list[Any]:
    from replydraft import load_case

    return [load_case(p) for p in sorted((ROOT / "examples").glob("*.json"))]


# -- 1. engine overhead vs the raw client --------------------------------------------------------------------------
def engine_overhead(latency: float, rounds: int) -> dict[str, float]:
    import openai
    from standin import StandIn, answer

    from replydraft import Engine, Settings
    from replydraft.openai_client import OpenAIChatModel, RetryPolicy
    from replydraft.plugins import new_plugin_host

    def slow_answer(h: Any, body: dict[str, Any]) -> None:
        time.sleep(latency)
        answer("email you the new tracking number")(h, body)

    cases = _examples()
    with StandIn() as server:
        server.always(slow_answer)
        model = OpenAIChatModel(
            "stand-in", base_url=server.base_url, api_key="sk-bench", retry=RetryPolicy(max_attempts=1)
        )
        # Everything a real draft does: all installed plugins (guardrails, redactors), one attempt (no repair).
        engine = Engine(Settings(max_repairs=0), model=model, plugins=new_plugin_host())
        raw = openai.OpenAI(api_key="sk-bench", base_url=server.base_url, max_retries=0)
        # The raw client sends exactly what the engine sends (captured from a warm-up draft).
        requests = []
        for case in cases:
            engine.draft(case)
            requests.append(server.requests[-1].body)
        raw.chat.completions.create(**requests[0])
        engine_times, raw_times = [], []
        for _ in range(rounds):
            for case, body in zip(cases, requests, strict=True):
                start = time.perf_counter()
                engine.draft(case)
                engine_times.append(time.perf_counter() - start)
                start = time.perf_counter()
                raw.chat.completions.create(**body)
                raw_times.append(time.perf_counter() - start)
    e, r = statistics.median(engine_times), statistics.median(raw_times)
    return {
        "latency_ms": latency * 1000,
        "engine_ms": e * 1000,
        "raw_ms": r * 1000,
        "overhead_ms": (e - r) * 1000,
        "ratio": e / r,
        "drafts": len(engine_times),
    }


# -- 2. guardrail checks per second --------------------------------------------------------------------------------
def guardrail_throughput(seconds: float) -> dict[str, float]:
    from replydraft import Engine, Settings
    from replydraft.plugins import new_plugin_host

    engine = Engine(Settings(), model=object(), plugins=new_plugin_host())  # type: ignore[arg-type]
    reply = (
        "Hi Dana,\n\nI understand: you took a day off for a desk that never came, and you can't lose another. "
        "We missed the warehouse pickup on Monday, and that's on us. I'm sorry.\n\nTo put this right, I'd like to "
        "offer you a free upgrade to overnight shipping (arrives Friday). Would that work for you?\n\nI'll email "
        "you the tracking number by the end of today. I'll follow up with you tomorrow.\n\nBest regards,\nSam"
    )
    cases = _examples()
    engine.check(reply, cases[0])
    count, start = 0, time.perf_counter()
    while time.perf_counter() - start < seconds:
        for case in cases:
            engine.check(reply, case)
            count += 1
    elapsed = time.perf_counter() - start
    return {
        "checks_per_s": count / elapsed,
        "guardrails": len(engine.plugins.guardrails),
        "per_guardrail_per_s": count * len(engine.plugins.guardrails) / elapsed,
    }


# -- 3. replay per case --------------------------------------------------------------------------------------------
def eval_replay() -> dict[str, Any]:
    out: dict[str, Any] = {}
    suite = ROOT / "evals" / "recovery.yaml"
    if suite.is_file():
        report = ROOT / ".benchmarks-eval.json"
        start = time.perf_counter()
        proc = subprocess.run(
            [sys.executable, "-m", "replydraft.cli", "eval", str(suite), "-q", "--json", str(report)],
            capture_output=True,
            text=True,
            cwd=ROOT,
        )
        elapsed = time.perf_counter() - start
        cases = 0
        if report.is_file():
            data = json.loads(report.read_text())
            cases = sum(len(v.get("cases", [])) for v in data.get("variants", [data]))
            report.unlink()
        out["eval"] = {
            "cases": cases,
            "seconds": elapsed,
            "per_case_ms": elapsed / max(cases, 1) * 1000,
            "exit": proc.returncode,
        }
    import injection

    cases = injection.load_cases()
    start = time.perf_counter()
    verdicts = injection.run_cassettes(cases)
    elapsed = time.perf_counter() - start
    out["injection"] = {
        "cases": len(cases),
        "seconds": elapsed,
        "per_case_ms": elapsed / len(cases) * 1000,
        "errors": sum(v.status == "error" for v in verdicts),
    }
    return out


# -- 4. CLI start-up -----------------------------------------------------------------------------------------------
def cli_startup(runs: int) -> dict[str, float]:
    exe = Path(sys.executable).with_name("replydraft")
    cmd = [str(exe), "--help"] if exe.exists() else [sys.executable, "-m", "replydraft.cli", "--help"]
    times = []
    for _ in range(runs + 1):
        start = time.perf_counter()
        subprocess.run(cmd, capture_output=True, check=True)
        times.append(time.perf_counter() - start)
    times = times[1:]  # the first run warms the file cache
    return {"median_ms": statistics.median(times) * 1000, "min_ms": min(times) * 1000, "runs": runs}


# -- 5. embedded model vs llama.cpp alone --------------------------------------------------------------------------
def embedded_model(runs: int) -> dict[str, Any]:
    from replydraft import Engine, Settings
    from replydraft.compose import output_schema
    from replydraft.local import LocalModel
    from replydraft.plugins import new_plugin_host

    model = LocalModel.shared()
    llama = model._load()
    engine = Engine(Settings(max_repairs=0), model=model, plugins=new_plugin_host())
    cases = _examples()[:runs] if runs <= len(_examples()) else (_examples() * runs)[:runs]
    ours, ours_tokens, theirs, their_tokens = [], 0, [], 0
    for case in cases:
        # Both arms start from an empty KV cache: llama.cpp reuses the previous call's matching prompt prefix, which
        # would otherwise hand the second call of each pair the first one's prompt processing for free.
        llama.reset()
        start = time.perf_counter()
        draft = engine.draft(case)
        ours.append(time.perf_counter() - start)
        ours_tokens += draft.usage["completion_tokens"]
        # llama.cpp alone: the same first-attempt messages and grammar, no engine around it.
        messages = engine.prompt.messages(engine.redaction().case(case))
        llama.reset()
        start = time.perf_counter()
        response = llama.create_chat_completion(
            messages=messages,
            response_format={"type": "json_object", "schema": output_schema(case)},
            temperature=0.0,
            seed=0,
            max_tokens=model.max_tokens,
        )
        theirs.append(time.perf_counter() - start)
        their_tokens += response["usage"]["completion_tokens"]
    return {
        "drafts": len(ours),
        "p50_s": _pct(ours, 0.5),
        "p95_s": _pct(ours, 0.95),
        "tokens_per_s": ours_tokens / sum(ours),
        "llama_p50_s": _pct(theirs, 0.5),
        "llama_p95_s": _pct(theirs, 0.95),
        "llama_tokens_per_s": their_tokens / sum(theirs),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer rounds (for a smoke run)")
    parser.add_argument("--skip-model", action="store_true", help="skip the embedded model (slowest part)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    rounds = 2 if args.quick else 8
    results: dict[str, Any] = {"load_average": os.getloadavg()[0]}

    def show(line: str) -> None:
        if not args.json:
            print(line, flush=True)

    for latency in (0.25, 0.0):
        o = engine_overhead(latency, rounds)
        results[f"overhead_{int(latency * 1000)}ms"] = o
        show(
            f"engine vs raw openai client, stand-in latency {o['latency_ms']:.0f} ms: engine {o['engine_ms']:.1f} ms,"
            f" raw {o['raw_ms']:.1f} ms, overhead {o['overhead_ms']:.1f} ms/draft, ratio {o['ratio']:.3f}"
            f" ({o['drafts']} drafts)"
        )
    g = guardrail_throughput(2.0 if args.quick else 5.0)
    results["guardrails"] = g
    show(
        f"guardrail checks: {g['checks_per_s']:.0f} replies/s with {g['guardrails']} guardrails "
        f"({g['per_guardrail_per_s']:.0f} guardrail checks/s)"
    )
    r = eval_replay()
    results["replay"] = r
    if "eval" in r:
        show(
            f"eval replay (replydraft eval evals/recovery.yaml): {r['eval']['per_case_ms']:.0f} ms/case "
            f"over {r['eval']['cases']} cases, process start included (exit {r['eval']['exit']})"
        )
    show(
        f"injection cassette replay: {r['injection']['per_case_ms']:.0f} ms/case over {r['injection']['cases']} "
        f"cases ({r['injection']['errors']} errors)"
    )
    c = cli_startup(5 if args.quick else 10)
    results["cli"] = c
    show(f"CLI start-up (replydraft --help): median {c['median_ms']:.0f} ms, min {c['min_ms']:.0f} ms")
    if not args.skip_model:
        m = embedded_model(3 if args.quick else 10)
        results["embedded"] = m
        show(
            f"embedded model, {m['drafts']} first drafts: p50 {m['p50_s']:.2f} s, p95 {m['p95_s']:.2f} s, "
            f"{m['tokens_per_s']:.1f} tokens/s; llama.cpp alone: p50 {m['llama_p50_s']:.2f} s, "
            f"p95 {m['llama_p95_s']:.2f} s, {m['llama_tokens_per_s']:.1f} tokens/s"
        )
    results["load_average_after"] = os.getloadavg()[0]
    show(f"load average {results['load_average']:.1f} before, {results['load_average_after']:.1f} after")
    if args.json:
        print(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
