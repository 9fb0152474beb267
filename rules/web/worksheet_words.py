"""The worksheets' own words (rules.law.worksheets, worksheet_inputs: English, no
Django) in the active language, for the "How much?" pages and /api/amounts.

The law package puts some sentences together from figures and names ("Schedule D line
21: the smaller of the line 16 loss or $3,000: ..."); `said` recognises each such shape
and says it again with gettext, translating its word parts through rules.web.i18n.tr.
A sentence of one piece goes straight through tr. In English every shape gives back the
English it read. scripts/page_messages.py runs the worksheets and records each piece
`said` hands to tr, so the catalogue holds every one.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from django.utils.translation import gettext

from rules.law import worksheet_inputs as wi
from rules.web.i18n import tr

Found = list[str] | None


def _tr(text: str, found: Found) -> str:
    if found is not None:
        found.append(text)
    return tr(text)


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _shares(text: str) -> str:
    """"100 shares", "1 share"."""
    count, unit = text.split(" ", 1)
    if unit == "share":
        return gettext("%(count)s share") % {"count": count}
    return gettext("%(count)s shares") % {"count": count}


def _forms(text: str, found: Found) -> str:
    """"Form 8949 and Schedule D", "Schedule D"."""
    return " ".join(gettext("and") if p == "and" else _tr(p, found)
                    for p in re.split(r" (and) ", text))


def _span(text: str) -> str:
    """"21 to 23"."""
    if m := re.fullmatch(r"(\w+) to (\w+)", text):
        return gettext("%(first)s to %(last)s") % {"first": m[1], "last": m[2]}
    return text


# (the English shape, how to say it): the first that matches the whole text is used.
_Rule = tuple[re.Pattern[str], Callable[[re.Match[str], Found], str]]
_SHAPES: list[_Rule] = [
    (re.compile(r"(Schedule D|Carryover Worksheet|Schedule A) line (\w+): (.+)", re.S),
     lambda m, f: gettext("%(form)s line %(number)s: %(words)s") % {
         "form": _tr(m[1], f), "number": m[2], "words": said(m[3], f)}),
    (re.compile(r"Schedule A lines ([\w ]+): (.+)", re.S),
     lambda m, f: gettext("Schedule A lines %(numbers)s: %(words)s") % {
         "numbers": _span(m[1]), "words": said(m[2], f)}),
    (re.compile(r"(Schedule D|Carryover Worksheet|Schedule A): (.+)", re.S),
     lambda m, f: f"{_tr(m[1], f)}: {said(m[2], f)}"),
    (re.compile(r"the smaller of the line 16 loss or (\$[\d,.]+): (.+)", re.S),
     lambda m, f: gettext("the smaller of the line 16 loss or %(limit)s") % {"limit": m[1]}
     + ": " + said(m[2], f)),
    (re.compile(r"adjusted gross income \(Form 1040 line (\w+)\)"),
     lambda m, f: gettext("adjusted gross income (Form 1040 line %(number)s)") % {
         "number": m[1]}),
    (re.compile(r"Yearly limit on the ordinary loss \((.+)\)"),
     lambda m, f: gettext("Yearly limit on the ordinary loss (%(filing)s)") % {
         "filing": _tr(_cap(m[1]), f).lower()}),
    (re.compile(r"Capital loss: the rest \((.+)\)"),
     lambda m, f: gettext("Capital loss: the rest (%(forms)s)") % {"forms": _forms(m[1], f)}),
    (re.compile(r"Loss on the ([\d,.]+ shares?) sold, before the wash-sale rule"),
     lambda m, f: gettext("Loss on the %(shares)s sold, before the wash-sale rule")
     % {"shares": _shares(m[1])}),
    (re.compile(r"Disallowed: the loss on the ([\d,.]+ shares?) replaced within (\d+) days "
                r"\(Form 8949, column \(g\), code W\)"),
     lambda m, f: gettext("Disallowed: the loss on the %(shares)s replaced within %(days)s "
                          "days (Form 8949, column (g), code W)")
     % {"shares": _shares(m[1]), "days": m[2]}),
    (re.compile(r"Added to the basis of each of the ([\d,.]+ shares?) bought"),
     lambda m, f: gettext("Added to the basis of each of the %(shares)s bought")
     % {"shares": _shares(m[1])}),
    (re.compile(r"Taxable income was below zero, so (\$[\d,.]+) of this year's deduction "
                r"lowered no tax\. (.+)", re.S),
     lambda m, f: gettext("Taxable income was below zero, so %(amount)s of this year's "
                          "deduction lowered no tax.") % {"amount": m[1]} + " " + said(m[2], f)),
    (re.compile(r"Carry to next year: (\$[\d,.]+) short-term and (\$[\d,.]+) long-term"
                r"( \(next year's Schedule D lines 6 and 14, in parentheses\))?\. (.+)", re.S),
     lambda m, f: (gettext("Carry to next year: %(short)s short-term and %(long)s long-term "
                           "(next year's Schedule D lines 6 and 14, in parentheses).")
                   if m[3] else gettext("Carry to next year: %(short)s short-term and "
                                        "%(long)s long-term."))
     % {"short": m[1], "long": m[2]} + " " + said(m[4], f)),
    (re.compile(r"The ordinary loss lowers other income in full, without the (\$[\d,.]+) "
                r"yearly limit on capital losses\."),
     lambda m, f: gettext("The ordinary loss lowers other income in full, without the "
                          "%(limit)s yearly limit on capital losses.") % {"limit": m[1]}),
    (re.compile(r"Only ([\d,.]+) of the ([\d,.]+ shares?) sold were replaced, so the loss on "
                r"the others stays deductible \(Treas\. Reg\. 1\.1091-1\(c\)\)\."),
     lambda m, f: gettext("Only %(replaced)s of the %(shares)s sold were replaced, so the "
                          "loss on the others stays deductible (Treas. Reg. 1.1091-1(c)).")
     % {"replaced": m[1], "shares": _shares(m[2])}),
    (re.compile(r"You bought more shares than you sold: the added basis goes to the first "
                r"([\d,.]+ shares?) you bought \(Treas\. Reg\. 1\.1091-1\(d\)\)\."),
     lambda m, f: gettext("You bought more shares than you sold: the added basis goes to the "
                          "first %(shares)s you bought (Treas. Reg. 1.1091-1(d)).")
     % {"shares": _shares(m[1])}),
    (re.compile(r"This deduction lowers your tax only if you itemized: your itemized "
                r"deductions in total \((.+)\) had to be more than your standard deduction "
                r"for (\d{4})\.", re.S),
     lambda m, f: gettext("This deduction lowers your tax only if you itemized: your itemized "
                          "deductions in total (%(where)s) had to be more than your standard "
                          "deduction for %(year)s.")
     % {"where": said(m[1], f), "year": m[2]}),
    (re.compile(r"Schedule A line (\w+)"),
     lambda m, f: gettext("Schedule A line %(number)s") % {"number": m[1]}),
]


def said(text: str, found: Found = None) -> str:
    """A worksheet line's label or note in the active language."""
    for pattern, say in _SHAPES:
        if m := pattern.fullmatch(text):
            return say(m, found)
    return _tr(text, found)


