"""NM1 and NM4: the flood limits count in the database (shared by workers, restarts and
instances), group IPv6 by /64 and IPv4-mapped addresses as IPv4, and expire; addresses
are compared after unwrapping IPv4-mapped IPv6 (a dual-stack bind); the feedback CSV
export is streamed and safe to open with ";" or tab as the separator (NL1)."""

from __future__ import annotations

import csv
import http.client
import io
import threading
import time

import pytest
from axes.models import AccessAttempt
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client

from questionnaire import limits
from questionnaire.middleware import _trusted, client_ip
from questionnaire.models import ClientCount
from rules.feedback.admin import _cell
from rules.models import Feedback
from tests.production.env import production_environ, run_python
from tests.production.servers import HOST, gunicorn

SALE = "account=taxable&event=sold-at-loss&asset=securities&year=2026"
FEEDBACK = {"page": SALE, "useful": "yes"}


@pytest.mark.parametrize(
    ("address", "group"),
    [
        ("198.51.100.7", "198.51.100.7"),
        ("::ffff:198.51.100.7", "198.51.100.7"),  # IPv4-mapped: the IPv4 client
        ("::FFFF:c633:6407", "198.51.100.7"),
        ("2001:db8:1:2:aaaa::1", "2001:db8:1:2::/64"),
        ("2001:db8:1:2:ffff:ffff:ffff:ffff", "2001:db8:1:2::/64"),
        ("2001:db8:1:3::1", "2001:db8:1:3::/64"),
        ("junk", "unknown"),
        (None, "unknown"),
    ],
)
def test_nm1_clients_are_grouped_ipv4_alone_ipv6_by_64_mapped_as_ipv4(address, group):
    assert limits.client_group(address) == group


def test_nm1_two_ipv4_mapped_clients_are_two_buckets_not_one():
    """The review: every IPv4-mapped client fell into the /64 "::"."""
    assert limits.client_group("::ffff:10.0.0.1") != limits.client_group("::ffff:10.0.0.2")


def test_nm4_a_proxy_arriving_ipv4_mapped_is_trusted(rf, settings):
    settings.TRUSTED_PROXIES = [__import__("ipaddress").ip_network("127.0.0.1/32")]
    assert _trusted("::ffff:127.0.0.1")
    assert not _trusted("::ffff:127.0.0.2")
    request = rf.get("/", REMOTE_ADDR="::ffff:127.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.9")
    assert client_ip(request) == "203.0.113.9"
    # A mapped client in X-Forwarded-For, or a direct one, is its IPv4 address.
    request = rf.get("/", REMOTE_ADDR="::ffff:127.0.0.1", HTTP_X_FORWARDED_FOR="::ffff:1.2.3.4")
    assert client_ip(request) == "1.2.3.4"
    assert client_ip(rf.get("/", REMOTE_ADDR="::ffff:5.6.7.8")) == "5.6.7.8"


@pytest.mark.django_db
def test_nm4_behind_a_dual_stack_bind_one_attacker_locks_out_only_itself(settings):
    """The review's dualstack.sh: nginx arrived as ::ffff:127.0.0.1, was not trusted, and
    5 wrong passwords from one client locked the editor out for everyone."""
    settings.TRUSTED_PROXIES = [__import__("ipaddress").ip_network("127.0.0.1/32")]
    get_user_model().objects.create_user("ann", password="Ed1tor-Audit-Pass!", is_staff=True)
    proxy = {"REMOTE_ADDR": "::ffff:127.0.0.1"}

    def login(password, client_address):
        return Client().post(
            "/admin/login/?next=/admin/",
            {"username": "ann", "password": password, "next": "/admin/"},
            HTTP_X_FORWARDED_FOR=client_address,
            **proxy,
        )

    assert [login("wrong", "127.0.0.5").status_code for _ in range(5)][-1] == 429
    assert login("Ed1tor-Audit-Pass!", "127.0.0.6").status_code == 302
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {"127.0.0.5"}
    # Feedback: one flooder is refused, another visitor is not.
    post = {"HTTP_ORIGIN": "http://testserver", **proxy}
    codes = [
        Client().post("/feedback/", FEEDBACK, HTTP_X_FORWARDED_FOR="127.0.0.7", **post).status_code
        for _ in range(12)
    ]
    assert codes[-1] == 429
    other = Client().post("/feedback/", FEEDBACK, HTTP_X_FORWARDED_FOR="127.0.0.8", **post)
    assert other.status_code == 303


@pytest.mark.django_db
def test_nm1_the_feedback_limit_survives_a_recycled_worker(client):
    for _ in range(10):
        assert (
            client.post("/feedback/", FEEDBACK, HTTP_ORIGIN="http://testserver").status_code == 303
        )
    limits._over.clear()  # what a new worker process, or another instance, remembers
    r = client.post("/feedback/", FEEDBACK, HTTP_ORIGIN="http://testserver")
    assert r.status_code == 429
    assert Feedback.objects.count() == 10
    assert ClientCount.objects.filter(scope__startswith="feedback/").exists()
    # Nothing about the client is stored as typed: a keyed hash.
    assert not ClientCount.objects.filter(client__contains="127.0.0.1").exists()


