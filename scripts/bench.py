"""Benchmark: CPU per request of each page as a multiple of a bare view, throughput as a
ratio to /healthz, queries and bytes. Run it with `make bench` (`python -m scripts.bench`
from the project's folder, so this checkout's code is the code measured).

CPU: in this process, with production settings, tests/cost.py measures the CPU
time per request (the thread's CPU clock) of each page over distinct answers (a
results page for an answer not rendered yet, the API for answers not decided
yet, a wizard question and its answer on different paths through the wizard),
as a multiple of a bare HttpResponse view behind the same middleware: the
median of BENCH_CPU_ROUNDS (default 3) interleaved rounds of BENCH_CPU_N
(default 100) requests per page. The goals are tests/budgets.py's CPU_GOALS.

Throughput: starts gunicorn with production settings and 2 workers on a free port of
127.0.0.1, measures requests per second with wrk for /healthz (the
floor: the cheapest dynamic answer the stack gives) and each page type in one
run, and prints each as a ratio to /healthz. Ratios, not absolute figures,
are what count: the machine is shared and noisy.

Also prints, per page, the SQL queries it runs (in-process, test client),
the HTML bytes, and the bytes a browser transfers for the page with its CSS
and JS (fetched from gunicorn with Accept-Encoding: br, gzip), and how long
the engine takes to decide the whole input space on one core.

The machine is shared, so throughput is measured in BENCH_ROUNDS rounds (default
3), each measuring /healthz and then every page for BENCH_SECONDS (default 4);
a page's ratio is the median over the rounds of its rate divided by the /healthz
rate of the same round.

Every budget is in tests/budgets.py, which tests/test_budgets.py and
tests/test_costs.py read too.
"""

from __future__ import annotations

import os
import re
import statistics
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from scripts import loadtest  # the loopback settings, prepare() and wrk
from tests import budgets, cost, pages
from tests.production.env import production_environ
from tests.production.servers import gunicorn

SECONDS = int(os.environ.get("BENCH_SECONDS", "4"))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "3"))
CPU_N = int(os.environ.get("BENCH_CPU_N", "100"))
CPU_ROUNDS = int(os.environ.get("BENCH_CPU_ROUNDS", "3"))
PAGES = [
    ("/healthz", "/healthz"),
    ("start page", loadtest.START),
    ("wizard step", loadtest.QUESTION),
    ("results page", loadtest.RESULTS),
    ("tables page", pages.EXAMPLES["rules:tables"]["tables"]),
    ("JSON API", loadtest.API),
]
BUDGET_RATIO = budgets.THROUGHPUT_RATIO
BUDGET_QUERIES = budgets.QUERIES
BUDGET_BYTES = budgets.PAGE_BYTES


def get(url: str, encoding: str = "br, gzip") -> tuple[int, dict, bytes]:
    request = urllib.request.Request(url, headers={"Accept-Encoding": encoding})
    with loadtest.opener.open(request, timeout=10) as r:
        return r.status, dict(r.headers), r.read()


def transferred(base: str, path: str) -> tuple[int, int]:
    """(HTML bytes, bytes on the wire for the HTML and its stylesheet and script)."""
    _, _, raw = get(base + path, encoding="identity")
    _, _, wire_html = get(base + path)
    total = len(wire_html)
    for asset in re.findall(rb'(?:href|src)="(/static/[^"]+\.(?:css|js))"', raw):
        _, _, body = get(base + asset.decode())
        total += len(body)
    return len(raw), total


def count_queries(env: dict[str, str]) -> dict[str, int]:
    """SQL queries per page, counted in this process against the same database."""
    os.environ.update(env)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "questionnaire.settings")
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST=loadtest.HOST)
    counts = {}
    for name, path in PAGES:
        client.get(path)  # warm caches, as a running server would have them
        with CaptureQueriesContext(connection) as ctx:
            client.get(path)
        counts[name] = len(ctx.captured_queries)
    return counts


def cpu_costs() -> cost.Costs:
    """CPU per request as a multiple of a bare view (tests/cost.py), in this process."""
    return cost.measure(n=CPU_N, rounds=CPU_ROUNDS, host=loadtest.HOST)


