"""Slow clients: do 50 slow connections delay other visitors? With and without nginx in front,
with synchronous and with threaded gunicorn workers. Run it with `make slowclients`.

For each set-up it starts gunicorn with production settings (GUNICORN_WORKERS, default
the config's 2 x cores + 1), optionally Debian's nginx in front with the shipped
deploy/nginx.conf (scripts/nginx.py), then for SLOW_SECONDS (default 10) holds
SLOW_CONNECTIONS (default 50) connections that trickle a request: half send one header line
a second and never finish the headers, half send a POST body of 100 kB one byte a second
(SLOW_KIND=body: all of them slow uploads; SLOW_SOURCE=127.0.0.2: from another address
than the visitor's, as an attacker is). A connection the server answers or cuts is opened
again, and the answers are counted (nginx's per-address limit answers 429). Meanwhile a
normal visitor asks for the start page and a results page one after the other, and the
script prints how many of those answered and how fast, next to the same visitor with no
slow connections.
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
# The slow connections come from SOURCE (another loopback address, e.g. 127.0.0.2, so that
# nginx's per-address limit sees them apart from the visitor on 127.0.0.1), trickle KIND
# ("mixed": half headers, half bodies; "body": slow uploads; "headers"), one piece every
# INTERVAL seconds. SLOW_FRONT=nginx and SLOW_WORKERS=sync measure only that set-up.
SOURCE = os.environ.get("SLOW_SOURCE", "127.0.0.1")
KIND = os.environ.get("SLOW_KIND", "mixed")
INTERVAL = float(os.environ.get("SLOW_INTERVAL", "1"))
FRONT = os.environ.get("SLOW_FRONT", "all")
WORKERS = os.environ.get("SLOW_WORKERS", "all")


HEADS = {
    "headers": b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n",
    "body": (
        b"POST /check/account/ HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        b"Content-Type: application/x-www-form-urlencoded\r\n"
        b"Content-Length: 100000\r\n\r\nx="
    ),
}
TRICKLE = {"headers": b"X-Slow: 1\r\n", "body": b"a"}


class Slow:
    """count connections from SOURCE trickling requests of KIND (half and half for "mixed")
    until stop is set. A connection the server answers or closes is counted (`answers`:
    status -> count, `cut`) and opened again, as an attacker would."""

    def __init__(
        self, port: int, count: int, stop: threading.Event, kind: str = "", source: str = "",
        interval: float = 0.0,
    ) -> None:  # fmt: skip
        self.port, self.stop = port, stop
        self.source, self.interval = source or SOURCE, interval or INTERVAL
        kind = kind or KIND
        self.answers: dict[str, int] = {}
        self.cut = self.failed = 0
        self.kinds = [kind if kind != "mixed" else ("body", "headers")[i % 2] for i in range(count)]
        self.socks: list[socket.socket | None] = [self.open(k) for k in self.kinds]
        self.thread = threading.Thread(target=self.trickle, daemon=True)
        self.thread.start()

    def open(self, kind: str) -> socket.socket | None:
        try:
            s = socket.create_connection(("127.0.0.1", self.port), 5, (self.source, 0))
            s.sendall(HEADS[kind])
            s.setblocking(False)
            return s
        except OSError:
            self.failed += 1
            return None

    def answered(self, s: socket.socket) -> bool:
        """True when the server has answered or closed this connection (counted)."""
        try:
            data = s.recv(64)
        except BlockingIOError:
            return False
        except OSError:
            data = b""
        if data.startswith(b"HTTP/"):
            status = data.split(b" ", 2)[1].decode()
            self.answers[status] = self.answers.get(status, 0) + 1
        else:
            self.cut += 1
        s.close()
        return True

    def trickle(self) -> None:
        while not self.stop.wait(self.interval):
            for i, s in enumerate(self.socks):
                if s is not None:
                    with suppress(OSError):
                        s.send(TRICKLE[self.kinds[i]])
                if s is None or self.answered(s):
                    self.socks[i] = self.open(self.kinds[i])
        for s in self.socks:
            if s is not None:
                s.close()

    def join(self) -> None:
        self.thread.join(timeout=30)

    def report(self) -> str:
        refused = ", ".join(f"{n} answered {code}" for code, n in sorted(self.answers.items()))
        return (f"slow connections: {refused or 'none answered'}; {self.cut} cut without an "
                f"answer; {self.failed} could not connect (each reopened)")  # fmt: skip


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
    if WORKERS == "sync":
        kinds = {"sync": 1}
    with tempfile.TemporaryDirectory(prefix="slowclients-") as tmp_name, ExitStack() as stack:
        tmp = Path(tmp_name)
        print(f"slowclients: migrate and collectstatic into {tmp}")
        static_root, url = loadtest.prepare(tmp)
        workers = int(os.environ.get("GUNICORN_WORKERS") or 2 * (os.cpu_count() or 1) + 1)
        fronts = {}
        for kind, threads in kinds.items():
            gport = stack.enter_context(
                gunicorn(
                    tmp,
                    static_root,
                    url,
                    workers=None,
                    ready="/healthz",
                    GUNICORN_THREADS=str(threads),
                    **loadtest.LOOPBACK,
                )
            )
            nport = free_port()
            stack.enter_context(nginx.nginx(tmp / f"nginx-{threads}", nport, [gport]))
            fronts[kind] = {"gunicorn alone": gport, "nginx in front": nport}
        for kind, ports in fronts.items():
            for front, port in ports.items():
                if FRONT == "nginx" and front != "nginx in front":
                    continue
                base = f"http://127.0.0.1:{port}"
                print(
                    f"slowclients: {kind}, {front}: {SECONDS:.0f} s quiet, "
                    f"then {SECONDS:.0f} s with {SLOW} slow connections"
                )
                quiet = probe(base, SECONDS)
                stop = threading.Event()
                slow = Slow(port, SLOW, stop)
                time.sleep(0.5)
                loaded = probe(base, SECONDS)
                stop.set()
                slow.join()
                print(f"slowclients: {kind}, {front}: {slow.report()}")
                rows.append((kind, front, quiet, loaded, slow.report()))
        rates = throughput(
            {kind: f"http://127.0.0.1:{ports['nginx in front']}" for kind, ports in fronts.items()}
        )
    print()
    print(
        f"gunicorn with production settings, {workers} workers; a visitor asks for the start "
        f"page and a results page in turn ({PROBE_TIMEOUT:.0f} s timeout), {SECONDS:.0f} s "
        f"quiet, then {SECONDS:.0f} s beside {SLOW} slow connections ({KIND}, from {SOURCE})"
    )
    print(
        f"{'workers':<12} {'front':<15} {'':<6} {'ok':>5} {'failed':>7} {'median':>9} "
        f"{'p95':>9} {'max':>9}"
    )
    for kind, front, quiet, loaded, slow in rows:
        print(f"{kind:<12} {front:<15} {'quiet':<6} {summary(quiet)}")
        print(f"{'':<12} {'':<15} {'slow':<6} {summary(loaded)}")
        print(f"{'':<12} {'':<15} {'':<6} {slow}")
    print()
    print(
        f"throughput behind nginx: wrk, {loadtest.CONNECTIONS} connections, {ROUNDS} rounds of "
        f"{WRK_SECONDS} s, the two kinds alternating (the machine is shared: compare medians)"
    )
    print(f"{'workers':<12} {'page':<14} {'median req/s':>13}   rounds")
    for (kind, name), values in rates.items():
        print(
            f"{kind:<12} {name:<14} {statistics.median(values):>13.0f}   "
            + " ".join(f"{v:.0f}" for v in values)
        )
    behind = [loaded for _, front, _, loaded, _ in rows if front == "nginx in front"]
    return 0 if all(p["failed"] == 0 for p in behind) else 1


if __name__ == "__main__":
    sys.exit(main())
