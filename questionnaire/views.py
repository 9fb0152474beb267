"""The wizard: one question per page, answers in a signed cookie (the start page and the
500 page are in questionnaire/pages.py).

Which questions are asked is decided by the rules (rules.law.questions.is_asked);
the wizard only reads earlier answers and asks. It is django-formtools'
NamedUrlCookieWizardView with its documented attributes (form_list,
condition_dict, storage_name) and hooks (get_form_kwargs, get_template_names,
process_step, get_context_data, render_goto_step, render_next_step,
render_revalidation_failure, render_done, done), and none of its private
attributes. Four methods are overridden beyond those hooks, each because
formtools has no hook for what it does:

- get_cleaned_data_for_step: remembered per state of the stored answers;
  formtools rebuilds and revalidates a step's form on every call (the skip
  conditions call it many times a request) and forgets an invalid one;
- get: /check/ starts afresh; a Change link's query fills in the answers it
  gives; a step not reached yet, or no longer asked, sends the saver to the first
  question still to answer instead of showing it;
- post: "Something else" leaves the wizard with nothing stored; a page left open
  after an earlier answer changed is shown fresh with a notice, not an error;
- render_done (a documented hook, overridden whole): formtools empties the
  cookie when the wizard is done; we keep the answers, so the browser's Back
  button from the results page lands on a filled-in review page.
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from formtools.wizard.views import NamedUrlCookieWizardView, WizardView

from questionnaire import forms
from rules.law import clock
from rules.law import vocabulary as v
from rules.law.questions import ASK_ORDER, DEPENDS_ON, QUESTIONS, wizard_asks
from rules.law.validation import validate
from rules.web import link_reading, presenters

REVIEW = "review"

# Kept in the cookie's extra data: question -> the question whose new answer made its
# old answer not fit ("" when the cause is not known, as with a page left open).
CLEARED = "cleared"


def _known(wizard: CheckWizard, before: str | None = None) -> dict[str, str]:
    """The answers to the questions before `before` (all, if None) that are asked and
    answered, in order; stops at the first one not yet answered.

    Worked out once per state of the stored answers: every skip condition asks,
    and formtools keeps a step's cleaned data only when it is valid (an
    unanswered question is rebuilt on every call).
    """
    key = (before, wizard.storage.answers_version)
    memo = wizard.__dict__.setdefault("known_memo", {})
    if key not in memo:
        known: dict[str, str] = {}
        for question in ASK_ORDER[: ASK_ORDER.index(before) if before else None]:
            if not wizard_asks(question, known, wizard.current):
                continue
            data = wizard.get_cleaned_data_for_step(question)
            if not data:
                break
            known[question] = data[question]
        memo[key] = known
    return dict(memo[key])


def _asked(question: str):
    def condition(wizard: CheckWizard) -> bool:
        return wizard_asks(question, _known(wizard, question), wizard.current)

    return condition


class CheckWizard(NamedUrlCookieWizardView):
    form_list = [*((q, forms.QUESTION_FORMS[q]) for q in ASK_ORDER), (REVIEW, forms.ReviewForm)]
    condition_dict = {question: _asked(question) for question in ASK_ORDER}
    storage_name = "questionnaire.storage.WizardCookieStorage"

    def dispatch(self, request, *args, **kwargs):
        # The clock is read once a request; every question and check uses this year.
        self.current = clock.current_tax_year()
        return super().dispatch(request, *args, **kwargs)

    # --- form construction

    def get_form_kwargs(self, step=None):
        if step == REVIEW:
            return {}
        return {"known": _known(self, step), "current": self.current}

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

    def get_form(self, step=None, data=None, files=None):
        # The posted answer is built into a form once a request: post() checks it for
        # a stale choice, then formtools validates it (and Back keeps it).
        if data is None or data is not self.request.POST:
            return super().get_form(step, data, files)
        step = self.steps.current if step is None else step
        key = (step, self.storage.answers_version)
        memo = self.__dict__.setdefault("posted_forms", {})
        if key not in memo:
            memo[key] = super().get_form(step, data, files)
        return memo[key]

    def get_cleaned_data_for_step(self, step):
        # formtools keeps a step's cleaned data only when it is valid, and until its
        # own post() stores a step, so a question not yet answered is rebuilt on every
        # call (several a request: the skip conditions and the guards all ask) and an
        # answer changed by the Back link would be read stale. Remember every result,
        # valid or not, for the current state of the stored answers instead.
        key = (step, self.storage.answers_version)
        memo = self.__dict__.setdefault("cleaned_memo", {})
        if key not in memo:
            memo[key] = self._clean_stored(step)
        return memo[key]

    def _clean_stored(self, step):
        """A stored answer, checked as its form checks it. An answer as the wizard
        stores it (one short value) is checked once per process for the same earlier
        answers and tax year (forms.checked); anything else is checked here."""
        data = self.storage.get_step_data(step)
        if step in forms.QUESTION_FORMS and data is not None:
            values = data.lists() if hasattr(data, "lists") else data.items()
            stored = dict(values)
            value = stored.get(f"{step}-{step}")
            if (
                set(stored) == {f"{step}-{step}"}
                and isinstance(value, list)
                and len(value) == 1
                and len(value[0]) <= forms.MAX_CHECKED
            ):
                known = tuple(_known(self, step).items())
                cleaned = forms.checked(step, value[0], known, self.current)
                return None if cleaned is None else dict(cleaned)
        form = None
        if data is not None and step in self.form_list:  # no data: never valid
            form = self.get_form(step=step, data=data)
        return form.cleaned_data if form is not None and form.is_valid() else None

    # --- where the saver is

    def first_incomplete_step(self) -> str:
        for step in self.get_form_list():
            if step == REVIEW or self.get_cleaned_data_for_step(step) is None:
                return step
        return REVIEW

    def _position(self, step: str) -> int:
        steps = list(self.get_form_list())
        return steps.index(step) if step in steps else len(steps)

    def _go(
        self, step: str, restarted: bool = False, returning: bool = False, resumed: bool = False
    ) -> HttpResponse:
        self.storage.current_step = step
        query = {}
        if restarted:
            query["restarted"] = "1"
        if returning and step != REVIEW:
            query["return"] = REVIEW
        if resumed and step != REVIEW:
            query["resumed"] = "1"
        return redirect(self.get_step_url(step) + (f"?{urlencode(query)}" if query else ""))

    # --- answers that no longer fit

    def _cleared(self) -> dict[str, str]:
        cleared = self.storage.extra_data.get(CLEARED)
        return dict(cleared) if isinstance(cleared, dict) else {}

    def _prune(self, changed: str | None, before: str | None = None) -> None:
        """Drop every stored answer that no longer fits the answers before it.

        After a new answer to `changed` (by Continue, by the Back link, or by a
        question reopened with the browser's Back button), a later answer may be
        for a question no longer asked (it is dropped, so it is never reused
        unseen), or may not be a possible answer any more (it is dropped and its
        question shown fresh, with a notice saying why, not an error). An answer
        given to a question worded by an earlier answer (what came back, by the
        kind of money) goes when that answer changes or goes. A question's checks
        read only the answers before it, so dropping one never makes another fit.
        """
        step_data = self.storage.data[self.storage.step_data_key]
        cleared = self._cleared()
        gone: set[str] = set()
        if changed is not None:
            cleared.pop(changed, None)
            if before is not None and before != self._stored(changed):
                gone.add(changed)
        for question in ASK_ORDER:
            if question == changed or question not in step_data:
                continue
            worded_by = [q for q, after in DEPENDS_ON.items() if question in after]
            if not self.condition_dict[question](self):
                del step_data[question]
                cleared.pop(question, None)
                gone.add(question)
            elif self.get_cleaned_data_for_step(question) is None or gone & set(worded_by):
                del step_data[question]
                cleared[question] = changed or ""
                gone.add(question)
        self.storage.extra_data = {CLEARED: cleared} if cleared else {}

    def _stored(self, question: str) -> str | None:
        values = (self.storage.get_step_data(question) or {}).get(f"{question}-{question}")
        return values if values is None else str(values)

    def _is_stale(self, form) -> bool:
        """A choice the page no longer offers but another account's page does: sent from
        a page left open (or reopened with the browser's Back button) after an earlier
        answer changed. Anything else refused is the sender's own error."""
        name = getattr(form, "field_name", "")
        return (
            not form.is_valid()
            and any(e.code == "invalid_choice" for e in form.errors.as_data().get(name, []))
            and form.data.get(form.add_prefix(name)) in link_reading.known_slugs(name)
        )

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
        self._prune(None)  # an old cookie may hold answers that no longer fit
        first = self.first_incomplete_step()
        if step not in self.get_form_list() or self._position(step) > self._position(first):
            lost = self.storage.unreadable or (step != first and not self.storage.data["step_data"])
            return self._go(
                first, restarted=lost, returning=self.request.GET.get("return") == REVIEW
            )
        return super().get(*args, **kwargs)

    def _seed_from_query(self, step: str) -> HttpResponse:
        """A Change link from a results page (open one question), or a broken link's
        "Answer the missing questions" (/check/review/?...: open the first question
        the link leaves unanswered): fill in the answers the link gives.

        The results URL leaves out answers that did not matter. A missing kind of
        money is read as "not sure", as everywhere else; a missing year is left
        unanswered, so if a change makes the year matter the wizard asks for it.
        A link that cannot be read whole keeps the answers that can be read
        (rules.web.link_reading) and opens the first question still to answer.
        The answers are stored and the browser sent on to the question, which the
        next request (a fresh wizard, reading the new cookie) shows, or moves on
        from if the question is not asked.
        """
        answers, errors = validate(self.request.GET, current=self.current)
        self.storage.reset()
        if errors or step == REVIEW:
            # A link that asks to carry on: what it leaves out is still to be asked.
            values = link_reading.read(self.request.GET, current=self.current).answers
            if not values:
                return self._go(self.steps.first, restarted=True)
        else:
            values = {q: value for q, value in answers.as_query().items() if q in self.request.GET}
            values.update(account=answers.account, event=answers.event)
            if v.ACCOUNTS[answers.account].asks_contribution:
                values["contribution"] = answers.contribution
        for name, value in values.items():
            self.storage.set_step_data(name, {f"{name}-{name}": [value]})
        if errors or step == REVIEW:
            # Nothing was looked up before the answers were stored, so the list of
            # questions is worked out from them.
            first = self.first_incomplete_step()
            return self._go(first, returning=True, resumed=first != REVIEW)
        return self._go(step, returning=True)

    def post(self, *args, **kwargs):
        posted_step = self.request.POST.get(f"{self.prefix}-current_step", "")
        if posted_step == "account" and (
            self.request.POST.get("account-account") == forms.SOMETHING_ELSE.slug
        ):
            # Not an account we answer for: say where to look, and store nothing.
            return redirect("questionnaire:not-covered")
        first = self.first_incomplete_step()
        returning = self.request.POST.get("return") == REVIEW
        if posted_step not in self.get_form_list() or (
            self._position(posted_step) > self._position(first)
        ):
            # The cookie is gone, expired or does not reach this question (a page
            # left open after an earlier answer changed, say).
            lost = self.storage.unreadable or not self.storage.data["step_data"]
            return self._go(first, restarted=lost, returning=returning)
        self.storage.current_step = posted_step
        self.before = self._stored(posted_step)
        if posted_step != REVIEW and "wizard_goto_step" not in self.request.POST:
            form = self.get_form(data=self.request.POST)
            if self._is_stale(form):
                self.storage.data[self.storage.step_data_key].pop(posted_step, None)
                self.storage.extra_data = {CLEARED: {**self._cleared(), posted_step: ""}}
                return self._go(posted_step, returning=returning)
        return super().post(*args, **kwargs)

    def render_goto_step(self, goto_step, **kwargs):
        """Back: keep what was chosen on this page before leaving it (the hook formtools
        documents for saving the current step before going to another)."""
        form = self.get_form(data=self.request.POST)
        if form.is_valid():
            self.storage.set_step_data(self.steps.current, self.process_step(form))
            self._prune(self.steps.current, self.before)
        return self._go(goto_step)

    def render_next_step(self, form, **kwargs):
        self._prune(self.steps.current, self.before)
        if self.request.POST.get("return") == REVIEW:
            # Back to the review page, unless the change opened a new question.
            return self._go(self.first_incomplete_step(), returning=True)
        return self._go(self.get_next_step())

    def render_revalidation_failure(self, failed_step, form, **kwargs):
        return self._go(failed_step)

    # --- context

    def get_context_data(self, form, **kwargs):
        # Formtools' context less a ManagementForm built per page (the template writes it).
        ctx = super(WizardView, self).get_context_data(form=form, **kwargs)
        current = self.steps.current
        ctx["wizard"] = {"form": form, "steps": self.steps, "prefix": self.prefix}
        returning = REVIEW in (self.request.GET.get("return"), self.request.POST.get("return"))
        ctx.update(
            {
                "returning": returning,
                # While changing one answer, Back returns to the review page.
                "back_step": REVIEW if returning and current != REVIEW else self.steps.prev,
                "restarted": self.request.GET.get("restarted") == "1",
                "resumed": self.request.GET.get("resumed") == "1",
            }
        )
        if current == REVIEW:
            ctx["rows"] = self._review_rows()
        else:
            ctx["question"] = form.view(cached=self.request.method == "GET")
            cleared = self._cleared()
            if current in cleared and not form.is_bound:
                ctx["changed_notice"] = forms.changed_notice(current, cleared[current])
        return ctx

    def _review_rows(self) -> list[dict[str, str]]:
        known = _known(self)
        answers = validate(known, current=self.current)[0]
        return [
            {
                "label": v.QUESTION_WORDS[step].label,
                "value": (
                    presenters.shown_value(answers, step)
                    if answers
                    else link_reading.label(step, value, known)
                ),
                "url": f"{self.get_step_url(step)}?return={REVIEW}",
            }
            for step, value in known.items()
        ]

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
        answers, errors = validate(_known(self), current=self.current)
        if errors:
            return self._go(self.first_incomplete_step())
        return redirect(presenters.results_url(answers, self.current))
