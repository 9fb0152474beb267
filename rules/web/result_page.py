"""What the results page says, in the order a saver needs it.

The verdict and how firm it is, the time to claim, what to do next, why, what
would change the answer (what the saver could still do, apart from how other
situations differ), then the sources. Every text is cut to the saver's
answers (rules.web.linking.tailor) and links the first use of each glossary word
and each IRS form. Nothing here decides anything: the engine has already.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from urllib.parse import urlencode

from django.utils.translation import get_language, gettext, gettext_noop

from questionnaire.paths import path as site_path
from rules.editor.texts import EditorText
from rules.law import bibliography, clock, engine, mixed_money, questions
from rules.law import parameters as law
from rules.law import vocabulary as v
from rules.law import worksheet_inputs as wi
from rules.law.alternatives import Alternative, alternatives, yours
from rules.law.answers import UNSURE_QUESTIONS, Answers
from rules.law.rulebook.combining import UNSURE_DEPENDS, UNSURE_YES_EITHER_WAY
from rules.web import (
    claim_words,
    engine_words,
    glossary,
    linking,
    presenters,
    unsure_words,
    wash_words,
)
from rules.web import timeline as timeline_svg
from rules.web.i18n import tr

# Answers where a state may differ from the federal return: the miscellaneous
# itemized deduction some states still allow.
NEXT = gettext_noop("What to do next")
FIND_OUT_KIND = gettext_noop("How to find out which kind you have")
FIND_OUT = gettext_noop("How to find out which applies to you")
CLAIM_FORM = bibliography.DOCUMENTS["Form 1040-X"]


# Only the bare verdict goes: "No, in the IRS's view: ..." keeps its qualifier.
_VERDICT_LEAD = re.compile(r"^(?:Yes|No|Not now|Not yet|Sí|Ahora no|Todavía no): (.)")


def detail(headline: str) -> str:
    """A headline without its verdict ("No: a fall in value..." -> "A fall in value..."),
    for where a pill already says the verdict; nothing when the headline is only that
    ("No, whichever of these applies")."""
    if ": " not in headline:
        return ""
    return _VERDICT_LEAD.sub(lambda m: m.group(1).upper(), headline, count=1)


@dataclass(frozen=True)
class Change:
    """A row of "What would change this answer": the situation and the answer in it."""

    description: str
    url: str
    verdict: str
    outcome: str
    detail: str


_SPAN = re.compile(r"For tax years (?:(\d{4}) onward|(\d{4}) and earlier|(\d{4})–(\d{4})|(\d{4}))")


def _description(alt: Alternative) -> str:
    """A situation one step away, in the active language (its years said as
    rules.law.periods.Period.describe says them)."""
    m = _SPAN.fullmatch(alt.description) if alt.field == "year" else None
    if not m:
        return tr(alt.description)
    onward, earlier, start, end, one = m.groups()
    if onward:
        return gettext("For tax years %(year)s onward") % {"year": onward}
    if earlier:
        return gettext("For tax years %(year)s and earlier") % {"year": earlier}
    return gettext("For tax years %(years)s") % {"years": one or f"{start}–{end}"}


def _change(alt: Alternative, current: int) -> Change:
    d = engine_words.determination(alt.determination)
    return Change(
        _description(alt),
        presenters.results_url(alt.answers, current),
        tr(presenters.verdict(d)["word"]),
        d.outcome,
        detail(d.headline),
    )


@lru_cache(maxsize=8)  # a language each: its forms' names
def _form_patterns(language: str) -> tuple[tuple[bibliography.Document, re.Pattern[str]], ...]:
    """Each IRS form and the pattern of its name: in Spanish also its Spanish name
    ("Formulario 8606", "Anexo D"), which the Spanish texts use."""
    found = []
    for f in bibliography.FORMS:
        names = dict.fromkeys((f.name, tr(f.name)))
        either = "|".join(re.escape(n) for n in names)
        found.append((f, re.compile(rf"(?<![\w-])(?:{either})(?![\w-])")))
    return tuple(found)


def _forms_named_in(text: str) -> list[bibliography.Document]:
    """The forms a text names (in either language), in the order of FORMS."""
    return [f for f, p in _form_patterns(get_language() or "en") if p.search(text)]


@lru_cache(maxsize=8)
def _targets(glossary_url: str, language: str = "en") -> tuple[linking.Target, ...]:
    return linking.targets(
        ((t.slug, t.pattern, f"{glossary_url}#{t.slug}") for t in glossary.TERMS),
        ((f.name, p, f.url) for f, p in _form_patterns(language)),
    )


# One piece of the page linked: the piece (an editor's text already cut to the saver, or
# the engine's words) and the targets already linked above it are the key, so an
# editor's edit is a new key and shows at once. Pieces are few (each rule's texts in
# their cut forms, its sentences per year), and the cache is bounded.
@lru_cache(maxsize=4096)
def _link_piece(
    piece: str, is_html: bool, used: frozenset[str], glossary_url: str
) -> tuple[str, frozenset[str], frozenset[str]]:
    """The piece with each glossary word and form not linked above it linked once, what is
    linked after it, and the names of the forms it names."""
    links = linking.Linker(_targets(glossary_url, get_language() or "en"), set(used))
    out = links.html(piece) if is_html else links.text(piece)
    return out, frozenset(links.used), frozenset(f.name for f in _forms_named_in(out))


def _linked(
    text: EditorText | None, headline: str, instead: str, reason: str, answers: Answers,
    claim: bool, glossary_url: str,
) -> tuple[str, str, str, tuple[bibliography.Document, ...]]:
    """The texts of "What to do next", "Why" and the explanation, cut to the saver (their
    [For ...] tags read the validated answers) and linked (each glossary word and form
    once, in page order), and the forms the page names."""
    used = frozenset({CLAIM_FORM.name}) if claim else frozenset()  # the claim box links it
    if text:
        next_html, used, named = _link_piece(
            linking.tailor(text.instead_html, answers), True, used, glossary_url
        )
    else:
        inner, used, named = _link_piece(instead, False, used, glossary_url)
        next_html = f"<p>{inner}</p>"
    reason_html, used, in_reason = _link_piece(reason, False, used, glossary_url)
    explanation_html, in_explanation = "", frozenset()
    if text:
        explanation_html, used, in_explanation = _link_piece(
            linking.tailor(text.explanation_html, answers), True, used, glossary_url
        )
    found = named | in_reason | in_explanation | {f.name for f in _forms_named_in(headline)}
    return next_html, reason_html, explanation_html, tuple(
        f for f in bibliography.FORMS if f.name in found
    )


def _next_heading(d: engine.Determination) -> str:
    if d.rule not in (UNSURE_DEPENDS.id, UNSURE_YES_EITHER_WAY.id):
        return gettext(NEXT)
    kinds = d.answers.contribution == v.UNSURE or d.answers.asset == v.UNSURE
    return gettext(FIND_OUT_KIND if kinds else FIND_OUT)


def _applied(d: engine.Determination, answers: Answers, current: int) -> str:
    """Which years the answer holds for, in words."""
    if "year" in questions.canonical(answers, current):
        misc = d.misc_law
        if misc is None:
            return gettext("Tax year %(year)s.") % {"year": answers.year}
        if misc.value == law.ALLOWED_ABOVE_FLOOR:  # no act's name a saver must look up
            return gettext(
                "Tax year %(year)s: the law then allowed this kind of deduction above 2%% of "
                "adjusted gross income."
            ) % {"year": answers.year}
        return gettext("Tax year %(year)s: decided under %(law)s.") % {
            "year": answers.year,
            "law": tr(law.LAW_NAMES[misc.value]),
        }
    first = engine.first_year(answers.account, answers.contribution, answers.event)
    if first > law.FIRST_TAX_YEAR:
        return gettext(
            "This answer is the same for every tax year since this kind of account began in "
            "%(first)s, including %(last)s and %(current)s."
        ) % {"first": first, "last": current - 1, "current": current}
    return gettext(
        "This answer is the same for every tax year, including %(last)s and %(current)s."
    ) % {"last": current - 1, "current": current}


_GOT_BACK = {
    v.BELOW_BASIS: gettext_noop("Got back less than your %(money)s"),
    v.COVERS_BASIS: gettext_noop("Got back at least your %(money)s"),
}
_MONEY = {v.AFTER_TAX: gettext_noop("after-tax money"), v.ROTH: gettext_noop("Roth money")}


def _said(question: str, b: Answers) -> str:
    """A "not sure" reading, said to the saver: "Got back less than your Roth money"."""
    value = getattr(b, question)
    if question == "received" and value in _GOT_BACK:
        money = _MONEY.get(b.contribution, gettext_noop("after-tax or Roth money"))
        return gettext(_GOT_BACK[value]) % {"money": unsure_words.in_sentence(gettext(money))}
    return tr(yours(v.TERMS[question][value].label))


def branch_groups(d: engine.Determination, current: int, today: date) -> list[dict]:
    """Each possibility with its own verdict, grouped by the first thing the saver was
    unsure of (the kind of money, then what they got back), so a long list scans."""
    unsure = [q for q in UNSURE_QUESTIONS if getattr(d.answers, q) == v.UNSURE]
    groups: list[dict] = []
    for row in presenters.branch_rows(d, current, today):
        b = row["branch"].answers
        said = [_said(q, b) for q in unsure if getattr(b, q) not in (None, v.UNSURE)]
        first, rest = (said[0], "; ".join(said[1:])) if said else (row["label"], "")
        row = {
            **row,
            "label": rest,
            "outcome": row["branch"].outcome,
            # A headline with no verdict to take off ("No federal deduction ... unless you
            # sell it") is the branch's words as it stands: a link always has words.
            "detail": detail(row["branch"].headline) or row["branch"].headline,
        }
        if groups and groups[-1]["label"] == first:
            groups[-1]["rows"].append(row)
        else:
            groups.append({"label": first, "rows": [row]})
    return groups


def worksheet_links(determination, current: int) -> list[dict[str, str]]:
    """The "Work out how much" links for a results page, carrying the answers."""
    outcomes = [determination.outcome, *(b.outcome for b in determination.branches)]
    query = urlencode(questions.canonical(determination.answers, current))
    return [
        {"title": tr(wi.SPECS[slug].title), "url": f"{site_path(f'rules:amounts-{slug}')}?{query}"}
        for slug in wi.for_outcomes(outcomes, determination.answers.account)
    ]


def other_parts(answers: Answers, current: int) -> dict | None:
    """A plan with Roth money beside other money: the other part's own answers (issue 25
    #7; which parts stand apart is the law's, rules.law.mixed_money)."""
    parts = mixed_money.other_parts(answers)
    if not parts:
        return None
    roth = answers.contribution == v.ROTH
    acct = v.ACCOUNTS[answers.account]
    return {
        "question": gettext("Your plan also holds other money?")
        if roth
        else gettext("Part of your plan is Roth money?"),
        "lead": gettext(
            "This answer is for the plan's Roth money. The tax rules treat a plan's Roth "
            "part (its designated Roth account) as an account of its own, so the plan's "
            "other money has an answer of its own:"
        )
        if roth
        else gettext(
            "The tax rules treat a plan's Roth part (its designated Roth account) as an "
            "account of its own. This answer is for the rest of the plan; the Roth part "
            "has an answer of its own:"
        ),
        "links": [
            {
                "label": tr(acct.term("contribution", p.contribution).label),
                "url": presenters.results_url(p.answers, current),
            }
            for p in parts
        ],
    }


