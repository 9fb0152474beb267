"""Personal details out of a saver's comment before it is stored.

Written by hand rather than with scrubadub (which DESIGN.md prefers): scrubadub
2.0.1 installs about 400 MB (scikit-learn, SciPy, NumPy, NLTK, TextBlob, Faker)
to run what are, for our purposes, a few regular expressions, and in a trial
on Python 3.11 it left card numbers written in groups
("4111-1111-1111-1111"), bare account numbers and several valid-looking
Social Security numbers in place. Phone numbers are found by `phonenumbers`
(Google's libphonenumber), which knows every country's numbering plan; card
numbers by their Luhn check digit, however they are grouped.

How a comment is read: a copy is normalised first, one character for one, so
that the ways people (and copy and paste) write the same thing look alike:
full-width forms, every dash (en dash, minus sign), every space (non-breaking,
thin), the small and full-width at signs and the ideographic full stop; format
characters (zero-width spaces, joiners) are dropped. Every detector reads that
copy; what it finds is cut out of the comment as typed, so the rest of the
comment (an en dash in "2020–2021") is stored exactly as written.

tests/rules/test_scrub.py holds real-looking examples of each, the third
security review's battery, and the tax talk (years, dollar amounts, "401(k)",
dates) that must survive.

Pure Python, no Django: a comment is scrubbed before it reaches the model.
"""

from __future__ import annotations

import re
import unicodedata

import phonenumbers

EMAIL = "[email removed]"
SSN = "[SSN removed]"
PHONE = "[phone number removed]"
NUMBER = "[number removed]"

_FULL_WIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_SAME_AS = {
    0xFE6B: "@",  # small commercial at
    0x3002: ".",  # ideographic full stop
    0xFF61: ".",  # halfwidth ideographic full stop
    0x2212: "-",  # minus sign (a math symbol, not a dash)
}


def _normalised(text: str) -> tuple[str, list[int]]:
    """The comment as the detectors read it, and for each of its characters the index
    of the character it came from (format characters are dropped, all others kept)."""
    chars: list[str] = []
    origin: list[int] = []
    for i, ch in enumerate(text):
        code = ord(ch)
        category = unicodedata.category(ch)
        if category == "Cf":
            continue
        if code in _FULL_WIDTH:
            ch = chr(_FULL_WIDTH[code])
        elif code in _SAME_AS:
            ch = _SAME_AS[code]
        elif category == "Pd":
            ch = "-"
        elif category == "Zs":
            ch = " "
        elif category == "Nd" and not ch.isascii():
            ch = str(unicodedata.digit(ch))
        chars.append(ch)
        origin.append(i)
    return "".join(chars), origin


_AT_SIGN = r"(?:\s*@\s*|\s*[(\[{<]\s*@\s*[)\]}>]\s*)"
_AT_WORD = r"(?:\s*[(\[{<]\s*at\s*[)\]}>]\s*|\s+at\s+)"
# A dot with no space after it, or with space on both sides ("gmail . com"); never the
# full stop that ends a sentence ("... jane@gmail.com. My SSN").
_DOT = r"(?:\.(?!\s)|\s+\.\s*|\s*[(\[{<]\s*dot\s*[)\]}>]\s*|\s+dot\s+)"
_WORD = r"[\w%+'-]+"
_LOCAL = rf"(?<![\w.@%+'-])(?P<local>{_WORD}(?:{_DOT}{_WORD})*)"
# jane.doe+tax@example.com, "john @ gmail . com", "john[@]gmail.com", and "john@gmail":
# an at sign between two words is an address, with or without a dot after it.
_EMAIL_SIGN = re.compile(rf"{_LOCAL}{_AT_SIGN}{_WORD}(?:{_DOT}[a-z]{{2,24}}\b)*", re.I)
# "jane (at) example (dot) com", "john dot smith at gmail dot com", "john at gmail.com".
_EMAIL_WORDS = re.compile(
    rf"{_LOCAL}(?P<at>{_AT_WORD}){_WORD}(?:{_DOT}[a-z]{{2,24}}\b)+", re.IGNORECASE
)
# Words that stand before "at" in ordinary sentences ("I looked at fidelity.com",
# "my shares at schwab.com"): with "at" written as a word these are no address.
_NOT_A_MAILBOX = frozenset(
    [
        "a",
        "all",
        "an",
        "and",
        "are",
        "arrived",
        "as",
        "at",
        "be",
        "been",
        "both",
        "bought",
        "but",
        "by",
        "closed",
        "even",
        "held",
        "i",
        "is",
        "it",
        "just",
        "least",
        "look",
        "looked",
        "looking",
        "me",
        "more",
        "most",
        "not",
        "now",
        "of",
        "one",
        "opened",
        "or",
        "our",
        "over",
        "sold",
        "shares",
        "stock",
        "stocks",
        "that",
        "the",
        "them",
        "there",
        "this",
        "those",
        "us",
        "was",
        "we",
        "were",
        "who",
        "work",
        "worked",
        "works",
        "you",
    ]
)

