"""One clock: today and the current tax year come from rules.law.clock, are pinned in
tests, and nothing computed for one year outlives it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from rules.law import clock, engine

ROOT = Path(__file__).resolve().parents[2]
IRA = (
    "/results/?account=traditional-ira&event=closed-at-loss&contribution=after-tax"
    "&received=below-basis"
)


def test_the_suite_runs_on_its_fixed_day(fixed_today):
    assert clock.today() == fixed_today == date(2026, 11, 28)
    assert clock.current_tax_year() == 2026


def test_pinning_is_undone_after_the_block():
    with clock.pinned(date(2017, 12, 31)):
        assert clock.current_tax_year() == 2017
    assert clock.current_tax_year() == 2026


def test_the_day_turns_over_in_us_eastern_time():
    # 3 a.m. on 1 January in London is still New Year's Eve in New York.
    assert clock.day_at(datetime(2027, 1, 1, 3, 0, tzinfo=UTC)) == date(2026, 12, 31)
    assert clock.day_at(datetime(2027, 1, 1, 5, 0, tzinfo=UTC)) == date(2027, 1, 1)


def test_an_unreadable_deduct_today_stops_start_up(monkeypatch):
    monkeypatch.setenv("DEDUCT_TODAY", "next tuesday")
    with pytest.raises(SystemExit, match="DEDUCT_TODAY"):
        clock._from_environment()
    monkeypatch.setenv("DEDUCT_TODAY", "2018-01-01")
    assert clock._from_environment() == date(2018, 1, 1)


API = "/api/determination?account=taxable&event=sold-at-loss&asset=securities&year="


def test_on_31_december_next_year_is_refused_and_on_1_january_it_is_asked(client):
    with clock.pinned(date(2025, 12, 31)):
        r = client.get(API + "2026")
        assert r.status_code == 400
        assert r.json()["errors"]["year"] == ["Enter a year from 1987 to 2025."]
        assert client.get("/check/").status_code == 302
    with clock.pinned(date(2026, 1, 1)):
        assert client.get(API + "2026").status_code == 200


@pytest.mark.django_db
def test_the_year_question_follows_the_clock(client):
    answers = {"account": "roth-ira", "event": "closed-at-loss"}
    for day, last in ((date(2025, 12, 31), 2025), (date(2026, 1, 1), 2026)):
        with clock.pinned(day):
            r = client.get("/check/year/?" + "&".join(f"{k}={v}" for k, v in answers.items()))
            r = client.get(r["Location"], follow=True)
            assert f"from 1998 to {last}." in r.content.decode()


def _api_bodies_in_a_fresh_process(day: date) -> dict[str, dict]:
    """Every answer's API body, computed by a new Python process whose clock says `day`."""
    code = """
import json, sys
import django
django.setup()
from django.test import Client
from rules.law import clock, engine
client = Client()
bodies = {}
for a in engine.all_answers(clock.current_tax_year()):
    key = "&".join(f"{k}={v}" for k, v in sorted(a.as_query().items()))
    bodies[key] = client.get("/api/determination?" + key).json()
json.dump(bodies, sys.stdout)
"""
    env = {
        **os.environ,
        "DEDUCT_TODAY": day.isoformat(),
        "DJANGO_DEV": "1",
        "DJANGO_SETTINGS_MODULE": "questionnaire.settings",
    }
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    )
    return json.loads(out.stdout)


@pytest.mark.slow
@pytest.mark.django_db
def test_a_process_that_lives_across_new_year_keeps_every_answer_right(client):
    """2017 into 2018, when the Tax Cuts and Jobs Act suspended the basis loss.

    Everything the process caches while it is 2017 (canonical URLs, API bodies,
    results pages, which years matter) must not leak into 2018's answers.
    """
    with clock.pinned(date(2017, 12, 31)):
        # In 2017 a link with no year is read as 2017, by a temporary redirect.
        r = client.get(IRA)
        assert r.status_code == 302 and r["Location"] == IRA + "&year=2017"
        assert "Yes, for 2017" in client.get(IRA + "&year=2017").content.decode()
        # A link to a taxable wash sale names no year: the answer is the same in all.
        assert client.get(WASH_SALE).status_code == 200
        for a in engine.all_answers(2017):  # fill every cache the API touches
            assert client.get("/api/determination?" + _query(a)).status_code == 200

    with clock.pinned(date(2018, 1, 1)):
        # The 2017 link still says yes, for 2017 ...
        r = client.get(IRA + "&year=2017")
        assert r.status_code == 200
        assert "Yes, for 2017" in r.content.decode()
        # ... and a link with no year is read as this year, by a temporary redirect.
        r = client.get(IRA)
        assert r.status_code == 302 and r["Location"] == IRA + "&year=2018"
        assert "No federal deduction for 2018" in client.get(r["Location"]).content.decode()

        expected = _api_bodies_in_a_fresh_process(date(2018, 1, 1))
        assert len(expected) == len(list(engine.all_answers(2018)))
        for key, body in expected.items():
            assert client.get("/api/determination?" + key).json() == body, key


WASH_SALE = "/results/?account=taxable&event=wash-sale&asset=securities"


def _query(a) -> str:
    return "&".join(f"{k}={v}" for k, v in sorted(a.as_query().items()))


@pytest.mark.parametrize(
    ("instant", "seconds"),
    [
        (datetime(2026, 11, 28, 22, 30, tzinfo=clock.ZONE), 5400),
        (datetime(2026, 11, 28, 23, 59, 59, 500000, tzinfo=clock.ZONE), 1),
        (datetime(2026, 11, 28, 0, 0, tzinfo=clock.ZONE), 86400),
        # The nights the clocks change: 23 and 25 hours from midnight to midnight.
        (datetime(2026, 3, 8, 0, 0, tzinfo=clock.ZONE), 23 * 3600),
        (datetime(2026, 11, 1, 0, 0, tzinfo=clock.ZONE), 25 * 3600),
        # An instant given in UTC counts to midnight in New York, not in London.
        (datetime(2027, 1, 1, 4, 0, tzinfo=UTC), 3600),
    ],
)
def test_an_answer_holds_until_the_next_midnight_us_eastern(instant, seconds):
    assert clock.seconds_to_next_day(instant) == seconds


def test_now_is_on_the_pinned_day(fixed_today):
    assert clock.now().date() == clock.today() == fixed_today
    assert clock.now().tzinfo is clock.ZONE
