"""What would change the answer: one step away, a different outcome, its own link."""

from __future__ import annotations

from rules.law import engine
from rules.law.alternatives import alternatives
from rules.law.answers import Answers
from rules.law.answers import answers as A
from tests.conftest import CURRENT


def _alts(a: Answers) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for alt in alternatives(a, CURRENT):
        assert alt.determination.outcome != engine.determine(a).outcome
        found.setdefault(alt.field, []).append(alt.determination.outcome)
    return found


def test_a_2017_ira_loss_would_change_with_the_year_the_money_or_a_taxable_account():
    alts = _alts(
        A("traditional-ira", "closed-at-loss", "after-tax", received="below-basis", year=2017)
    )
    assert alts["year"] == ["itemized-suspended"]
    assert alts["contribution"] == ["not-deductible"]
    assert alts["received"] == ["not-deductible"]
    assert alts["account"] == ["capital-loss"]


def test_a_2020_basis_loss_points_back_to_2017_when_the_old_deduction_applied():
    alt = next(
        a
        for a in alternatives(A("roth-ira", "closed-at-loss", year=2020), CURRENT)
        if a.field == "year"
    )
    assert alt.answers.year == 2017 and alt.determination.outcome == "itemized-2-percent"
    assert alt.description == "For tax years 1998\u20132017"  # Roth IRAs began in 1998


def test_a_taxable_sale_lists_the_wash_sale_and_unsold_cases():
    alts = _alts(A("taxable", "sold-at-loss", year=2026))
    assert alts == {
        "asset": ["ordinary-loss"],
        "event": ["not-deductible", "wash-sale-deferred", "wash-sale-disallowed"],
    }


def test_not_sure_does_not_repeat_the_branches_as_alternatives():
    alts = _alts(A("traditional-401k", "closed-at-loss", "unsure", year=2017))
    assert "contribution" not in alts and "received" not in alts


def test_each_outcome_appears_once_per_field():
    for a in engine.all_answers(CURRENT):
        if a.year not in (1990, 2017, 2020, 2026):
            continue
        seen = [(alt.field, alt.determination.outcome) for alt in alternatives(a, CURRENT)]
        assert len(seen) == len(set(seen))
