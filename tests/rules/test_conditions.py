"""Texts that know whom they are true for, walked over the whole input space.

Every answer the engine accepts, in every tax year up to the current one, is put
the way the results page puts it (rules.law.questions.normalise: what does not matter
is reset, a page that is the same every year is shown for the current one). The
shipped text of the rule that decides it is cut to those answers as the page cuts
it. Then:

- no piece shown carries a tag that excludes the saver's own answers (a piece
  tagged for one year, shown on a page that is the same for every year, would be
  shown to savers of other years too);
- every tagged piece is shown to at least one saver its rule decides (no dead text);
- facts that reviews found on the wrong page (LAW-FINDINGS-3) are shown, in the
  shipped text, the headline or the reason, to none of the savers they are not true
  for.

Pure Python: the files, not the database.
"""

from __future__ import annotations

import re
from functools import lru_cache

import pytest

from rules import content
from rules.editor import markup
from rules.law import audiences, clock, engine, questions, wording
from rules.law import vocabulary as v
from rules.law.answers import Answers
from rules.web import linking

CURRENT = clock.tax_year(clock.today())
_PIECE = re.compile(r'<(p|li) data-for="([^"]*)">(.*?)</\1>', re.DOTALL)


@lru_cache(maxsize=1)
def texts() -> dict[str, dict[str, str]]:
    return {
        rule: {name: markup.render(getattr(t, name)) for name in ("explanation", "instead")}
        for rule, t in content.read(content.DEFAULT_LANGUAGE).items()
    }


@lru_cache(maxsize=1)
def pages() -> list[tuple[Answers, Answers, engine.Determination]]:
    """Every answer, the answers its page is for, and the page's determination."""
    found = []
    for a in engine.all_answers(CURRENT):
        page = questions.normalise(a, CURRENT)
        found.append((a, page, engine.determine(page)))
    return found


def pieces(html: str) -> list[tuple[str, str]]:
    """The tagged paragraphs and items of a text: (tokens, their HTML)."""
    return [(m.group(2), m.group(0)) for m in _PIECE.finditer(html)]


def test_the_walk_covers_every_account_event_kind_of_money_and_year():
    seen = {(a.account, a.event, a.contribution) for a, _, _ in pages()}
    assert len(pages()) > 5000
    for account, acct in v.ACCOUNTS.items():
        for event in acct.events:
            assert any(s[:2] == (account, event) for s in seen), (account, event)
    assert {a.year for a, _, _ in pages()} == set(range(1987, CURRENT + 1))


def test_no_piece_shown_excludes_the_answers_it_is_shown_for():
    wrong = []
    for a, page, d in pages():
        text = texts().get(d.rule)
        if text is None:
            continue
        for name, html in text.items():
            shown = linking.tailor(html, page)
            for tokens, piece in pieces(html):
                if piece in shown and not audiences.shown_to(tokens, a):
                    wrong.append((d.rule, name, tokens, a))
    assert wrong == []


def test_every_tagged_piece_is_shown_to_a_saver_its_rule_decides():
    shown_once: set[tuple[str, str, str]] = set()
    for _, page, d in pages():
        for name, html in texts().get(d.rule, {}).items():
            shown = linking.tailor(html, page)
            for _, piece in pieces(html):
                if piece in shown:
                    shown_once.add((d.rule, name, piece))
    dead = [
        (rule, name, piece[:80])
        for rule, text in texts().items()
        for name, html in text.items()
        for _, piece in pieces(html)
        if (rule, name, piece) not in shown_once
    ]
    assert dead == []


def _designated_roth(a: Answers) -> bool:
    return a.contribution == v.ROTH and v.ACCOUNTS[a.account].kind == v.PLAN