def _words(text: str, found: Found, known: dict[str, str]) -> str:
    """A field's words ("your short-term losses"), as the message began or held them."""
    english = known.get(text.lower(), text)
    words = _tr(english, found)
    return _cap(words) if text[:1].isupper() else words


def _error_shapes():
    return [
        (r"This worksheet is for tax years (\d{4}) to (\d{4})\. From (\d{4}) the deduction "
         r"for losses on closed accounts is not allowed\.",
         lambda m, w: gettext("This worksheet is for tax years %(first)s to %(last)s. From "
                              "%(after)s the deduction for losses on closed accounts is not "
                              "allowed.") % {"first": m[1], "last": m[2], "after": m[3]}),
        (r"Enter a tax year from (\d{4}) to (\d{4}), as 4 digits, like (\d{4})\.",
         lambda m, w: gettext("Enter a tax year from %(first)s to %(last)s, as 4 digits, like "
                              "%(example)s.") % {"first": m[1], "last": m[2], "example": m[3]}),
        (r"Enter (.+) as a number, like 100 or 12\.5\.",
         lambda m, w: gettext("Enter %(words)s as a number, like 100 or 12.5.")
         % {"words": w(m[1])}),
        (r"Enter (.+) in dollars and cents, like (-?2,500) or -?2,500\.50\.",
         lambda m, w: gettext("Enter %(words)s in dollars and cents, like %(example)s or "
                              "%(example)s.50.") % {"words": w(m[1]), "example": m[2]}),
        (r"Enter (.+) as an amount without a minus sign\. A loss goes under "
         "\u201cLosses this year\u201d\\.",
         lambda m, w: gettext("Enter %(words)s as an amount without a minus sign. A loss goes "
                              "under “Losses this year”.") % {"words": w(m[1])}),
        (r"(.+) cannot be below zero\.",
         lambda m, w: gettext("%(words)s cannot be below zero.") % {"words": w(m[1])}),
        (r"(.+) must be (\$?1,000,000,000) or less\.",
         lambda m, w: gettext("%(words)s must be %(most)s or less.")
         % {"words": w(m[1]), "most": m[2]}),
        (r"Give one value for (.+), not several\.",
         lambda m, w: gettext("Give one value for %(words)s, not several.")
         % {"words": w(m[1])}),
        (r"Give (.+) as a net figure or as a loss and a gain, not both\.",
         lambda m, w: gettext("Give %(words)s as a net figure or as a loss and a gain, not "
                              "both.") % {"words": w(m[1])}),
        (r"Enter (.+)\.",
         lambda m, w: gettext("Enter %(words)s.") % {"words": w(m[1])}),
    ]


# Messages of one piece (rules.law.worksheet_inputs), said through tr as they are.
STATIC_ERRORS = (
    "Choose your filing status.",
    "Enter a loss or a gain this year: short-term, long-term or both.",
    "Enter the number of shares sold, more than zero.",
)


def error(text: str, known: dict[str, str], found: Found = None) -> str:
    """A field's error (rules.law.worksheet_inputs) in the active language; `known` maps
    each field's words, lower-cased, to themselves."""
    if text not in STATIC_ERRORS:
        for pattern, say in _error_shapes():
            if m := re.fullmatch(pattern, text, flags=re.S):
                return say(m, lambda words: _words(words, found, known))
    return _tr(text, found)


def field_words() -> dict[str, str]:
    """Each field's words ("your short-term losses"), lower-cased, to themselves."""
    words = [wi._FILING.words, wi._YEAR.words]
    for spec in wi.SPECS.values():
        words += [f.words for f in spec.fields]
        words += [net.words for net, _loss, _gain in spec.nets]
    return {w.lower(): w for w in words if w}


def errors(found_errors: dict[str, list[str]]) -> dict[str, list[str]]:
    """Every field's errors in the active language."""
    known = field_words()
    return {name: [error(m, known) for m in ms] for name, ms in found_errors.items()}
