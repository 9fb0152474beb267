"""The start page and the wizard: one question per page, answers in a signed cookie.

Which questions are asked is decided by the engine (rules.engine); the
condition functions below only read earlier answers and ask it.
"""

from __future__ import annotations

import hashlib
import json
import secrets
from urllib.parse import urlencode

from django.core.cache import cache
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseServerError
from django.middleware.csrf import get_token
from django.shortcuts import redirect, render
from django.template import loader
from django.views.decorators.http import require_safe
from formtools.wizard.views import NamedUrlCookieWizardView

from questionnaire import forms
from questionnaire.context_processors import site_links
from rules import engine, presenters
from rules import vocabulary as v
from rules.validation import validate

QUESTIONS = ("account", "contribution", "event", "year")
# What a question page shows besides its step and path (see render_to_response).
PAGE_STATE = (
    "q",
    "rows",
    "back_step",
    "returning",
    "restarted",
    "question_number",
    "question_count",
)
# Letters, digits and dashes only, so escaping leaves it as it is; random, so no
# answer a saver types can match it.
CSRF_HOLE = f"csrf-hole-{secrets.token_hex(16)}"
REVIEW = "review"


@require_safe
def start(request: HttpRequest) -> HttpResponse:
    return render(request, "questionnaire/start.html", {})


# Shown when even the styled 500 page cannot be rendered (say, a missing static file).
PLAIN_500 = (
    "<!doctype html><html lang=en><meta charset=utf-8>"
    "<title>Sorry, something went wrong</title><h1>Sorry, something went wrong</h1>"
    "<p>Please try again in a few minutes.</p></html>"
)


def server_error(request: HttpRequest) -> HttpResponse:
    """The 500 page: the styled template, rendered with no context, or plain text."""
    try:
        html = loader.render_to_string("500.html", {"site": site_links()})
    except Exception:
        html = PLAIN_500
    return HttpResponseServerError(html)


def _answers_so_far(wizard) -> dict[str, str]:
    """Earlier answers that are still valid, skipping questions that are not asked."""
    found: dict[str, str] = {}
    for step in QUESTIONS:
        if step == "contribution" and not ask_contribution(wizard):
            continue
        if step == "year" and not ask_year(wizard):
            continue
        data = wizard.get_cleaned_data_for_step(step)
        if not data:
            break
        found[step] = data[step]
    return found


def _answer(wizard, step: str) -> str | None:
    if step not in wizard.get_form_list():  # a question that is not asked has no answer
        return None
    data = wizard.get_cleaned_data_for_step(step) or {}
    return data.get(step)


def ask_contribution(wizard) -> bool:
    account = _answer(wizard, "account")
    # Before the account is known, count the question (the progress line is an upper bound).
    return account is None or engine.depends_on_contribution(account)


def ask_year(wizard) -> bool:
    account = _answer(wizard, "account")
    if account is None:
        return True
    contribution = engine.implied_contribution(account)
    if ask_contribution(wizard):
        contribution = _answer(wizard, "contribution") or v.UNSURE
    event = _answer(wizard, "event")
    events = (event,) if event else v.ACCOUNTS[account].events
    return any(engine.depends_on_year(account, contribution, e) for e in events)


