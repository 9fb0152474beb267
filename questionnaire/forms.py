"""One form per question. Choices and checks come from rules/; no rule lives here."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from functools import lru_cache
from html import escape

from django import forms
from django.template.loader import render_to_string
from django.utils.datastructures import MultiValueDict
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, gettext, gettext_lazy

from questionnaire.paths import path as site_path
from rules.law import audiences, engine
from rules.law import vocabulary as v
from rules.law.account_types import FAMILIES
from rules.law.not_covered import SOMETHING_ELSE
from rules.law.validation import validate
from rules.web import glossary, validation_words
from rules.web.i18n import tr

# The ways out of a list of answers, set apart by an "or" (issue 25 #24).
OR_BEFORE = frozenset({SOMETHING_ELSE.slug, v.UNSURE})

class QuestionForm(forms.Form):
    """A single question: `field` is its only field; `question` is the page's h1."""

    field_name: str = ""
    question: str = ""
    hint: str = ""
    hint_link: dict[str, str] | None = None  # a link after the hint: {"url", "text"}

    def __init__(self, *args, known: Mapping[str, str] | None = None, current: int, **kwargs):
        # The question's words come from its record (rules.law.vocabulary.QUESTION_WORDS); a
        # form words them for the answers so far where it needs to.
        words = v.QUESTION_WORDS[self.field_name]
        self.question, self.hint, self.required_message = words.heading, words.hint, words.required
        # The answers to the earlier questions, and the current tax year.
        self.known = dict(known or {})
        self.current = current
        self.account = self.known.get("account")
        self.contribution = self.known.get("contribution")
        self.event = self.known.get("event")
        super().__init__(*args, **kwargs)

    def view(self, cached: bool = False) -> dict:
        """Everything the question template shows, worked out once (no lookups there).

        `cached`: for a question shown from the wizard's own stored answer (a GET), kept
        per process (_view): a pure function of the question, the earlier answers, the
        tax year, the language and the answer shown. Never for what a client posted."""
        if not cached:
            return self._view()
        values = self.data.getlist(self.add_prefix(self.field_name)) if self.is_bound else None
        if values is not None and (len(values) > 2 or any(len(x) > MAX_CHECKED for x in values)):
            return self._view()
        known = tuple(sorted(self.known.items()))
        shown = None if values is None else tuple(values)
        return _view(self.field_name, known, self.current, get_language(), shown)

    def _view(self) -> dict:
        field = self[self.field_name]
        is_radio = isinstance(field.field.widget, forms.RadioSelect)
        value = field.value()
        view = {
            "question": tr(self.question),
            "hint": tr(self.hint) if self.hint else "",  # no filler (issue 25 #24)
            "hint_link": self.hint_link,
            "id": field.auto_id,
            "name": field.html_name,
            "value": "" if value is None else value,
            "errors": [tr(e) for e in field.errors],
            "is_radio": is_radio,
            # The error summary links to the first radio, or to the text box.
            "anchor": f"{field.auto_id}_0" if is_radio else field.auto_id,
            "radios": self.radios_html() if is_radio else "",
            "glossary": glossary.question_link(self.field_name, site_path("rules:glossary")),
        }
        # The parts of the page that show nothing but the question: rendered with it.
        summary = {"errors": view["errors"], "anchor": view["anchor"]}
        view["summary"] = render_to_string("questionnaire/_error_summary.html", summary)
        view["fields"] = render_to_string("questionnaire/_question_fields.html", {"question": view})
        return view

    def options(self) -> list[dict[str, str]]:
        """Choices with their hints, for the radio template."""
        return []


