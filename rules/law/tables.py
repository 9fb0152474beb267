"""The comparison tables, generated from the engine (no rule is restated here)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from rules.law import engine
from rules.law import parameters as law
from rules.law import vocabulary as v
from rules.law.answers import is_concrete
from rules.law.rulebook import RULES, RULES_BY_ID, Rule


@dataclass(frozen=True)
class AccountRow:
    id: str
    account: v.Account
    deductible_now: bool
    verdict: str
    when: tuple[str, ...]  # the situations that give (or gave) a deduction, with years
    loss_help: str


@dataclass(frozen=True)
class AccountGroup:
    """Accounts whose rows would say exactly the same, shown as one row (each keeps its
    anchor, so links to any of them still land on it)."""

    rows: tuple[AccountRow, ...]

    @property
    def first(self) -> AccountRow:
        return self.rows[0]

    @property
    def other_ids(self) -> tuple[str, ...]:
        return tuple(r.id for r in self.rows[1:])


@dataclass(frozen=True)
class SituationRow:
    id: str
    rule: Rule
    situation: str
    accounts: tuple[str, ...]  # labels
    years: str
    verdict: str
    outcome: str
    result: str
    accounts_said: str = ""  # the accounts in a few words ("All IRAs")
    facts_year: int = 0  # the year whose figures fill `result` (for a translation of it)


# Families of accounts, named as a saver would; the whole sheltered set first.
FAMILIES = (
    ((v.PLAN, v.IRA, v.INHERITED, v.HSA_KIND, v.EDUCATION), "All tax-sheltered accounts"),
    ((v.PLAN, v.IRA, v.INHERITED, v.HSA_KIND), "All retirement accounts and HSAs"),
    ((v.PLAN, v.IRA, v.INHERITED), "All retirement accounts"),
    ((v.PLAN, v.IRA), "Workplace plans and your own IRAs"),
    ((v.PLAN,), "All workplace plans (401(k), 403(b), 457(b))"),
    ((v.IRA, v.INHERITED), "All IRAs, your own or inherited"),
    ((v.IRA,), "Your own IRAs"),
    ((v.INHERITED,), "Inherited IRAs"),
    ((v.HSA_KIND,), "HSAs"),
    ((v.EDUCATION,), "529 plans and Coverdell accounts"),
)


def accounts_said(slugs: set[str]) -> str:
    """"All IRAs", "All retirement accounts and HSAs": a set of accounts in few words."""
    left = set(slugs)
    said = []
    for kinds, name in FAMILIES:
        family = v.accounts_of(*kinds)
        if family and family <= left:
            said.append(name)
            left -= family
    rest = [acct.short for slug, acct in v.ACCOUNTS.items() if slug in left]
    if rest:
        listed = rest[0] if len(rest) == 1 else f"{', '.join(rest[:-1])} and {rest[-1]}"
        said.append(listed[0].upper() + listed[1:])
    return "; ".join(said)


@lru_cache(maxsize=2)
def _decided(current: int) -> tuple[engine.Determination, ...]:
    """Every concrete answer decided, in one pass over the input space (both tables use it)."""
    return tuple(engine.determine(a) for a in engine.all_answers(current) if is_concrete(a))


def _answers_by_rule(current: int) -> dict[str, list[engine.Answers]]:
    by_rule: dict[str, list[engine.Answers]] = {}
    for d in _decided(current):
        by_rule.setdefault(d.rule, []).append(d.answers)
    return by_rule


@lru_cache(maxsize=4)
def account_rows(current: int) -> tuple[AccountRow, ...]:
    rows = []
    by_account: dict[str, list[engine.Determination]] = {}
    for d in _decided(current):
        by_account.setdefault(d.answers.account, []).append(d)
    for slug, acct in v.ACCOUNTS.items():
        decided = by_account[slug]
        deductible_rules = engine.unique(
            RULES_BY_ID[d.rule] for d in decided if d.deductible
        )
        now = any(d.deductible for d in decided if d.answers.year == current)
        if now:
            verdict = "Yes"
        elif deductible_rules:
            last = max(d.answers.year for d in decided if d.deductible)
            cases = "only one rare case" if len(deductible_rules) == 1 else "only rare cases"
            verdict = f"No ({cases}, before {last + 1})"
        else:
            verdict = "No, never"
        when = []
        for r in deductible_rules:
            # The years this account was decided by the rule (a Roth 401(k) began in 2006).
            years = [d.answers.year for d in decided if d.rule == r.id]
            span = law.years(min(years), max(years) if max(years) < current else None)
            described = span.describe()
            when.append(
                r.situation
                if described == "every year"
                else f"{r.situation} (tax years {described})"
            )
        when = tuple(when)
        rows.append(AccountRow(engine.account_row(slug), acct, now, verdict, when, acct.loss_help))
    return tuple(rows)


@lru_cache(maxsize=4)
def account_groups(current: int) -> tuple[AccountGroup, ...]:
    """The account rows, with accounts that would read the same joined into one."""
    groups: list[list[AccountRow]] = []
    for row in account_rows(current):
        same = next(
            (
                g
                for g in groups
                if (g[0].verdict, g[0].when, g[0].loss_help)
                == (row.verdict, row.when, row.loss_help)
            ),
            None,
        )
        if same is None:
            groups.append([row])
        else:
            same.append(row)
    return tuple(AccountGroup(tuple(g)) for g in groups)


@lru_cache(maxsize=4)
def situation_rows(current: int) -> tuple[SituationRow, ...]:
    by_rule = _answers_by_rule(current)
    rows = []
    for rule in RULES:
        answers = by_rule[rule.id]
        example = engine.determine(answers[-1])
        accounts = engine.unique(v.ACCOUNTS[a.account].label for a in answers)
        rows.append(
            SituationRow(
                id=engine.situation_row(rule.id),
                rule=rule,
                situation=rule.situation,
                accounts=tuple(accounts),
                years=rule.years.describe(),
                verdict=example.verdict,
                outcome=example.outcome,
                result=rule.result.format(**law.facts(example.answers.year)),
                accounts_said=accounts_said({a.account for a in answers}),
                facts_year=example.answers.year,
            )
        )
    return tuple(rows)

