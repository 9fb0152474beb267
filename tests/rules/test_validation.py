"""The query validator shared by the results page and the API."""

from __future__ import annotations

import pytest

from rules.law.engine import Answers
from rules.law.validation import validate
from tests.conftest import CURRENT as NOW


def ok(**q):
    answers, errors = validate(q, current=NOW)
    assert errors == {}
    return answers


def bad(**q):
    answers, errors = validate(q, current=NOW)
    assert answers is None
    return errors


def test_a_complete_query_becomes_answers():
    assert ok(
        account="traditional-ira", contribution="after-tax", event="closed-at-loss", year="2017"
    ) == Answers("traditional-ira", "closed-at-loss", "after-tax", "unsure", None, 2017)


def test_what_was_received_and_what_was_sold_are_read_where_they_apply():
    a = ok(
        account="traditional-ira",
        event="closed-at-loss",
        contribution="after-tax",
        received="below-basis",
    )
    assert a.received == "below-basis" and a.asset is None
    assert ok(account="taxable", event="worthless", asset="crypto").asset == "crypto"
    # Missing: "not sure" of what was received, stocks and the like for what was sold.
    assert ok(account="taxable", event="wash-sale").asset == "securities"
    # Where a question does not apply, its answer is ignored (the link is then tidied).
    assert ok(account="hsa", event="closed-at-loss", received="below-basis").received is None
    assert ok(account="taxable", event="value-dropped", asset="crypto").asset is None
    # A Roth account is all basis: "less than I put in" is already below the basis.
    assert ok(account="roth-ira", event="closed-at-loss").received == "below-basis"


def test_missing_contribution_is_read_as_not_sure_where_the_account_has_a_choice():
    assert ok(account="403b", event="value-dropped").contribution == "unsure"


def test_implied_contribution_may_be_left_out_or_given():
    assert ok(account="roth-ira", event="closed-at-loss").contribution == "roth"
    assert (
        ok(account="hsa", contribution="pre-tax", event="value-dropped").contribution == "pre-tax"
    )
    assert ok(account="taxable", event="sold-at-loss").contribution is None


def test_missing_year_defaults_to_the_current_year():
    assert ok(account="taxable", event="sold-at-loss").year == NOW


@pytest.mark.parametrize(
    ("query", "field", "says"),
    [
        ({"event": "value-dropped"}, "account", "Choose the kind of account"),
        ({"account": "pension", "event": "value-dropped"}, "account", "not a kind of account"),
        ({"account": "hsa"}, "event", "Say what happened"),
        (
            {"account": "taxable", "event": "rolled-over"},
            "event",
            "cannot happen to a taxable brokerage account",
        ),
        ({"account": "roth-ira", "event": "sold-at-loss"}, "event", "cannot happen to a Roth IRA"),
        ({"account": "hsa", "event": "exploded"}, "event", "not something we know"),
        (
            {"account": "457b", "contribution": "after-tax", "event": "closed-at-loss"},
            "contribution",
            "never holds after-tax money other than Roth",
        ),
        (
            {"account": "taxable", "event": "sold-at-loss", "asset": "gold"},
            "asset",
            "not an answer we know",
        ),
        (
            {
                "account": "traditional-ira",
                "contribution": "after-tax",
                "event": "closed-at-loss",
                "received": "lots",
            },
            "received",
            "not an answer we know",
        ),
        (
            {"account": "traditional-ira", "contribution": "roth", "event": "value-dropped"},
            "contribution",
            "not a kind of money",
        ),
        (
            {"account": "roth-ira", "contribution": "pre-tax", "event": "value-dropped"},
            "contribution",
            "holds only Roth money",
        ),
        (
            {"account": "taxable", "contribution": "pre-tax", "event": "sold-at-loss"},
            "contribution",
            "has no kind of money to choose",
        ),
        ({"account": "taxable", "event": "sold-at-loss", "year": "1986"}, "year", "1987 to"),
        ({"account": "taxable", "event": "sold-at-loss", "year": str(NOW + 1)}, "year", "1987 to"),
        ({"account": "taxable", "event": "sold-at-loss", "year": "twenty"}, "year", "four digits"),
        (
            {"account": "taxable", "event": "sold-at-loss", "year": "２０２０"},
            "year",
            "four digits",
        ),
        ({"account": "roth-ira", "event": "closed-at-loss", "year": "1997"}, "year", "1998"),
        ({"account": "hsa", "event": "closed-at-loss", "year": "2003"}, "year", "2004"),
        (
            {"account": "457b", "contribution": "roth", "event": "closed-at-loss", "year": "2010"},
            "year",
            "2011",
        ),
        ({"account": ["hsa", "taxable"], "event": "value-dropped"}, "account", "not 2"),
    ],
    ids=lambda x: x if isinstance(x, str) else "",
)
def test_bad_queries_get_a_field_error_a_person_understands(query, field, says):
    errors = bad(**query)
    assert field in errors
    assert any(says in m for m in errors[field]), errors


def test_a_long_value_is_cut_short_in_the_message():
    errors = bad(account="x" * 5000, event="value-dropped")
    assert "x" * 39 + "…" in errors["account"][0]
    assert "x" * 40 not in errors["account"][0]


def test_repeated_identical_values_are_one_value():
    assert ok(account=["hsa", "hsa"], event="value-dropped").account == "hsa"


def test_messages_name_choices_in_words_not_slugs():
    errors = bad(account="pension", event="value-dropped")
    assert "traditional-401k" not in errors["account"][0]
    assert (
        "“401(k), including the Thrift Savings Plan (TSP) and solo 401(k)s”"
        in (errors["account"][0])
    )
    errors = bad(account="taxable", event="rolled-over")
    assert "sold-at-loss" not in errors["event"][0]


def test_an_event_the_account_cannot_have_takes_the_right_article():
    # LAW-FINDINGS-3 part 5: "a inherited traditional IRA".
    from rules.law.validation import validate

    _, errors = validate({"account": "inherited-ira", "event": "converted"}, current=2026)
    assert "cannot happen to an inherited traditional IRA" in errors["event"][0]
    _, errors = validate({"account": "403b", "event": "wash-sale"}, current=2026)
    assert "cannot happen to a 403(b)" in errors["event"][0]
