"""Slow clients: do 50 slow connections delay other visitors? With and without nginx in front,
with synchronous and with threaded gunicorn workers. Run it with `make slowclients`.

For each set-up it starts gunicorn with production settings (GUNICORN_WORKERS, default
the config's 2 x cores + 1), optionally Debian's nginx in front with deploy/deduct-site.conf
(scripts/nginx.py), then for SLOW_SECONDS (default 10) holds SLOW_CONNECTIONS (default 50)
connections that trickle a request: half send one header line a second and never finish
the headers, half send a POST body of 100 kB one byte a second. Meanwhile a normal visitor
asks for the start page and a results page one after the other, and the script prints how
many of those answered and how fast, next to the same visitor with no slow connections.
Then wrk measures the throughput of both worker kinds behind nginx, which is the other
half of the decision about threads. Everything runs on 127.0.0.1 and is bounded in time.
"""

from __future__ import annotations

import os
import socket
import statistics
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from contextlib import ExitStack, suppress
from pathlib import Path

from scripts import loadtest, nginx  # the loopback settings, prepare() and wrk; nginx
from tests.production.servers import free_port, gunicorn

SLOW = int(os.environ.get("SLOW_CONNECTIONS", "50"))
SECONDS = float(os.environ.get("SLOW_SECONDS", "10"))
THREADS = int(os.environ.get("SLOW_THREADS", "4"))
ROUNDS = int(os.environ.get("SLOW_ROUNDS", "3"))
WRK_SECONDS = 4
START, RESULTS = loadtest.START, loadtest.RESULTS
PROBE_TIMEOUT = 5.0


def slow_connections(port: int, count: int, stop: threading.Event) -> threading.Thread:
    """count connections trickling requests until stop is set; returns the trickling thread."""
    socks = []
    for i in range(count):
        s = socket.create_connection(("127.0.0.1", port), timeout=5)
        if i % 2:
            s.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n")
        else:
            s.sendall(
                b"POST /check/account/ HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                b"Content-Type: application/x-www-form-urlencoded\r\n"
                b"Content-Length: 100000\r\n\r\nx="
            )
        socks.append(s)

    def trickle():
        while not stop.wait(1.0):
            for i, s in enumerate(socks):
                with suppress(OSError):
                    s.sendall(b"X-Slow: 1\r\n" if i % 2 else b"a")
        for s in socks:
            s.close()

    thread = threading.Thread(target=trickle, daemon=True)
    thread.start()
    return thread


def probe(base: str, seconds: float) -> dict:
    """A normal visitor: start page and a results page, one after the other."""
    latencies, failures = [], 0
    deadline = time.monotonic() + seconds
    paths = [START, RESULTS]
    i = 0
    while time.monotonic() < deadline:
        started = time.monotonic()
        try:
            with urllib.request.urlopen(base + paths[i % 2], timeout=PROBE_TIMEOUT) as r:
                r.read()
                ok = r.status == 200
        except (OSError, urllib.error.URLError):
            ok = False
        elapsed = time.monotonic() - started
        if ok:
            latencies.append(elapsed)
        else:
            failures += 1
        i += 1
        time.sleep(max(0.0, 0.1 - elapsed))
    return {"ok": len(latencies), "failed": failures, "latencies": latencies}


def summary(p: dict) -> str:
    lat = sorted(p["latencies"])
    if not lat:
        return f"{0:>5} {p['failed']:>7}        -        -        -"
    p95 = lat[min(len(lat) - 1, int(len(lat) * 0.95))]
    return (
        f"{p['ok']:>5} {p['failed']:>7} {statistics.median(lat) * 1000:>7.1f}ms "
        f"{p95 * 1000:>7.1f}ms {lat[-1] * 1000:>7.0f}ms"
    )


def throughput(bases: dict[str, str]) -> dict[tuple[str, str], list[float]]:
    """req/s of each worker kind behind nginx, page by page, in alternating rounds."""
    rates: dict[tuple[str, str], list[float]] = {}
    for round_ in range(ROUNDS):
        for name, path in (("start page", START), ("results page", RESULTS)):
            for kind, base in bases.items():
                print(f"slowclients: wrk round {round_ + 1}, {kind}, {name}")
                r = loadtest.run_wrk(base, {"name": name, "path": path}, seconds=WRK_SECONDS)
                errors = r["non_2xx_3xx"] + r["connect"] + r["read"] + r["write"] + r["timeout"]
                assert errors == 0, r
                rates.setdefault((kind, name), []).append(r["requests"] / (r["duration_us"] / 1e6))
    return rates


def main() -> int:
    rows = []
    kinds = {"sync": 1, f"gthread x{THREADS}": THREADS}
    with tempfile.TemporaryDirectory(prefix="slowclients-") as tmp_name, ExitStack() as stack:
        tmp = Path(tmp_name)
        print(f"slowclients: migrate and collectstatic into {tmp}")
        static_root, url = loadtest.prepare(tmp)
        workers = int(os.environ.get("GUNICORN_WORKERS") or 2 * (os.cpu_count() or 1) + 1)
        fronts = {}
        for kind, threads in kinds.items():
            gport = stack.enter_context(gunicorn(
                tmp, static_root, url, workers=None, ready="/healthz",
                GUNICORN_THREADS=str(threads), **loadtest.LOOPBACK,
            ))
            nport = free_port()
            stack.enter_context(nginx.nginx(tmp / f"nginx-{threads}", nport, [gport]))
            fronts[kind] = {"gunicorn alone": gport, "nginx in front": nport}
        for kind, ports in fronts.items():
            for front, port in ports.items():
                base = f"http://127.0.0.1:{port}"
                print(f"slowclients: {kind}, {front}: {SECONDS:.0f} s quiet, "
                      f"then {SECONDS:.0f} s with {SLOW} slow connections")
                quiet = probe(base, SECONDS)
                stop = threading.Event()
                trickler = slow_connections(port, SLOW, stop)
                time.sleep(0.5)
                loaded = probe(base, SECONDS)
                stop.set()
                trickler.join(timeout=10)
                rows.append((kind, front, quiet, loaded))
        rates = throughput(
            {kind: f"http://127.0.0.1:{ports['nginx in front']}" for kind, ports in fronts.items()}
        )
    print()
    print(f"gunicorn with production settings, {workers} workers; a visitor asks for the start "
          f"page and a results page in turn ({PROBE_TIMEOUT:.0f} s timeout), {SECONDS:.0f} s "
          f"quiet, then {SECONDS:.0f} s beside {SLOW} slow connections")
    print(f"{'workers':<12} {'front':<15} {'':<6} {'ok':>5} {'failed':>7} {'median':>9} "
          f"{'p95':>9} {'max':>9}")
    for kind, front, quiet, loaded in rows:
        print(f"{kind:<12} {front:<15} {'quiet':<6} {summary(quiet)}")
        print(f"{'':<12} {'':<15} {'slow':<6} {summary(loaded)}")
    print()
    print(f"throughput behind nginx: wrk, {loadtest.CONNECTIONS} connections, {ROUNDS} rounds of "
          f"{WRK_SECONDS} s, the two kinds alternating (the machine is shared: compare medians)")
    print(f"{'workers':<12} {'page':<14} {'median req/s':>13}   rounds")
    for (kind, name), values in rates.items():
        print(f"{kind:<12} {name:<14} {statistics.median(values):>13.0f}   "
              + " ".join(f"{v:.0f}" for v in values))
    behind = [loaded for _, front, _, loaded in rows if front == "nginx in front"]
    return 0 if all(p["failed"] == 0 for p in behind) else 1


if __name__ == "__main__":
    sys.exit(main())
