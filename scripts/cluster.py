"""Two instances for real: `make cluster`.

Starts two gunicorn instances with the production settings on one PostgreSQL database
(a fresh `<name>_cluster` database beside the one DATABASE_URL names) behind Debian's
nginx with deploy/deduct-site.conf, all on 127.0.0.1, and shows with figures that:

1. a wizard journey whose requests alternate between the two instances completes;
2. an editor's change saved through the admin of one instance shows at once on both
   (each instance caches results pages per process, keyed by the text's ETag);
3. killing one instance (SIGKILL to its master and workers) while wrk loads results
   pages through nginx for CLUSTER_SECONDS (default 8) loses no request (nginx asks the
   other instance), and a journey in flight through nginx still completes.

Needs DATABASE_URL=postgres://... (the role may create databases), nginx and wrk.
Exits 1 if any of the three does not hold. Everything it starts it stops, by pid.
"""

from __future__ import annotations

import html
import os
import re
import secrets
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from scripts import loadtest, nginx  # the loopback settings, prepare() and wrk; nginx
from tests.production.env import manage, production_environ
from tests.production.servers import free_port, start_gunicorn, stop

SECONDS = int(os.environ.get("CLUSTER_SECONDS", "8"))
RULE = "basis-loss-suspended-tcja"
# The answers whose results page shows RULE's text (in the results page's own order).
JOURNEY = {
    "account": "traditional-ira",
    "event": "closed-at-loss",
    "contribution": "after-tax",
    "received": "below-basis",
    "year": "2020",
}
RESULTS = "/results/?" + urllib.parse.urlencode(JOURNEY)
EDITOR, PASSWORD = "cluster-editor", secrets.token_urlsafe(16)
failures: list[str] = []


def check(ok: bool, what: str) -> bool:
    if not ok:
        failures.append(what)
    return ok


# --- a client that keeps cookies as a browser does (the wizard's value is quoted)


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


_opener = urllib.request.build_opener(NoRedirect)


class Browser:
    def __init__(self) -> None:
        self.jar: dict[str, str] = {}

    def request(self, base: str, path: str, data: dict | None = None):
        headers = {}
        if self.jar:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.jar.items())
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        if body is not None:
            headers["Origin"] = base  # what a browser sends with a form POST
            headers["Referer"] = base + path
        req = urllib.request.Request(base + path, data=body, headers=headers)
        started = time.monotonic()
        try:
            with _opener.open(req, timeout=15) as r:
                status, hdrs, text = r.status, r.headers, r.read().decode()
        except urllib.error.HTTPError as e:
            status, hdrs, text = e.code, e.headers, e.read().decode(errors="replace")
        for cookie in hdrs.get_all("Set-Cookie") or []:
            name, _, rest = cookie.partition("=")
            quoted = re.match(r'"(?:[^"\\]|\\.)*"', rest)
            value = quoted.group(0) if quoted else rest.split(";")[0]
            if "Max-Age=0" in cookie or "01 Jan 1970" in cookie:
                self.jar.pop(name, None)
            else:
                self.jar[name] = value
        return status, hdrs, text, time.monotonic() - started


def field(page: str, name: str) -> str | None:
    m = re.search(rf'name="{re.escape(name)}" value="([^"]*)"', page)
    return html.unescape(m.group(1)) if m else None


def journey(bases: list[str], pause: float = 0.0) -> tuple[bool, list[tuple]]:
    """The wizard from the first question to the results page; request i goes to
    bases[i % len(bases)]. Returns (completed, [(instance, method, path, status, ms)])."""
    browser, log, i = Browser(), [], 0
    path = "/check/account/"

    def send(path, data=None):
        nonlocal i
        base = bases[i % len(bases)]
        i += 1
        status, headers, page, seconds = browser.request(base, path, data)
        log.append((base.rsplit(":", 1)[1], "POST" if data else "GET", path.split("?")[0],
                    status, seconds * 1000, time.monotonic()))
        return status, headers, page

    for _ in range(12):
        status, headers, page = send(path)
        if path.startswith("/results/"):
            return status == 200 and "<h1" in page, log
        if status in (301, 302, 303):  # the last step hands over to the results page
            path = headers["Location"]
            continue
        if status != 200:
            return False, log
        step = field(page, "check_wizard-current_step")
        data = {"csrfmiddlewaretoken": field(page, "csrfmiddlewaretoken"),
                "check_wizard-current_step": step}
        if step in JOURNEY:
            data[f"{step}-{step}"] = JOURNEY[step]
        time.sleep(pause)
        for _attempt in range(2):  # a visitor presses the button again after an error page
            status, headers, _ = send(path, data)
            if status != 502:
                break
        if status not in (302, 303):
            return False, log
        path = headers["Location"]
        time.sleep(pause)
    return False, log


