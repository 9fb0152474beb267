"""The engine is total and unambiguous over the whole input space."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from rules import engine, law
from rules import vocabulary as v

CURRENT = law.current_tax_year()


def test_every_valid_combination_is_decided_by_exactly_one_rule():
    checked = 0
    for a in engine.all_answers():
        if a.contribution == v.UNSURE:
            continue
        matching = [r.id for r in engine.RULES if r.matches(a)]
        assert len(matching) == 1, f"{a}: {matching}"
        checked += 1
    # 7 sheltered accounts x 5 events + taxable x 5, over their valid years
    assert checked > 2000


def test_every_not_sure_combination_is_decided_by_one_rule_or_one_combining_rule():
    for a in engine.all_answers():
        if a.contribution != v.UNSURE:
            continue
        d = engine.determine(a)
        kinds = engine.kinds_for(a.account, a.year)
        rules = {engine.rule_for(engine.Answers(a.account, c, a.event, a.year)).id for c in kinds}
        if len(rules) == 1:
            assert d.rule == rules.pop() and not d.branches
        else:
            assert d.rule in {r.id for r in engine.COMBINING_RULES}
            assert [b.contribution for b in d.branches] == list(kinds)
            if d.rule == "unsure-no-either-way":
                assert all(b.deductible is False for b in d.branches)
            else:
                assert d.outcome == "depends"
                assert {b.deductible for b in d.branches} == {True, False}


def test_every_rule_decides_something():
    decided = {engine.determine(a).rule for a in engine.all_answers()}
    assert decided == set(engine.RULES_BY_ID)


def test_every_rule_has_references_with_a_title_and_url():
    for rule in engine.ALL_RULES:
        assert rule.references, rule.id
        for c in rule.references:
            assert c.title and c.url.startswith("https://"), rule.id


def test_rule_texts_fill_for_every_year():
    for rule in engine.ALL_RULES:
        for year in range(law.FIRST_TAX_YEAR, CURRENT + 1):
            for text in (rule.headline, rule.reason, rule.instead):
                assert "{" not in text.format(**law.facts(year))


def test_rule_ids_are_unique_slugs():
    ids = [r.id for r in engine.ALL_RULES]
    assert len(ids) == len(set(ids))
    assert all(i == i.lower() and " " not in i for i in ids)


def test_every_year_boundary_is_a_dated_parameter_not_a_literal_in_rule_code():
    source = Path(engine.__file__).read_text()
    years = [
        node.value
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Constant)
        and isinstance(node.value, int)
        and 1900 < node.value < 2200
    ]
    assert years == []
    assert "3000" not in source and "3_000" not in source


def test_the_misc_itemized_periods_are_contiguous_and_open_ended():
    periods = law.MISC_ITEMIZED_DEDUCTIONS.periods
    assert periods[0].start == law.FIRST_TAX_YEAR == 1987
    for before, after in zip(periods, periods[1:], strict=False):
        assert before.end + 1 == after.start
    assert [p.start for p in periods] == [1987, 2018, 2026]
    assert periods[-1].end is None


def test_whole_input_space_has_the_expected_size():
    answers = list(engine.all_answers())
    assert len(answers) == len(set(answers))
    assert {a.account for a in answers} == set(v.ACCOUNTS)


def test_rule_texts_name_no_year_or_figure_outright():
    # Years and figures come from rules.law through placeholders ({year}, {limit}...).
    for rule in engine.ALL_RULES:
        for text in (rule.headline, rule.reason, rule.instead, rule.situation, rule.result):
            assert not re.search(r"\b(19|20)\d\d\b|\$\d|\d+%", text), (rule.id, text)
