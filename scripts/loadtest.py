"""Load test: gunicorn with production settings on 127.0.0.1, driven by wrk.

Migrates a throwaway SQLite database, collects static files into a temporary
directory, starts gunicorn (gunicorn.conf.py) on a free port, then runs wrk
against each page type for LOADTEST_SECONDS (default 10) with
LOADTEST_CONNECTIONS (default 16) connections, prints requests per second,
median and 99th-percentile latency and the count of non-2xx/3xx answers, and
stops gunicorn. Traffic goes to 127.0.0.1 only. Run it with `make loadtest`.

Also what the other scripts share: the loopback settings, prepare() and run_wrk().
The servers themselves come from tests/production/servers.py, as for the tests.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from tests import pages
from tests.production import servers
from tests.production.env import ROOT, manage, production_environ
from tests.production.servers import collect_static, gunicorn, gunicorn_log

HOST = "127.0.0.1"
# Scripts address gunicorn by its loopback address, without TLS and not through a proxy;
# the harness's readiness probe names the production host.
LOOPBACK = {
    "DJANGO_ALLOWED_HOSTS": f"{HOST},{servers.HOST}",
    "DJANGO_BEHIND_PROXY": "false",
    "DJANGO_SECURE_SSL_REDIRECT": "false",
}
SECONDS = int(os.environ.get("LOADTEST_SECONDS", "10"))
CONNECTIONS = int(os.environ.get("LOADTEST_CONNECTIONS", "16"))
THREADS = 2
START = pages.EXAMPLES["questionnaire:start"]["start"]
QUESTION = pages.EXAMPLES["questionnaire:step"]["question account"]
RESULTS = pages.RESULTS["itemized-2-percent"]
API = pages.api_url(RESULTS)


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


opener = urllib.request.build_opener(NoRedirect)


def fetch(url: str, data: bytes | None = None, headers: dict | None = None):
    request = urllib.request.Request(url, data=data, headers=headers or {})
    try:
        with opener.open(request, timeout=10) as r:
            return r.status, r.headers, r.read().decode()
    except urllib.error.HTTPError as e:
        return e.code, e.headers, e.read().decode(errors="replace")


def prepare(tmp: Path, database_url: str = "", **extra: str) -> tuple[Path, str]:
    """A migrated database (SQLite in tmp unless database_url names one) and the collected
    static files, as a deploy would have them: (static root, database URL)."""
    url = database_url or f"sqlite:///{tmp / 'db.sqlite3'}"
    manage(production_environ(tmp, DATABASE_URL=url, **extra), "migrate", "--noinput", "-v0")
    return collect_static(tmp), url


def scenarios(base: str) -> list[dict]:
    """Each page type, checked once by hand before wrk repeats it."""
    status, headers, html = fetch(base + QUESTION)
    assert status == 200, status
    cookie = next(
        c.split(";")[0] for c in headers.get_all("Set-Cookie") if c.startswith("csrftoken=")
    )
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    post_body = urllib.parse.urlencode(
        {
            "csrfmiddlewaretoken": token,
            "check_wizard-current_step": "account",
            "account-account": "traditional-401k",
        }
    )
    status, headers, _ = fetch(base + QUESTION, post_body.encode(), {"Cookie": cookie})
    # The answer is taken: on to the next question (which one is the wizard's business).
    assert status == 302 and headers["Location"].startswith("/check/"), status
    assert headers["Location"] != QUESTION, "the wizard asked for the account again"
    status, headers, _ = fetch(base + RESULTS)
    results = RESULTS if status == 200 else headers["Location"]
    assert fetch(base + results)[0] == 200
    assert fetch(base + API)[0] == 200
    return [
        {"name": "start page", "path": START},
        {"name": "wizard step GET", "path": QUESTION},
        {
            "name": "wizard step POST",
            "path": QUESTION,
            "method": "POST",
            "body": post_body,
            "cookie": cookie,
        },
        {"name": "results page", "path": results},
        {"name": "JSON API", "path": API},
    ]


def run_wrk(base: str, scenario: dict, seconds: int = SECONDS) -> dict:
    env = dict(
        os.environ,
        WRK_METHOD=scenario.get("method", "GET"),
        WRK_BODY=scenario.get("body", ""),
        WRK_COOKIE=scenario.get("cookie", ""),
    )
    command = [
        "wrk",
        f"-t{THREADS}",
        f"-c{CONNECTIONS}",
        f"-d{seconds}s",
        "--timeout",
        "10s",
        "-s",
        str(ROOT / "scripts" / "wrk_report.lua"),
        base + scenario["path"],
    ]
    out = subprocess.run(
        command, env=env, capture_output=True, text=True, timeout=seconds + 60, check=True
    ).stdout
    line = next(x for x in out.splitlines() if x.startswith("LOADTEST "))
    return json.loads(line.removeprefix("LOADTEST "))


def report(rows: list[tuple[dict, dict]], workers: str) -> None:
    print()
    print(
        f"gunicorn, production settings, {workers} workers; wrk {THREADS} threads, "
        f"{CONNECTIONS} connections, {SECONDS} s per row, on {HOST}"
    )
    print(
        f"{'page':<18} {'requests':>9} {'req/s':>8} {'median':>9} {'p99':>9} "
        f"{'non-2xx/3xx':>12} {'socket errors':>14}"
    )
    for scenario, r in rows:
        seconds = r["duration_us"] / 1e6
        socket_errors = r["connect"] + r["read"] + r["write"] + r["timeout"]
        print(
            f"{scenario['name']:<18} {r['requests']:>9} {r['requests'] / seconds:>8.0f} "
            f"{r['p50_us'] / 1000:>7.1f}ms {r['p99_us'] / 1000:>7.1f}ms "
            f"{r['non_2xx_3xx']:>12} {socket_errors:>14}"
        )


def main() -> int:
    if not shutil.which("wrk"):
        sys.exit("loadtest: wrk is not installed (apt-get install wrk; `make loadtest` does it)")
    with tempfile.TemporaryDirectory(prefix="loadtest-") as tmp_name:
        tmp = Path(tmp_name)
        print(f"loadtest: migrate and collectstatic into {tmp}")
        static_root, url = prepare(tmp)
        print("loadtest: starting gunicorn")
        with gunicorn(tmp, static_root, url, workers=None, ready="/healthz", **LOOPBACK) as port:
            base = f"http://{HOST}:{port}"
            print(f"loadtest: gunicorn answers on {base}")
            rows = []
            for scenario in scenarios(base):
                print(f"loadtest: {scenario['name']} for {SECONDS} s")
                rows.append((scenario, run_wrk(base, scenario)))
        workers = os.environ.get("GUNICORN_WORKERS") or str(2 * (os.cpu_count() or 1) + 1)
        report(rows, workers)
        log = gunicorn_log(tmp, port).read_text()
        errors = [line for line in log.splitlines() if "Traceback" in line]
        print(f"gunicorn stopped; {len(errors)} tracebacks in its log.")
    return 1 if errors or any(r["non_2xx_3xx"] for _, r in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
