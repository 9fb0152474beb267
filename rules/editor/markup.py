"""Editor Markdown to safe HTML.

Markdown is rendered first, then nh3 keeps only the few tags and attributes
listed here, whatever the source contained: raw HTML, images, scripts,
event-handler attributes and links other than http, https, mailto or
relative are dropped. The allow-list, not the Markdown step, is the guarantee.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

import markdown
import nh3
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from rules.law import audiences

ALLOWED_TAGS = frozenset(
    {"p", "br", "em", "strong", "ul", "ol", "li", "a", "code", "blockquote", "h3"}
)
# data-for: the savers a paragraph or list item is for (rules.law.audiences).
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "p": {"data-for"}, "li": {"data-for"}}
ALLOWED_URL_SCHEMES = frozenset({"http", "https", "mailto"})

_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_EMPTY_PARAGRAPH = re.compile(r"<p>\s*</p>\n?")
# "[For IRAs]" (or "[Before 2015]"...) opening a list item (tight or loose) or a paragraph.
_AUDIENCE = re.compile(r"<(li|p)>(\s*<p>)?" + audiences.TAG.pattern + r"[ \t]*")


class _SubheadingsOnly(Treeprocessor):
    """The page owns h1 and h2: any heading an editor writes becomes an h3."""

    def run(self, root: etree.Element) -> None:
        for element in root.iter():
            if element.tag in _HEADINGS:
                element.tag = "h3"


class _SubheadingsExtension(Extension):
    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.treeprocessors.register(_SubheadingsOnly(md), "subheadings_only", 5)


# Bounds (NL2): Python-Markdown's link patterns scan ahead for the closing bracket from every
# "[", so a paragraph of thousands of brackets took minutes ("[" x 20,000: over 60 s). The
# admin refuses a text longer than MAX_SOURCE characters; render() reads no more than that,
# and in a paragraph with more than MAX_BRACKETS brackets (or angle brackets) each one is
# set aside before Markdown (a private-use character Markdown does not look at) and put back
# as its HTML entity after: shown as typed, no links there. A real paragraph has a few.
MAX_SOURCE = 20_000
MAX_BRACKETS = 64
_PARAGRAPHS = re.compile(r"(\n[ \t]*\n)")
_CROWDING = re.compile(r"[\[\]<>]")
_ASIDE = {"[": "\ue000", "]": "\ue001", "<": "\ue002", ">": "\ue003"}
_BACK = {"\ue000": "&#91;", "\ue001": "&#93;", "\ue002": "&lt;", "\ue003": "&gt;"}
_SET_ASIDE = re.compile("[\ue000-\ue003]")


def bounded(source: str) -> str:
    """The source cut to MAX_SOURCE characters, brackets set aside where they crowd."""
    parts = _PARAGRAPHS.split(_SET_ASIDE.sub("", (source or "")[:MAX_SOURCE]))
    for i, part in enumerate(parts):
        if len(_CROWDING.findall(part)) > MAX_BRACKETS:
            parts[i] = _CROWDING.sub(lambda m: _ASIDE[m.group(0)], part)
    return "".join(parts)


def render(source: str) -> str:
    """Markdown in, sanitised HTML out (an empty string for empty source)."""
    html = markdown.markdown(bounded(source), extensions=["sane_lists", _SubheadingsExtension()])
    clean = nh3.clean(
        html,
        tags=set(ALLOWED_TAGS),
        attributes={tag: set(attrs) for tag, attrs in ALLOWED_ATTRIBUTES.items()},
        url_schemes=set(ALLOWED_URL_SCHEMES),
        link_rel="noopener noreferrer",
        attribute_filter=_link_filter,
    )
    # A paragraph that held only something removed (an image, a script) is left empty.
    clean = _SET_ASIDE.sub(lambda m: _BACK[m.group(0)], clean)
    return _EMPTY_PARAGRAPH.sub("", _AUDIENCE.sub(_for, clean)).strip()


# An href that leaves the site while looking relative: "//evil.com", "/\\evil.com",
# "\\evil.com" (browsers read "\\" as "/"), or "https:evil.com" (no "//").
_OFF_SITE = re.compile(r"^(?:[/\\]{2}|\\|[a-z][a-z0-9+.-]*:(?!//)(?<!mailto:))", re.IGNORECASE)


def _link_filter(tag: str, attribute: str, value: str) -> str | None:
    """nh3's attribute filter: drop an href that would leave the site by a back door."""
    if tag == "a" and attribute == "href":
        # Browsers ignore leading spaces and control characters, and tabs or newlines
        # anywhere in a URL.
        bare = re.sub(r"[\t\n\r]", "", value).lstrip("\x00- ")
        if _OFF_SITE.match(bare) or "\\" in bare:
            return None
    return value


def _for(match: re.Match[str]) -> str:
    """ "[For IRAs]" becomes data-for="ira"; a tag naming something unknown stays as text."""
    found = audiences.parse(match.group(3), match.group(4))
    if found is None:
        return match.group(0)
    return f'<{match.group(1)} data-for="{" ".join(found)}">{match.group(2) or ""}'
