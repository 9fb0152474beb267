"""The wizard asks the tax year as soon as it can matter and skips a question whose every
answer gives the same verdict for that year (issue 25 #6). The results URL keeps its
order and meaning (rules.law.questions.canonical), so every old link answers as before."""

from __future__ import annotations

import pytest

from rules.law import engine, questions
from rules.law import vocabulary as v
from rules.law.answers import UNSURE_QUESTIONS
from rules.law.validation import validate
from tests.conftest import CURRENT as NOW

pytestmark = pytest.mark.django_db


def test_the_year_comes_before_the_kind_of_money():
    order = questions.ASK_ORDER
    assert sorted(order) == sorted(questions.QUESTIONS)
    assert order.index("year") < order.index("contribution") < order.index("received")


@pytest.mark.parametrize(("year", "asked"), [(2017, True), (2018, False), (2025, False),
                                             (NOW, False)])
def test_an_emptied_ira_asks_the_kind_of_money_only_where_it_can_matter(year, asked):
    known = {"account": "traditional-ira", "event": "closed-at-loss", "year": str(year)}
    assert questions.wizard_asks("contribution", known, NOW) is asked
    assert questions.wizard_asks("received", {**known, "contribution": "after-tax"}, NOW) is asked


def _as_the_wizard_asks(a) -> dict[str, str]:
    """The answers the wizard collects from a saver whose true answers are `a`."""
    query = {k: str(x) for k, x in a.as_query().items()}
    known: dict[str, str] = {}
    for q in questions.ASK_ORDER:
        if q in query and questions.wizard_asks(q, known, NOW):
            known[q] = query[q]
    return known


def test_no_skipped_question_changes_the_verdict():
    """Every saver with definite answers, every year: what the wizard collects, read as a
    results link reads it (a skipped question is "not sure"), gives the saver's own
    verdict."""
    checked = 0
    for a in engine.all_answers(NOW):
        if any(getattr(a, q) == v.UNSURE for q in UNSURE_QUESTIONS):
            continue
        known = _as_the_wizard_asks(a)
        read, errors = validate(known, current=NOW)
        assert not errors, (a, known, errors)
        mine = v.OUTCOMES[engine.determine(a).outcome].verdict
        theirs = engine.determine(read)
        verdicts = {v.OUTCOMES[theirs.outcome].verdict} | {
            v.OUTCOMES[b.outcome].verdict for b in theirs.branches
        }
        assert verdicts == {mine}, (a, known, verdicts)
        checked += 1
    assert checked > 1000


def test_an_old_link_with_the_skipped_answers_still_answers(client):
    r = client.get(
        "/results/?account=traditional-401k&event=closed-at-loss&contribution=after-tax"
        "&received=below-basis&year=2025"
    )
    assert r.status_code == 200
    assert 'class="verdict-word">No<' in r.content.decode()
