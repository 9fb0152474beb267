"""The law as code: answers in, a determination out.

Every rule is a row in RULES: an id, the tax years it covers, the condition
(which accounts, kinds of money and events), the outcome and its references.
For any valid answers exactly one rule matches (tests/rules/test_coverage.py
proves it over the whole input space). No Django imports.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache

from rules import law
from rules import vocabulary as v
from rules.law import Citation, cite


@dataclass(frozen=True)
class Answers:
    account: str
    contribution: str | None
    event: str
    year: int


@dataclass(frozen=True)
class YearSpan:
    start: int
    end: int | None  # None: still in force

    @classmethod
    def of(cls, period: law.Period) -> YearSpan:
        return cls(period.start, period.end)

    def __contains__(self, year: int) -> bool:
        return self.start <= year and (self.end is None or year <= self.end)

    def describe(self) -> str:
        if self.start <= law.FIRST_TAX_YEAR and self.end is None:
            return "every year"
        if self.end is None:
            return f"{self.start} onward"
        if self.start <= law.FIRST_TAX_YEAR:
            return f"{self.end} and earlier"
        return f"{self.start}\u2013{self.end}"


ALL_YEARS = YearSpan(law.FIRST_TAX_YEAR, None)
_MISC = law.MISC_ITEMIZED_DEDUCTIONS
BEFORE_2018 = YearSpan.of(_MISC.named("two-percent-floor"))
TCJA_YEARS = YearSpan.of(_MISC.named("tcja"))
PL_119_21_YEARS = YearSpan.of(_MISC.named("pl-119-21"))

PLANS = frozenset({"traditional-401k", "roth-401k", "403b", "457b"})
IRAS = frozenset(a.slug for a in v.ACCOUNTS.values() if a.is_ira)
SHELTERED = frozenset(v.ACCOUNTS) - {v.TAXABLE}
WITH_BASIS = frozenset({v.AFTER_TAX, v.ROTH})


@dataclass(frozen=True)
class Rule:
    id: str
    situation: str  # a short description of the case, for the situations table
    years: YearSpan
    accounts: frozenset[str]
    events: frozenset[str]
    contributions: frozenset[str | None] | None  # None: any kind
    outcome: str
    headline: str
    reason: str
    instead: str
    references: tuple[Citation, ...]
    result: str = ""  # the typical tax result, in a few words, for the situations table
    law_period: bool = False  # the answer turns on which law governs the year

    def matches(self, a: Answers) -> bool:
        return (
            a.account in self.accounts
            and a.event in self.events
            and (self.contributions is None or a.contribution in self.contributions)
            and a.year in self.years
        )

    @property
    def deductible(self) -> bool | None:
        return v.OUTCOMES[self.outcome].deductible


def _rule(id: str, **kw) -> Rule:
    kw["accounts"] = frozenset(kw["accounts"])
    kw["events"] = frozenset(kw["events"])
    if kw.get("contributions") is not None:
        kw["contributions"] = frozenset(kw["contributions"])
    else:
        kw["contributions"] = None
    return Rule(id=id, **kw)


_BASIS_LOSS = dict(
    accounts=PLANS | IRAS,
    events={v.CLOSED_AT_LOSS},
    contributions=WITH_BASIS,
    law_period=True,
)

RULES: tuple[Rule, ...] = (
    _rule(
        "sheltered-no-realisation",
        result="Nothing to report while the money stays in the account.",
        situation="The balance fell, or investments were sold or switched, inside a "
        "retirement account or HSA",
        years=ALL_YEARS,
        accounts=SHELTERED,
        events={v.VALUE_DROPPED, v.REALLOCATED},
        contributions=None,
        outcome=v.NOT_DEDUCTIBLE,
        headline="No: a loss inside a tax-sheltered account is never deductible",
        reason="Trades and price changes inside the account are not taxable events, so no "
        "gain or loss reaches your tax return while the money stays in.",
        instead="Stay invested if it still suits your plans: any recovery inside the account "
        "is not taxed until withdrawal (and not at all in a qualified Roth withdrawal or an "
        "HSA payout spent on medical costs).",
        references=(
            cite("IRC 408", "408(e)(1)"),
            cite("Fish", "losses on trades inside an IRA are not deductible"),
            cite("Pub 590-B"),
        ),
    ),
    _rule(
        "rollover-carries-over",
        result="No tax if completed in time; basis moves with the money.",
        situation="The account was rolled over or transferred to another plan, IRA or HSA",
        years=ALL_YEARS,
        accounts=SHELTERED,
        events={v.ROLLED_OVER},
        contributions=None,
        outcome=v.NOT_DEDUCTIBLE,
        headline="No: a rollover moves the lower balance, it does not realise a loss",
        reason="A rollover completed within {rollover_days} days, or a direct transfer, is "
        "not a taxable event. The smaller balance carries over; in a retirement account any "
        "after-tax or Roth basis moves with it.",
        instead="Keep records of any after-tax or Roth basis that moved with the money, so "
        "it comes out tax-free later. An HSA can move only to another HSA.",
        references=(
            cite("Topic 413"),
            cite("Treas. Reg. 1.408A-10", "Q&A-3"),
            cite("Pub 590-B"),
            cite("Pub 969", "Rollovers"),
        ),
    ),
    _rule(
        "partial-withdrawal-no-loss",
        result="The withdrawal is taxed as usual; basis stays with the account.",
        situation="Some money was withdrawn and the account is not empty",
        years=ALL_YEARS,
        accounts=SHELTERED,
        events={v.PARTIAL_WITHDRAWAL},
        contributions=None,
        outcome=v.NOT_DEDUCTIBLE,
        headline="No: a partial withdrawal never recognises a loss",
        reason="A loss could only ever be counted once every account of the kind was empty "
        "(and never for an HSA). While money remains, the withdrawal is taxed under the usual "
        "rules and any basis stays with the account.",
        instead="Check whether the withdrawal is taxable or carries an additional tax: "
        "{early_tax} on early withdrawals from most plans and IRAs, {hsa_tax} on an HSA "
        "payout not spent on medical costs. Keep track of any basis you still have.",
        references=(
            cite("Pub 590-B", "editions for 2017 and earlier: Recognizing Losses"),
            cite("Pub 575"),
            cite("IRC 72(t)", "72(t)(1)"),
            cite("Pub 969"),
        ),
    ),
    _rule(
        "pre-tax-no-basis",
        result="The whole payout is ordinary income.",
        situation="Every account of the kind was emptied at a loss, and the money was pre-tax",
        years=ALL_YEARS,
        accounts=PLANS | IRAS,
        events={v.CLOSED_AT_LOSS},
        contributions={v.PRE_TAX},
        outcome=v.NOT_DEDUCTIBLE,
        headline="No: pre-tax money has no basis, so there is no loss to deduct",
        reason="Pre-tax money was never taxed on the way in, so its tax basis is zero. "
        "Getting back less than you put in is not a tax loss; the whole payout is ordinary "
        "income.",
        instead="The payout is taxable income, and before age {early_age} it may also carry "
        "the {early_tax} additional tax (not from a governmental 457(b), except on money "
        "rolled in from another kind of plan). A rollover instead of a cash payout keeps the "
        "money sheltered.",
        references=(
            cite("Pub 575", "Cost (Investment in the Contract)"),
            cite("Pub 590-B"),
            cite("IRC 72(t)", "72(t)(1)"),
        ),
    ),
    _rule(
        "hsa-no-basis",
        result="Tax-free if spent on medical costs; otherwise income plus an additional tax.",
        situation="An HSA was emptied at a loss",
        years=ALL_YEARS,
        accounts={"hsa"},
        events={v.CLOSED_AT_LOSS},
        contributions={v.PRE_TAX},
        outcome=v.NOT_DEDUCTIBLE,
        headline="No: HSA money went in before tax, so there is no loss to deduct",
        reason="HSA contributions are deducted or excluded from pay, so the money has no "
        "basis. A payout not spent on medical costs is income, plus a {hsa_tax} additional "
        "tax unless you are 65 or over, disabled, or the payout follows death.",
        instead="Use the money for qualified medical expenses, which come out tax-free, or "
        "keep receipts to reimburse yourself later.",
        references=(cite("Pub 969"), cite("IRC 223", "223(f)")),
    ),
    _rule(
        "ira-basis-loss-2-percent",
        result="Schedule A deduction for the part above {floor} of AGI, if you itemised.",
        situation="Every IRA of the kind was emptied for less than its after-tax or Roth basis",
        years=BEFORE_2018,
        **{**_BASIS_LOSS, "accounts": IRAS},
        outcome=v.ITEMIZED_2_PERCENT,
        headline="Yes, for {year}: the unrecovered basis was a miscellaneous itemized "
        "deduction above {floor} of AGI",
        reason="When all your IRAs of the kind were paid out and you received less than your "
        "unrecovered basis, the shortfall was deductible on Schedule A, but only for the part "
        "of all such deductions above {floor} of adjusted gross income, and only if you "
        "itemised.",
        instead="Work out the loss as unrecovered basis minus everything received, using "
        "Form 8606 for a traditional IRA. The deduction is added back for the alternative "
        "minimum tax.",
        references=(
            cite("Pub 590-B", "editions for 2017 and earlier: Recognizing Losses"),
            cite("IRC 408", "408(d)(2)"),
            cite("IRC 67", "67(a)"),
            cite("IRC 56", "56(b)(1)(A)(i)"),
        ),
    ),
    _rule(
        "plan-basis-loss-2-percent",
        result="Schedule A deduction for the part above {floor} of AGI, if you itemised.",
        situation="A workplace plan was paid out in cash for less than the after-tax or "
        "Roth contributions",
        years=BEFORE_2018,
        **{**_BASIS_LOSS, "accounts": PLANS},
        outcome=v.ITEMIZED_2_PERCENT,
        headline="Yes, for {year}: the unrecovered after-tax or Roth contributions were a "
        "miscellaneous itemized deduction above {floor} of AGI",
        reason="When your entire interest in the plan was paid out in cash for less than your "
        "after-tax or Roth contributions, the shortfall could be claimed on Schedule A above "
        "{floor} of adjusted gross income, if you itemised. The authority for plans is "
        "thinner than for IRAs, and thinner still for a governmental 457(b), which holds "
        "no after-tax money other than Roth.",
        instead="Confirm the payout covered your whole interest and that your basis figure "
        "comes from the plan's records. The deduction is added back for the alternative "
        "minimum tax.",
        references=(
            cite("RR 72-305"),
            cite("IRC 67", "67(a)"),
            cite("Pub 575", "Cost (Investment in the Contract)"),
            cite("IRC 56", "56(b)(1)(A)(i)"),
        ),
    ),
    _rule(
        "basis-loss-suspended-tcja",
        result="No deduction; the after-tax part of the payout is still tax-free.",
        situation="Emptied for less than the after-tax or Roth basis, under the Tax Cuts and "
        "Jobs Act",
        years=TCJA_YEARS,
        **_BASIS_LOSS,
        outcome=v.ITEMIZED_SUSPENDED,
        headline="No: for {year}, the Tax Cuts and Jobs Act suspended this deduction",
        reason="A loss of basis in a retirement account could only ever be a miscellaneous "
        "itemized deduction, and 26 U.S.C. 67(g) allows none of those for tax years "
        "{tcja_years}.",
        instead="Your basis is not taxed again: make sure the payout's after-tax part was "
        "reported as a tax-free return of basis.",
        references=(
            cite("IRC 67", "67(g)"),
            cite("P.L. 115-97", "sec. 11045"),
            cite("Pub 529"),
        ),
    ),
    _rule(
        "basis-loss-terminated",
        result="No deduction; the after-tax part of the payout is still tax-free.",
        situation="Emptied for less than the after-tax or Roth basis, under Public Law 119-21",
        years=PL_119_21_YEARS,
        **_BASIS_LOSS,
        outcome=v.ITEMIZED_SUSPENDED,
        headline="No: for {year}, Public Law 119-21 ended this deduction for good",
        reason="A loss of basis in a retirement account could only ever be a miscellaneous "
        "itemized deduction. Public Law 119-21 made the suspension permanent: "
        "26 U.S.C. 67(h) allows none for any tax year after {last_floor_year}, apart from "
        "educator expenses.",
        instead="Your basis is not taxed again: make sure the payout's after-tax part was "
        "reported as a tax-free return of basis.",
        references=(
            cite("IRC 67", "67(h)"),
            cite("P.L. 119-21", "sec. 70110"),
        ),
    ),
    _rule(
        "taxable-unrealised",
        result="Nothing yet; the loss counts when you sell.",
        situation="An investment in a taxable account fell in value but was not sold",
        years=ALL_YEARS,
        accounts={v.TAXABLE},
        events={v.VALUE_DROPPED},
        contributions={None},
        outcome=v.NOT_DEDUCTIBLE,
        headline="Not yet: a fall in value counts only when you sell",
        reason="A loss is realised by a sale, an exchange, or the security becoming "
        "worthless. Until then a lower price has no effect on your tax.",
        instead="If you sell, the loss offsets gains and then up to {limit} of other income "
        "a year. Wait more than {wash_days} days before buying the same investment back.",
        references=(cite("Topic 409"), cite("Pub 550")),
    ),
    _rule(
        "capital-loss-sale",
        result="Offsets gains, then up to {limit} of other income; the rest carries forward.",
        situation="An investment in a taxable account was sold at a loss",
        years=ALL_YEARS,
        accounts={v.TAXABLE},
        events={v.SOLD_AT_LOSS},
        contributions={None},
        outcome=v.CAPITAL_LOSS,
        headline="Yes: a capital loss, against gains and then up to {limit} of other income",
        reason="A realised loss first offsets capital gains without limit. A net loss then "
        "reduces other income by up to {limit} a year ({limit_separate} if married filing "
        "separately), and the rest carries forward with no expiry.",
        instead="Report the sale on Form 8949 and Schedule D, and keep the carryover "
        "worksheet for next year.",
        references=(
            cite("IRC 1211", "1211(b)"),
            cite("IRC 1212", "1212(b)"),
            cite("Topic 409"),
        ),
    ),
    _rule(
        "worthless-security",
        result="A capital loss in the year it became worthless.",
        situation="A security in a taxable account became worthless",
        years=ALL_YEARS,
        accounts={v.TAXABLE},
        events={v.WORTHLESS},
        contributions={None},
        outcome=v.CAPITAL_LOSS,
        headline="Yes: a worthless security is a capital loss, as if sold on the last day "
        "of the year",
        reason="A security that becomes worthless is treated as sold on the last day of the "
        "tax year it became worthless, so the loss counts like any other capital loss, "
        "within the {limit} yearly limit against other income.",
        instead="Claim it for the year it became worthless, not when you noticed; keep "
        "evidence such as a bankruptcy notice.",
        references=(cite("IRC 165", "165(g)"), cite("IRC 1211", "1211(b)"), cite("Pub 550")),
    ),
    _rule(
        "wash-sale-deferred",
        result="Loss added to the replacement's basis; counts when that is sold.",
        situation="Sold at a loss and bought back within the wash-sale window in a taxable account",
        years=ALL_YEARS,
        accounts={v.TAXABLE},
        events={v.WASH_SALE},
        contributions={None},
        outcome=v.WASH_SALE_DEFERRED,
        headline="Not now: a wash sale moves the loss into the new shares",
        reason="Buying the same or a substantially identical investment within {wash_days} "
        "days before or after the sale (including a purchase by your spouse) disallows the "
        "loss for now. It is added to the basis of the replacement and counts when that is "
        "sold.",
        instead="Keep the adjusted basis of the replacement shares. Next time, wait more "
        "than {wash_days} days or buy something that is not substantially identical.",
        references=(cite("IRC 1091", "1091(a), (d)"), cite("Pub 550", "Wash Sales")),
    ),
    _rule(
        "wash-sale-into-ira",
        result="Loss gone for good; the IRA's basis does not rise.",
        situation="Sold at a loss in a taxable account and bought back inside an IRA within "
        "the wash-sale window",
        years=ALL_YEARS,
        accounts={v.TAXABLE},
        events={v.WASH_SALE_IRA},
        contributions={None},
        outcome=v.WASH_SALE_DISALLOWED,
        headline="No: a wash sale through an IRA loses the deduction for good",
        reason="A replacement bought inside an IRA or Roth IRA within {wash_days} days makes "
        "it a wash sale, and because the IRA's basis is not increased, the loss is never "
        "recovered.",
        instead="Next time, buy the replacement in the taxable account after the {wash_days}"
        "-day window, or choose an investment that is not substantially identical.",
        references=(cite("RR 2008-5"), cite("IRC 1091", "1091(a)")),
    ),
)

# Rules that combine the per-kind answers when the saver is not sure which
# kind of money they have.
UNSURE_DEPENDS = _rule(
    "unsure-depends",
    result="Depends on the kind of money.",
    situation="Not sure of the kind of money, and the kinds give different answers",
    years=ALL_YEARS,
    accounts=SHELTERED,
    events=set(v.RETIREMENT_EVENTS),
    contributions={v.UNSURE},
    outcome=v.DEPENDS,
    headline="It depends on what kind of money was in the account",
    reason="Some kinds of money in this account would give a deduction and some would not. "
    "Each is listed below with its answer.",
    instead="Find out which kind you have: the plan's statement or your pay stub shows "
    "pre-tax, after-tax and Roth amounts, and Form 8606 shows nondeductible IRA basis.",
    references=(cite("Pub 575", "Cost (Investment in the Contract)"), cite("Pub 590-B")),
)
UNSURE_NO_EITHER_WAY = _rule(
    "unsure-no-either-way",
    result="No deduction for any kind of money.",
    situation="Not sure of the kind of money, and no kind gives a deduction",
    years=ALL_YEARS,
    accounts=SHELTERED,
    events=set(v.RETIREMENT_EVENTS),
    contributions={v.UNSURE},
    outcome=v.NOT_DEDUCTIBLE,
    headline="No, whatever kind of money was in the account",
    reason="No kind of money in this account gives a deduction here, though the reason "
    "differs by kind. Each is listed below.",
    instead="Knowing which kind you have still matters for tax later: after-tax and Roth "
    "basis comes out tax-free.",
    references=(cite("Pub 575", "Cost (Investment in the Contract)"), cite("Pub 590-B")),
)
COMBINING_RULES = (UNSURE_DEPENDS, UNSURE_NO_EITHER_WAY)
ALL_RULES: tuple[Rule, ...] = RULES + COMBINING_RULES
RULES_BY_ID = {r.id: r for r in ALL_RULES}


# The rules version: changes whenever a rule's content changes (cache keys).
def _fingerprint(rule: Rule) -> str:
    """A rule as text that is the same in every process (sets sorted, not hash-ordered)."""

    def ordered(items) -> list[str]:
        return sorted(str(i) for i in items) if items is not None else ["*"]

    parts = [
        rule.id,
        str(rule.years),
        *ordered(rule.accounts),
        *ordered(rule.events),
        *ordered(rule.contributions),
        rule.outcome,
        rule.headline,
        rule.reason,
        rule.instead,
        rule.situation,
        rule.result,
        str(rule.law_period),
        *(f"{c.title}|{c.url}|{c.pinpoint}" for c in rule.references),
    ]
    return "\n".join(parts)


RULES_VERSION = hashlib.sha256(
    "\n\n".join(_fingerprint(r) for r in ALL_RULES).encode()
).hexdigest()[:12]


@dataclass(frozen=True)
class Branch:
    contribution: str
    outcome: str
    deductible: bool | None
    rule: str
    headline: str
    reason: str


@dataclass(frozen=True)
class Determination:
    answers: Answers
    outcome: str
    deductible: bool | None
    rule: str
    headline: str
    reason: str
    instead: str
    citations: tuple[Citation, ...]
    table_rows: tuple[str, ...]  # anchors on /tables/
    branches: tuple[Branch, ...] = field(default=())
    law_period: law.Period | None = None  # the law that governs the year, when it matters

    @property
    def verdict(self) -> str:
        return v.OUTCOMES[self.outcome].verdict

    @property
    def key(self) -> tuple:
        """What makes two determinations the same answer (texts aside)."""
        return (self.outcome, self.rule, tuple((b.contribution, b.rule) for b in self.branches))


class NoRule(LookupError):
    pass


def rule_for(a: Answers) -> Rule:
    matches = [r for r in RULES if r.matches(a)]
    if len(matches) != 1:
        raise NoRule(f"{len(matches)} rules match {a}")
    return matches[0]


def account_row(account: str) -> str:
    return f"account-{account}"


def situation_row(rule_id: str) -> str:
    return f"situation-{rule_id}"


def kinds_for(account: str, year: int) -> tuple[str | None, ...]:
    """The concrete kinds of money the account could hold in that tax year."""
    return tuple(
        c for c in v.ACCOUNTS[account].possible_contributions if first_year(account, c) <= year
    )


def first_year(account: str, contribution: str | None) -> int:
    """The first tax year the account (with that kind of money) existed."""
    year = law.ACCOUNT_FIRST_YEAR.get(account, (law.FIRST_TAX_YEAR, ""))[0]
    if contribution == v.ROTH and account in law.ROTH_IN_PLAN_FIRST_YEAR:
        year = max(year, law.ROTH_IN_PLAN_FIRST_YEAR[account][0])
    return year


def first_year_reason(account: str, contribution: str | None) -> str:
    """Why the account (with that kind of money) has no earlier tax years."""
    start = first_year(account, contribution)
    for table in (law.ACCOUNT_FIRST_YEAR, law.ROTH_IN_PLAN_FIRST_YEAR):
        year, why = table.get(account, (None, ""))
        if year == start and (table is law.ACCOUNT_FIRST_YEAR or contribution == v.ROTH):
            return why
    return f"We answer for tax years from {law.FIRST_TAX_YEAR}"


def _fill(text: str, year: int) -> str:
    return text.format(**law.facts(year))


def _single(a: Answers) -> Determination:
    rule = rule_for(a)
    return Determination(
        answers=a,
        outcome=rule.outcome,
        deductible=rule.deductible,
        rule=rule.id,
        headline=_fill(rule.headline, a.year),
        reason=_fill(rule.reason, a.year),
        instead=_fill(rule.instead, a.year),
        citations=rule.references,
        table_rows=(account_row(a.account), situation_row(rule.id)),
        law_period=_MISC.period(a.year) if rule.law_period else None,
    )


def _combine(a: Answers) -> Determination:
    parts = [_single(replace(a, contribution=c)) for c in kinds_for(a.account, a.year)]
    if len({p.rule for p in parts}) == 1:
        # Every kind is decided by the same rule: the kind does not matter.
        return replace(parts[0], answers=a)
    deductibles = {p.deductible for p in parts}
    rule = UNSURE_DEPENDS if len(deductibles) > 1 else UNSURE_NO_EITHER_WAY
    if len({p.outcome for p in parts}) == 1 and rule is UNSURE_NO_EITHER_WAY:
        outcome = parts[0].outcome
    else:
        outcome = rule.outcome
    citations = unique(c for p in parts for c in p.citations)
    rows = unique([account_row(a.account)] + [situation_row(p.rule) for p in parts])
    periods = {p.law_period for p in parts if p.law_period}
    return Determination(
        answers=a,
        outcome=outcome,
        deductible=v.OUTCOMES[outcome].deductible,
        rule=rule.id,
        headline=_fill(rule.headline, a.year),
        reason=_fill(rule.reason, a.year),
        instead=_fill(rule.instead, a.year),
        citations=tuple(citations) + tuple(c for c in rule.references if c not in citations),
        table_rows=tuple(rows),
        branches=tuple(
            Branch(p.answers.contribution, p.outcome, p.deductible, p.rule, p.headline, p.reason)
            for p in parts
        ),
        law_period=periods.pop() if len(periods) == 1 else None,
    )


def unique(items: Iterable) -> list:
    seen: list = []
    for i in items:
        if i not in seen:
            seen.append(i)
    return seen


# Valid answers form a finite space (a few thousand), so the cache is bounded.
@cache
def determine(a: Answers) -> Determination:
    """Decide one set of valid answers (see rules.validation for checking them)."""
    if a.contribution == v.UNSURE:
        return _combine(a)
    return _single(a)


# --- Questions the wizard asks the engine


def valid_years(account: str, contribution: str | None, current: int | None = None) -> range:
    start = first_year(account, contribution)
    return range(start, (current or law.current_tax_year()) + 1)


def contribution_choices(account: str) -> tuple[str, ...]:
    return v.ACCOUNTS[account].contributions


@lru_cache(maxsize=256)
def depends_on_contribution(
    account: str, event: str | None = None, year: int | None = None
) -> bool:
    """Could the answer change with the kind of money, for what is known so far?"""
    acct = v.ACCOUNTS[account]
    if not acct.asks_contribution:
        return False
    events = (event,) if event else acct.events
    years = (year,) if year else valid_years(account, None)
    for e in events:
        for y in years:
            rules = {rule_for(Answers(account, c, e, y)).id for c in kinds_for(account, y)}
            if len(rules) > 1:
                return True
    return False


@lru_cache(maxsize=1024)
def depends_on_year(account: str, contribution: str | None, event: str) -> bool:
    """Does the answer differ between tax years for these answers?"""
    keys = {
        determine(Answers(account, contribution, event, y)).key
        for y in valid_years(account, contribution if contribution != v.UNSURE else None)
    }
    return len(keys) > 1


def implied_contribution(account: str) -> str | None:
    acct = v.ACCOUNTS[account]
    return v.UNSURE if acct.asks_contribution else acct.implied_contribution


def canonical(a: Answers) -> dict[str, str]:
    """The answers that matter for this determination, in the fixed URL order."""
    q = {"account": a.account}
    if v.ACCOUNTS[a.account].asks_contribution and depends_on_contribution(a.account, a.event):
        q["contribution"] = a.contribution or v.UNSURE
    q["event"] = a.event
    if depends_on_year(a.account, q.get("contribution", implied_contribution(a.account)), a.event):
        q["year"] = str(a.year)
    return q


def normalise(a: Answers) -> Answers:
    """Answers with irrelevant choices reset to their defaults."""
    q = canonical(a)
    return Answers(
        account=a.account,
        contribution=q.get("contribution", implied_contribution(a.account)),
        event=a.event,
        year=int(q.get("year", law.current_tax_year())),
    )


# --- What would change the answer


@dataclass(frozen=True)
class Alternative:
    field: str
    description: str
    answers: Answers
    determination: Determination


# The nearest taxable-account event to each thing that can happen in a
# sheltered account: what the same move would be in a brokerage account.
TAXABLE_COUNTERPART = {
    v.VALUE_DROPPED: v.VALUE_DROPPED,
    v.REALLOCATED: v.SOLD_AT_LOSS,
    v.PARTIAL_WITHDRAWAL: v.SOLD_AT_LOSS,
    v.CLOSED_AT_LOSS: v.SOLD_AT_LOSS,
}


def year_spans(
    account: str, contribution: str | None, event: str
) -> list[tuple[YearSpan, Determination]]:
    """Consecutive tax years that share one outcome and rule."""
    spans: list[tuple[YearSpan, Determination]] = []
    years = valid_years(account, contribution if contribution != v.UNSURE else None)
    for y in years:
        d = determine(Answers(account, contribution, event, y))
        if spans and (spans[-1][1].outcome, spans[-1][1].rule) == (d.outcome, d.rule):
            spans[-1] = (YearSpan(spans[-1][0].start, y), spans[-1][1])
        else:
            spans.append((YearSpan(y, y), d))
    last_span, last_d = spans[-1]
    spans[-1] = (YearSpan(last_span.start, None), last_d)
    return spans


def alternatives(a: Answers) -> list[Alternative]:
    """Answers one step away that give a different outcome, shortest list first."""
    here = determine(a)
    found: list[Alternative] = []
    seen_outcomes: set[tuple[str, str]] = set()

    def add(field: str, desc: str, alt: Answers) -> None:
        d = determine(alt)
        if d.outcome != here.outcome and (field, d.outcome) not in seen_outcomes:
            seen_outcomes.add((field, d.outcome))
            found.append(Alternative(field, desc, normalise(alt), d))

    acct = v.ACCOUNTS[a.account]
    if acct.asks_contribution and not here.branches:  # branches already show each kind
        for c in kinds_for(a.account, a.year):
            if c != a.contribution:
                label = v.CONTRIBUTIONS[c].label
                add(
                    "contribution",
                    f"If it was {label[0].lower()}{label[1:]}",
                    replace(a, contribution=c),
                )
    for e in acct.events:
        if e != a.event:
            add("event", f"If instead: “{acct.event(e).label}”", replace(a, event=e))
    for span, d in year_spans(a.account, a.contribution, a.event):
        if a.year not in span and d.outcome != here.outcome:
            year = span.end or law.current_tax_year()
            add("year", f"For tax years {span.describe()}", replace(a, year=year))
    if a.account != v.TAXABLE and a.event in TAXABLE_COUNTERPART:
        event = TAXABLE_COUNTERPART[a.event]
        add(
            "account",
            "If the same money had been in a taxable brokerage account and "
            + ("sold at a loss" if event == v.SOLD_AT_LOSS else "had fallen in value"),
            Answers(v.TAXABLE, None, event, a.year),
        )
    return found


# --- The whole input space


def all_answers(current: int | None = None) -> Iterator[Answers]:
    """Every valid combination of answers, `unsure` included."""
    for account, acct in v.ACCOUNTS.items():
        kinds = acct.contributions or (acct.implied_contribution,)
        for c in kinds:
            for e in acct.events:
                for y in valid_years(account, c if c != v.UNSURE else None, current):
                    yield Answers(account, c, e, y)


@cache
def example_answers(rule_id: str) -> Answers | None:
    """The first valid answers this rule decides (for linking a rule to a results page)."""
    for a in all_answers():
        if determine(a).rule == rule_id:
            return a
    return None
