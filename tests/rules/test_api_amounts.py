"""GET /api/amounts: the 200 shape, every 400 field error, no-store, and never a 500."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rules.law import worksheet_inputs as wi

pytestmark = pytest.mark.django_db(databases=[])
URL = "/api/amounts"


def _get(client, **query):
    return client.get(URL, query)


def test_capital_loss_200_has_outputs_and_lines_as_two_place_strings(client):
    r = _get(
        client, worksheet="capital-loss", filing="single", year="2026", short="-10000", long="0"
    )
    assert r.status_code == 200
    assert r["Content-Type"] == "application/json"
    assert r["Cache-Control"] == "private, no-store"
    data = r.json()
    assert set(data) == {"worksheet", "inputs", "outputs", "lines", "notes", "citations"}
    assert data["worksheet"] == "capital-loss"
    assert data["inputs"] == {
        "filing": "single",
        "year": 2026,
        "short": "-10000.00",
        "long": "0.00",
    }
    assert data["outputs"] == {
        "deduction": "3000.00",
        "carryover_short": "7000.00",
        "carryover_long": "0.00",
        "net": "-10000.00",
    }
    assert all(set(line) == {"label", "amount", "carry"} for line in data["lines"])
    assert data["lines"][-1] == {
        "label": "Carryover Worksheet line 8: short-term capital loss carryover to next year",
        "amount": "7000.00",
        "carry": True,
    }
    assert all(set(c) == {"title", "url", "pinpoint"} for c in data["citations"])


@pytest.mark.parametrize(
    ("query", "outputs"),
    [
        (
            {
                "worksheet": "section-1244",
                "filing": "married-joint",
                "year": "2026",
                "loss": "120,000",
            },
            {"ordinary": "100000.00", "capital": "20000.00"},
        ),
        (
            {"worksheet": "wash-sale", "loss": "250", "sold": "100", "bought": "50"},
            {"disallowed": "125.00", "allowed": "125.00", "basis_added_per_share": "2.50"},
        ),
        (
            {
                "worksheet": "basis-loss",
                "year": "2017",
                "basis": "12000",
                "received": "10000",
                "agi": "50000",
            },
            {"loss": "2000.00", "floor": "1000.00", "deduction": "1000.00"},
        ),
        (
            {
                "worksheet": "capital-loss",
                "filing": "married-separate",
                "year": "2026",
                "long": "$-4,000.50",
                "taxable_income": "(1000)",
            },
            {
                "deduction": "1500.00",
                "carryover_short": "0.00",
                "carryover_long": "3500.50",
                "net": "-4000.50",
            },
        ),
    ],
)
def test_each_worksheet_answers(client, query, outputs):
    r = client.get(URL, query)
    assert r.status_code == 200, r.content
    assert r.json()["outputs"] == outputs
    assert r["Cache-Control"] == "private, no-store"


BAD = [
    ({}, "worksheet", "Choose a worksheet"),
    ({"worksheet": "nope"}, "worksheet", "Choose a worksheet"),
    ({"worksheet": ["wash-sale", "basis-loss"]}, "worksheet", "Choose a worksheet"),
    (
        {"worksheet": "capital-loss", "year": "2026", "short": "-1"},
        "filing",
        "Choose your filing status.",
    ),
    (
        {"worksheet": "capital-loss", "filing": "widow", "year": "2026", "short": "-1"},
        "filing",
        "Choose your filing status.",
    ),
    (
        {"worksheet": "capital-loss", "filing": "single", "short": "-1"},
        "year",
        "Enter the tax year.",
    ),
    (
        {"worksheet": "capital-loss", "filing": "single", "year": "1986", "short": "-1"},
        "year",
        "Enter a tax year from 1987 to 2026",
    ),
    (
        {"worksheet": "capital-loss", "filing": "single", "year": "2027", "short": "-1"},
        "year",
        "Enter a tax year from 1987 to 2026",
    ),
    ({"worksheet": "capital-loss", "filing": "single", "year": "2026"}, "short_loss", "or both."),
    (
        {"worksheet": "capital-loss", "filing": "single", "year": "2026", "short": "ten"},
        "short",
        "Enter your net short-term gain or loss in dollars and cents",
    ),
    (
        {"worksheet": "capital-loss", "filing": "single", "year": "2026", "short": "1.005"},
        "short",
        "in dollars and cents",
    ),
    (
        {"worksheet": "capital-loss", "filing": "single", "year": "2026", "short": "NaN"},
        "short",
        "in dollars and cents",
    ),
    (
        {"worksheet": "capital-loss", "filing": "single", "year": "2026", "short": "1e9"},
        "short",
        "in dollars and cents",
    ),
    (
        {
            "worksheet": "capital-loss",
            "filing": "single",
            "year": "2026",
            "short": "-1000000000.01",
        },
        "short",
        "must be $1,000,000,000 or less",
    ),
    (
        {
            "worksheet": "capital-loss",
            "filing": "single",
            "year": "2026",
            "short": "1",
            "carry_short": "-5",
        },
        "carry_short",
        "cannot be below zero",
    ),
    (
        {"worksheet": "capital-loss", "filing": "single", "year": "2026", "short": ["1", "2"]},
        "short",
        "not several",
    ),
    ({"worksheet": "section-1244", "filing": "single", "year": "2026"}, "loss", "Enter the loss."),
    (
        {"worksheet": "section-1244", "filing": "single", "year": "2026", "loss": "-1"},
        "loss",
        "The loss cannot be below zero.",
    ),
    ({"worksheet": "wash-sale", "loss": "1", "sold": "0", "bought": "1"}, "sold", "more than zero"),
    ({"worksheet": "wash-sale", "loss": "1", "sold": "ten", "bought": "1"}, "sold", "as a number"),
    ({"worksheet": "wash-sale", "loss": "1", "sold": "1", "bought": "-1"}, "bought", "as a number"),
    (
        {"worksheet": "wash-sale", "loss": "1", "sold": "1"},
        "bought",
        "Enter the number of shares bought back.",
    ),
    (
        {"worksheet": "wash-sale", "loss": "1", "sold": "1", "bought": "2000000000"},
        "bought",
        "must be 1,000,000,000 or less",
    ),
    (
        {"worksheet": "basis-loss", "year": "2018", "basis": "1", "received": "0", "agi": "1"},
        "year",
        "for tax years 1987 to 2017",
    ),
    (
        {"worksheet": "basis-loss", "year": "2017", "basis": "1", "received": "0"},
        "agi",
        "Enter your adjusted gross income.",
    ),
    (
        {"worksheet": "basis-loss", "year": "2017", "basis": "1", "received": "0", "agi": "-5"},
        "agi",
        "cannot be below zero",
    ),
    (
        {
            "worksheet": "basis-loss",
            "year": "2017",
            "basis": "1",
            "received": "0",
            "agi": "1",
            "other_misc": "lots",
        },
        "other_misc",
        "in dollars and cents",
    ),
]


@pytest.mark.parametrize(("query", "field", "words"), BAD)
def test_each_bad_input_is_a_field_error_in_words(client, query, field, words):
    r = client.get(URL, query)
    assert r.status_code == 400
    assert r["Cache-Control"] == "private, no-store"
    errors = r.json()["errors"]
    assert words in " ".join(errors[field])
    for messages in errors.values():
        for message in messages:
            assert message[0].isupper() and message.endswith(".")
            assert "capital-loss" not in message and "married-joint" not in message


def test_a_post_is_refused_and_nothing_is_cached(client):
    from django.core.cache import caches

    assert client.post(URL, {"worksheet": "wash-sale"}).status_code == 405
    _get(client, worksheet="wash-sale", loss="1", sold="1", bought="1")
    for cache in caches.all():
        assert not getattr(cache, "_cache", {}), "a saver's figures in a server cache"


text = st.one_of(
    st.text(max_size=30),
    st.sampled_from(
        [
            "",
            "-",
            "$",
            "1,00",
            "(5)",
            "1e3",
            "Infinity",
            "-0",
            "0.1",
            "99999999999",
            "2017",
            "2026",
            "single",
            "married-joint",
            "\x00",
            "１２",
            "0",
            "100",
            "-250.5",
        ]
    ),
)


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.sampled_from([*wi.SPECS, "", "x"]),
    st.dictionaries(
        st.sampled_from(
            [
                "filing",
                "year",
                "short",
                "long",
                "short_loss",
                "long_loss",
                "short_gain",
                "long_gain",
                "carry_short",
                "carry_long",
                "taxable_income",
                "loss",
                "sold",
                "bought",
                "basis",
                "received",
                "agi",
                "other_misc",
                "share",
            ]
        ),
        text,
    ),
)
def test_fuzz_never_500(client, worksheet, query):
    r = client.get(URL, {"worksheet": worksheet, **query})
    assert r.status_code in (200, 400)
    assert r["Cache-Control"] == "private, no-store"
    body = r.json()
    if r.status_code == 200:
        assert all(isinstance(a, str) and a.count(".") == 1 for a in body["outputs"].values())
    else:
        assert body["errors"]
