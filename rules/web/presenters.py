"""Determinations as URLs and plain data: shared by the results page and the API.

Every function that builds a results URL takes the current tax year, because
which answers the URL keeps depends on it (rules.law.questions); the time to claim
takes today's date.
"""

from __future__ import annotations

from datetime import date
from functools import cache
from urllib.parse import urlencode

from django.utils.translation import get_language, gettext, gettext_noop

from questionnaire.paths import path as site_path
from rules.law import claims, clock, engine, questions
from rules.law import vocabulary as v
from rules.law.answers import UNSURE_QUESTIONS, Answers
from rules.law.rulebook import RULES
from rules.web import engine_words
from rules.web.i18n import tr

TERMS = v.TERMS


def results_url(answers: Answers, current: int) -> str:
    return f"{site_path('rules:results')}?{urlencode(questions.canonical(answers, current))}"


def table_urls(d: engine.Determination) -> list[str]:
    return [f"{site_path('rules:tables')}#{row}" for row in d.table_rows]


def verdict(d: engine.Determination) -> dict[str, str]:
    """The verdict's word and label: "Yes" when every reading gives a deduction."""
    if d.outcome == v.DEPENDS and d.deductible is True:
        return {"word": "Yes", "label": gettext_noop("Deductible, in different ways")}
    outcome = v.OUTCOMES[d.outcome]
    return {"word": outcome.verdict, "label": outcome.label}


def claim_for(d: engine.Determination, today: date) -> claims.Claim | None:
    """The time to claim a refund, for a past year whose answer gives a deduction; for a
    combined answer, that of its readings that give one. None when those readings'
    windows differ: each branch then has its own (branch_claim)."""
    if d.deductible is False or d.answers.year >= clock.tax_year(today) or d.long_claim is None:
        return None
    return claims.claim(d.answers.year, d.long_claim, today)


def branch_claim(b: engine.Branch, today: date) -> claims.Claim | None:
    """A branch's own time to claim: for a reading of a past year that gives a deduction."""
    if b.deductible is False or b.answers.year >= clock.tax_year(today):
        return None
    return claims.claim(b.answers.year, b.long_claim, today)


def claim_windows(d: engine.Determination, today: date) -> list[claims.Claim]:
    """The different times to claim of a combined answer's deductible readings, longest
    first, when they differ (else nothing: claim_for says the one window)."""
    if d.long_claim is not None:
        return []
    found = {c for b in d.branches if (c := branch_claim(b, today))}
    return sorted(found, key=lambda c: c.last_day, reverse=True)


def _canonical_json(answers: Answers, current: int) -> dict[str, str | int]:
    query: dict[str, str | int] = dict(questions.canonical(answers, current))
    if "year" in query:
        query["year"] = int(query["year"])
    return query


def branch_label(d: engine.Determination, branch: engine.Branch) -> str:
    """The reading a branch stands for, in words: the answers the saver was unsure of."""
    parts = [
        tr(TERMS[q][getattr(branch.answers, q)].label)
        for q in UNSURE_QUESTIONS
        if getattr(d.answers, q) == v.UNSURE and getattr(branch.answers, q) is not None
    ]
    return "; ".join(parts)


def as_json(d: engine.Determination, today: date) -> dict:
    """The JSON API's body: exactly the keys of DESIGN.md's contract."""
    current = clock.tax_year(today)
    data = {
        "answers": _canonical_json(d.answers, current),
        "outcome": d.outcome,
        "deductible": d.deductible,
        "certainty": d.certainty,
        "rule": d.rule,
        "headline": engine_words.sentence(
            d.rule,
            "past_headline" if d.headline_in(current) != d.headline else "headline",
            d.answers,
            d.headline_in(current),
        ),
        "citations": [c.as_dict() for c in d.sources],
        # A link to share: it says the day it was made (rules.web.made).
        "results_url": f"{results_url(d.answers, current)}&made={today.isoformat()}",
        "table_rows": table_urls(d),
    }
    claim = claim_for(d, today)
    if claim:
        data["claim"] = claim.as_dict()
    if d.branches:
        data["branches"] = [
            {
                "label": branch_label(d, b),
                "answers": _canonical_json(b.answers, current),
                "contribution": b.contribution,
                "outcome": b.outcome,
                "deductible": b.deductible,
                "certainty": b.certainty,
                "rule": b.rule,
                "headline": engine_words.sentence(b.rule, "headline", b.answers, b.headline),
                "reason": engine_words.sentence(b.rule, "reason", b.answers, b.reason),
                "results_url": results_url(b.answers, current),
                **_claim_json(b, today),
            }
            for b in d.branches
        ]
    return data


