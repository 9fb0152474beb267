"""What a client types is never kept: hundreds of huge answers leave no trace in memory."""

from __future__ import annotations

import gc
import logging
import tracemalloc

import pytest

from tests.questionnaire.conftest import PREFIX

pytestmark = pytest.mark.django_db
HUGE = 200 * 1024  # characters in one posted answer


def _grown_by(client, posts: list[tuple[str, dict]]) -> int:
    """Bytes still allocated after the posts (and a collection), compared with before."""
    client.post(*posts[0])  # warm-up: first-use caches, lazy imports
    gc.collect()
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    for url, data in posts:
        r = client.post(url, data)
        assert r.status_code in (200, 302, 400)
        del r
    gc.collect()
    after = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    return after - before


def test_hundreds_of_huge_invalid_answers_to_the_first_question_do_not_grow_the_process(client):
    posts = [
        (
            "/check/account/",
            {f"{PREFIX}-current_step": "account", "account-account": f"{i}-" + "x" * HUGE},
        )
        for i in range(300)
    ]
    assert _grown_by(client, posts) < 1024 * 1024  # 300 x 200 kB posted: 60 MB


def test_hundreds_of_huge_years_do_not_grow_the_process(client):
    from tests.questionnaire.conftest import Saver

    saver = Saver(client)
    saver.start()
    saver.answer("account", "taxable")
    saver.answer("event", "sold-at-loss")
    posts = [
        ("/check/year/", {f"{PREFIX}-current_step": "year", "year-year": f"{i}" + "9" * HUGE})
        for i in range(200)
    ]
    assert _grown_by(client, posts) < 1024 * 1024


def test_hundreds_of_distinct_results_and_api_queries_do_not_grow_the_process(client, caplog):
    # The 400s are logged as warnings; the test's log capture would keep each one.
    caplog.set_level(logging.ERROR, logger="django.request")

    def ask(start: int, count: int) -> None:
        for i in range(start, start + count):
            junk = f"{i}" + "z" * 2000
            assert client.get(f"/results/?account=taxable&event=sold-at-loss&x={junk}").status_code
            assert client.get(f"/api/determination?account={junk}").status_code == 400

    ask(0, 200)  # fills the standard library's own small, bounded URL-parsing caches
    gc.collect()
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    ask(1000, 300)
    gc.collect()
    grown = tracemalloc.get_traced_memory()[0] - before
    tracemalloc.stop()
    assert grown < 1024 * 1024