# Facts the third legal review found on pages they are not true for: a pattern, and
# the answers it must not be shown to.
MISPLACED = {
    # Q9: the 529 aggregation rule (529(c)(3)(D), before 2015) says nothing of a Coverdell.
    "529 aggregation on a Coverdell page": (
        re.compile(r"every (?:other )?529 account|529 account in the same program"),
        lambda a: a.account == "coverdell-esa",
    ),
    # Q3: 691(c) goes with income in respect of a decedent; a tax-free Roth payout has none.
    "691(c) pointer on a Roth page": (
        re.compile(r"Publication 559|you can deduct the part|deduction for the part that fell"),
        lambda a: a.contribution == v.ROTH,
    ),
    # 691(c) goes with income included: a payout below the basis is all tax-free basis,
    # so it offers nothing for that payout (later review, item 7).
    "691(c) offered for a payout below the basis": (
        re.compile(r"you can deduct the part|deduction for the part that fell"),
        lambda a: a.event == v.CLOSED_AT_LOSS and a.received == v.BELOW_BASIS,
    ),
    # Q18/Q19: a designated Roth account is tested on its own (402A(d)(4)).
    "pre-tax money counted for a designated Roth account": (
        re.compile(r"pre-tax money (?:and earnings )?included|this pre-tax money included"),
        _designated_roth,
    ),
    # A Roth IRA holds no pre-tax money.
    "pre-tax money counted in Roth IRAs": (
        re.compile(r"pre-tax money (?:and earnings )?included"),
        lambda a: a.account == "roth-ira",
    ),
    # T17/Q22: P.L. 119-21 removed the end date; it did not make the rule irrevocable.
    "the suspension said to be for good": (
        re.compile(r"(?:ended|deduction|them) for good|made (?:that|the suspension) permanent"),
        lambda a: a.event not in (v.WASH_SALE_IRA, v.WASH_SALE_ELSEWHERE),
    ),
    # A Roth conversion's later fall is not deductible while the money stays in; the amount
    # converted is Roth basis (before 2018, an emptied Roth account could give a loss).
    "a conversion's loss said never deductible": (
        re.compile(r"never deductible"),
        lambda a: a.event == v.CONVERTED,
    ),
    # Notice 89-25 Q&A-7 is about IRAs; a plan's whole-balance rule rests on Rev. Rul. 72-305.
    "Notice 89-25 as the authority for a plan's payout": (
        re.compile(r"in the plan[^.]*had been paid out \(IRS Notice 89-25"),
        lambda a: True,
    ),
    # A governmental 457(b)'s payouts are outside 72(t) except money rolled in from
    # another kind of plan or an IRA (72(t)(9)); a conversion is its own matter.
    "the 10% additional tax asserted on a 457(b) payout": (
        re.compile(r"(?:Before age|before) 59½[^.]*carr(?:y|ies)[^.]*10% additional tax"),
        lambda a: a.account == "457b" and a.event != v.CONVERTED,
    ),
    # C4: state notes are pointers for the savers they are true for: California and New
    # Jersey tax HSA money (Cal. R&TC 17215.4; N.J.S.A. 54A:6), Pennsylvania taxes 401(k)
    # and 403(b) deferrals (72 P.S. 7301(d)).
    "the New Jersey HSA note off an HSA page": (
        re.compile(r"New Jersey"),
        lambda a: a.account != "hsa",
    ),
    "the Pennsylvania deferral note off a pre-tax 401(k) or 403(b) page": (
        re.compile(r"Pennsylvania"),
        lambda a: a.account not in ("traditional-401k", "403b") or a.contribution != v.PRE_TAX,
    ),
    # Issue 23, 457(b) conversions: a governmental 457(b)'s payouts are outside 72(t) except
    # money rolled in (72(t)(9)), so the plain five-year sentence is not for its savers.
    "the plain five-year 10% on a 457(b) conversion": (
        re.compile(r"Money converted and then taken out within five years"),
        lambda a: a.account == "457b",
    ),
    # T2: a governmental 457(b) had no 60-day rollover and no 20% withholding before 2002.
    "60 days and 20% on a pre-2002 457(b)": (
        re.compile(r"within 60 days|must withhold 20%"),
        lambda a: a.account == "457b" and a.year < 2002,
    ),
}


def page_words(page: Answers, d: engine.Determination) -> str:
    text = texts().get(d.rule, {})
    return " ".join(
        [d.headline, d.reason, d.instead, *(linking.tailor(html, page) for html in text.values())]
    )


@pytest.mark.parametrize("fact", sorted(MISPLACED))
def test_no_fact_is_shown_to_a_saver_it_is_not_true_for(fact):
    pattern, not_for = MISPLACED[fact]
    wrong = [
        (d.rule, a)
        for a, page, d in pages()
        if not_for(a) and pattern.search(page_words(page, d))
    ]
    assert wrong == []


