"""The comparison tables are generated from the engine, and say what it says."""

from __future__ import annotations

import re

import pytest

from rules.law import engine, tables
from rules.law import vocabulary as v
from rules.law.answers import is_concrete
from rules.law.rulebook import RULES
from tests.conftest import CURRENT

pytestmark = pytest.mark.django_db


def _row_ids(current: int) -> set[str]:
    return {r.id for r in tables.account_rows(current)} | {
        r.id for r in tables.situation_rows(current)
    }


def test_account_rows_give_each_accounts_verdict_today_and_when_it_was_deductible():
    rows = {r.account.slug: r for r in tables.account_rows(CURRENT)}
    assert {slug: r.verdict for slug, r in rows.items()} == {
        "traditional-401k": "No (only one rare case, before 2018)",
        "roth-401k": "No (only one rare case, before 2018)",
        "403b": "No (only one rare case, before 2018)",
        "457b": "No (only one rare case, before 2018)",
        "traditional-ira": "No (only one rare case, before 2018)",
        "roth-ira": "No (only one rare case, before 2018)",
        "inherited-ira": "No (only one rare case, before 2018)",
        "inherited-roth-ira": "No (only one rare case, before 2018)",
        "hsa": "No, never",
        "529": "No (only one rare case, before 2018)",
        "coverdell-esa": "No (only one rare case, before 2018)",
        "taxable": "Yes",
    }
    assert rows["taxable"].deductible_now and not rows["hsa"].when
    assert rows["roth-ira"].when == (
        "Every IRA of the kind was emptied, and everything received was less than the "
        "after-tax or Roth money put in (tax years 1998\u20132017)",
    )
    assert rows["roth-401k"].when == (
        "A workplace plan was paid out in cash for less than the after-tax or Roth "
        "contributions (tax years 2006\u20132017)",
    )
    assert rows["inherited-roth-ira"].when == (
        "Every IRA inherited from the same person was emptied, and everything received was "
        "less than the basis that passed with them (tax years 1998\u20132017)",
    )
    # Each education account from its own first year: 529 plans from 1996, Coverdell
    # accounts (Education IRAs) from 1998.
    assert rows["529"].when == (
        "A 529 plan or Coverdell account was paid out in full for less than the "
        "contributions (tax years 1996\u20132017)",
    )
    assert rows["coverdell-esa"].when[0].endswith("(tax years 1998\u20132017)")


def test_the_account_table_moves_with_the_current_year():
    # In 2017 the basis loss was still deductible: a Roth IRA said "Yes".
    rows = {r.account.slug: r.verdict for r in tables.account_rows(2017)}
    assert rows["roth-ira"] == "Yes" and rows["hsa"] == "No, never"


def test_every_situation_row_verdict_equals_the_engine_for_every_answer_it_covers():
    rows = {r.rule.id: r for r in tables.situation_rows(CURRENT)}
    assert set(rows) == {r.id for r in RULES}
    for a in engine.all_answers(CURRENT):
        if not is_concrete(a):
            continue
        d = engine.determine(a)
        row = rows[d.rule]
        assert row.verdict == d.verdict and row.outcome == d.outcome
        assert v.ACCOUNTS[a.account].label in row.accounts


def test_every_determination_links_only_to_rows_that_exist():
    ids = _row_ids(CURRENT)
    for a in engine.all_answers(CURRENT):
        assert set(engine.determine(a).table_rows) <= ids


def test_tables_page_has_stable_anchors(client):
    html = client.get("/tables/").content.decode()
    for row_id in _row_ids(CURRENT):
        assert f'id="{row_id}"' in html


def test_accounts_whose_rows_would_read_the_same_share_one_row_and_keep_their_anchors(client):
    groups = tables.account_groups(CURRENT)
    slugs = [[r.account.slug for r in g.rows] for g in groups]
    assert ["traditional-401k", "403b"] in slugs  # the same answers, word for word
    assert sum(len(s) for s in slugs) == len(v.ACCOUNTS)
    html = client.get("/tables/").content.decode()
    row = html.split('<tr id="account-traditional-401k">', 1)[1].split("</tr>", 1)[0]
    assert '<span id="account-403b"></span>' in row
    assert html.count("No (only one rare case, before 2018)") == len(groups) - 2  # HSA, taxable


def test_the_situations_table_names_families_of_accounts_in_a_few_words():
    said = {r.rule.id: r.accounts_said for r in tables.situation_rows(CURRENT)}
    assert said["sheltered-no-realisation"] == "All retirement accounts and HSAs"
    assert said["partial-withdrawal-no-loss"] == "Workplace plans and your own IRAs"
    assert said["ira-basis-loss-2-percent"] == "Your own IRAs"
    assert said["inherited-partial-withdrawal"] == "Inherited IRAs"
    assert said["education-no-realisation"] == "529 plans and Coverdell accounts"
    assert said["pre-tax-no-basis"] == "401(k), 403(b), governmental 457(b) and traditional IRA"
    assert said["capital-loss-sale"] == "Taxable brokerage account"


def test_the_tables_page_speaks_to_the_saver_and_leads_back_to_their_answer(client):
    html = client.get("/tables/").content.decode()
    main = html.split("<main", 1)[1]
    assert "Compare how an investment loss is treated in each kind of account" in main
    assert "Every verdict here comes from the same rules" not in main
    # A way to check one's own situation at the top and at the bottom, never printed.
    ctas = re.findall(r'<p class="no-print"><a class="button" href="/check/account/">', main)
    assert len(ctas) == 2 and main.index(ctas[0]) < main.index("<table")
    # "Back to your answer": shown by the script only when the visitor came from one.
    assert '<p class="back-to-answer no-print" hidden><a href="/results/" ' in main
    assert 'data-back-to-answer="/results/"' in main


def test_no_situation_says_the_deduction_ended():
    # P.L. 119-21 removed the end date of the suspension; it did not end or revive it.
    from rules.law.rulebook import ALL_RULES

    assert [r.id for r in ALL_RULES if "deduction ended" in r.situation] == []
