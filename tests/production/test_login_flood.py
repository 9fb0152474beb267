"""NH2: a flood of failed admin logins (random usernames, so no username is ever locked)
from one address is refused by address before any password is hashed; other visitors'
pages stay fast and nothing answers 5xx, on SQLite. In the app (LoginFloodMiddleware,
counted in the database) and in the documented nginx (limit_req on /admin/login/)."""

from __future__ import annotations

import http.client
import re
import secrets
import statistics
import threading
import time

import pytest
from django.test import Client

from questionnaire import limits
from tests.production.env import production_environ, run_python
from tests.production.servers import HOST, collect_static, get, gunicorn
from tests.production.test_logs import NGINX_INCLUDE, NGINX_SITE, server_blocks, strip_comments

RESULTS = (
    "/results/?account=traditional-ira&event=closed-at-loss&contribution=after-tax"
    "&received=below-basis&year=2017"
)


@pytest.mark.django_db
def test_login_posts_over_the_limit_are_refused_for_any_username_before_hashing(
    settings, monkeypatch
):
    hashed = []
    from django.contrib.auth.hashers import PBKDF2PasswordHasher

    real = PBKDF2PasswordHasher.encode
    monkeypatch.setattr(
        PBKDF2PasswordHasher, "encode", lambda *a, **k: hashed.append(1) or real(*a, **k)
    )
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.PBKDF2PasswordHasher"]
    # One moment inside a minute: fourteen real hashes take seconds on a busy machine,
    # and a fixed window straddled mid-run would start the count again (a flaky test,
    # not a fault). The windows themselves are tested below and in test_flood_limits.
    moment = (time.time() // 60) * 60 + 1
    monkeypatch.setattr(limits.time, "time", lambda: moment)
    client = Client()
    codes = [
        client.post(
            "/admin/login/",
            {"username": secrets.token_hex(6), "password": "x"},
            REMOTE_ADDR="198.51.100.7",
        ).status_code
        for _ in range(14)
    ]
    assert codes[:10] == [200] * 10  # the form again: wrong password
    assert codes[10:] == [429] * 4
    assert len(hashed) == 10  # the refused four cost no hash
    # Another address is not affected; a GET of the form never counts.
    assert client.get("/admin/login/", REMOTE_ADDR="198.51.100.7").status_code == 200
    other = client.post(
        "/admin/login/", {"username": "a", "password": "x"}, REMOTE_ADDR="198.51.100.8"
    )
    assert other.status_code == 200


@pytest.mark.django_db
def test_the_count_is_in_the_database_so_a_fresh_process_still_refuses():
    for _ in range(10):
        assert not limits.over_limit("login", "192.0.2.1", [(10, 60)])
    limits._over.clear()  # as a recycled worker or another instance
    assert limits.over_limit("login", "192.0.2.1", [(10, 60)])
    assert not limits.over_limit("login", "192.0.2.2", [(10, 60)])


def token_and_cookie(port: int) -> tuple[str, str]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=20)
    conn.request("GET", "/admin/login/", headers={"Host": HOST})
    response = conn.getresponse()
    body = response.read().decode()
    conn.close()
    cookie = re.search(r"csrftoken=([^;]+)", response.getheader("Set-Cookie") or "").group(1)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', body).group(1)
    return token, cookie


