"""The set of pages (and states) every page-level check visits: axe and vnu."""

from __future__ import annotations

import re

from tests.browser.conftest import choose, cont
from tests.pages import AMOUNTS as PAGE_AMOUNTS
from tests.pages import RESULTS as PAGE_RESULTS
from tests.pages import RESULTS_400, RESULTS_MADE, RESULTS_MADE_400

# The feedback buttons: "Yes" or "No", then words for screen readers.
YES = re.compile(r"^Yes\b.*\buseful$")
NO = re.compile(r"^No\b.*\bnot useful$")

RESULTS = {f"results-{outcome}": url for outcome, url in PAGE_RESULTS.items()}
RESULTS["results-invalid-400"] = RESULTS_400
RESULTS["results-invalid-cut-off"] = "/results/?account=traditional-ira&event=closed-at-lo"
RESULTS["results-invalid-empty"] = "/results/"
RESULTS["results-law-changed"] = RESULTS_MADE
RESULTS["results-invalid-made"] = RESULTS_MADE_400
AMOUNTS = {label.replace(" ", "-"): url for label, url in PAGE_AMOUNTS.items()}
SIMPLE = {
    "start": "/",
    "tables": "/tables/",
    "tables-one-account": "/tables/?account=traditional-401k",
    "tables-invalid-400": "/tables/?account=nope",
    "not-covered": "/not-covered/",
    "glossary": "/glossary/",
    "changes": "/changes/",
    "api-guide": "/api/",
    "not-found-404": "/no-such-page/",
    **RESULTS,
    **AMOUNTS,
}
# The same checks on Spanish pages (/es/...): named "es-" and the English page's name.
SPANISH = {
    "es-start": "/es/",
    "es-question-account": "/es/check/account/",
    "es-results-capital-loss": "/es" + RESULTS["results-capital-loss"],
    # The Spanish results page in each of its states: a closed claim, each possibility,
    # the wash-sale dates form, the law-changed notice, and a link that cannot be read.
    "es-results-capital-loss-claim-closed": "/es" + RESULTS["results-capital-loss-claim-closed"],
    "es-results-depends": "/es" + RESULTS["results-depends"],
    "es-results-wash-sale-deferred": "/es" + RESULTS["results-wash-sale-deferred"],
    "es-results-law-changed": "/es" + RESULTS["results-law-changed"],
    "es-results-invalid-400": "/es" + RESULTS["results-invalid-400"],
    "es-tables": "/es/tables/",
    "es-tables-one-account": "/es/tables/?account=traditional-401k",
    "es-tables-invalid-400": "/es/tables/?account=nope",
    "es-glossary": "/es/glossary/",
    "es-not-covered": "/es/not-covered/",
    "es-changes": "/es/changes/",
    "es-api-guide": "/es/api/",
    **{f"es-{name}": "/es" + url for name, url in AMOUNTS.items()},
}
SIMPLE.update(SPANISH)


K401 = "401(k), including the Thrift Savings Plan (TSP) and solo 401(k)s"


def _to_year(page, site):
    # The year comes before the kind of money (issue 25 #6).
    page.goto(site + "/check/")
    choose(page, K401)
    cont(page)
    choose(page, "I took everything out and got back less than I put in")
    cont(page)


def _to_contribution(page, site):
    _to_year(page, site)
    page.get_by_label("Which tax year is this for?").fill("2017")
    cont(page)


def _to_received(page, site):
    _to_contribution(page, site)
    choose(page, "After-tax money (not Roth)")
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
    elif name == "question-event":
        page.goto(site + "/check/")
        choose(page, K401)
        cont(page)
    elif name == "question-event-after-change":  # fresh, with a notice and the IRA hint
        page.goto(site + "/check/")
        choose(page, "Taxable brokerage account")
        cont(page)
        choose(page, "I sold it for less than I paid")
        page.get_by_role("button", name="Back").click()
        choose(page, "Roth IRA")
        cont(page)
        page.locator(".notice").wait_for()
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
        _to_received(page, site)
        choose(page, "Less than my after-tax or Roth money")
        cont(page)
    else:
        raise KeyError(name)


PAGES = [
    "start",
    "question-account",
    "question-account-error",
    "question-event",
    "question-event-after-change",
    "question-contribution",
    "question-received",
    "question-asset",
    "question-year",
    "question-year-error",
    "review",
    *RESULTS,
    *AMOUNTS,
    "results-feedback-comment-box",
    "feedback-comment",
    "feedback-thanks",
    "tables",
    "tables-one-account",
    "tables-invalid-400",
    "not-covered",
    "glossary",
    "changes",
    "api-guide",
    "not-found-404",
    *SPANISH,
]


def reach(page, site: str, name: str) -> None:
    _reach(page, site, name)
    page.wait_for_load_state("load")
