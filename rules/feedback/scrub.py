"""Personal details out of a saver's comment before it is stored.

Written by hand rather than with scrubadub (which DESIGN.md prefers): scrubadub
2.0.1 installs about 400 MB (scikit-learn, SciPy, NumPy, NLTK, TextBlob, Faker)
to run what are, for our purposes, a few regular expressions, and in a trial
on Python 3.11 it left card numbers written in groups
("4111-1111-1111-1111"), bare account numbers and several valid-looking
Social Security numbers in place. The patterns below cover what DESIGN.md asks
for, US formats, and tests/rules/test_scrub.py holds real-looking examples of
each, and of the tax talk (years, dollar amounts, "401(k)") that must survive.

Pure Python, no Django: a comment is scrubbed before it reaches the model.
"""

from __future__ import annotations

import re

EMAIL = "[email removed]"
SSN = "[SSN removed]"
PHONE = "[phone number removed]"
NUMBER = "[number removed]"

_NOT_DIGIT_BEFORE = r"(?<!\d)"
_NOT_DIGIT_AFTER = r"(?!\d)"

_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    # jane.doe+tax@example.com, also written with " (at) " or "[at]" and "(dot)".
    (
        re.compile(r"[\w.%+'-]+@[\w-]+(?:\.[\w-]+)+", re.IGNORECASE),
        EMAIL,
    ),
    (
        re.compile(
            r"[\w.%+'-]+\s*[(\[{]\s*at\s*[)\]}]\s*[\w-]+"
            r"(?:\s*(?:[(\[{]\s*dot\s*[)\]}]|\.)\s*[\w-]+)+",
            re.IGNORECASE,
        ),
        EMAIL,
    ),
    # 078-05-1120, 078 05 1120, 078.05.1120 (nine digits in a row fall to NUMBER below).
    (
        re.compile(_NOT_DIGIT_BEFORE + r"\d{3}([-\s.])\d{2}\1\d{4}" + _NOT_DIGIT_AFTER),
        SSN,
    ),
    # Card numbers written in groups: 4111 1111 1111 1111, 3782-822463-10005 (American
    # Express). Written without gaps they are a long run of digits, below.
    (
        re.compile(
            _NOT_DIGIT_BEFORE
            + r"(?:\d{4}([ -])\d{4}\1\d{4}\1\d{1,4}(?:\1\d{1,3})?|\d{4}([ -])\d{6}\2\d{4,5})"
            + _NOT_DIGIT_AFTER
        ),
        NUMBER,
    ),
    # US phone numbers: (415) 867-5309, 415-867-5309, 415.867.5309, +1 415 867 5309,
    # 1-800-555-0199, with an optional extension.
    (
        re.compile(
            r"(?<![\d+])(?:\+?1[\s.-]?)?(?:\(\d{3}\)\s?|\d{3}[\s.-]?)\d{3}[\s.-]?\d{4}"
            r"(?:\s*(?:x|ext\.?|extension)\s*\d{1,6})?" + _NOT_DIGIT_AFTER,
            re.IGNORECASE,
        ),
        PHONE,
    ),
    # Any other run of 8 or more digits is account-like: routing, policy, member numbers.
    # Dollar amounts keep their commas ("$12,000"), so they are never a run.
    (
        re.compile(_NOT_DIGIT_BEFORE + r"\d{8,}" + _NOT_DIGIT_AFTER),
        NUMBER,
    ),
)


_FULL_WIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}


def scrub(text: str) -> str:
    """The text with e-mail addresses, phone, Social Security and account-like numbers
    replaced by a placeholder in brackets."""
    # Full-width forms ("＠", "０７８") are what they look like. Only this block is
    # mapped: full compatibility normalisation would also turn "59½" into "591⁄2".
    text = text.translate(_FULL_WIDTH)
    for pattern, placeholder in _PATTERNS:
        text = pattern.sub(placeholder, text)
    return text
