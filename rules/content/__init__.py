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

A language is a folder: `en/`, and `es/` beside it, read with `read("es")`. A
translation's headings are its own language's (`# Explicación`, `# Qué hacer
ahora`), its `[For ...]` tags stay as the English has them (the site reads them
whatever the language), and its front matter says which English it translates:
`translates: <fingerprint of the English>` (`fingerprint()`), so a change in the
English shows which translations are stale (`stale()`). A file whose name is in
capitals (`es/TERMS.md`, the translator's list of terms) is not a rule's text.
This module reads files only (no Django): rules.content.loader puts the texts
into the database.
"""

from __future__ import annotations

import datetime
import hashlib
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

CONTENT_DIR = Path(__file__).resolve().parent
DEFAULT_LANGUAGE = "en"
TRANSLATION = "es"
# The two texts, in this order, each under a heading line of its own, in each language.
HEADINGS = {
    "en": {"explanation": "# Explanation", "instead": "# What to do next"},
    "es": {"explanation": "# Explicación", "instead": "# Qué hacer ahora"},
}
SECTIONS = HEADINGS[DEFAULT_LANGUAGE]
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
    # A translation's `translates:`, the fingerprint of the English it translates; "" in English.
    translates: str = ""

    @property
    def language(self) -> str:
        return self.path.parent.name

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.explanation, self.instead)

    @property
    def name(self) -> str:
        """The file as the history names it: "content/en/capital-loss-sale.md"."""
        return self.path.relative_to(CONTENT_DIR.parent).as_posix()


def fingerprint(explanation: str, instead: str) -> str:
    """A short digest of an English text (its two fields), which a translation names in its
    `translates:` and a row in its `translated_from`. Line ends and the blank lines around a
    field do not count."""
    parts = (
        "\n".join(line.rstrip() for line in t.replace("\r\n", "\n").strip().split("\n"))
        for t in (explanation, instead)
    )
    return hashlib.sha256("\n\0\n".join(parts).encode()).hexdigest()[:16]


def parse(source: str, path: Path) -> ShippedText:
    """A content file's text (front matter and the two sections); its language is its folder."""
    language = path.parent.name if path.parent.name in HEADINGS else DEFAULT_LANGUAGE
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
    translates = meta.get("translates") or ""
    if language != DEFAULT_LANGUAGE and not (
        isinstance(translates, str) and re.fullmatch(r"[0-9a-f]{16}", translates)
    ):
        raise ContentError(
            f"{path}: 'translates' must be the fingerprint of the English it translates "
            "(16 letters and digits, in quotes if all digits; make translations names it)"
        )
    return ShippedText(
        rule_id=meta["rule"],
        reviewed=meta["reviewed"],
        editor_note=str(meta["editor_note"] or "").strip(),
        sources=tuple(sources),
        path=path,
        translates=translates,
        **_sections(source[match.end() :], path, HEADINGS[language]),
    )


def _sections(body: str, path: Path, headings: dict[str, str]) -> dict[str, str]:
    lines = body.split("\n")
    found = {}
    for field, heading in headings.items():
        if lines.count(heading) != 1:
            raise ContentError(f"{path}: needs exactly one line '{heading}'")
        found[field] = lines.index(heading)
    starts = list(found.values())
    if starts != sorted(starts) or any(line.strip() for line in lines[: starts[0]]):
        raise ContentError(f"{path}: the texts must be '{' then '.join(headings.values())}'")
    ends = [*starts[1:], len(lines)]
    texts = {
        field: "\n".join(lines[start + 1 : end]).strip()
        for (field, start), end in zip(found.items(), ends, strict=True)
    }
    for field, text in texts.items():
        if not text:
            raise ContentError(f"{path}: the text under '{headings[field]}' is empty")
    return texts


def render(text: ShippedText) -> str:
    """The file for a text: what parse() reads back (for writing a new rule's file)."""
    meta: dict = {"rule": text.rule_id, "reviewed": text.reviewed}
    if text.translates:
        meta["translates"] = text.translates
    if text.sources or not text.translates:
        meta["sources"] = list(text.sources)
    meta["editor_note"] = text.editor_note
    front = yaml.safe_dump(meta, sort_keys=False, allow_unicode=True, width=88)
    headings = HEADINGS.get(text.language, SECTIONS)
    return (
        f"---\n{front}---\n\n{headings['explanation']}\n\n{text.explanation}\n\n"
        f"{headings['instead']}\n\n{text.instead}\n"
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
        if path.stem.isupper():
            continue  # the translator's notes (es/TERMS.md), not a rule's text
        text = parse(path.read_text(encoding="utf-8"), path)
        texts[text.rule_id] = text
    return texts


def source_line(citation) -> str:
    """How a file's front matter lists one of its rule's citations (rules.law.bibliography)."""
    pinpoint = f" ({citation.pinpoint})" if citation.pinpoint else ""
    return f"{citation.title}{pinpoint} {citation.url}"


def stale(language: str = TRANSLATION) -> list[tuple[str, str, str]]:
    """The translations that do not translate the English as it is now, or are missing:
    (file, what its `translates:` says or "missing", the English's fingerprint now)."""
    english, translated = read(DEFAULT_LANGUAGE), read(language)
    out = []
    for rule_id, text in sorted(english.items()):
        other = translated.get(rule_id)
        if other is None:
            out.append((f"content/{language}/{rule_id}.md", "missing", text.fingerprint))
        elif other.translates != text.fingerprint:
            out.append((other.name, other.translates, text.fingerprint))
    return out
