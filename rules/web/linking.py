"""Results-page text, made to fit the saver: only what is true for their answers, and a link
on the first use of each glossary word and each IRS form.

Works on sanitized HTML (rules.editor.markup's output, or plain text escaped first):
it never adds a link inside a link or a heading, and it only ever removes a
whole paragraph or list item. No Django imports.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from html import escape

from rules.law import audiences, bibliography

_TOKEN = re.compile(r"(<[^>]*>)")
_OPEN = re.compile(r"<(p|li)\b([^>]*)>")
_DATA_FOR = re.compile(r'\sdata-for="([^"]*)"')
_TAG_NAME = re.compile(r"</?([a-zA-Z0-9]+)")
# Text inside these is never linked.
_NO_LINKS = {"a", "h1", "h2", "h3", "summary", "code"}


def tailor(html: str, saver) -> str:
    """Drop the paragraphs and list items marked for other savers (rules.law.audiences):
    `saver` is the answers the page is for, or an account slug alone."""
    if "data-for=" not in html:
        return html
    out: list[str] = []
    skipping: str | None = None  # the tag name of the element being dropped
    depth = 0
    dropped = False  # an element was just dropped: so goes the line break after it
    for token in _TOKEN.split(html):
        if skipping is not None:
            name = _TAG_NAME.match(token)
            if name and name.group(1).lower() == skipping:
                depth += -1 if token.startswith("</") else 1
                if depth == 0:
                    skipping, dropped = None, True
            continue
        if dropped and not token.startswith("<"):
            token = token.removeprefix("\n")
        dropped = False
        opening = _OPEN.fullmatch(token)
        if opening:
            wanted = _DATA_FOR.search(opening.group(2))
            if wanted and not audiences.shown_to(wanted.group(1), saver):
                skipping, depth = opening.group(1), 1
                continue
        out.append(token)
    # A list left with no items is dropped too, with the blank lines around it.
    return re.sub(r"<(ul|ol)>\s*</\1>\n?", "", "".join(out)).strip()


@dataclass(frozen=True)
class Target:
    """A word or name to link once per page: its pattern and where it points."""

    key: str
    pattern: re.Pattern[str]
    url: str
    external: bool = False


@dataclass
class Linker:
    """Links the first use of each target across the pieces of one page, in page order."""

    targets: tuple[Target, ...]
    used: set[str] = field(default_factory=set)

    def html(self, html: str) -> str:
        out: list[str] = []
        inside: list[str] = []
        for token in _TOKEN.split(html):
            if token.startswith("<"):
                name = _TAG_NAME.match(token)
                if name and name.group(1).lower() in _NO_LINKS:
                    if token.startswith("</"):
                        if inside:
                            inside.pop()
                    elif not token.endswith("/>"):
                        inside.append(name.group(1).lower())
                out.append(token)
            elif inside:
                out.append(token)
            else:
                out.append(self._text(token))
        return "".join(out)

    def text(self, text: str) -> str:
        """Plain text in, HTML out."""
        return self.html(escape(text, quote=False))

    def _text(self, text: str) -> str:
        pieces: list[str] = []
        while True:
            found = self._first(text)
            if found is None:
                pieces.append(text)
                return "".join(pieces)
            target, match = found
            self.used.add(target.key)
            rel = ' rel="noopener"' if target.external else ""
            pieces.append(text[: match.start()])
            pieces.append(f'<a href="{escape(target.url)}"{rel}>{match.group(0)}</a>')
            text = text[match.end() :]

    def _first(self, text: str) -> tuple[Target, re.Match[str]] | None:
        best: tuple[Target, re.Match[str]] | None = None
        for target in self.targets:
            if target.key in self.used:
                continue
            match = target.pattern.search(text)
            if match and (
                best is None
                or match.start() < best[1].start()
                or (match.start() == best[1].start() and match.end() > best[1].end())
            ):
                best = (target, match)
        return best


def targets(
    glossary: Iterable[tuple[str, re.Pattern[str], str]],
    forms: Iterable[tuple[str, re.Pattern[str], str]],
) -> tuple[Target, ...]:
    """Glossary words (links inside the site) and IRS forms (links to irs.gov)."""
    return tuple(Target(k, p, u) for k, p, u in glossary) + tuple(
        Target(k, p, u, external=True) for k, p, u in forms
    )


def forms_named_in(text: str) -> list[bibliography.Document]:
    """The forms a text names, in the order of FORMS."""
    return [f for f in bibliography.FORMS if f.pattern.search(text)]
