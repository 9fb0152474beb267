"""A lint for US English in what a saver reads: British spellings and day-month-year dates.

A word list for the forms with no rule behind them ("cheque", "whilst"), a
pattern for the families ("-ise" verbs, "-our" nouns, doubled "l" before -ed
and -ing), and an allow-list for the US words those patterns would catch
("advise", "exercise", "otherwise"). Also the places to look: templates (their
text, not their markup), string literals in rules/ (docstrings and slugs
aside), and any HTML page.
"""

from __future__ import annotations

import ast
import re
from html import unescape
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# Words that end in -ise (and -ised, -ises, -ising) in US English too.
US_ISE = {
    "advertise", "advise", "appraise", "apprise", "arise", "chastise", "circumcise",
    "comprise", "compromise", "concise", "cruise", "demise", "despise", "devise",
    "disguise", "enfranchise", "disenfranchise", "enterprise", "excise", "exercise",
    "expertise", "franchise", "guise", "improvise", "incise", "likewise", "merchandise",
    "mise", "noise", "otherwise", "paradise", "poise", "praise", "precise", "premise",
    "promise", "raise", "reprise", "revise", "rise", "supervise", "surmise", "surprise",
    "televise", "treatise", "valise", "vise", "wise", "clockwise", "bruise", "anise",
    "tortoise", "porpoise", "turquoise", "chemise", "upraise", "sunrise", "moonrise",
    "uprise", "denise", "louise", "elise", "lise", "cerise", "marquise", "crise",
}
# Words ending in -isation that US English writes that way too.
US_ISATION = {"improvisation"}

_ISE_FORMS = re.compile(r"\b([a-z]+?)is(e|es|ed|ing|ation|ations|er|ers)\b", re.IGNORECASE)
_OUR = re.compile(
    r"\b\w*(favour|colour|behaviour|honour|labour|neighbour|endeavour|humour|rumour"
    r"|harbour|armour|vapour|savour|flavour|odour|rigour|splendour|vigour|parlour"
    r"|saviour|fervour|valour)\w*\b",
    re.IGNORECASE,
)
_WORDS = re.compile(
    r"\b(labell(ed|ing)|cancell(ed|ing)|travell(ed|ing|er|ers)|modell(ed|ing)"
    r"|fuell(ed|ing)|signall(ed|ing)|levell(ed|ing)|counsell(ed|ing|or|ors)"
    r"|totall(ed|ing)|channell(ed|ing)|jewellery|cheques?|programmes?|centres?|centred"
    r"|licences?|defence|offence|whilst|amongst|amidst|judgement|catalogue|analys(e|ed|ing)"
    r"|enrolment|fulfil|instalment|storey|grey|aluminium|cosy|sceptical|manoeuvre"
    r"|paediatric|practise|practised|practising)\b",
    re.IGNORECASE,
)
_MONTHS = (
    r"(January|February|March|April|May|June|July|August|September|October|November"
    r"|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)"
)
# "28 November 2026", "4 Jul 2025", "28th of November, 2026", "28/11/2026" (day over 12).
_DAY_MONTH_YEAR = re.compile(
    rf"\b\d{{1,2}}(st|nd|rd|th)?( of)? {_MONTHS}\.?,? \d{{4}}\b"
    r"|\b(1[3-9]|2\d|3[01])/(0?[1-9]|1[0-2])/\d{4}\b"
)
_SLUG = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")


def british(text: str) -> list[str]:
    """Every British spelling or day-month-year date in a text."""
    found = []
    for match in _ISE_FORMS.finditer(text):
        word = match.group(0).lower()
        stem = match.group(1).lower()
        if match.group(2).lower().startswith("ation"):
            if word not in US_ISATION:
                found.append(match.group(0))
        elif f"{stem}ise" not in US_ISE and not stem.endswith("w"):  # "-wise" words
            # "-ise" with a suffix the verb takes; "-iser(s)" only for verbs ("organiser").
            if match.group(2).lower() in ("er", "ers") and f"{stem}ise" not in _VERBS:
                continue
            found.append(match.group(0))
    found += [m.group(0) for m in _OUR.finditer(text)]
    found += [m.group(0) for m in _WORDS.finditer(text)]
    found += [m.group(0) for m in _DAY_MONTH_YEAR.finditer(text)]
    return found


# "-iser" is a British agent noun only where the "-ise" is a British verb.
_VERBS = {
    "organise", "realise", "recognise", "itemise", "minimise", "maximise", "summarise",
    "categorise", "authorise", "prioritise", "apologise", "criticise", "finalise",
    "normalise", "standardise", "utilise", "sanitise", "customise", "optimise",
    "familiarise", "capitalise", "characterise", "penalise", "specialise", "memorise",
    "visualise", "analyse", "emphasise", "energise", "equalise", "harmonise", "legalise",
    "localise", "modernise", "mobilise", "neutralise", "personalise", "publicise",
    "randomise", "stabilise", "symbolise", "synchronise", "tokenise", "vaporise",
}


# --- Where a saver reads text


_TEMPLATE_COMMENT = re.compile(r"\{#.*?#\}|\{%\s*comment\s*%\}.*?\{%\s*endcomment\s*%\}", re.S)
_TEMPLATE_CODE = re.compile(r"\{%.*?%\}|\{\{.*?\}\}", re.S)
_READ_ATTRIBUTES = re.compile(
    r'\b(?:alt|title|placeholder|aria-label|content|value|label)="([^"]*)"', re.IGNORECASE
)
_TAG = re.compile(r"<[^>]*>")
_SCRIPT_STYLE = re.compile(r"<(script|style)\b.*?</\1>", re.S | re.IGNORECASE)


def visible_text(html: str) -> str:
    """The words of an HTML page or template a reader sees or hears: text and the
    attributes that are read out (alt, title, aria-label, meta content...)."""
    html = _SCRIPT_STYLE.sub(" ", html)
    read = " ".join(_READ_ATTRIBUTES.findall(html))
    return unescape(_TAG.sub(" ", html) + " " + read)


def template_text(source: str) -> str:
    """A template's own words: comments and template code taken out first."""
    return visible_text(_TEMPLATE_CODE.sub(" ", _TEMPLATE_COMMENT.sub(" ", source)))


def string_literals(source: str) -> list[str]:
    """A module's string literals, less docstrings, slugs and format templates' holes."""
    tree = ast.parse(source)
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
        and isinstance(node.body[0].value.value, str)
    }
    return [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in docstrings
        and not _SLUG.fullmatch(node.value)
    ]


def templates() -> list[Path]:
    return sorted((ROOT / "templates").rglob("*.html"))


def rule_modules() -> list[Path]:
    """Every module of the app but its migrations (they hold no prose)."""
    rules = ROOT / "rules"
    return sorted(p for p in rules.rglob("*.py") if "migrations" not in p.parts)
