"""Benchmark of the HTTP service under concurrent drafts, against a model endpoint with a fixed latency.

Three processes, all on loopback: the stand-in OpenAI-compatible endpoint (``replydraft.server.standin``, fixed
latency, valid structured answers), the real server (``replydraft serve`` under uvicorn, access log on), and
the load generator (this script with ``--client``), which keeps N requests in flight on N keep-alive
connections. Reported: drafts/s against the ideal (concurrency / model latency), the server's overhead per
request (p50/p95 of end-to-end latency minus the model's fixed latency, and of the server's own ``Server-Timing``
app time, which excludes time spent in model calls), and the server's memory (RSS) under load.

    python benchmarks/server_bench.py                     # 100 concurrent, 300 ms model, 1500 drafts
    python benchmarks/server_bench.py --concurrency 10 50 100 --requests 1000

Targets (issue 5): >= 80% of ideal throughput at 100 concurrent; overhead p50 < 10 ms.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import resource
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CASE = ROOT / "examples" / "late-delivery.json"
TOKEN = "bench-token-" + "0" * 24


# -- load generator (runs in its own process) ------------------------------------------------------------------
async def _worker(
    host: str, port: int, requests: list[bytes], remaining: list[int], results: list[tuple], delay: float = 0.0
) -> None:
    reader, writer = await asyncio.open_connection(host, port)
    await asyncio.sleep(delay)
    try:
        while remaining[0] > 0:
            remaining[0] -= 1
            started = time.perf_counter()
            writer.write(requests[remaining[0] % len(requests)])
            head = await reader.readuntil(b"\r\n\r\n")
            lines = head.decode("latin-1").split("\r\n")
            status = int(lines[0].split()[1])
            headers = {k.strip().lower(): v.strip() for k, _, v in (line.partition(":") for line in lines[1:] if line)}
            body = await reader.readexactly(int(headers.get("content-length", 0)))
            elapsed = time.perf_counter() - started
            timing = dict(re.findall(r"(\w+);dur=([\d.]+)", headers.get("server-timing", "")))
            attempts = json.loads(body).get("attempts", 1) if status == 200 else 0
            results.append(
                (status, elapsed, float(timing.get("model", 0)) / 1000, float(timing.get("app", 0)) / 1000, attempts)
            )
            if headers.get("connection") == "close":
                break
    finally:
        writer.close()


FIRST = ("Dana", "Priya", "Tomasz", "Amara", "Kenji", "Lucía", "Owen", "Farah", "Mateo", "Ingrid")
LAST = ("Whitfield", "Nair", "Kowalski", "Okafor", "Sato", "García", "Hughes", "Haddad", "Rossi", "Berg")


def _requests(host: str, n: int = 1000) -> list[bytes]:
    """``n`` different cases (customer, order number): like real traffic, no draft repeats another, so nothing
    the server caches per text (normalised replies, per-case patterns) is reused from one request to the next."""
    case = json.loads(CASE.read_bytes())
    message = case["message"]
    out = []
    for i in range(n):
        # The reply greets the customer by first name: a different one each time makes every reply different.
        case["customer"]["name"] = f"{FIRST[i % 10]}-{i} {LAST[i // 10 % 10]}"
        case["message"] = f"Order #{4821 + i}: {message}"
        body = json.dumps(case).encode()
        out.append(
            (
                f"POST /v1/drafts HTTP/1.1\r\nHost: {host}\r\nAuthorization: Bearer {TOKEN}\r\n"
                f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n"
            ).encode()
            + body
        )
    return out


async def _load(url: str, concurrency: int, requests: int, spread: float) -> dict:
    host, port = url.split("//")[1].split(":")
    bodies = _requests(host)
    # Warm-up: one round on every connection's worth, so pools are open before the clock starts.
    warm: list[tuple] = []
    await asyncio.gather(*(_worker(host, int(port), [bodies[-1 - i]], [1], warm) for i in range(concurrency)))
    results: list[tuple] = []
    remaining = [requests]
    started = time.perf_counter()
    # Connection i starts i/N of `spread` seconds in. With spread = 0 all N start in the same instant and, against a
    # model whose latency never varies, stay in lock-step: every draft's CPU work lands in the same few milliseconds
    # of each round, which no real helpdesk's traffic does. The clock runs from the first start either way.
    await asyncio.gather(
        *(_worker(host, int(port), bodies, remaining, results, spread * i / concurrency) for i in range(concurrency))
    )
    wall = time.perf_counter() - started
    return {"wall": wall, "results": results}


def client_main(url: str, concurrency: int, requests: int, spread: float) -> None:
    # On uvloop where installed, like the server and the stand-in: the load generator shares the two cores with
    # them, so the less CPU it takes, the less of its own queueing the end-to-end figures carry.
    try:
        import uvloop
    except ImportError:
        print(json.dumps(asyncio.run(_load(url, concurrency, requests, spread))))
    else:
        print(json.dumps(uvloop.run(_load(url, concurrency, requests, spread))))


# -- orchestration -----------------------------------------------------------------------------------------------
def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_http(url: str, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=1).read()
            return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"{url} did not come up")


def _family(pid: int) -> list[int]:
    """The server and its worker processes (``--workers``)."""
    children = Path(f"/proc/{pid}/task/{pid}/children")
    kids = [int(c) for c in children.read_text().split()] if children.exists() else []
    return [pid, *kids]


def _rss_mb(pid: int, field: str = "VmRSS") -> float:
    return sum(_rss_one(p, field) for p in _family(pid))


def _rss_one(pid: int, field: str) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return 0.0


def _cpu_seconds(pid: int) -> float:
    total = 0
    for member in _family(pid):
        fields = Path(f"/proc/{member}/stat").read_text().rsplit(")", 1)[1].split()
        total += int(fields[11]) + int(fields[12])  # utime + stime
    return total / os.sysconf("SC_CLK_TCK")


def _pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(q * len(values)))] if values else float("nan")


def run_level(
    server_url: str, server_pid: int, standin_pid: int, concurrency: int, requests: int, latency: float, spread: float
) -> dict:
    samples: list[float] = []
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            samples.append(_rss_mb(server_pid))
            done.wait(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    cpu_before, load_before = _cpu_seconds(server_pid), os.getloadavg()[0]
    standin_before = _cpu_seconds(standin_pid)
    children_before = resource.getrusage(resource.RUSAGE_CHILDREN)
    sampler.start()
    out = subprocess.run(
        [
            sys.executable,
            __file__,
            "--client",
            server_url,
            "--concurrency",
            str(concurrency),
            "--requests",
            str(requests),
            "--spread",
            str(spread),
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    done.set()
    sampler.join()
    cpu = _cpu_seconds(server_pid) - cpu_before
    standin_cpu = _cpu_seconds(standin_pid) - standin_before
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    client_cpu = children.ru_utime + children.ru_stime - children_before.ru_utime - children_before.ru_stime
    data = json.loads(out.stdout)
    ok = [r for r in data["results"] if r[0] == 200]
    overhead = [(e2e - latency * attempts) * 1000 for _, e2e, _, _, attempts in ok]
    app = [a * 1000 for _, _, _, a, _ in ok]
    model_time = [m * 1000 for _, _, m, _, _ in ok]
    # Time inside model calls beyond the stand-in's fixed latency: the model client, and replies waiting for a
    # busy event loop to read them (server overhead that `app` cannot see).
    model_extra = [(m - latency * attempts) * 1000 for _, _, m, _, attempts in ok]
    throughput = len(ok) / data["wall"]
    ideal = concurrency / latency
    return {
        "concurrency": concurrency,
        "requests": len(data["results"]),
        "errors": len(data["results"]) - len(ok),
        "drafts_per_s": throughput,
        "ideal_per_s": ideal,
        "ratio": throughput / ideal,
        "overhead_p50_ms": statistics.median(overhead),
        "overhead_p95_ms": _pct(overhead, 0.95),
        "app_p50_ms": statistics.median(app),
        "app_p95_ms": _pct(app, 0.95),
        "model_p50_ms": statistics.median(model_time),
        "model_extra_p50_ms": statistics.median(model_extra),
        "rss_peak_mb": max(samples) if samples else _rss_mb(server_pid),
        # Includes the warm-up round; the machine's load shows how much CPU other work was taking.
        "cpu_ms_per_draft": cpu * 1000 / (len(data["results"]) + concurrency),
        "loadavg": max(load_before, os.getloadavg()[0]),
        "standin_cpu_ms": standin_cpu * 1000 / (len(data["results"]) + concurrency),
        "client_cpu_ms": client_cpu * 1000 / (len(data["results"]) + concurrency),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--concurrency", type=int, nargs="+", default=[100])
    parser.add_argument("--requests", type=int, default=1500, help="drafts per concurrency level")
    parser.add_argument("--latency", type=float, default=0.3, help="model latency in seconds")
    parser.add_argument("--workers", type=int, default=1, help="server processes (replydraft serve --workers)")
    parser.add_argument(
        "--burst",
        action="store_true",
        help="start every connection in the same instant (default: spread the starts over one model latency)",
    )
    parser.add_argument(
        "--repeat",
        type=int,
        default=1,
        help="runs per concurrency level, with their median (a shared or virtual machine drifts between runs)",
    )
    parser.add_argument("--spread", type=float, help=argparse.SUPPRESS)
    parser.add_argument("--client", metavar="URL", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.client:
        client_main(args.client, args.concurrency[0], args.requests, args.spread or 0.0)
        return
    spread = 0.0 if args.burst else args.latency

    top = max(args.concurrency)
    standin_port, server_port = _free_port(), _free_port()
    log_path = Path(tempfile.gettempdir()) / "replydraft_server_bench.log"
    logs = open(log_path, "w")  # noqa: SIM115 (closed at the end)
    env = {
        **os.environ,
        "OPENAI_BASE_URL": f"http://127.0.0.1:{standin_port}/v1",
        "OPENAI_API_KEY": "",
        "REPLYDRAFT_TOKENS": TOKEN,
        "REPLYDRAFT_CONFIG": "",
    }
    env.pop("REPLYDRAFT_CONFIG")
    standin = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "replydraft.server.standin",
            "--port",
            str(standin_port),
            "--latency",
            str(args.latency),
        ],
        stdout=logs,
        stderr=logs,
    )
    server = subprocess.Popen(
        [sys.executable, "-m", "replydraft.cli", "serve", "--port", str(server_port),
         "--max-concurrent", str(top), "--max-queue", str(top), "--workers", str(args.workers)],
        env=env,
        stdout=logs,
        stderr=logs,
        cwd=ROOT / "benchmarks",
    )  # fmt: skip
    try:
        _wait_http(f"http://127.0.0.1:{server_port}/healthz")
        idle = _rss_mb(server.pid)
        print(
            f"model latency {args.latency * 1000:.0f} ms (stand-in), {args.workers} server worker(s), "
            f"server RSS idle {idle:.0f} MB, {os.cpu_count()} CPUs, "
            + ("all connections start at once" if args.burst else f"starts spread over {spread * 1000:.0f} ms")
        )
        print(
            f"{'conc':>5} {'drafts':>6} {'err':>4} {'drafts/s':>9} {'ideal':>7} {'ratio':>6} "
            f"{'ovh p50':>8} {'ovh p95':>8} {'app p50':>8} {'app p95':>8} {'RSS MB':>7} {'CPU ms':>7} {'load':>5}"
        )
        cpu_note: list[str] = []
        extra_note: list[str] = []
        medians: list[str] = []
        for concurrency in args.concurrency:
            runs = []
            for _ in range(max(1, args.repeat)):
                r = run_level(
                    f"http://127.0.0.1:{server_port}",
                    server.pid,
                    standin.pid,
                    concurrency,
                    args.requests,
                    args.latency,
                    spread,
                )
                runs.append(r)
                print(
                    f"{r['concurrency']:>5} {r['requests']:>6} {r['errors']:>4} {r['drafts_per_s']:>9.1f} "
                    f"{r['ideal_per_s']:>7.1f} {r['ratio']:>6.0%} "
                    f"{r['overhead_p50_ms']:>8.1f} {r['overhead_p95_ms']:>8.1f} "
                    f"{r['app_p50_ms']:>8.1f} {r['app_p95_ms']:>8.1f} {r['rss_peak_mb']:>7.0f} "
                    f"{r['cpu_ms_per_draft']:>7.2f} {r['loadavg']:>5.1f}"
                )
                extra_note.append(f"c={concurrency}: {r['model_extra_p50_ms']:.1f} ms")
                cpu_note.append(
                    f"c={concurrency}: stand-in {r['standin_cpu_ms']:.2f}, load generator {r['client_cpu_ms']:.2f}"
                )
            if len(runs) > 1:
                med = {k: statistics.median(run[k] for run in runs) for k in ("ratio", "overhead_p50_ms", "app_p50_ms")}
                medians.append(
                    f"c={concurrency}, median of {len(runs)} runs: ratio {med['ratio']:.0%}, "
                    f"ovh p50 {med['overhead_p50_ms']:.1f} ms, app p50 {med['app_p50_ms']:.1f} ms"
                )
        for line in medians:
            print(line)
        print("CPU ms per draft of the other two processes: " + "; ".join(cpu_note))
        print("time in model calls beyond the fixed latency, p50 (server side): " + "; ".join(extra_note))
        print(f"server peak RSS (VmHWM) {_rss_mb(server.pid, 'VmHWM'):.0f} MB")
        print("ovh = end-to-end latency minus the model's fixed latency per model call (client, network, server);")
        print("app = the server's own time from its Server-Timing header (request minus model calls).")
        print("CPU ms = server process CPU per draft; load = 1-min load average (other work on the machine).")
        print(f"server and stand-in logs: {log_path}")
    finally:
        for process in (server, standin):
            process.terminate()
            process.wait(10)
        logs.close()


if __name__ == "__main__":
    main()