@pytest.mark.slow
@pytest.mark.database
def test_nh2_a_login_flood_from_one_address_leaves_other_visitors_fast_and_no_5xx(tmp_path):
    database = f"sqlite:///{tmp_path / 'db.sqlite3'}"
    env = production_environ(tmp_path, DATABASE_URL=database)
    assert run_python(["manage.py", "migrate", "--noinput", "-v0"], env).returncode == 0
    static_root = collect_static(tmp_path)
    with gunicorn(tmp_path, static_root, database, workers=2) as port:
        get(port, RESULTS)  # cached
        token, cookie = token_and_cookie(port)
        codes: dict[object, int] = {}
        lock = threading.Lock()
        stop = time.monotonic() + 8

        def flood():
            while time.monotonic() < stop:
                body = f"csrfmiddlewaretoken={token}&username={secrets.token_hex(8)}&password=x"
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
                try:
                    conn.request(
                        "POST",
                        "/admin/login/",
                        body=body,
                        headers={
                            "Host": HOST,
                            "Cookie": f"csrftoken={cookie}",
                            "Content-Type": "application/x-www-form-urlencoded",
                            "X-Forwarded-For": "203.0.113.66",  # through the local proxy
                        },
                    )
                    code: object = conn.getresponse().status
                except OSError as e:
                    code = type(e).__name__
                finally:
                    conn.close()
                with lock:
                    codes[code] = codes.get(code, 0) + 1

        threads = [threading.Thread(target=flood) for _ in range(16)]
        for t in threads:
            t.start()
        time.sleep(1)
        latencies = []
        while time.monotonic() < stop - 0.5:
            for path in ("/", RESULTS):
                status, _, seconds = get(port, path, timeout=10)
                assert status == 200
                latencies.append(seconds)
            time.sleep(0.2)
        for t in threads:
            t.join(timeout=40)
    print(
        f"flood answers {codes}; visitor median {statistics.median(latencies) * 1000:.0f} ms,"
        f" max {max(latencies) * 1000:.0f} ms over {len(latencies)} requests"
    )
    assert set(codes) <= {200, 429}, codes  # no 5xx, no dropped connection
    # At most the limit hashed a password: 10 a minute, so 20 if the 8 s straddle a minute.
    assert codes.get(200, 0) <= 20
    assert codes.get(429, 0) > 100
    # The review measured a visitor median of 3.3-5.3 s under such a flood: the median is
    # the check. The slowest one only has to come back (the suite runs beside Chromium).
    # 1.5 s is far under what the flood cost before and holds on a loaded machine.
    assert statistics.median(latencies) < 1.5
    assert max(latencies) < 10


def test_the_documented_nginx_limits_login_posts_per_address(tmp_path):
    site = strip_comments(NGINX_SITE.read_text())
    zone = re.search(r"limit_req_zone\s+(\$\w+)\s+zone=(\w+):\w+\s+rate=(\d+)r/m;", site)
    assert zone, "a limit_req_zone in deploy/nginx.conf (http level)"
    key = zone.group(1)
    mapping = re.search(rf"map\s+\$request_method\s+\{key}\s*\{{([^}}]*)\}}", site)
    assert mapping and re.search(r"POST\s+\$binary_remote_addr;", mapping.group(1))
    assert re.search(r'default\s+"";', mapping.group(1))  # GETs of the form not counted
    include = strip_comments(NGINX_INCLUDE.read_text())
    login = re.search(r"location\s*=\s*/admin/login/\s*\{([^}]*)\}", include)
    assert login, "a location for /admin/login/ in deploy/deduct-site.conf"
    assert re.search(rf"limit_req\s+zone={zone.group(2)}\b", login.group(1))
    assert "proxy_pass http://deduct;" in login.group(1)
    assert re.search(r"limit_req_status\s+429;", include)
    assert len(server_blocks(NGINX_SITE.read_text())) == 2
    # The harness (make slowclients, make cluster, the tests) runs this very file.
    from scripts import nginx

    assert zone.group(0) in nginx.config(tmp_path, 1, [2])


@pytest.mark.slow
def test_the_shipped_nginx_answers_429_to_a_login_post_flood_and_never_counts_gets(tmp_path):
    """deploy/nginx.conf run as shipped (moved onto the loopback, tests/production/
    test_logs.py); nothing listens upstream, so what passes nginx is a 502."""
    import signal
    import ssl
    import subprocess

    from tests.production.servers import free_port, wait_for_port
    from tests.production.test_logs import shipped_nginx_conf

    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
         "-subj", "/CN=x", "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True, timeout=60,
    )  # fmt: skip
    port = free_port()
    conf = tmp_path / "nginx.conf"
    conf.write_text(shipped_nginx_conf(tmp_path, port, free_port(), cert, key))
    command = ["nginx", "-p", str(tmp_path), "-c", str(conf), "-e", str(tmp_path / "error.log")]
    server = subprocess.Popen([*command, "-g", "daemon off;"], start_new_session=True)
    try:
        wait_for_port(port)
        context = ssl._create_unverified_context()

        def status(method: str) -> int:
            conn = http.client.HTTPSConnection("127.0.0.1", port, timeout=10, context=context)
            conn.request(method, "/admin/login/", body="a=b" if method == "POST" else None,
                         headers={"Host": HOST})  # fmt: skip
            code = conn.getresponse().status
            conn.close()
            return code

        gets = [status("GET") for _ in range(8)]
        posts = [status("POST") for _ in range(10)]
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=15)
    assert 429 not in gets
    assert posts[:6] == [502] * 6  # one, plus a burst of 5, reach the (absent) upstream
    assert posts[6:] == [429] * 4
