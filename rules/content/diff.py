"""A word-by-word diff of two shipped texts, as HTML: removed words in <del>, added in <ins>.

The admin shows it on a text whose shipped wording changed under an editor's change.
"""

from __future__ import annotations

import difflib
import re
from html import escape

_TOKEN = re.compile(r"\s+|[^\s]+")


def _html(tokens: list[str]) -> str:
    return escape("".join(tokens)).replace("\n", "<br>")


def diff_html(old: str, new: str) -> str:
    """old -> new, word by word (escaped: safe to mark safe)."""
    a, b = _TOKEN.findall(old), _TOKEN.findall(new)
    out = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            out.append(_html(a[i1:i2]))
            continue
        if i2 > i1:
            out.append(f"<del>{_html(a[i1:i2])}</del>")
        if j2 > j1:
            out.append(f"<ins>{_html(b[j1:j2])}</ins>")
    return "".join(out)


def plain_html(text: str) -> str:
    """A text as written, line breaks kept (escaped)."""
    return escape(text).replace("\n", "<br>")