@pytest.mark.django_db
def test_nm1_the_ipv6_limit_counts_the_64_and_a_neighbouring_64_is_another_client(client):
    post = {"HTTP_ORIGIN": "http://testserver"}
    for i in range(10):
        client.post("/feedback/", FEEDBACK, REMOTE_ADDR=f"2001:db8:0:1::{i + 1:x}", **post)
    assert (
        client.post("/feedback/", FEEDBACK, REMOTE_ADDR="2001:db8:0:1:ffff::", **post).status_code
        == 429
    )
    assert (
        client.post("/feedback/", FEEDBACK, REMOTE_ADDR="2001:db8:0:2::1", **post).status_code
        == 303
    )


@pytest.mark.django_db
def test_nm1_expire_counters_deletes_only_windows_that_ended():
    now = time.time()
    limits.over_limit("feedback", "192.0.2.1", [(10, 60), (60, 3600)])
    assert ClientCount.objects.count() == 2
    assert limits.expire(now) == 0
    assert limits.expire(now + 61) == 1  # the minute's window is over, the hour's is not
    out = io.StringIO()
    ClientCount.objects.update(until=int(now) - 1)
    call_command("expire_counters", stdout=out)
    assert out.getvalue().strip() == "1 expired counter(s) deleted"
    assert not ClientCount.objects.exists()


@pytest.mark.parametrize(
    ("comment", "expected"),
    [
        ("x;=1+6;y", "x;'=1+6;y"),
        ("a\t@SUM(1+11)", "a\t'@SUM(1+11)"),
        ("ok; +1+12 and, -1+13", "ok; '+1+12 and, '-1+13"),
        ('=1+8",no', "'=1+8\",no"),
        ("a-b; c=d", "a-b; c=d"),  # a dash or equals inside a cell is harmless
    ],
)
def test_nl1_formula_starts_after_a_separator_are_defused(comment, expected):
    assert _cell(comment) == expected


@pytest.mark.django_db
def test_nl1_the_export_read_with_semicolon_or_tab_has_no_formula_cell(admin_client):
    payloads = ["x;=1+6;y", "@SUM(1+11);z", "a\t+1+12", "b;-1+13", 'c,=1+8";no', "tab\t=1"]
    for text in payloads:
        Feedback.objects.create(rule_id="tables", answers="", useful=False, comment=text)
    r = admin_client.post(
        "/admin/rules/feedback/",
        {
            "action": "export_csv",
            "_selected_action": list(Feedback.objects.values_list("pk", flat=True)),
        },
    )
    assert r.status_code == 200 and r.streaming
    text = b"".join(r.streaming_content).decode("utf-8-sig")
    for delimiter in (",", ";", "\t"):
        for row in csv.reader(io.StringIO(text), delimiter=delimiter):
            for cell in row:
                assert not cell.lstrip().startswith(("=", "+", "-", "@")), (delimiter, cell)
    # Read as written (commas), each comment is whole in its own cell.
    comments = [row[4] for row in csv.reader(io.StringIO(text))][1:]
    assert sorted(c.replace("'", "") for c in comments) == sorted(payloads)


@pytest.mark.slow
@pytest.mark.database
def test_nm1_a_feedback_flood_across_worker_recycling_stores_at_most_the_limit(tmp_path):
    """The review: 768 rows in 5 minutes from one address, because every recycled worker
    (GUNICORN_MAX_REQUESTS, driven by the flood's own 429s) started its count afresh."""
    database = tmp_path / "db.sqlite3"
    env = production_environ(tmp_path, DATABASE_URL=f"sqlite:///{database}")
    assert run_python(["manage.py", "migrate", "--noinput", "-v0"], env).returncode == 0
    codes: dict[object, int] = {}
    lock = threading.Lock()
    with gunicorn(
        tmp_path,
        tmp_path / "static",
        f"sqlite:///{database}",
        workers=2,
        GUNICORN_MAX_REQUESTS="20",
        ready="/healthz",
    ) as port:
        stop = time.monotonic() + 10

        def flood():
            while time.monotonic() < stop:
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=20)
                try:
                    conn.request(
                        "POST",
                        "/feedback/",
                        body="page=tables&useful=yes",
                        headers={
                            "Host": HOST,
                            "Origin": f"http://{HOST}",
                            "Accept": "application/json",
                            "Content-Type": "application/x-www-form-urlencoded",
                            "X-Forwarded-For": "203.0.113.50",
                        },
                    )
                    code: object = conn.getresponse().status
                except OSError as e:
                    code = type(e).__name__
                finally:
                    conn.close()
                with lock:
                    codes[code] = codes.get(code, 0) + 1

        threads = [threading.Thread(target=flood) for _ in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=60)
    import sqlite3

    rows = sqlite3.connect(database).execute("select count(*) from rules_feedback").fetchone()[0]
    print(f"feedback flood: answers {codes}, rows stored {rows}")
    log = next(tmp_path.glob("gunicorn-*.log")).read_text()
    recycled = log.count("Autorestarting worker")
    print(f"feedback flood: {recycled} worker recycles")
    assert recycled >= 3  # the per-process counters of old would have started afresh
    assert codes.get(429, 0) > 40
    assert rows <= 20  # 10 a minute: at most two minute-windows in 10 s
    assert set(codes) <= {200, 429}, codes