def report_cpu(costs: cost.Costs) -> list[str]:
    print(
        f"CPU per request in one process (production settings, test client), as a multiple "
        f"of a bare view behind the same middleware ({costs.micros('bare'):.0f} us); "
        f"median of {CPU_ROUNDS} interleaved rounds of {CPU_N} distinct requests per page"
    )
    print(f"{'page':<20} {'CPU us':>8} {'multiple':>9} {'goal':>6}  multiple in each round")
    failed = []
    for page in cost.PAGES:
        multiple, goal = costs.multiple(page), budgets.CPU_GOALS[page]
        over = multiple > goal
        if over:
            failed.append(f"{page}: {multiple:.2f}x CPU, goal {goal}x")
        print(
            f"{page:<20} {costs.micros(page):>8.0f} {multiple:>8.2f}x {goal:>5}x  "
            + " ".join(f"{x:.2f}" for x in costs.multiples()[page])
            + ("  OVER GOAL" if over else "")
        )
    return failed


def engine_seconds() -> tuple[int, float]:
    """Decide every combination of answers, with the engine's caches empty."""
    from rules.law import clock, engine

    answers = list(engine.all_answers(clock.current_tax_year()))
    engine.determine.cache_clear()
    start = time.process_time()
    for a in answers:
        engine.determine(a)
    return len(answers), time.process_time() - start


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp_name:
        tmp = Path(tmp_name)
        print(f"bench: migrate and collectstatic into {tmp}")
        static_root, url = loadtest.prepare(tmp)
        queries = count_queries(
            production_environ(
                tmp, DATABASE_URL=url, DJANGO_STATIC_ROOT=str(static_root), **loadtest.LOOPBACK
            )
        )
        print(f"bench: CPU per request, {CPU_ROUNDS} rounds of {CPU_N} requests per page")
        costs = cpu_costs()
        count, seconds = engine_seconds()
        with gunicorn(
            tmp,
            static_root,
            url,
            workers=2,
            ready="/healthz",
            args=("--access-logfile", "/dev/null"),
            GUNICORN_LOG_LEVEL="warning",
            **loadtest.LOOPBACK,
        ) as port:
            base = f"http://{loadtest.HOST}:{port}"
            sizes = {name: transferred(base, path) for name, path in PAGES}
            rounds: list[dict[str, tuple[float, int]]] = []
            for n in range(ROUNDS):
                print(f"bench: round {n + 1} of {ROUNDS}, {SECONDS} s per page")
                rates = {}
                for name, path in PAGES:
                    r = loadtest.run_wrk(base, {"path": path}, seconds=SECONDS)
                    bad = sum(r[k] for k in ("non_2xx_3xx", "connect", "read", "write", "timeout"))
                    rates[name] = (r["requests"] / (r["duration_us"] / 1e6), bad)
                rounds.append(rates)

    print()
    failed = report_cpu(costs)
    print()
    print(
        f"gunicorn, production settings, 2 workers; wrk {loadtest.THREADS} threads, "
        f"{loadtest.CONNECTIONS} connections, {ROUNDS} rounds of {SECONDS} s per page, "
        f"on {loadtest.HOST}; req/s and ratio are medians over the rounds"
    )
    print(
        f"{'page':<14} {'req/s':>8} {'ratio':>6} {'budget':>7} {'queries':>8} "
        f"{'HTML B':>8} {'wire B':>8} {'errors':>7}  ratio in each round"
    )
    for name, _ in PAGES:
        per_round = [r[name][0] / r["/healthz"][0] for r in rounds]
        rps = statistics.median(r[name][0] for r in rounds)
        bad = sum(r[name][1] for r in rounds)
        ratio = statistics.median(per_round)
        budget = BUDGET_RATIO.get(name)
        html, wire = sizes[name]
        flags = []
        if budget is not None and ratio < budget:
            flags.append("ratio")
        if name in BUDGET_QUERIES and queries[name] > BUDGET_QUERIES[name]:
            flags.append("queries")
        if name not in ("/healthz", "JSON API") and wire >= BUDGET_BYTES:
            flags.append("bytes")
        if bad:
            flags.append("errors")
        failed += [f"{name}: {f}" for f in flags]
        print(
            f"{name:<14} {rps:>8.0f} {ratio:>6.2f} {budget if budget else '':>7} "
            f"{queries[name]:>8} {html:>8} {wire:>8} {bad:>7}  "
            + " ".join(f"{x:.2f}" for x in per_round)
            + (f"  OVER BUDGET ({', '.join(flags)})" if flags else "")
        )
    print(
        f"engine: {count} combinations decided in {seconds:.3f} s of CPU "
        f"(budget {budgets.ENGINE_SECONDS} s)"
    )
    if seconds >= budgets.ENGINE_SECONDS:
        failed.append(f"engine: over {budgets.ENGINE_SECONDS} s")
    print("within budget" if not failed else "over budget: " + "; ".join(failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
