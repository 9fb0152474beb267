"""More savers (issue 12): inherited IRAs, 529 plans and Coverdell accounts, Roth
conversions, in the validator, the engine, the questions asked and the API."""

from __future__ import annotations

import pytest

from rules.law import questions
from rules.law.answers import answers as A
from rules.law.engine import determine
from rules.law.validation import validate
from tests.conftest import CURRENT as NOW

pytestmark = pytest.mark.django_db


def errors_for(**q) -> dict[str, list[str]]:
    answers, errors = validate(q, current=NOW)
    assert answers is None
    return errors


# --- Each account's first year refuses earlier years, saying why


@pytest.mark.parametrize(
    ("account", "first", "why"),
    [
        ("inherited-roth-ira", 1998, "Roth IRAs, and so inherited Roth IRAs, began in tax year "
         "1998 (Taxpayer Relief Act of 1997). Enter a year from 1998 to 2026."),
        ("529", 1996, "529 plans (qualified tuition programs) began in tax year 1996 (Small "
         "Business Job Protection Act of 1996). Enter a year from 1996 to 2026."),
        ("coverdell-esa", 1998, "Coverdell accounts began in tax year 1998, as Education IRAs "
         "(Taxpayer Relief Act of 1997). Enter a year from 1998 to 2026."),
    ],
)
def test_a_year_before_the_account_began_is_refused_with_the_reason(account, first, why):
    assert errors_for(account=account, event="value-dropped", year=str(first - 1)) == {
        "year": [why]
    }
    assert validate({"account": account, "event": "value-dropped", "year": str(first)},
                    current=NOW)[1] == {}


def test_an_inherited_ira_answers_from_the_first_year_the_tool_covers():
    assert validate({"account": "inherited-ira", "event": "closed-at-loss", "year": "1987"},
                    current=NOW)[1] == {}


# --- What is asked


def test_an_inherited_ira_emptied_asks_the_kind_of_money_and_what_came_back():
    known = {"account": "inherited-ira", "event": "closed-at-loss"}
    assert questions.is_asked("contribution", known, NOW)
    assert questions.is_asked("received", {**known, "contribution": "after-tax"}, NOW)
    assert questions.is_asked("year", {**known, "contribution": "after-tax"}, NOW)


@pytest.mark.parametrize("account", ["inherited-roth-ira", "529", "coverdell-esa"])
def test_accounts_of_basis_only_never_ask_the_kind_or_what_came_back(account):
    known = {"account": account, "event": "closed-at-loss"}
    assert not questions.is_asked("contribution", known, NOW)
    assert not questions.is_asked("received", known, NOW)
    # Emptied below the basis: a deduction before 2018, none after, so the year matters.
    assert questions.is_asked("year", known, NOW)


def test_a_fall_inside_an_education_account_is_the_same_answer_every_year():
    assert not questions.is_asked("year", {"account": "529", "event": "value-dropped"}, NOW)


# --- The answers, through the API


def test_the_api_answers_for_an_inherited_ira_with_the_rule_its_certainty_and_sources(client):
    r = client.get(
        "/api/v1/determination?account=inherited-ira&event=closed-at-loss"
        "&contribution=after-tax&received=below-basis&year=2016"
    )
    assert r.status_code == 200
    body = r.json()
    assert (body["outcome"], body["rule"], body["certainty"]) == (
        "itemized-2-percent",
        "inherited-basis-loss-2-percent",
        "unsettled",
    )
    assert body["answers"] == {
        "account": "inherited-ira",
        "event": "closed-at-loss",
        "contribution": "after-tax",
        "received": "below-basis",
        "year": 2016,
    }
    titles = [c["title"] for c in body["citations"]]
    assert "Instructions for Form 8606, Nondeductible IRAs" in titles
    assert "/tables/#situation-inherited-basis-loss-2-percent" in body["table_rows"]


@pytest.mark.parametrize(
    ("query", "rule"),
    [
        ("account=529&event=closed-at-loss&year=2014", "education-loss-2-percent"),
        ("account=coverdell-esa&event=closed-at-loss&year=2025", "education-loss-not-allowed"),
        ("account=inherited-roth-ira&event=rolled-over", "inherited-transfer-only"),
    ],
)
def test_the_api_decides_the_new_accounts(client, query, rule):
    r = client.get(f"/api/v1/determination?{query}")
    assert r.status_code == 200 and r.json()["rule"] == rule