def context(
    answers: Answers,
    d: engine.Determination,
    text: EditorText | None,
    share_url: str,
    today: date,
) -> dict:
    current = clock.tax_year(today)
    d = engine_words.determination(d)  # its sentences in the saver's language
    claim = presenters.claim_for(d, today)
    windows = presenters.claim_windows(d, today)  # when the branches' windows differ
    next_html, reason_html, explanation_html, named = _linked(
        text, d.headline, d.instead, d.reason, answers, bool(claim or windows),
        site_path("rules:glossary"),
    )
    named = list(named)
    applied = _applied(d, answers, current)

    changes = alternatives(answers, current)
    still = [_change(a, current) for a in changes if a.can_do]
    other = [_change(a, current) for a in changes if not a.can_do]
    if (claim or windows) and CLAIM_FORM not in named:
        named.append(CLAIM_FORM)

    # A capital loss carries over (1212(b)); so can a Section 1244 ordinary loss above the
    # year's income, as a net operating loss (1244(d)(3), 172).
    outcomes = {d.outcome, *(b.outcome for b in d.branches)}
    carries = bool({v.CAPITAL_LOSS, v.ORDINARY_LOSS} & outcomes)
    too_late = claim_words.closed(claim, windows)
    # How firm the ground is, said once: on a "not sure" answer it belongs to each
    # possibility (its branch says it), not to the page.
    by_branch = bool(d.branches) and d.certainty != v.SETTLED
    mixed = other_parts(answers, current)
    sources = d.sources
    if mixed and mixed_money.SEPARATE_CONTRACT not in sources:
        sources = (*sources, mixed_money.SEPARATE_CONTRACT)
    return {
        "determination": d,
        "other_parts": mixed,
        "headline": d.headline_in(current) if d.past_headline else unsure_words.headline(d),
        "timeline": timeline_svg.for_results(answers, current, today, bool(d.long_claim)),
        "wash": wash_words.today_example(today) if wash_words.applies(d) else None,
        "wash_action": site_path("rules:amounts-wash-sale"),
        "wash_carried": list(questions.canonical(answers, current).items()),
        "verdict": presenters.verdict(d),
        "too_late": too_late,
        "too_late_word": gettext(claim_words.TOO_LATE),
        "records_first_html": claim_words.records_first(too_late, carries) if too_late else "",
        "if_still": claim_words.if_still(too_late) if too_late else "",
        "late_return_html": claim_words.late_return(carries) if too_late else "",
        "certainty": v.CERTAINTIES[d.certainty],
        "uncertain": d.certainty != v.SETTLED and not by_branch,
        "certainty_by_branch": by_branch,
        "claim": claim,
        "claim_form": CLAIM_FORM,
        "next_heading": _next_heading(d),
        "next_html": next_html,
        "worksheet_links": worksheet_links(d, current),
        "branch_groups": branch_groups(d, current, today),
        "claim_windows": windows,
        "reason_html": reason_html,
        "applied": applied,
        "explanation": text,
        "explanation_html": explanation_html,
        "still_to_do": still,
        "other_situations": other,
        "deductible": d.deductible,
        # A wash sale's loss is put off, not lost (26 U.S.C. 1091(d)).
        "deferred": d.outcome == v.WASH_SALE_DEFERRED,
        # Only a capital loss carries forward (26 U.S.C. 1212(b)); a miscellaneous
        # itemized deduction does not.
        "carries_forward": carries,
        "state_note": tr(law.state_note([d.outcome, *(b.outcome for b in d.branches)])),
        "sources": sources,
        "forms": named,
        "answer_rows": presenters.answer_rows(answers, current),
        "share_url": share_url,
        "table_links": presenters.table_links(d),
        "outcome": v.OUTCOMES[d.outcome],
        # Kept for anything that still reads them: every alternative with its link.
        "alternatives": [(a, presenters.results_url(a.answers, current)) for a in changes],
        "branches": presenters.branch_rows(d, current, today),
    }
