"""The query validator shared by the results page and the API."""

from __future__ import annotations

import pytest

from rules.engine import Answers
from rules.validation import validate
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
    ) == Answers("traditional-ira", "after-tax", "closed-at-loss", 2017)


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
        ({"account": "pension", "event": "value-dropped"}, "account", "not an account type"),
        ({"account": "hsa"}, "event", "Say what happened"),
        (
            {"account": "taxable", "event": "rolled-over"},
            "event",
            "not possible for a taxable brokerage account",
        ),
        ({"account": "roth-ira", "event": "sold-at-loss"}, "event", "not possible for a Roth IRA"),
        ({"account": "hsa", "event": "exploded"}, "event", "not an event we know"),
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
            "has no contribution kind",
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
    assert len(errors["account"][0]) < 300


def test_repeated_identical_values_are_one_value():
    assert ok(account=["hsa", "hsa"], event="value-dropped").account == "hsa"