def _claim_json(b: engine.Branch, today: date) -> dict:
    claim = branch_claim(b, today)
    return {"claim": claim.as_dict()} if claim else {}


def change_url(answers: Answers, question: str, current: int) -> str:
    """Reopen the wizard at one question, with the answers that mattered filled in."""
    query = questions.canonical(answers, current)
    return f"{site_path('questionnaire:step', step=question)}?{urlencode(query)}"


def shown_value(answers: Answers, question: str) -> str:
    """An answer as the saver chose it, in words."""
    value = getattr(answers, question)
    if question == "account":
        return v.ACCOUNTS[value].label
    if question == "event":
        return v.ACCOUNTS[answers.account].event(value).label
    if question == "year":
        return str(value)
    return v.ACCOUNTS[answers.account].term(question, value).label


def answer_rows(answers: Answers, current: int) -> list[dict[str, str]]:
    """'Your answers': what matters for this answer, each with a Change link."""
    canonical = questions.canonical(answers, current)
    rows = [
        {
            "field": question,
            "label": tr(v.QUESTION_WORDS[question].label),
            "value": tr(shown_value(answers, question)),
            "change_url": change_url(answers, question, current),
        }
        for question in questions.QUESTIONS
        if question in canonical
    ]
    # A question the wizard skips for the year given (issue 25 #6): said so, with no
    # Change link that would lead nowhere (#16).
    for row in rows:
        q = row["field"]
        if q in questions.YEAR_FIRST and "year" in canonical:
            before = questions.ASK_ORDER[: questions.ASK_ORDER.index(q)]
            known = {k: canonical[k] for k in before if k in canonical}
            if not questions.wizard_asks(q, known, current):
                row["value"] = gettext(
                    "Not asked: it does not change the answer for %(year)s"
                ) % {"year": answers.year}
                row["change_url"] = ""
    if answers.account in v.ACCOUNTS and v.ACCOUNTS[answers.account].asks_contribution and (
        "contribution" not in canonical
    ):
        rows.insert(
            2,
            {
                "field": "contribution",
                "label": tr(v.QUESTION_WORDS["contribution"].label),
                # Not asked, so nothing to change (issue 25 #16): no Change link.
                "value": gettext("Not asked: it does not change this answer"),
                "change_url": "",
            },
        )
    return rows


def branch_rows(d: engine.Determination, current: int, today: date) -> list[dict]:
    """Each branch with its link; with its own time to claim when the deductible
    readings' windows differ."""
    return [
        {
            "branch": b,
            "label": branch_label(d, b),
            "verdict": tr(v.OUTCOMES[b.outcome].verdict),
            "certainty": v.CERTAINTIES[b.certainty],
            "url": results_url(b.answers, current),
            "claim": branch_claim(b, today) if d.long_claim is None else None,
        }
        for b in d.branches
    ]


@cache
def _table_labels(language: str | None) -> dict[str, str]:
    """Each row of the tables, named for a link to it (from the code: built once a
    language)."""
    labels = {
        engine.account_row(a): gettext("%(account)s in the accounts table")
        % {"account": tr(acct.label)}
        for a, acct in v.ACCOUNTS.items()
    }
    labels.update(
        {
            engine.situation_row(r.id): gettext("“%(situation)s” in the situations table")
            % {"situation": tr(r.situation)}
            for r in RULES
        }
    )
    return labels


def table_links(d: engine.Determination) -> list[dict[str, str]]:
    labels = _table_labels(get_language())
    return [
        {"url": url, "label": labels[row]}
        for row, url in zip(d.table_rows, table_urls(d), strict=True)
    ]
