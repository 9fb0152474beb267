"""Personal details never reach the feedback table; the tax talk around them does."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rules.feedback.scrub import EMAIL, NUMBER, PHONE, SSN, scrub

REMOVED = [
    # (what a saver might type, the placeholder it becomes)
    ("jane.doe@gmail.com", EMAIL),
    ("JANE.DOE+taxes@Example.co.uk", EMAIL),
    ("o'brien_77@mail.example.org", EMAIL),
    ("jane (at) example (dot) com", EMAIL),
    ("jane[at]example[dot]com", EMAIL),
    ("ｊａｎｅ＠ｅｘａｍｐｌｅ．ｃｏｍ", EMAIL),  # full-width letters and at sign
    ("(415) 867-5309", PHONE),
    ("415-867-5309", PHONE),
    ("415.867.5309", PHONE),
    ("415 867 5309", PHONE),
    ("+1 415 867 5309", PHONE),
    ("1-800-555-0199", PHONE),
    ("+1 (212) 555-0123 ext. 42", PHONE),
    ("(212)555-0123 x7", PHONE),
    ("078-05-1120", SSN),
    ("078 05 1120", SSN),
    ("219.09.9999", SSN),
    ("４１５-８６７-５３０９", PHONE),  # full-width digits
    ("4111 1111 1111 1111", NUMBER),  # a Visa test number, in groups
    ("4111-1111-1111-1111", NUMBER),
    ("3782-822463-10005", NUMBER),  # American Express grouping
    ("5500000000000004", NUMBER),
    ("078051120", NUMBER),  # an SSN without dashes: nine digits in a row
    ("4158675309", PHONE),  # ten digits in a row read as a phone number
    ("000123456789", NUMBER),  # a brokerage account number
    ("021000021", NUMBER),  # a bank routing number
    ("12345678", NUMBER),
]


@pytest.mark.parametrize(("detail", "placeholder"), REMOVED, ids=[r[0] for r in REMOVED])
def test_a_personal_detail_alone_is_replaced_by_its_placeholder(detail, placeholder):
    assert scrub(detail) == placeholder


@pytest.mark.parametrize(("detail", "placeholder"), REMOVED, ids=[r[0] for r in REMOVED])
def test_a_personal_detail_inside_a_sentence_is_replaced_and_the_sentence_kept(detail, placeholder):
    text = f"Hi, reach me at {detail}, thanks."
    assert scrub(text) == f"Hi, reach me at {placeholder}, thanks."


def test_a_real_looking_comment_keeps_its_question_and_loses_the_details():
    comment = (
        "I closed my Roth IRA at Fidelity (acct 000123456789) in 2017 and lost $4,250. "
        "Can I deduct it? Call me at (415) 867-5309 or write to jane.doe@gmail.com. "
        "My SSN is 078-05-1120 if you need it."
    )
    assert scrub(comment) == (
        "I closed my Roth IRA at Fidelity (acct [number removed]) in 2017 and lost $4,250. "
        "Can I deduct it? Call me at [phone number removed] or write to [email removed]. "
        "My SSN is [SSN removed] if you need it."
    )


KEPT = [
    "I lost $3,000 in 2017 on my 401(k).",
    "Tax years 2017, 2018 and 2019; and 2020-2021.",
    "$12,500.00 of basis, Form 8606 line 14, IRC 1244, 26 U.S.C. 72(t), Form 1040-X.",
    "Section 1211(b) limits it to $1,500 when married filing separately.",
    "I sold 150 shares at $23.75 on 12/31/2024 and bought 100 back on 1/15/2025.",
    "My 403(b) and 457(b) both fell about 20% between March and June.",
    "Box 2a shows 1,234,567.89 which seems wrong.",
    "Is the 10% additional tax waived at 59½?",
    "What about at least a partial deduction?",
]


@pytest.mark.parametrize("text", KEPT)
def test_tax_talk_with_years_amounts_and_sections_is_left_alone(text):
    assert scrub(text) == text


@given(st.text(max_size=300))
def test_scrubbing_any_text_never_fails_and_is_idempotent(text):
    once = scrub(text)
    assert scrub(once) == once


@given(
    st.from_regex(r"\A[a-z]{1,10}\.[a-z]{1,10}@[a-z]{2,10}\.(com|org|net)\Z"),
    st.from_regex(r"\A[2-9]\d{2}-[2-9]\d{2}-\d{4}\Z"),
)
def test_generated_addresses_and_phone_numbers_never_survive(email, phone):
    out = scrub(f"write to {email} or call {phone} today")
    assert email not in out and phone not in out
    assert out == f"write to {EMAIL} or call {PHONE} today"