class _RadioQuestion(QuestionForm):
    def terms(self) -> list[v.Term]:
        raise NotImplementedError

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[self.field_name] = forms.ChoiceField(
            choices=[(t.slug, t.label) for t in self.terms()],
            widget=forms.RadioSelect,
            error_messages={
                "required": self.required_message,
                "invalid_choice": gettext_lazy("Choose one of the answers listed."),
            },
        )

    def options(self):
        """Each choice with its ids and state, ready for the template (no logic there)."""
        field = self[self.field_name]
        base, chosen = field.auto_id, field.value()
        return [
            {
                "id": f"{base}_{i}",
                "value": t.slug,
                "label": tr(t.label),
                "hint": tr(t.hint),
                "checked": t.slug == chosen,
            }
            for i, t in enumerate(self.terms())
        ]

    def radios_html(self) -> str:
        """The radio buttons with their labels and hints, every value escaped.

        Built here rather than in a template loop, with the standard library's
        escape: it was most of the cost of a question page (see `make bench`).
        """
        name = escape(self.add_prefix(self.field_name))
        parts = []
        for o in self.options():
            if o["value"] in OR_BEFORE and parts:  # the GOV.UK "or" before a way out
                parts.append(f'<p class="radio-divider">{escape(gettext("or"))}</p>')
            ident, hint = escape(o["id"]), o["hint"]
            described = f' aria-describedby="{ident}-hint"' if hint else ""
            checked = " checked" if o["checked"] else ""
            hint_html = f'\n<p class="hint radio-hint" id="{ident}-hint">{escape(hint)}</p>'
            parts.append(
                f'<div class="radio">\n<input type="radio" id="{ident}" name="{name}" '
                f'value="{escape(o["value"])}"{checked}{described}>\n'
                f'<label for="{ident}">{escape(o["label"])}</label>'
                f"{hint_html if hint else ''}\n</div>"
            )
        return mark_safe("\n".join(parts))  # noqa: S308 (every value above is escaped)


# Every account, then "Something else" (not an account: it leads to the page on what
# the tool does not cover, and the wizard never stores it).
_ACCOUNT_TERMS = [v.Term(a.slug, a.label, a.hint) for a in v.ACCOUNTS.values()]
_ACCOUNT_TERMS.append(SOMETHING_ELSE)


class AccountForm(_RadioQuestion):
    field_name = "account"

    def terms(self):
        return _ACCOUNT_TERMS


class ContributionForm(_RadioQuestion):
    field_name = "contribution"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.hint = v.ACCOUNTS[self.account].contribution_hint or self.hint

    def terms(self):
        acct = v.ACCOUNTS[self.account]
        year = self.known.get("year")  # asked first: only the kinds that year could hold
        return [
            acct.term("contribution", c)
            for c in acct.contributions
            if not year or c == v.UNSURE or engine.first_year(self.account, c) <= int(year)
        ]


class ReceivedForm(_RadioQuestion):
    field_name = "received"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        acct = v.ACCOUNTS[self.account]
        money = acct.received_money or {
            v.AFTER_TAX: "your after-tax money",
            v.ROTH: "your Roth money",
        }.get(self.contribution, "any after-tax or Roth money you put in")
        self.question = f"Was everything you got back less than {money}?"
        where = acct.received_scope
        # Tagged as editors tag their texts (rules.law.audiences): the first that fits is shown.
        self.hint = audiences.pick(
            (
                # The basis is the money of the person who died, passed to the beneficiary.
                f"[For inherited IRAs] Add up everything you received {where}, earnings "
                f"included. Only if that total is less than {money} was there a loss.",
                # A designated Roth account stands on its own (26 U.S.C. 402A(d)(4)).
                "[For designated Roth money] Add up everything paid out of the Roth part of "
                "the plan (the designated Roth account), earnings included; leave out the "
                "plan's pre-tax money. Only if that total is less than your Roth "
                "contributions not yet taken out was there a loss.",
                # Not sure of the kind in a plan: the Roth reading is tested on its own.
                "[For workplace plans, money of an unknown kind] If it is Roth money, add up "
                "only what was paid out of the Roth part of the plan (the designated Roth "
                "account), earnings included. Otherwise add up everything you received from "
                "the plan, pre-tax money and earnings included. Only if that total is less "
                "than the money you had already paid tax on (and not yet taken out) was "
                "there a loss.",
                f"Add up everything you received {where}, pre-tax money and earnings "
                "included. Only if that total is less than the money you had already paid "
                "tax on (and not yet taken out) was there a loss.",
            ),
            audiences.Saver(self.account, self.contribution, v.CLOSED_AT_LOSS),
        )

    def terms(self):
        below = audiences.pick(
            (
                "[For designated Roth money] Everything paid out of the designated Roth "
                "account, earnings included, added up to less than the Roth money you had "
                "put in and not yet taken out.",
                "[For workplace plans, money of an unknown kind] What you got back (for "
                "Roth money, what the designated Roth account paid out; otherwise "
                "everything from the plan, pre-tax money and earnings included) added up "
                "to less than the after-tax or Roth money you had put in and not yet taken "
                "out.",
                v.RECEIVED[v.BELOW_BASIS].hint,
            ),
            audiences.Saver(self.account, self.contribution, v.CLOSED_AT_LOSS),
        )
        acct = v.ACCOUNTS[self.account]
        own = {t.slug for q, t in acct.answer_terms if q == "received"}
        return [
            replace(t, hint=below) if t.slug == v.BELOW_BASIS and t.slug not in own else t
            for t in (acct.term("received", slug) for slug in v.RECEIVED)
        ]


