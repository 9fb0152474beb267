"""The performance budget, where it is a count or a size (CPU is in tests/test_costs.py,
speeds in `make bench`). The figures are tests/budgets.py's."""

from __future__ import annotations

import gzip
import re
from pathlib import Path

import brotli
import pytest

from tests.budgets import PAGE_BYTES, QUERIES
from tests.questionnaire.conftest import Saver

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[1]
STATIC = ROOT / "static"

RESULTS = "/results/?account=traditional-401k&contribution=unsure&event=closed-at-loss&year=2017"
API = "/api/determination?account=taxable&event=sold-at-loss"


@pytest.mark.parametrize(
    ("url", "queries"),
    [
        ("/", QUERIES["start page"]),
        ("/check/account/", QUERIES["wizard step"]),
        (API, QUERIES["JSON API"]),
        (RESULTS, QUERIES["results page"]),
        ("/tables/", QUERIES["tables page"]),
    ],
)
def test_sql_queries_per_page_stay_in_budget(client, django_assert_max_num_queries, url, queries):
    client.get("/")  # warm-up: the first request may load the engine's caches
    with django_assert_max_num_queries(queries):
        assert client.get(url).status_code in (200, 302)


def test_every_wizard_step_runs_no_sql(client, django_assert_num_queries):
    saver = Saver(client)
    with django_assert_num_queries(QUERIES["wizard step"]):
        saver.start()
        saver.follow(saver.answer("account", "traditional-401k"))
        saver.follow(saver.answer("contribution", "after-tax"))
        saver.follow(saver.answer("event", "closed-at-loss"))
        saver.follow(saver.answer("year", "2017"))
        r = client.post("/check/review/", {"check_wizard-current_step": "review"})
        client.get(r["Location"])


def _assets(html: str) -> list[Path]:
    found = re.findall(r'(?:href|src)="/static/([^"]+)"', html)
    return [STATIC / name for name in found]


def _compressed(data: bytes) -> int:
    return min(len(gzip.compress(data, 9)), len(brotli.compress(data)))


@pytest.mark.parametrize("url", ["/", "/check/account/", RESULTS, "/tables/"])
def test_each_page_with_its_css_and_js_is_under_20_kb_compressed(client, url):
    r = client.get(url)
    html = r.content
    assets = _assets(html.decode())
    assert {p.suffix for p in assets} <= {".css", ".js", ".svg"}
    total = _compressed(html) + sum(_compressed(p.read_bytes()) for p in assets)
    assert total < PAGE_BYTES, f"{url}: {total} bytes"


def test_one_stylesheet_at_most_one_script_no_fonts_no_big_images():
    files = [p for p in STATIC.rglob("*") if p.is_file()]
    assert len([p for p in files if p.suffix == ".css"]) == 1
    assert len([p for p in files if p.suffix == ".js"]) <= 1
    assert not [p for p in files if p.suffix in {".woff", ".woff2", ".ttf", ".otf", ".eot"}]
    for p in files:
        if p.suffix in {".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg", ".ico"}:
            assert p.stat().st_size <= 5 * 1024, p
    assert "@font-face" not in (STATIC / "css" / "site.css").read_text()
