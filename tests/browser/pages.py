"""The set of pages (and states) every page-level check visits: axe and vnu."""

from __future__ import annotations

import re

from tests.browser.conftest import choose, cont

# The feedback buttons: "Yes" or "No", then words for screen readers.
YES = re.compile(r"^Yes\b.*\buseful$")
NO = re.compile(r"^No\b.*\bnot useful$")

RESULTS = {
    "results-not-deductible": "/results/?account=traditional-401k&event=value-dropped",
    "results-capital-loss": "/results/?account=taxable&event=sold-at-loss",
    "results-itemized-2-percent": "/results/?account=roth-ira&event=closed-at-loss&year=2017",
    "results-itemized-suspended": "/results/?account=roth-ira&event=closed-at-loss&year=2026",
    "results-wash-sale-deferred": "/results/?account=taxable&event=wash-sale",
    "results-wash-sale-disallowed": "/results/?account=taxable&event=wash-sale-ira",
    "results-depends": (
        "/results/?account=traditional-401k&contribution=unsure&event=closed-at-loss&year=2017"
    ),
    "results-invalid-400": "/results/?account=taxable&event=rolled-over",
}
SIMPLE = {"start": "/", "tables": "/tables/", "not-found-404": "/no-such-page/", **RESULTS}


def _to_event(page, site):
    page.goto(site + "/check/")
    choose(page, "401(k)")
    cont(page)
    choose(page, "After-tax money (not Roth)")
    cont(page)


def _to_year(page, site):
    _to_event(page, site)
    choose(page, "I took everything out and got back less than I put in")
    cont(page)


def _post_natively(page, useful: str) -> None:
    """Send the "Is this page useful?" form as a browser without JavaScript would."""
    page.evaluate(
        """useful => {
            const form = document.querySelector(".feedback-vote");
            const input = document.createElement("input");
            input.type = "hidden"; input.name = "useful"; input.value = useful;
            form.appendChild(input);
            HTMLFormElement.prototype.submit.call(form);
        }""",
        useful,
    )
    page.wait_for_url(lambda url: "/feedback/" in url)


def _reach(page, site, name):
    if name in SIMPLE:
        page.goto(site + SIMPLE[name])
    elif name == "question-account":
        page.goto(site + "/check/")
    elif name == "question-account-error":
        page.goto(site + "/check/")
        cont(page)
    elif name == "question-contribution":
        page.goto(site + "/check/")
        choose(page, "401(k)")
        cont(page)
    elif name == "question-event":
        _to_event(page, site)
    elif name == "question-year":
        _to_year(page, site)
    elif name == "question-year-error":
        _to_year(page, site)
        page.get_by_label("Which tax year is this for?").fill("19")
        cont(page)
    elif name == "results-feedback-comment-box":  # with JavaScript, after "No"
        page.goto(site + RESULTS["results-capital-loss"])
        page.get_by_role("button", name=NO).click()
        page.get_by_label("What were you trying to find out? (optional)").wait_for()
    elif name == "feedback-comment":  # without JavaScript, after "No"
        page.goto(site + RESULTS["results-capital-loss"])
        _post_natively(page, "no")
    elif name == "feedback-thanks":
        page.goto(site + "/tables/")
        _post_natively(page, "yes")
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
    "question-contribution",
    "question-event",
    "question-year",
    "question-year-error",
    "review",
    *RESULTS,
    "results-feedback-comment-box",
    "feedback-comment",
    "feedback-thanks",
    "tables",
    "not-found-404",
]


def reach(page, site: str, name: str) -> None:
    _reach(page, site, name)
    page.wait_for_load_state("load")
