"""Determinations as URLs and plain data: shared by the results page and the API.

Every function that builds a results URL takes the current tax year, because
which answers the URL keeps depends on it (rules.questions).
"""

from __future__ import annotations

from dataclasses import replace
from urllib.parse import urlencode

from django.urls import reverse

from rules import engine, questions
from rules import vocabulary as v
from rules.rulebook import RULES


def results_url(answers: engine.Answers, current: int) -> str:
    return f"{reverse('rules:results')}?{urlencode(questions.canonical(answers, current))}"


def table_urls(d: engine.Determination) -> list[str]:
    return [f"{reverse('rules:tables')}#{row}" for row in d.table_rows]


def as_json(d: engine.Determination, current: int) -> dict:
    """The JSON API's body: exactly the keys of DESIGN.md's contract."""
    answers: dict[str, str | int] = dict(questions.canonical(d.answers, current))
    if "year" in answers:
        answers["year"] = int(answers["year"])
    data = {
        "answers": answers,
        "outcome": d.outcome,
        "deductible": d.deductible,
        "rule": d.rule,
        "headline": d.headline,
        "citations": [c.as_dict() for c in d.citations],
        "results_url": results_url(d.answers, current),
        "table_rows": table_urls(d),
    }
    if d.outcome == v.DEPENDS:
        branch_url = {
            b.contribution: results_url(replace(d.answers, contribution=b.contribution), current)
            for b in d.branches
        }
        data["branches"] = [
            {
                "contribution": b.contribution,
                "outcome": b.outcome,
                "deductible": b.deductible,
                "rule": b.rule,
                "headline": b.headline,
                "reason": b.reason,
                "results_url": branch_url[b.contribution],
            }
            for b in d.branches
        ]
    return data


def change_url(answers: engine.Answers, question: str, current: int) -> str:
    """Reopen the wizard at one question, with the answers that mattered filled in."""
    query = questions.canonical(answers, current)
    return f"{reverse('questionnaire:step', kwargs={'step': question})}?{urlencode(query)}"


def answer_rows(answers: engine.Answers, current: int) -> list[dict[str, str]]:
    """'Your answers': what matters for this answer, each with a Change link."""
    acct = v.ACCOUNTS[answers.account]
    canonical = questions.canonical(answers, current)
    rows = [{"field": "account", "label": v.FIELD_LABELS["account"], "value": acct.label}]
    if acct.asks_contribution:
        value = (
            v.CONTRIBUTIONS[answers.contribution].label
            if "contribution" in canonical
            else "Any kind (it does not change this answer)"
        )
        rows.append(
            {"field": "contribution", "label": v.FIELD_LABELS["contribution"], "value": value}
        )
    rows.append(
        {
            "field": "event",
            "label": v.FIELD_LABELS["event"],
            "value": acct.event(answers.event).label,
        }
    )
    if "year" in canonical:
        rows.append({"field": "year", "label": v.FIELD_LABELS["year"], "value": str(answers.year)})
    for row in rows:
        row["change_url"] = change_url(answers, row["field"], current)
    return rows


def branch_rows(d: engine.Determination, current: int) -> list[dict]:
    return [
        {
            "branch": b,
            "kind": v.CONTRIBUTIONS[b.contribution],
            "verdict": v.OUTCOMES[b.outcome].verdict,
            "url": results_url(replace(d.answers, contribution=b.contribution), current),
        }
        for b in d.branches
    ]


def table_links(d: engine.Determination) -> list[dict[str, str]]:
    labels = {
        engine.account_row(a): f"{acct.label} in the accounts table"
        for a, acct in v.ACCOUNTS.items()
    }
    labels.update(
        {
            engine.situation_row(r.id): f"\u201c{r.situation}\u201d in the situations table"
            for r in RULES
        }
    )
    return [
        {"url": url, "label": labels[row]}
        for row, url in zip(d.table_rows, table_urls(d), strict=True)
    ]
