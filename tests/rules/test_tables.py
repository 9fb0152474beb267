"""The comparison tables are generated from the engine, and say what it says."""

from __future__ import annotations

from pathlib import Path

import pytest

from rules import engine, law, tables
from rules import vocabulary as v

pytestmark = pytest.mark.django_db
CSS = Path(__file__).resolve().parents[2] / "static" / "css" / "site.css"
NOW = law.current_tax_year()


def test_every_account_row_verdict_equals_the_engine():
    for row in tables.account_rows(NOW):
        slug = row.account.slug
        now = [
            engine.determine(a)
            for a in engine.all_answers()
            if a.account == slug and a.year == NOW and a.contribution != v.UNSURE
        ]
        assert row.deductible_now == any(d.deductible for d in now)
        ever = any(
            engine.determine(a).deductible
            for a in engine.all_answers()
            if a.account == slug and a.contribution != v.UNSURE
        )
        assert bool(row.when) == ever
    verdicts = {r.account.slug: r.verdict for r in tables.account_rows(NOW)}
    assert verdicts["taxable"] == "Yes"
    assert verdicts["hsa"] == "No, never"
    assert verdicts["roth-ira"] == "No, not since 2018"  # 2017 was the last year it applied


def test_every_situation_row_verdict_equals_the_engine_for_every_answer_it_covers():
    rows = {r.rule.id: r for r in tables.situation_rows(NOW)}
    assert set(rows) == {r.id for r in engine.RULES}
    for a in engine.all_answers():
        if a.contribution == v.UNSURE:
            continue
        d = engine.determine(a)
        row = rows[d.rule]
        assert row.verdict == d.verdict and row.outcome == d.outcome
        assert v.ACCOUNTS[a.account].label in row.accounts


def test_every_determination_links_only_to_rows_that_exist():
    ids = tables.row_ids(NOW)
    for a in engine.all_answers():
        assert set(engine.determine(a).table_rows) <= ids


def test_tables_page_has_stable_anchors(client):
    html = client.get("/tables/").content.decode()
    for row_id in tables.row_ids(NOW):
        assert f'id="{row_id}"' in html
    assert "tr:target" in CSS.read_text()