# And the facts that were moved, not deleted: each is still shown to the savers it is for.
KEPT = {
    "529 aggregation": (
        re.compile(r"every (?:other )?529 account"),
        lambda a: a.account == "529" and a.event == v.CLOSED_AT_LOSS and 2002 <= a.year < 2015,
        "education-loss-2-percent",
    ),
    "691(c)": (
        re.compile(r"691\(c\)"),
        lambda a: a.account == "inherited-ira" and a.contribution == v.AFTER_TAX,
        "inherited-basis-loss-not-allowed",
    ),
    # The taxable part of an inherited traditional IRA's payout is income in respect of a
    # decedent, which 691(c) goes with.
    "691(c) on taxable inherited payouts": (
        re.compile(r"691\(c\)"),
        lambda a: a.account == "inherited-ira",
        "inherited-partial-withdrawal",
    ),
    "402A(d)(4)": (
        re.compile(r"402A\(d\)\(4\)"),
        _designated_roth,
        "plan-basis-loss-2-percent",
    ),
    "New Jersey on the HSA payout page": (
        re.compile(r"California and New Jersey.{0,400}?not a state answer|not a state answer: "
                   r"California and New Jersey"),
        lambda a: a.account == "hsa",
        "hsa-no-basis",
    ),
    "New Jersey on the HSA withdrawal page": (
        re.compile(r"17215\.4.{0,400}?New Jersey.{0,400}?54A:6"),
        lambda a: a.account == "hsa",
        "hsa-partial-withdrawal",
    ),
    "New Jersey on the HSA fall-in-value page": (
        re.compile(r"17215\.4.{0,400}?New Jersey.{0,400}?54A:6"),
        lambda a: a.account == "hsa",
        "sheltered-no-realisation",
    ),
    "Pennsylvania on the pre-tax 401(k) and 403(b) page": (
        re.compile(r"not a state answer: Pennsylvania taxes.{0,400}?72 P\.S\. 7301\(d\)"),
        lambda a: a.account in ("traditional-401k", "403b"),
        "pre-tax-no-basis",
    ),
    "72(t)(9) on a 457(b) conversion": (
        re.compile(r"straight into a Roth IRA.{0,400}?408A\(d\)\(3\)\(F\).{0,400}?inside the "
                   r"457\(b\).{0,400}?72\(t\)\(9\)"),
        lambda a: a.account == "457b",
        "conversion-final",
    ),
    "72(t)(9) on a 457(b) conversion that could be undone": (
        re.compile(r"straight into a Roth IRA.{0,400}?408A\(d\)\(3\)\(F\).{0,400}?inside the "
                   r"457\(b\).{0,400}?72\(t\)\(9\)"),
        lambda a: a.account == "457b",
        "conversion-recharacterizable",
    ),
    # Q29: the carryover counts each year's allowed deduction as used, claimed or not
    # (1212(b)(2)(A)); marked not settled, as no ruling speaks to a loss never claimed.
    "the carryover of a loss never claimed": (
        re.compile(r"never claimed.{0,400}?as if you had.{0,400}?claimed or not"
                   r".*1212\(b\)\(2\)\(A\).*not settled", re.DOTALL),
        lambda a: True,
        "capital-loss-sale",
    ),
    "408A(d)(3)(F) on the Roth IRA loss": (
        re.compile(r"408A\(d\)\(3\)\(F\)"),
        lambda a: a.account == "roth-ira",
        "ira-basis-loss-2-percent",
    ),
}


@pytest.mark.parametrize("fact", sorted(KEPT))
def test_a_moved_fact_is_still_shown_where_it_is_true(fact):
    pattern, is_for, rule = KEPT[fact]
    pages_for = [(a, page, d) for a, page, d in pages() if is_for(a) and d.rule == rule]
    assert pages_for
    assert all(pattern.search(page_words(page, d)) for _, page, d in pages_for)


def test_a_wording_for_some_savers_fits_each_saver_it_is_used_for():
    for a, page, _ in pages():
        for texts_ in wording.FOR_SOME.values():
            for text in texts_:
                tag, _ = audiences.leading(text)
                if tag is None or audiences.shown_to(tag, page):
                    assert tag is None or audiences.shown_to(tag, a), (text, a)
                    break


@pytest.mark.parametrize(
    ("tag", "saver", "shown"),
    [
        ("[For inherited IRAs, not Roth]", audiences.Saver("inherited-ira", v.AFTER_TAX), True),
        ("[For inherited IRAs, not Roth]", audiences.Saver("inherited-roth-ira", v.ROTH), False),
        ("[For designated Roth money]", audiences.Saver("traditional-401k", v.ROTH), True),
        ("[For designated Roth money]", audiences.Saver("roth-ira", v.ROTH), False),
        ("[For IRAs and HSAs, from 2018]", audiences.Saver("hsa", year=2018), True),
        ("[For IRAs and HSAs, from 2018]", audiences.Saver("hsa", year=2017), False),
        ("[Before 2015]", audiences.Saver("529", year=2014), True),
        ("[For 2018 to 2025]", audiences.Saver("529", year=2026), False),
        ("[For plans, not 457(b)s before 2002]", audiences.Saver("457b", year=2002), True),
        ("[For plans, not 457(b)s before 2002]", audiences.Saver("457b", year=2001), False),
        ("[For plans, not 457(b)s before 2002]", audiences.Saver("403b", year=2001), True),
        ("[For wash sales or worthless investments]",
         audiences.Saver("taxable", event=v.WORTHLESS), True),
        ("[For crypto]", audiences.Saver("taxable", asset=v.SECURITIES), False),
        ("[For Roth money]", "roth-ira", False),  # an account alone fits account tags only
    ],
)
def test_the_grammar(tag, saver, shown):
    tokens, _ = audiences.leading(tag)
    assert audiences.shown_to(tokens, saver) is shown


def test_every_name_the_help_lists_is_read():
    for _, _, names in audiences.SORTS:
        for name in names:
            assert name in audiences.HELP
            assert audiences.tokens(name) is not None, name
    for example in audiences.YEAR_EXAMPLES:
        assert example in audiences.HELP and audiences.tokens(example) is not None