class AssetForm(_RadioQuestion):
    field_name = "asset"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.event == v.WORTHLESS:
            self.question = gettext("What became worthless?")

    def terms(self):
        return list(v.ASSETS.values())


class EventForm(_RadioQuestion):
    field_name = "event"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if v.ACCOUNTS[self.account].kind == v.IRA:
            # Someone who sold in a brokerage account and bought back in an IRA looks
            # here first; the wash-sale answer is under the brokerage account.
            self.hint = gettext("Sold in a brokerage account and bought it back in your IRA?")
            self.hint_link = {
                "url": site_path("questionnaire:step", step="account"),
                "text": gettext("Go back and choose “%(account)s”")
                % {"account": tr(v.ACCOUNTS[v.TAXABLE].label)},
            }

    def terms(self):
        acct = v.ACCOUNTS[self.account]
        family = FAMILIES[acct.kind]
        own = {t.slug for t in acct.event_terms}  # an account's own wording comes first
        return [
            t if e in own else v.Term(t.slug, t.label, family.event_hint(e, t.hint))
            for e, t in ((e, acct.event(e)) for e in acct.events)
        ]


class YearForm(QuestionForm):
    field_name = "year"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        years = engine.valid_years(self.account, self.contribution, self.current, self.event)
        span = gettext("from %(first)s to %(last)s") % {
            "first": years.start, "last": years.stop - 1}
        # The hint and every message give the same range (rules.law.validation words the rest).
        self.hint = gettext(
            "The year you sold, took money out or closed the account: %(span)s.") % {"span": span}
        self.fields["year"] = forms.CharField(
            max_length=4,
            error_messages={
                "required": gettext("Enter a year %(span)s.") % {"span": span},
                "max_length": gettext("Enter the tax year as four digits, %(span)s.")
                % {"span": span},
            },
        )  # the input itself is written out in questionnaire/question.html

    def clean_year(self) -> str:
        year = self.cleaned_data["year"].strip()
        _, errors = validate({**self.known, "year": year}, current=self.current)
        if "year" in errors:
            raise forms.ValidationError(validation_words.say(errors["year"][0]))
        return year


class ReviewForm(forms.Form):
    """Check your answers: nothing to fill in, only a confirmation."""


# One form per question, by its name in rules.law.questions.QUESTIONS.
QUESTION_FORMS: dict[str, type[QuestionForm]] = {
    form.field_name: form
    for form in (AccountForm, EventForm, ContributionForm, ReceivedForm, AssetForm, YearForm)
}


# The longest stored answer checked keeps: slugs and years are far shorter.
MAX_CHECKED = 40


# Keyed by a question, one short value the wizard stored in its signed cookie, the
# earlier answers (each checked the same way) and the tax year: bounded by maxsize,
# and a value too long is never kept (MAX_CHECKED).
@lru_cache(maxsize=4096)
def checked(
    question: str, value: str, known: tuple[tuple[str, str], ...], current: int
) -> tuple[tuple[str, object], ...] | None:
    """The cleaned data of a question's form for a stored answer, None if it is refused."""
    form = QUESTION_FORMS[question](
        data=MultiValueDict({f"{question}-{question}": [value]}),
        prefix=question,
        known=dict(known),
        current=current,
    )
    return tuple(form.cleaned_data.items()) if form.is_valid() else None


# Keyed by a question, the earlier answers (validated: they come from the wizard's signed
# cookie), the tax year, the language and the stored answer shown (at most two values of
# MAX_CHECKED characters): bounded by maxsize.
@lru_cache(maxsize=2048)
def _view(
    question: str,
    known: tuple[tuple[str, str], ...],
    current: int,
    language: str | None,
    shown: tuple[str, ...] | None,
) -> dict:
    """A question's view (QuestionForm.view), unbound or bound to the answer shown."""
    data = None if shown is None else MultiValueDict({f"{question}-{question}": list(shown)})
    form = QUESTION_FORMS[question](data=data, prefix=question, known=dict(known), current=current)
    return form._view()


def changed_notice(step: str, cause: str) -> str:
    """The notice on a question shown fresh because its old answer no longer fits."""
    again = v.QUESTION_WORDS[step].ask_again or "your answer to this question"
    if cause in v.QUESTION_WORDS:
        return f"You changed {v.QUESTION_WORDS[cause].changed}, so tell us again {again}."
    return f"Your earlier answers changed, so tell us again {again}."
