"""What a client types is never kept: hundreds of huge answers leave no trace in memory.

Memory is measured with tracemalloc, counting only blocks allocated from the
project's own code (rules/, questionnaire/, and Django below them): the test
client keeps small things of its own per request (signal receivers, the
standard library's URL-parsing cache), which a real server does not.
"""

from __future__ import annotations

import gc
import logging
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.questionnaire.conftest import PREFIX, Saver

pytestmark = [pytest.mark.django_db, pytest.mark.slow]
HUGE = 200 * 1024  # characters in one posted answer
ROOT = Path(__file__).resolve().parents[2]
OURS = [
    tracemalloc.Filter(True, str(ROOT / "rules" / "*"), all_frames=True),
    tracemalloc.Filter(True, str(ROOT / "questionnaire" / "*"), all_frames=True),
]
LIMIT = 256 * 1024


def _grown_by(run: Callable[[int], None]) -> int:
    """Bytes still held by our code after a second round of requests, compared with
    after a first round (which fills every bounded cache)."""
    run(0)
    gc.collect()
    tracemalloc.start(25)
    try:
        before = tracemalloc.take_snapshot().filter_traces(OURS)
        run(1)
        gc.collect()
        after = tracemalloc.take_snapshot().filter_traces(OURS)
    finally:
        tracemalloc.stop()
    return sum(stat.size_diff for stat in after.compare_to(before, "filename"))


@pytest.fixture(autouse=True)
def _quiet(caplog):
    # Each 400 is logged as a warning; the test's log capture would keep every record.
    caplog.set_level(logging.ERROR, logger="django.request")


def test_hundreds_of_huge_invalid_answers_to_the_first_question_do_not_grow_the_process(client):
    def post(round_: int) -> None:
        for i in range(100):
            data = {
                f"{PREFIX}-current_step": "account",
                "account-account": f"{round_}{i}" + "x" * HUGE,
            }
            assert client.post("/check/account/", data).status_code == 200

    assert _grown_by(post) < LIMIT  # 200 posts of 200 kB: 40 MB sent


def test_hundreds_of_huge_years_do_not_grow_the_process(client):
    saver = Saver(client)
    saver.start()
    saver.answer("account", "taxable")
    saver.answer("event", "sold-at-loss")
    saver.answer("asset", "securities")

    def post(round_: int) -> None:
        for i in range(60):
            data = {f"{PREFIX}-current_step": "year", "year-year": f"{round_}{i}" + "9" * HUGE}
            assert client.post("/check/year/", data).status_code == 200

    assert _grown_by(post) < LIMIT


def test_hundreds_of_distinct_results_and_api_queries_do_not_grow_the_process(client):
    def ask(round_: int) -> None:
        for i in range(150):
            junk = f"{round_}-{i}" + "z" * 2000
            assert client.get(f"/results/?account=taxable&event=sold-at-loss&x={junk}").status_code
            assert client.get(f"/api/determination?account={junk}").status_code == 400

    assert _grown_by(ask) < LIMIT