# --- the pieces


def cluster_database(url: str) -> str:
    """A fresh database beside the one url names, for this run only."""
    import psycopg

    parts = urllib.parse.urlsplit(url)
    name = parts.path.lstrip("/") + "_cluster"
    admin = parts._replace(path="/postgres").geturl()
    with psycopg.connect(admin, autocommit=True, connect_timeout=10) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}" ENCODING \'UTF8\' TEMPLATE template0')
    return parts._replace(path=f"/{name}").geturl()


def edit_text(base: str, marker: str) -> float:
    """An editor signs in on one instance and saves new words for RULE; returns the time."""
    browser = Browser()
    _, _, page, _ = browser.request(base, "/admin/login/")
    status, headers, _, _ = browser.request(base, "/admin/login/?next=/admin/", {
        "csrfmiddlewaretoken": field(page, "csrfmiddlewaretoken"),
        "username": EDITOR, "password": PASSWORD, "next": "/admin/"})
    assert status == 302, f"editor login: {status}"
    change = f"/admin/rules/explanation/{RULE}/change/"
    _, _, page, _ = browser.request(base, change)
    textareas = {
        name: html.unescape(body)
        for name, body in re.findall(r'<textarea name="(\w+)"[^>]*>\n?(.*?)</textarea>', page, re.S)
    }
    data = {
        "csrfmiddlewaretoken": field(page, "csrfmiddlewaretoken"),
        "explanation": f"{marker}\n\n{textareas['explanation']}",
        "instead": textareas["instead"],
        "editor_note": textareas.get("editor_note", ""),
        "last_reviewed": field(page, "last_reviewed"),
        "_save": "Save",
    }
    status, _, page, _ = browser.request(base, change, data)
    saved = time.monotonic()
    assert status == 302, f"editor save: {status} {page[:300]}"
    return saved


def main() -> int:
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        sys.exit("cluster: DATABASE_URL must be a postgres:// URL (`make cluster` sets one up)")
    with tempfile.TemporaryDirectory(prefix="cluster-") as tmp_name:
        tmp = Path(tmp_name)
        database_url = cluster_database(url)
        workers = int(os.environ.get("GUNICORN_WORKERS", "2"))
        # nginx passes the host without its port, and a browser's Origin has it.
        front_port = free_port()
        settings = loadtest.LOOPBACK | {
            "DJANGO_SECURE_COOKIES": "false",  # no TLS on the loopback
            "DJANGO_BEHIND_PROXY": "true",
            "DJANGO_EDITOR_PASSWORD": PASSWORD,
            "DJANGO_CSRF_TRUSTED_ORIGINS": f"http://127.0.0.1:{front_port}",
        }
        print(f"cluster: database {database_url.rsplit('@', 1)[-1]}; migrate, "
              "collectstatic, an editor account")
        static_root, _ = loadtest.prepare(tmp, database_url)
        env = production_environ(tmp, DATABASE_URL=database_url, **settings)
        manage(env, "create_editor", EDITOR, "--noinput")
        ports = []
        servers = []
        try:
            for _ in ("a", "b"):
                server, port = start_gunicorn(
                    tmp, static_root, database_url, workers=workers, ready="/healthz", **settings
                )
                servers.append(server)
                ports.append(port)
            a, b = (f"http://127.0.0.1:{p}" for p in ports)
            with nginx.nginx(tmp / "nginx", front_port, ports):
                front = f"http://127.0.0.1:{front_port}"
                print(f"cluster: gunicorn on {ports[0]} and {ports[1]}, "
                      f"{workers} workers each; nginx on {front_port}")
                run(a, b, front, servers[1], tmp)
        finally:
            for server in servers:
                stop(server)
    if failures:
        print("\ncluster: FAILED: " + "; ".join(failures))
        return 1
    print("\ncluster: all three hold")
    return 0