class CheckWizard(NamedUrlCookieWizardView):
    form_list = [
        ("account", forms.AccountForm),
        ("contribution", forms.ContributionForm),
        ("event", forms.EventForm),
        ("year", forms.YearForm),
        (REVIEW, forms.ReviewForm),
    ]
    condition_dict = {"contribution": ask_contribution, "year": ask_year}
    storage_name = "questionnaire.storage.WizardCookieStorage"

    # --- form construction

    def get_form_kwargs(self, step=None):
        if step in ("account", REVIEW):
            return {}
        kwargs = {"account": _answer(self, "account")}
        if step in ("event", "year"):
            kwargs["contribution"] = _answer(self, "contribution")
        if step == "year":
            kwargs["event"] = _answer(self, "event")
        return kwargs

    def get_template_names(self):
        if self.steps.current == REVIEW:
            return ["questionnaire/review.html"]
        return ["questionnaire/question.html"]

    def process_step(self, form):
        # Keep only the answer in the cookie (not the CSRF token or step marker).
        if not form.fields:
            return {}
        name = form.add_prefix(form.field_name)
        # The cleaned answer, not what was typed: "2017" followed by 6,000 spaces is a
        # valid year, and would make a cookie too big for a browser to keep.
        value = form.cleaned_data.get(form.field_name)
        return {name: [value if isinstance(value, str) else form.data.get(name, "")]}

    def get_cleaned_data_for_step(self, step):
        # A step's cleaned data is a function of the stored answers alone; formtools
        # rebuilds the form on every call (and does not remember a None), and the
        # skip conditions ask often. Remember it per state of the stored answers.
        key = (step, json.dumps(self.storage.data.get("step_data"), sort_keys=True))
        memo = self.__dict__.setdefault("_cleaned_memo", {})
        if key not in memo:
            memo[key] = super().get_cleaned_data_for_step(step)
        return memo[key]

    # --- where the saver is

    def first_incomplete_step(self) -> str:
        for step in self.get_form_list():
            if step == REVIEW or self.get_cleaned_data_for_step(step) is None:
                return step
        return REVIEW

    def _position(self, step: str) -> int:
        steps = list(self.get_form_list())
        return steps.index(step) if step in steps else len(steps)

    def _go(self, step: str, restarted: bool = False, returning: bool = False) -> HttpResponse:
        self.storage.current_step = step
        query = {}
        if restarted:
            query["restarted"] = "1"
        if returning and step != REVIEW:
            query["return"] = REVIEW
        return redirect(self.get_step_url(step) + (f"?{urlencode(query)}" if query else ""))

    def get(self, *args, **kwargs):
        step = kwargs.get("step")
        if step is None:  # /check/: a fresh start
            self.storage.reset()
            return self._go(self.steps.first)
        if step == self.done_step_name:
            return super().get(*args, **kwargs)
        if step not in self.form_list:
            raise Http404("No such question")
        if any(f in self.request.GET for f in QUESTIONS):
            return self._seed_from_query(step)
        first = self.first_incomplete_step()
        if step not in self.get_form_list() or self._position(step) > self._position(first):
            lost = self.storage.unreadable or (step != first and not self.storage.data["step_data"])
            return self._go(
                first, restarted=lost, returning=self.request.GET.get("return") == REVIEW
            )
        return super().get(*args, **kwargs)

    def _seed_from_query(self, step: str) -> HttpResponse:
        """A Change link from a results page: fill in the answers it gives, open one question.

        The results URL leaves out answers that did not matter. A missing kind of
        money is read as "not sure", as everywhere else; a missing year is left
        unanswered, so if a change makes the year matter the wizard asks for it.
        """
        answers, errors = validate(self.request.GET)
        self.storage.reset()
        if errors:
            return self._go(self.steps.first, restarted=True)
        values = {"account": answers.account, "event": answers.event}
        if "year" in self.request.GET:
            values["year"] = str(answers.year)
        if v.ACCOUNTS[answers.account].asks_contribution:
            values["contribution"] = answers.contribution
        for name, value in values.items():
            self.storage.set_step_data(name, {f"{name}-{name}": [value]})
        self._reset_caches()
        target = step if step in self.get_form_list() else self.first_incomplete_step()
        return self._go(target, returning=True)

    def _reset_caches(self):
        for attr in list(self.__dict__):
            if attr.startswith("_cleaned_data_cache_") or attr in (
                "_resolved_form_list",
                "_cache_signature",
            ):
                delattr(self, attr)

    def post(self, *args, **kwargs):
        posted_step = self.request.POST.get(f"{self.prefix}-current_step", "")
        first = self.first_incomplete_step()
        if posted_step not in self.get_form_list() or (
            self._position(posted_step) > self._position(first)
        ):
            # The cookie is gone, expired or does not reach this question.
            return self._go(first, restarted=True)
        self.storage.current_step = posted_step
        goto = self.request.POST.get("wizard_goto_step")
        if goto and goto in self.get_form_list():
            # Back: keep what was chosen on this page before leaving it.
            form = self.get_form(data=self.request.POST)
            if form.is_valid():
                self.storage.set_step_data(posted_step, self.process_step(form))
            return self._go(goto)
        return super().post(*args, **kwargs)

    def render_next_step(self, form, **kwargs):
        if self.request.POST.get("return") == REVIEW:
            # Back to the review page, unless the change opened a new question.
            return self._go(self.first_incomplete_step(), returning=True)
        return self._go(self.get_next_step())

    def render_revalidation_failure(self, failed_step, form, **kwargs):
        return self._go(failed_step)

    # --- context

    def render_to_response(self, context, **response_kwargs):
        """A question page, from a cache of rendered pages with a hole for the CSRF token.

        A page is a function of what the saver sees (the question, their answer,
        errors, progress and links) and of its CSRF token, which differs on every
        request. The page is rendered once per state with a per-process
        placeholder where the token goes, and the token is put in on the way out.
        """
        shown = {
            "templates": self.get_template_names(),
            "path": self.request.path,
            "step": self.steps.current,
            **{k: context.get(k) for k in PAGE_STATE},
        }
        key = (
            "question:"
            + hashlib.sha256(
                json.dumps([presenters.SITE_VERSION, shown], sort_keys=True, default=str).encode()
            ).hexdigest()
        )
        html = cache.get(key)
        if html is None:
            context["csrf_token"] = CSRF_HOLE
            html = super().render_to_response(context, **response_kwargs).render().content
            cache.set(key, html)
        token = get_token(self.request).encode()
        return HttpResponse(html.replace(CSRF_HOLE.encode(), token), **response_kwargs)

    def get_context_data(self, form, **kwargs):
        ctx = super().get_context_data(form=form, **kwargs)
        steps = [s for s in self.get_form_list() if s != REVIEW]
        current = self.steps.current
        returning = REVIEW in (self.request.GET.get("return"), self.request.POST.get("return"))
        ctx.update(
            {
                # Strings: the template shows them as they are, with no number formatting.
                "question_number": str(steps.index(current) + 1) if current in steps else "",
                "question_count": str(len(steps)),
                "returning": returning,
                # While changing one answer, Back returns to the review page.
                "back_step": REVIEW if returning and current != REVIEW else self.steps.prev,
                "restarted": self.request.GET.get("restarted") == "1",
            }
        )
        if current == REVIEW:
            ctx["rows"] = self._review_rows()
        else:
            ctx["q"] = form.view()
        return ctx

    def _review_rows(self) -> list[dict[str, str]]:
        answers = _answers_so_far(self)
        account = v.ACCOUNTS[answers["account"]]
        rows = []
        for step, value in answers.items():
            if step == "account":
                shown = account.label
            elif step == "contribution":
                shown = v.CONTRIBUTIONS[value].label
            elif step == "event":
                shown = account.event(value).label
            else:
                shown = value
            rows.append(
                {
                    "label": self.get_form_list()[step].question,
                    "value": shown,
                    "url": f"{self.get_step_url(step)}?return={REVIEW}",
                }
            )
        return rows

    def render_done(self, form, **kwargs):
        """Revalidate every answer, then show the result.

        Unlike formtools, keep the answers in the cookie afterwards: the browser's
        Back button from the results page then lands on a filled-in review page.
        Finishing twice gives the same results URL, so nothing is submitted twice.
        """
        if kwargs.get("step") != self.done_step_name:
            return redirect(self.get_step_url(self.done_step_name))
        forms_by_step = {}
        for step in self.get_form_list():
            form_obj = self.get_form(step=step, data=self.storage.get_step_data(step))
            if not form_obj.is_valid():
                return self.render_revalidation_failure(step, form_obj, **kwargs)
            forms_by_step[step] = form_obj
        self.storage.current_step = REVIEW
        return self.done(list(forms_by_step.values()), form_dict=forms_by_step, **kwargs)

    def done(self, form_list, **kwargs):
        answers, errors = validate(_answers_so_far(self))
        if errors:
            return self._go(self.first_incomplete_step())
        return redirect(presenters.results_url(answers))
