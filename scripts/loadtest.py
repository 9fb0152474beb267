"""Load test: gunicorn with production settings on 127.0.0.1, driven by wrk.

Migrates a throwaway SQLite database, collects static files into a temporary
directory, starts gunicorn (gunicorn.conf.py) on a free port in 8030-8039,
then runs wrk against each page type for LOADTEST_SECONDS (default 10) with
LOADTEST_CONNECTIONS (default 16) connections, prints requests per second,
median and 99th-percentile latency and the count of non-2xx/3xx answers, and
stops gunicorn. Traffic goes to 127.0.0.1 only. Run it with `make loadtest`.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"
PORTS = range(8030, 8040)
SECONDS = int(os.environ.get("LOADTEST_SECONDS", "10"))
CONNECTIONS = int(os.environ.get("LOADTEST_CONNECTIONS", "16"))
THREADS = 2
ANSWERS = (
    "account=traditional-ira&event=closed-at-loss&contribution=after-tax"
    "&received=below-basis&year=2017"
)


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


def free_port() -> int:
    for port in PORTS:
        with socket.socket() as s:
            try:
                s.bind((HOST, port))
            except OSError:
                continue
            return port
    sys.exit(f"loadtest: no free port in {PORTS.start}-{PORTS.stop - 1} on {HOST}")


def production_env(tmp: Path, port: int) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "GUNICORN_"))}
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "questionnaire.settings",
            "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
            "DJANGO_ALLOWED_HOSTS": HOST,
            "DJANGO_SECURE_SSL_REDIRECT": "false",  # no TLS on the loopback
            "DATABASE_URL": f"sqlite:///{tmp / 'db.sqlite3'}",
            "DJANGO_STATIC_ROOT": str(tmp / "static"),
            "GUNICORN_BIND": f"{HOST}:{port}",
        }
    )
    for name in ("GUNICORN_WORKERS", "GUNICORN_THREADS"):
        if name in os.environ:
            env[name] = os.environ[name]
    return env


def manage(env: dict[str, str], *args: str) -> None:
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True)


def wait_until_up(base: str, server: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if server.poll() is not None:
            sys.exit("loadtest: gunicorn exited:\n" + log.read_text()[-3000:])
        try:
            if fetch(base + "/healthz")[0] == 200:
                return
        except OSError:
            pass
        time.sleep(0.2)
    sys.exit("loadtest: gunicorn did not answer /healthz within 30 s")


def prepare(env: dict[str, str]) -> None:
    """A fresh database and the collected static files, as a deploy would have them."""
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "collectstatic", "--noinput", "-v0")


@contextmanager
def gunicorn(env: dict[str, str], base: str, log: Path, *args: str):
    """gunicorn (gunicorn.conf.py) running until the block ends, then stopped."""
    with log.open("w") as log_file:
        server = subprocess.Popen(
            [str(Path(sys.executable).parent / "gunicorn"), "-c", "gunicorn.conf.py", *args],
            cwd=ROOT,
            env=env,
            stdout=log_file,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        try:
            wait_until_up(base, server, log)
            yield server
        finally:
            os.killpg(server.pid, signal.SIGTERM)
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(server.pid, signal.SIGKILL)
                server.wait()


def scenarios(base: str) -> list[dict]:
    """Each page type, checked once by hand before wrk repeats it."""
    status, headers, html = fetch(base + "/check/account/")
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
    status, headers, _ = fetch(base + "/check/account/", post_body.encode(), {"Cookie": cookie})
    assert status == 302 and headers["Location"] == "/check/contribution/", status
    status, headers, _ = fetch(f"{base}/results/?{ANSWERS}")
    results = f"/results/?{ANSWERS}" if status == 200 else headers["Location"]
    assert fetch(base + results)[0] == 200
    assert fetch(f"{base}/api/determination?{ANSWERS}")[0] == 200
    return [
        {"name": "start page", "path": "/"},
        {"name": "wizard step GET", "path": "/check/account/"},
        {
            "name": "wizard step POST",
            "path": "/check/account/",
            "method": "POST",
            "body": post_body,
            "cookie": cookie,
        },
        {"name": "results page", "path": results},
        {"name": "JSON API", "path": f"/api/determination?{ANSWERS}"},
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
    port = free_port()
    base = f"http://{HOST}:{port}"
    with tempfile.TemporaryDirectory(prefix="loadtest-") as tmp_name:
        tmp = Path(tmp_name)
        env = production_env(tmp, port)
        print(f"loadtest: migrate and collectstatic into {tmp}")
        prepare(env)
        log = tmp / "gunicorn.log"
        print(f"loadtest: starting gunicorn on {base}")
        with gunicorn(env, base, log):
            rows = []
            for scenario in scenarios(base):
                print(f"loadtest: {scenario['name']} for {SECONDS} s")
                rows.append((scenario, run_wrk(base, scenario)))
        workers = env.get("GUNICORN_WORKERS") or str(2 * (os.cpu_count() or 1) + 1)
        report(rows, workers)
        errors = [line for line in log.read_text().splitlines() if "Traceback" in line]
        print(f"gunicorn stopped; {len(errors)} tracebacks in its log.")
    return 1 if errors or any(r["non_2xx_3xx"] for _, r in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