def run(a: str, b: str, front: str, victim: subprocess.Popen, tmp: Path) -> None:
    # 1. A journey alternating between the instances, request by request.
    done, log = journey([a, b])
    print("\n1. A wizard journey alternating between the instances")
    for port, method, path, status, ms, _ in log:
        print(f"   {method:<4} {path:<28} instance :{port}  {status}  {ms:6.1f} ms")
    check(done, "the alternating journey did not reach its results page")
    used = {port: sum(1 for x in log if x[0] == port) for port in sorted({x[0] for x in log})}
    print(f"   completed: {'yes' if done else 'NO'}; requests per instance {used}")

    # 2. An editor's change on one instance, seen on both at once.
    print("\n2. An editor's change on instance a, read on both")
    tries = 8  # every worker of each instance answers some of these
    before = {}
    for base in (a, b):
        pages = [Browser().request(base, RESULTS) for _ in range(tries)]  # warm every cache
        before[base] = {p[1]["ETag"] for p in pages}
    marker = f"Cluster check {secrets.token_hex(4)}: this sentence was just saved."
    saved = edit_text(a, marker)
    for base, name in ((a, "a"), (b, "b")):
        after_save = time.monotonic() - saved
        pages = [Browser().request(base, RESULTS) for _ in range(tries)]
        fresh = sum(1 for p in pages if p[0] == 200 and marker in p[2])
        etags = {p[1].get("ETag") for p in pages}
        print(f"   instance {name}: {fresh}/{tries} results pages show the new text (reads "
              f"from {after_save * 1000:.0f} ms after the save); ETag changed: "
              f"{'yes' if not etags & before[base] else 'NO'}")
        check(fresh == tries, f"instance {name} served the old text")
        check(not etags & before[base], f"instance {name} kept an old ETag")
    # The page names its own address (the share link), so ask both with the Host header
    # nginx sends them.
    def answer(base: str, headers: dict) -> tuple[int, str]:
        req = urllib.request.Request(base + RESULTS, headers={"Host": "127.0.0.1", **headers})
        try:
            with _opener.open(req, timeout=10) as r:
                return r.status, r.headers.get("ETag", "")
        except urllib.error.HTTPError as e:
            return e.code, e.headers.get("ETag", "")

    etag = answer(a, {})[1]
    revalidated = answer(b, {"If-None-Match": etag})[0]
    print(f"   instance a's ETag sent to instance b: {revalidated} (304: the same page)")
    check(revalidated == 304, "the two instances disagree on the page's ETag")

    # 3. Kill instance b under load; a journey through nginx goes on meanwhile.
    print(f"\n3. wrk through nginx for {SECONDS} s, instance b killed (SIGKILL) after "
          f"{SECONDS // 3} s, a journey through nginx in flight")
    access = tmp / "nginx" / "access.log"
    access.write_text("")
    wrk_out: dict = {}
    journey_out: dict = {}

    def load():
        wrk_out.update(loadtest.run_wrk(front, {"name": "results", "path": RESULTS}, SECONDS))

    def walk():
        journey_out["done"], journey_out["log"] = journey([front], pause=SECONDS / 16)

    threads = [threading.Thread(target=load), threading.Thread(target=walk)]
    for t in threads:
        t.start()
    time.sleep(SECONDS // 3)
    killed_at = time.monotonic()
    stop(victim, signal.SIGKILL)
    for t in threads:
        t.join(timeout=SECONDS + 60)
    r = wrk_out
    socket_errors = r["connect"] + r["read"] + r["write"] + r["timeout"]
    lines = access.read_text().splitlines()
    statuses: dict[str, int] = {}
    for line in lines:
        statuses[line.split("|")[0]] = statuses.get(line.split("|")[0], 0) + 1
    print(f"   wrk: {r['requests']} requests, {r['requests'] / (r['duration_us'] / 1e6):.0f}/s, "
          f"non-2xx/3xx {r['non_2xx_3xx']}, socket errors {socket_errors}")
    print(f"   nginx: answers by status {dict(sorted(statuses.items()))}; "
          f"{nginx.retried(tmp / 'nginx')} requests retried on the other instance")
    print(f"   per instance: {nginx.upstream_counts(tmp / 'nginx')}")
    check(r["non_2xx_3xx"] == 0 and socket_errors == 0, "requests were lost when b died")
    done = journey_out.get("done", False)
    steps = journey_out.get("log", [])
    after = sum(1 for x in steps if x[5] >= killed_at)
    print(f"   journey in flight: {'completed' if done else 'DID NOT COMPLETE'}; "
          f"{len(steps) - after} requests before the kill, {after} after; "
          f"statuses {[x[3] for x in steps]}")
    check(done, "the journey in flight did not complete")
    check(0 < after < len(steps), "the journey did not span the kill")


if __name__ == "__main__":
    sys.exit(main())
