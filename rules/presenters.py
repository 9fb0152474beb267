"""Determinations as URLs and plain data: shared by the results page and the API."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from urllib.parse import urlencode

from django.urls import reverse
from django.utils.http import quote_etag

from rules import engine
from rules import vocabulary as v


def results_url(answers: engine.Answers) -> str:
    return f"{reverse('rules:results')}?{urlencode(engine.canonical(answers))}"


def _site_version() -> str:
    """What a cached page was made from: the rules, and every template, static file and
    Python module of the two apps (labels, figures and views live there too)."""
    root = Path(__file__).resolve().parent.parent
    digest = hashlib.sha256(engine.RULES_VERSION.encode())
    for folder in (root / "templates", root / "static", root / "rules", root / "questionnaire"):
        for path in sorted(folder.rglob("*")):
            if path.is_file() and path.suffix in {".html", ".css", ".js", ".svg", ".py"}:
                digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


SITE_VERSION = _site_version()


def results_etag(share_url: str, text_updated: datetime | None, today: date) -> str:
    """What the results page depends on: the URL (host included, it is in the page), the
    rules, the editor text and the day (the page shows the date and the current tax year)."""
    parts = (
        SITE_VERSION,
        share_url,
        text_updated.isoformat() if text_updated else "engine-text",
        today.isoformat(),
    )
    return quote_etag(hashlib.sha256("|".join(parts).encode()).hexdigest()[:32])


def table_urls(d: engine.Determination) -> list[str]:
    return [f"{reverse('rules:tables')}#{row}" for row in d.table_rows]


def as_json(d: engine.Determination) -> dict:
    """The JSON API's body: exactly the keys of DESIGN.md's contract."""
    answers: dict[str, str | int] = dict(engine.canonical(d.answers))
    if "year" in answers:
        answers["year"] = int(answers["year"])
    data = {
        "answers": answers,
        "outcome": d.outcome,
        "deductible": d.deductible,
        "rule": d.rule,
        "headline": d.headline,
        "citations": [c.as_dict() for c in d.citations],
        "results_url": results_url(d.answers),
        "table_rows": table_urls(d),
    }
    if d.outcome == v.DEPENDS:
        data["branches"] = [
            {
                "contribution": b.contribution,
                "outcome": b.outcome,
                "deductible": b.deductible,
                "rule": b.rule,
                "headline": b.headline,
                "reason": b.reason,
                "results_url": results_url(replace(d.answers, contribution=b.contribution)),
            }
            for b in d.branches
        ]
    return data


def change_url(answers: engine.Answers, field: str) -> str:
    """Reopen the wizard at one question, with the answers that mattered filled in."""
    query = engine.canonical(answers)
    return f"{reverse('questionnaire:step', kwargs={'step': field})}?{urlencode(query)}"


def answer_rows(answers: engine.Answers) -> list[dict[str, str]]:
    """'Your answers': what matters for this answer, each with a Change link."""
    acct = v.ACCOUNTS[answers.account]
    canonical = engine.canonical(answers)
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
        row["change_url"] = change_url(answers, row["field"])
    return rows


def branch_rows(d: engine.Determination) -> list[dict]:
    return [
        {
            "branch": b,
            "kind": v.CONTRIBUTIONS[b.contribution],
            "verdict": v.OUTCOMES[b.outcome].verdict,
            "url": results_url(replace(d.answers, contribution=b.contribution)),
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
            for r in engine.RULES
        }
    )
    return [
        {"url": url, "label": labels[row]}
        for row, url in zip(d.table_rows, table_urls(d), strict=True)
    ]
