"""When an explanation is due for review: a year has passed, its rule's law changed (in
the code, or by a change of the law enacted after the review: rules.law.as_of), or its
shipped text changed under an editor's change.

At review time the admin records a fingerprint of the rule's legal content (its
id, the tax years it covers, the situations it covers, its outcome and its
citations); a different fingerprint today means the law behind the text moved
since someone last checked it. Wording the engine uses (headline, reason) is
left out on purpose: rephrasing it is not a change in the law.

The rulebook is read at call time, not copied at import.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date

from rules.law import as_of, clock, rulebook

TOO_OLD = "reviewed over a year ago"
LAW_CHANGED = "the rule’s law changed since the review"
NOT_RECORDED = "no record of the law it was reviewed against"
NO_RULE = "its rule is no longer in the engine"
SHIPPED_CHANGED = "the shipped text changed under an editor’s change"
ENACTED = "a change in the law touched its rule after the review"


def fingerprint(rule_id: str) -> str:
    """A short, stable digest of what the law says in this rule; "" for an unknown rule."""
    rule = rulebook.RULES_BY_ID.get(rule_id)
    return "" if rule is None else fingerprint_of(rule)


def fingerprint_of(rule: rulebook.Rule) -> str:
    """The digest of a rule as given (a migration can tell what a rule was before it changed)."""

    def ordered(items) -> list[str]:
        # Sets have no order across processes; None means "any".
        return sorted(str(i) for i in items) if items is not None else ["*"]

    parts = [
        rule.id,
        f"years {rule.years.start}-{rule.years.end}",
        "accounts",
        *ordered(rule.accounts),
        "events",
        *ordered(rule.events),
        "kinds",
        *ordered(rule.contributions),
        "received",
        *ordered(rule.received),
        "assets",
        *ordered(rule.assets),
        f"outcome {rule.outcome}",
        f"certainty {rule.certainty}",
        *(f"doubt {d.certainty} {d.why}" for d in rule.doubts),
        "citations",
        *sorted(f"{c.title}|{c.url}|{c.pinpoint}" for c in rule.references),
    ]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:16]


def a_year_before(day: date) -> date:
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year - 1, day=28)


@dataclass(frozen=True)
class ReviewState:
    reasons: tuple[str, ...]

    @property
    def due(self) -> bool:
        return bool(self.reasons)

    def __str__(self) -> str:
        if not self.reasons:
            return "Up to date"
        return "Due for review: " + "; ".join(self.reasons)


def state(
    rule_id: str,
    last_reviewed: date | None,
    recorded: str,
    today: date,
    *,
    shipped_changed: bool = False,
) -> ReviewState:
    """Why a text is due for review (no reasons: it is not). shipped_changed: a content
    file's text changed where an editor had changed it (rules.content.loader)."""
    reasons = []
    if last_reviewed is None or last_reviewed < a_year_before(today):
        reasons.append(TOO_OLD)
    current = fingerprint(rule_id)
    if not current:
        reasons.append(NO_RULE)
    elif not recorded:
        reasons.append(NOT_RECORDED)
    elif recorded != current:
        reasons.append(LAW_CHANGED)
    if last_reviewed is not None:
        later = enacted_since(rule_id, last_reviewed, today)
        if later:
            named = ", ".join(
                f"{c.enacted.law.reference.short}, {c.enacted.day_words}" for c in later
            )
            reasons.append(f"{ENACTED} ({named})")
    if shipped_changed:
        reasons.append(SHIPPED_CHANGED)
    return ReviewState(tuple(reasons))


def enacted_since(rule_id: str, last_reviewed: date, today: date) -> tuple[as_of.Change, ...]:
    """The changes of the law enacted after the review, up to today, that touched the rule
    (moved an answer to it or from it, or its time to claim), newest first."""
    touched = as_of.rules_touched(clock.tax_year(today)).get(rule_id, ())
    return tuple(c for c in touched if last_reviewed < c.day <= today)
