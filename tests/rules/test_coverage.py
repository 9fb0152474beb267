"""The engine is total and unambiguous over the whole input space."""

from __future__ import annotations

import ast
import re
from collections import Counter
from pathlib import Path

from rules import engine, law, rulebook
from rules import vocabulary as v
from tests.conftest import CURRENT

# Every file a rule's condition or text lives in.
RULE_CODE = [Path(engine.__file__), *sorted(Path(rulebook.__file__).parent.glob("*.py"))]


def test_every_valid_combination_is_decided_by_exactly_one_rule():
    checked = Counter()
    for a in engine.all_answers(CURRENT):
        if a.contribution == v.UNSURE:
            continue
        matching = [r.id for r in rulebook.RULES if r.matches(a)]
        assert len(matching) == 1, f"{a}: {matching}"
        checked[a.account] += 1
    # Accounts x kinds of money x events x tax years each existed, 1987 to 2026:
    # a 401(k) and a 403(b): (pre-tax + after-tax) x 5 x 40 + Roth x 5 x 21 (from 2006);
    # a governmental 457(b): 2 x 5 x 40 + Roth x 5 x 16 (from 2011);
    # a traditional IRA 2 x 5 x 40; a Roth IRA 5 x 29 (1998); a Roth 401(k) 5 x 21;
    # an HSA 5 x 23 (2004); a taxable account 5 x 40.
    assert checked == {
        "traditional-401k": 505,
        "403b": 505,
        "457b": 480,
        "traditional-ira": 400,
        "roth-ira": 145,
        "roth-401k": 105,
        "hsa": 115,
        "taxable": 200,
    }


def test_every_not_sure_combination_is_decided_by_one_rule_or_one_combining_rule():
    combining = {r.id for r in rulebook.COMBINING_RULES}
    seen = Counter()
    for a in engine.all_answers(CURRENT):
        if a.contribution != v.UNSURE:
            continue
        d = engine.determine(a)
        if d.rule in combining:
            assert [b.contribution for b in d.branches] == list(engine.kinds_for(a.account, a.year))
            assert len({b.rule for b in d.branches}) > 1
            if d.rule == "unsure-no-either-way":
                assert all(b.deductible is False for b in d.branches)
            else:
                assert d.outcome == "depends" and d.deductible is None
                assert {b.deductible for b in d.branches} == {True, False}
        else:
            assert not d.branches
        seen[d.rule] += 1
    # Not sure of the kind, in the four accounts that ask (5 events x 40 years each):
    # only closing at a loss turns on the kind; before 2018 one kind gives a deduction.
    assert seen == {
        "sheltered-no-realisation": 320,
        "rollover-carries-over": 160,
        "partial-withdrawal-no-loss": 160,
        "unsure-depends": 124,
        "unsure-no-either-way": 36,
    }


def test_every_rule_decides_something():
    decided = {engine.determine(a).rule for a in engine.all_answers(CURRENT)}
    assert decided == set(rulebook.RULES_BY_ID)


def test_every_rule_has_references_with_a_title_and_url():
    for rule in rulebook.ALL_RULES:
        assert rule.references, rule.id
        for c in rule.references:
            assert c.title and c.url.startswith("https://"), rule.id


def test_rule_texts_fill_for_every_year():
    for rule in rulebook.ALL_RULES:
        for year in range(law.FIRST_TAX_YEAR, CURRENT + 1):
            for text in (rule.headline, rule.reason, rule.instead):
                assert "{" not in text.format(**law.facts(year))


def test_rule_ids_are_unique_slugs():
    ids = [r.id for r in rulebook.ALL_RULES]
    assert len(ids) == len(set(ids))
    assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", i) for i in ids)


def test_every_year_boundary_is_a_dated_parameter_not_a_literal_in_rule_code():
    for path in RULE_CODE:
        source = path.read_text()
        years = [
            node.value
            for node in ast.walk(ast.parse(source))
            if isinstance(node, ast.Constant)
            and isinstance(node.value, int)
            and 1900 < node.value < 2200
        ]
        assert years == [], path.name
        assert "3000" not in source and "3_000" not in source, path.name


def test_the_misc_itemized_periods_are_contiguous_and_open_ended():
    periods = law.MISC_ITEMIZED_DEDUCTIONS.periods
    assert periods[0].start == law.FIRST_TAX_YEAR == 1987
    for before, after in zip(periods, periods[1:], strict=False):
        assert before.end + 1 == after.start
    assert [p.start for p in periods] == [1987, 2018, 2026]
    assert periods[-1].end is None


def test_whole_input_space_has_the_expected_size():
    answers = list(engine.all_answers(CURRENT))
    assert len(answers) == len(set(answers)) == 3255
    # 800 of them are "not sure" of the kind of money.
    assert sum(a.contribution == v.UNSURE for a in answers) == 800
    assert {a.account for a in answers} == set(v.ACCOUNTS)


def test_the_input_space_grows_with_the_current_year():
    # One more tax year adds a year for every account, kind and event.
    grown = len(list(engine.all_answers(CURRENT + 1))) - len(list(engine.all_answers(CURRENT)))
    assert grown == 3255 - len(list(engine.all_answers(CURRENT - 1)))
    # Four kinds (not sure included) in each of three plans, three in a traditional
    # IRA, one in each other account: 19 kinds x 5 events.
    assert grown == 95


def test_rule_texts_name_no_year_or_figure_outright():
    # Years and figures come from rules.law through placeholders ({year}, {limit}...).
    for rule in rulebook.ALL_RULES:
        for text in (rule.headline, rule.reason, rule.instead, rule.situation, rule.result):
            assert not re.search(r"\b(19|20)\d\d\b|\$\d|\d+%", text), (rule.id, text)
