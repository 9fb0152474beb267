"""The set of pages (and states) every page-level check visits: axe and vnu."""

from __future__ import annotations

from tests.browser.conftest import choose, cont
from tests.pages import RESULTS as PAGE_RESULTS
from tests.pages import RESULTS_400

RESULTS = {f"results-{outcome}": url for outcome, url in PAGE_RESULTS.items()}
RESULTS["results-invalid-400"] = RESULTS_400
SIMPLE = {"start": "/", "tables": "/tables/", "not-found-404": "/no-such-page/", **RESULTS}


K401 = "401(k), including the Thrift Savings Plan (TSP) and solo 401(k)s"


def _to_contribution(page, site):
    page.goto(site + "/check/")
    choose(page, K401)
    cont(page)
    choose(page, "I took everything out and got back less than I put in")
    cont(page)


def _to_received(page, site):
    _to_contribution(page, site)
    choose(page, "After-tax money (not Roth)")
    cont(page)


def _to_year(page, site):
    _to_received(page, site)
    choose(page, "Less than my after-tax or Roth money")
    cont(page)


def _reach(page, site, name):
    if name in SIMPLE:
        page.goto(site + SIMPLE[name])
    elif name == "question-account":
        page.goto(site + "/check/")
    elif name == "question-account-error":
        page.goto(site + "/check/")
        cont(page)
    elif name == "question-event":
        page.goto(site + "/check/")
        choose(page, K401)
        cont(page)
    elif name == "question-contribution":
        _to_contribution(page, site)
    elif name == "question-received":
        _to_received(page, site)
    elif name == "question-asset":
        page.goto(site + "/check/")
        choose(page, "Taxable brokerage account")
        cont(page)
        choose(page, "The investment became worthless")
        cont(page)
    elif name == "question-year":
        _to_year(page, site)
    elif name == "question-year-error":
        _to_year(page, site)
        page.get_by_label("Which tax year is this for?").fill("19")
        cont(page)
    elif name == "review":
        _to_year(page, site)
        page.get_by_label("Which tax year is this for?").fill("2017")
        cont(page)
    else:
        raise KeyError(name)


PAGES = [
    "start",
    "question-account",
    "question-account-error",
    "question-event",
    "question-contribution",
    "question-received",
    "question-asset",
    "question-year",
    "question-year-error",
    "review",
    *RESULTS,
    "tables",
    "not-found-404",
]


def reach(page, site: str, name: str) -> None:
    _reach(page, site, name)
    page.wait_for_load_state("load")
