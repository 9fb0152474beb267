"""Texts the third legal review found misleading (issue 23), each with its law."""

from __future__ import annotations

from rules.law import vocabulary as v


def _hint(event: str) -> str:
    return v.ACCOUNTS["taxable"].event(event).hint


def test_the_sale_hints_name_the_relatives_of_267_and_leave_out_in_laws():
    """26 U.S.C. 267(b)(1), (c)(4): brothers and sisters, spouse, ancestors and lineal
    descendants; 267(b)(2): a company more than half owned. In-laws are not family there
    (LAW-FINDINGS-3 Q28): a sale to a brother-in-law is an ordinary sale."""
    for event in (v.SOLD_AT_LOSS, v.SOLD_TO_RELATIVE):
        hint = _hint(event)
        for relative in ("spouse", "brother or sister", "ancestor", "descendant", "company"):
            assert relative in hint, (event, relative)
        assert "In-laws" in hint, event
    assert "not family" not in _hint(v.SOLD_AT_LOSS)
    assert "267(b), (c)(4)" in _hint(v.SOLD_TO_RELATIVE)
