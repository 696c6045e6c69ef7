"""How fast is each guardrail? Prints µs per reply and replies per second on a 150-word reply.

    python benchmarks/guardrails.py [--repeat N] [--all]

Two 150-word email replies are checked: a good one (the path every ready draft takes) and a faulty one (blame,
a rash promise, an unauthorised remedy, no next step: the guardrails' slow paths). Figures are the best of
several rounds, as CPU time of this process (what the guardrail costs, unaffected by other load on the
machine) and as wall-clock time. By default only the built-in guardrails run; --all adds installed plugins.

The built-in guardrails share per-reply work through small caches (the normalised text, its word set, the learned
second opinion's scores). Every timed call starts with those caches empty, so each row is what that guardrail
costs on a reply nobody has checked yet; the last line is all of them one after another on one fresh reply, as a
draft pays it. Some guardrails also keep per-case caches (the case's own words, its remedies' patterns), which stay
warm here because every call checks the same case; ``--cold`` empties every cache before each call, as for a reply
to a case nobody has checked before.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable
from typing import Any

from replydraft_guardrails._text import clear_caches

from replydraft import Case
from replydraft.plugins import new_plugin_host

CASE = Case.from_dict(
    {
        "customer": {"name": "Dana Whitfield"},
        "message": "I was told my desk would arrive Monday. It's Wednesday and it hasn't even shipped. I took the "
        "day off work to wait for it and I can't afford to lose another day.",
        "issue": "Order #4821 missed the warehouse pickup on Monday; not shipped yet.",
        "remedies": [
            {"id": "overnight", "description": "Free upgrade to overnight shipping", "eta": "arrives Friday"},
            {"id": "delivery-refund", "description": "A refund of the delivery fee", "eta": "within 3 business days"},
        ],
        "channel": "email",
        "agent": {"name": "Sam"},
        "company": {"name": "Northwind Furniture"},
    }
)

GOOD = """Hi Dana,

I'm really sorry. You were told your desk would arrive on Monday, you took the day off work to wait for it, and it
hasn't even shipped. Your order missed the warehouse pickup on Monday, and that's on us, not on you or the courier.

I'd like to offer you a free upgrade to overnight shipping (arrives Friday). Would that work for you? If Friday
doesn't suit you, reply with a better day and I'll rebook the delivery myself.

I've also refunded the delivery fee; it will reach your card within 3 business days. I can't promise a courier
will never run late, but I'll personally track this one until it's with you.

I'll email you the tracking number by 5pm today. I'll follow up with you once it has arrived to make sure
everything is sorted.

Best regards,
Sam
Northwind Furniture"""

FAULTY = """Hi Dana,

Sorry for the trouble with your order. Per our records, the delivery address you provided was missing a flat
number, and our warehouse team didn't catch it before the courier collected everything on Monday afternoon.
Delivery dates shown at checkout are only estimates, as mentioned in our terms, so Monday was never guaranteed.

That said, we value you as a customer. To make up for it I've refunded the full price of the desk, and as an
extra apology I'm sending you a matching desk lamp free of charge. Rest assured the desk is on its way, and I
can assure you this will never happen again.

We sincerely apologise for any inconvenience caused. Our team is looking into what happened with the pickup,
and someone will be in touch once we have more information. Please don't hesitate to let us know if you need
anything else in the meantime.

Kind regards,
Sam"""


def best_of(rounds: int, number: int, func: Callable[[], Any]) -> tuple[float, float]:
    """Best (CPU seconds, wall seconds) per call over ``rounds`` rounds of ``number`` calls."""
    cpu = wall = float("inf")
    for _ in range(rounds):
        c0, w0 = time.process_time(), time.perf_counter()
        for _ in range(number):
            func()
        cpu = min(cpu, (time.process_time() - c0) / number)
        wall = min(wall, (time.perf_counter() - w0) / number)
    return cpu, wall


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=300, help="calls per round (default 300)")
    parser.add_argument("--rounds", type=int, default=5, help="rounds; the best is reported (default 5)")
    parser.add_argument("--all", action="store_true", help="include installed third-party guardrails")
    parser.add_argument("--cold", action="store_true", help="empty the per-case caches too before every call")
    args = parser.parse_args()
    global _clear
    _clear = _clear_every_cache if args.cold else clear_caches

    host = new_plugin_host(trace=False)
    guardrails = [g for g in host.guardrails if args.all or type(g).__module__.startswith("replydraft_guardrails.")]
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"{len(GOOD.split())}-word good reply and {len(FAULTY.split())}-word faulty reply; "
          f"best of {args.rounds} x {args.repeat} calls; load average {load:.2f} on {os.cpu_count()} CPUs; "
          f"{'every cache' if args.cold else 'per-reply caches'} emptied before each call")  # fmt: skip
    print()
    header = (
        f"{'guardrail':<17}{'reply':<8}{'µs/reply cpu':>13}{'µs/reply wall':>15}{'replies/s cpu':>15}{'findings':>10}"
    )
    print(header)
    print("-" * len(header))
    for guardrail in guardrails:
        for label, reply in (("good", GOOD), ("faulty", FAULTY)):
            found = len(list(guardrail.check(reply, CASE) or []))
            cpu, wall = best_of(args.rounds, args.repeat, lambda g=guardrail, r=reply: fresh(g, r))
            print(f"{guardrail.id:<17}{label:<8}{cpu * 1e6:>13.0f}{wall * 1e6:>15.0f}{1 / cpu:>15,.0f}{found:>10}")
    print()
    for label, reply in (("good", GOOD), ("faulty", FAULTY)):
        cpu, wall = best_of(args.rounds, args.repeat // 5 or 1, lambda r=reply: every(guardrails, r))
        print(
            f"all {len(guardrails)} one after another, {label} reply: {cpu * 1e6:.0f} µs cpu, {wall * 1e6:.0f} µs wall"
        )


_CACHES: list[Any] = []


def _clear_every_cache() -> None:
    """Empty every per-text and per-case cache of the built-in guardrails (not the learned check's loaded model)."""
    if not _CACHES:  # found once: looking them up is slower than the cheapest guardrails
        found = {
            id(value): value
            for name, module in list(sys.modules.items())
            if name.startswith("replydraft_guardrails")
            for value in vars(module).values()
            if callable(getattr(value, "cache_parameters", None)) and (value.cache_parameters()["maxsize"] or 2) > 1
        }
        _CACHES.extend(found.values())
    for cache in _CACHES:
        cache.cache_clear()


_clear: Callable[[], None] = clear_caches


def fresh(guardrail: Any, reply: str) -> list[Any]:
    _clear()
    return list(guardrail.check(reply, CASE) or [])


def every(guardrails: list[Any], reply: str) -> None:
    _clear()
    for guardrail in guardrails:
        list(guardrail.check(reply, CASE) or [])


if __name__ == "__main__":
    main()