_SEP = r"\s*[-./_]\s*|\s"
# 078-05-1120, 078 05 1120, 078/05/1120, 078 - 05 - 1120, 078_05_1120 (nine digits in a
# row fall to NUMBER below).
_SSN = re.compile(rf"(?<![\d.,/-])\d{{3}}(?P<s>{_SEP})\d{{2}}(?P=s)\d{{4}}(?![\d]|[.,/-]\d)")
# An employer identification number: 12-3456789.
_EIN = re.compile(r"(?<![\d.,/-])\d{2}\s*-\s*\d{7}(?![\d]|[.,/-]\d)")
# Digits in groups with any of the usual separators between them (card and account
# numbers), read as one sequence: "4111.1111.1111.1111", "1234 5678 9012", "#123-456-789".
_GROUPED = re.compile(r"(?<![\d.,])\d+(?:(?:\s*[-./_]\s*|[ ]{1,3})\d+)*(?![\d]|[.,]\d)")
# A run of single digits with one space or dash between: "0 7 8 0 5 1 1 2 0".
_SPACED = re.compile(r"(?<![\d.,])\d(?:[ -]\d){7,}(?!\d)")
# US phone numbers libphonenumber leaves (it wants a valid area code), and local
# seven-digit numbers after a word that says so ("call 867-5309").
_US_PHONE = re.compile(
    r"(?<![\d+])(?:\+?1[\s.-]?)?(?:\(\d{3}\)[\s-]?|\d{3}[\s./-]?)\d{3}[\s./-]?\d{4}"
    r"(?:\s*(?:x|ext\.?|extension)\s*\d{1,6})?(?!\d)",
    re.IGNORECASE,
)
_LOCAL_PHONE = re.compile(
    r"\b(?:call|phone|tel|cell|mobile|text|fax|number|at)\s+(?P<n>\d{3}[\s.-]\d{4})(?!\d)",
    re.IGNORECASE,
)
_YEAR = re.compile(r"(?:19|20)\d\d\Z")


def _luhn(digits: str) -> bool:
    total = 0
    for i, d in enumerate(reversed(digits)):
        n = int(d)
        if i % 2:
            n = n * 2 - 9 if n > 4 else n * 2
        total += n
    return total % 10 == 0


def _spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, placeholder) of every personal detail in the normalised text, in
    order of priority: an e-mail first, then numbers of a known shape, then the rest."""
    found: list[tuple[int, int, str]] = []
    found += [(m.start(), m.end(), EMAIL) for m in _EMAIL_SIGN.finditer(text)]
    for m in _EMAIL_WORDS.finditer(text):
        if m.group("at").strip() == "at" and m.group("local").lower() in _NOT_A_MAILBOX:
            continue  # "I looked at fidelity.com"
        found.append((m.start(), m.end(), EMAIL))
    found += [(m.start(), m.end(), SSN) for m in _SSN.finditer(text)]
    found += [(m.start(), m.end(), NUMBER) for m in _EIN.finditer(text)]
    for m in _GROUPED.finditer(text):
        digits = re.sub(r"\D", "", m.group())
        if 13 <= len(digits) <= 19 and _luhn(digits):  # a card number, however grouped
            found.append((m.start(), m.end(), NUMBER))
    try:
        matches = list(
            phonenumbers.PhoneNumberMatcher(text, "US", leniency=phonenumbers.Leniency.VALID)
        )
    except Exception:  # never let the library's corner cases lose a comment
        matches = []
    found += [(m.start, m.end, PHONE) for m in matches]
    found += [(m.start(), m.end(), PHONE) for m in _US_PHONE.finditer(text)]
    found += [(m.start("n"), m.end("n"), PHONE) for m in _LOCAL_PHONE.finditer(text)]
    for m in _GROUPED.finditer(text):
        groups = re.findall(r"\d+", m.group())
        digits = "".join(groups)
        if len(groups) == 1 and len(digits) >= 8:
            found.append((m.start(), m.end(), NUMBER))  # a run: routing, policy, member
        elif (
            len(digits) >= 8
            and sum(len(g) < 3 for g in groups) <= 1  # not a date: 12/31/2024, 2024-12-31
            and not all(_YEAR.match(g) for g in groups)  # "2020-2021", "2019 2020"
        ):
            found.append((m.start(), m.end(), NUMBER))
    found += [(m.start(), m.end(), NUMBER) for m in _SPACED.finditer(text)]
    return found


def scrub(text: str) -> str:
    """The text with e-mail addresses, phone, Social Security, tax ID, card and
    account-like numbers replaced by a placeholder in brackets."""
    normal, origin = _normalised(text)
    taken: list[tuple[int, int, str]] = []
    for start, end, placeholder in _spans(normal):
        if end <= start or any(start < e and s < end for s, e, _ in taken):
            continue  # an earlier (higher-priority) detector already has it
        taken.append((start, end, placeholder))
    out: list[str] = []
    position = 0
    for start, end, placeholder in sorted(taken):
        first, last = origin[start], origin[end - 1] + 1
        out.append(text[position:first])
        out.append(placeholder)
        position = last
    out.append(text[position:])
    return "".join(out)
