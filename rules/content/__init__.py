"""The shipped text of every rule, in files a legal reviewer or translator can open.

One file per engine rule and language: `rules/content/<language>/<rule-id>.md`,
YAML front matter between two `---` lines, then the two texts under headings
of their own:

    ---
    rule: capital-loss-sale
    reviewed: 2026-11-28
    sources:
    - 26 U.S.C. 1211, Limitation on capital losses (1211(b))
    editor_note: What was checked, what is uncertain.
    ---

    # Explanation

    Markdown, one line per paragraph or list item.

    # What to do next

    - Markdown steps; "[For IRAs]" and the like as in the admin.

A language is a folder (`en/` today); a second one is a folder beside it,
read with `read("es")`. This module reads files only (no Django):
rules.content.loader puts the texts into the database.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

CONTENT_DIR = Path(__file__).resolve().parent
DEFAULT_LANGUAGE = "en"
# The two texts, in this order, each under a heading line of its own.
SECTIONS = {"explanation": "# Explanation", "instead": "# What to do next"}
FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.DOTALL)
REQUIRED = ("rule", "reviewed", "editor_note")


class ContentError(ValueError):
    """A content file that cannot be read as a rule's text."""


@dataclass(frozen=True)
class ShippedText:
    """One rule's shipped text in one language, as its file says."""

    rule_id: str
    explanation: str
    instead: str
    editor_note: str
    reviewed: datetime.date
    sources: tuple[str, ...]
    path: Path

    @property
    def name(self) -> str:
        """The file as the history names it: "content/en/capital-loss-sale.md"."""
        return self.path.relative_to(CONTENT_DIR.parent).as_posix()


def parse(source: str, path: Path) -> ShippedText:
    """A content file's text (front matter and the two sections)."""
    match = FRONT_MATTER.match(source)
    if match is None:
        raise ContentError(f"{path}: no front matter between two '---' lines at the top")
    try:
        meta = yaml.safe_load(match.group(1)) or {}
    except yaml.YAMLError as e:
        raise ContentError(f"{path}: the front matter is not YAML: {e}") from None
    if not isinstance(meta, dict):
        raise ContentError(f"{path}: the front matter must be 'name: value' lines")
    missing = [key for key in REQUIRED if key not in meta]
    if missing:
        raise ContentError(f"{path}: the front matter lacks {', '.join(missing)}")
    if meta["rule"] != path.stem:
        raise ContentError(f"{path}: names rule {meta['rule']!r}; the file must be named for it")
    if not isinstance(meta["reviewed"], datetime.date):
        raise ContentError(f"{path}: 'reviewed' must be a date, like 2026-11-28")
    sources = meta.get("sources") or []
    if not isinstance(sources, list) or not all(isinstance(s, str) for s in sources):
        raise ContentError(f"{path}: 'sources' must be a list of lines starting with '- '")
    return ShippedText(
        rule_id=meta["rule"],
        reviewed=meta["reviewed"],
        editor_note=str(meta["editor_note"] or "").strip(),
        sources=tuple(sources),
        path=path,
        **_sections(source[match.end() :], path),
    )


def _sections(body: str, path: Path) -> dict[str, str]:
    lines = body.split("\n")
    found = {}
    for field, heading in SECTIONS.items():
        if lines.count(heading) != 1:
            raise ContentError(f"{path}: needs exactly one line '{heading}'")
        found[field] = lines.index(heading)
    starts = list(found.values())
    if starts != sorted(starts) or any(line.strip() for line in lines[: starts[0]]):
        raise ContentError(f"{path}: the texts must be '{' then '.join(SECTIONS.values())}'")
    ends = [*starts[1:], len(lines)]
    texts = {
        field: "\n".join(lines[start + 1 : end]).strip()
        for (field, start), end in zip(found.items(), ends, strict=True)
    }
    for field, text in texts.items():
        if not text:
            raise ContentError(f"{path}: the text under '{SECTIONS[field]}' is empty")
    return texts


def render(text: ShippedText) -> str:
    """The file for a text: what parse() reads back (for writing a new rule's file)."""
    meta = {
        "rule": text.rule_id,
        "reviewed": text.reviewed,
        "sources": list(text.sources),
        "editor_note": text.editor_note,
    }
    front = yaml.safe_dump(meta, sort_keys=False, allow_unicode=True, width=88)
    return (
        f"---\n{front}---\n\n{SECTIONS['explanation']}\n\n{text.explanation}\n\n"
        f"{SECTIONS['instead']}\n\n{text.instead}\n"
    )


def folder(language: str = DEFAULT_LANGUAGE) -> Path:
    return CONTENT_DIR / language


def languages() -> list[str]:
    """The language folders there are ("en", later "es")."""
    return sorted(
        p.name for p in CONTENT_DIR.iterdir() if p.is_dir() and not p.name.startswith("_")
    )


@cache
def read(language: str = DEFAULT_LANGUAGE) -> dict[str, ShippedText]:
    """Every rule's shipped text in a language, by rule id (read once per process)."""
    directory = folder(language)
    if not directory.is_dir():
        raise ContentError(f"no content folder for language {language!r}: {directory}")
    texts = {}
    for path in sorted(directory.glob("*.md")):
        text = parse(path.read_text(encoding="utf-8"), path)
        texts[text.rule_id] = text
    return texts


def source_line(citation) -> str:
    """How a file's front matter lists one of its rule's citations (rules.law.bibliography)."""
    pinpoint = f" ({citation.pinpoint})" if citation.pinpoint else ""
    return f"{citation.title}{pinpoint} {citation.url}"
