"""docs/contract.md and docs/law.md say what the code says: every slug with its label,
every rule with its years and outcome, every route of the site, and the tables that
`make docs` writes as the code would write them now."""

from __future__ import annotations

import re
from pathlib import Path

from django.urls import URLPattern, URLResolver, get_resolver

from rules.law import vocabulary as v
from rules.law.rulebook import ALL_RULES
from scripts import docs

ROOT = Path(__file__).resolve().parents[1]
CONTRACT = (ROOT / "docs" / "contract.md").read_text()
LAW = (ROOT / "docs" / "law.md").read_text()


def _rows(text: str, slug: str) -> list[str]:
    """The lines of a Markdown table whose first cell is this slug."""
    return [line for line in text.splitlines() if line.startswith(f"| `{slug}` |")]


def _has_row(text: str, slug: str, *words: str) -> bool:
    return any(all(w in row for w in words) for row in _rows(text, slug))


def test_the_tables_in_docs_are_what_make_docs_writes_from_the_code():
    assert docs.stale() == []


def test_every_account_is_in_the_contract_with_its_label_kinds_of_money_and_events():
    missing = []
    for a in v.ACCOUNTS.values():
        kinds = a.contributions or ((a.implied_contribution,) if a.implied_contribution else ())
        words = [a.label, *(f"`{k}`" for k in kinds), *(f"`{e}`" for e in a.events)]
        if not _has_row(CONTRACT, a.slug, *words):
            missing.append(a.slug)
    assert not missing, missing


def test_every_event_is_in_the_contract_in_each_wording_a_saver_reads():
    missing = [
        (e, a.slug)
        for a in v.ACCOUNTS.values()
        for e in a.events
        if not _has_row(CONTRACT, e, a.event(e).label, f"`{a.slug}`")
    ]
    assert not missing, missing


def test_every_answer_outcome_and_certainty_is_in_the_contract_with_its_label():
    missing = []
    for question, terms in v.TERMS.items():
        section = CONTRACT.split(f"### `{question}`")[1].split("\n### ")[0]
        missing += [
            (question, t.slug) for t in terms.values() if not _has_row(section, t.slug, t.label)
        ]
    for o in v.OUTCOMES.values():
        if not _has_row(CONTRACT, o.slug, o.label, o.verdict):
            missing.append(("outcome", o.slug))
    for c in v.CERTAINTIES.values():
        if not _has_row(CONTRACT, c.slug, c.label):
            missing.append(("certainty", c.slug))
    for name in v.FIELDS:
        if not _has_row(CONTRACT, name, v.QUESTION_WORDS[name].label):
            missing.append(("parameter", name))
    assert not missing, missing


def test_every_rule_is_in_the_law_notes_with_its_years_outcome_certainty_and_sources():
    missing = [
        r.id
        for r in ALL_RULES
        if not _has_row(
            LAW,
            r.id,
            r.years.describe(),
            f"`{r.outcome}`",
            f"`{r.certainty}`",
            *(c.reference.short.removeprefix("IRC ").split("(")[0] for c in r.references),
        )
    ]
    assert not missing, missing


def _routes(resolver: URLResolver, prefix: str = "/") -> list[str]:
    found = []
    for pattern in resolver.url_patterns:
        route = re.sub(r"<(?:\w+:)?(\w+)>", r"<\1>", str(pattern.pattern))
        if isinstance(pattern, URLResolver):
            if getattr(pattern, "namespace", None) == "admin":
                found.append(prefix + route)
            else:
                found += _routes(pattern, prefix + route)
        elif isinstance(pattern, URLPattern):
            found.append(prefix + route)
    return found


def test_every_route_of_the_site_is_in_the_contract():
    routes = _routes(get_resolver())
    assert "/results/" in routes and "/check/<step>/" in routes
    missing = [r for r in routes if f"`{r}`" not in CONTRACT]
    assert not missing, missing


def test_the_docs_point_only_at_files_that_exist():
    for text in (CONTRACT, LAW):
        for path in re.findall(r"`((?:rules|questionnaire|scripts|docs|tests)/[^`\s]*)`", text):
            assert (ROOT / path.rstrip("/")).exists(), path
        for target in re.findall(r"\]\(([^)#]+)\)", text):
            assert not target.startswith(("http:", "https:", "../")), target
            assert (ROOT / "docs" / target).exists(), target