def test_an_education_account_holds_only_money_already_taxed(client):
    r = client.get("/api/v1/determination?account=529&event=value-dropped&contribution=pre-tax")
    assert r.status_code == 400
    assert r.json()["errors"]["contribution"] == [
        "A 529 college savings or prepaid tuition plan holds only after-tax money (not "
        "Roth): leave the kind of money out."
    ]


def test_the_529_loss_names_how_its_accounts_counted_in_that_year():
    before = determine(A("529", "closed-at-loss", year=2014)).reason
    after = determine(A("529", "closed-at-loss", year=2015)).reason
    assert "every 529 account in the same program for the same beneficiary counted as one" in (
        before
    )
    assert "each 529 account counts on its own" in after


def test_the_529_rollover_names_where_it_could_go_in_that_year():
    assert "Roth IRA" not in determine(A("529", "rolled-over", year=2023)).reason
    assert "ABLE" in determine(A("529", "rolled-over", year=2018)).reason
    assert "ABLE" not in determine(A("529", "rolled-over", year=2016)).reason
    reason = determine(A("529", "rolled-over", year=2024)).reason
    assert "the beneficiary's Roth IRA (up to $35,000 in a lifetime" in reason


# --- Roth conversions


def test_a_conversion_before_it_could_be_made_is_refused_with_the_reason():
    assert errors_for(account="traditional-ira", event="converted", year="1997") == {
        "year": [
            "Roth conversions began in tax year 1998, with Roth IRAs (Taxpayer Relief Act of "
            "1997). Enter a year from 1998 to 2026."
        ]
    }
    (message,) = errors_for(account="403b", event="converted", year="2007")["year"]
    assert message.startswith(
        "A workplace plan could first be converted straight to a Roth IRA in tax year 2008 "
        "(Pension Protection Act of 2006, sec. 824)."
    )
    assert "answer for a traditional IRA" in message
    assert message.endswith("Enter a year from 2008 to 2026.")
    # The same plan answers for 2007 for anything else that happened to it.
    assert validate({"account": "403b", "event": "closed-at-loss", "year": "2007"},
                    current=NOW)[1] == {}


@pytest.mark.parametrize("account", ["roth-401k", "roth-ira", "inherited-ira", "hsa", "529",
                                     "coverdell-esa", "taxable"])
def test_only_accounts_holding_money_to_convert_can_be_converted(account):
    (message,) = errors_for(account=account, event="converted")["event"]
    assert message.startswith("\u201cconverted\u201d cannot happen to a")


def test_a_conversion_never_asks_the_kind_of_money_but_always_the_year():
    known = {"account": "traditional-401k", "event": "converted"}
    assert not questions.is_asked("contribution", known, NOW)
    assert questions.is_asked("year", known, NOW)


def test_the_api_answers_a_conversion_with_the_law_of_its_year(client):
    body = client.get(
        "/api/v1/determination?account=traditional-ira&event=converted&year=2017"
    ).json()
    assert (body["rule"], body["outcome"], body["deductible"]) == (
        "conversion-recharacterizable",
        "not-deductible",
        False,
    )
    assert body["answers"] == {"account": "traditional-ira", "event": "converted", "year": 2017}
    assert body["headline"].endswith("a conversion made in 2017 could have been undone")
    later = client.get("/api/v1/determination?account=traditional-ira&event=converted").json()
    assert later["rule"] == "conversion-final"
    assert {"title": "Tax Cuts and Jobs Act, Public Law 115-97 (December 22, 2017)",
            "url": "https://www.congress.gov/115/plaws/publ97/PLAW-115publ97.pdf",
            "pinpoint": "sec. 13611"} in later["citations"]


def test_what_would_change_the_answer_offers_no_conversion_before_there_were_any():
    from rules.law.alternatives import alternatives

    early = A("403b", "closed-at-loss", contribution="pre-tax", year=2005)
    assert all(alt.answers.event != "converted" for alt in alternatives(early, NOW))


def test_the_openapi_document_says_when_conversions_began(client):
    year = next(
        p for p in client.get("/api/openapi.json").json()["paths"]["/api/v1/determination"][
            "get"]["parameters"] if p["name"] == "year"
    )
    assert "- `403b` with `event` `converted`: from 2008" in year["description"]
    assert "- `traditional-ira` with `event` `converted`: from 1998" in year["description"]
