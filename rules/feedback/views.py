"""“Is this page useful?”: one POST endpoint, and two small pages for browsers without
JavaScript (the comment box after “No”, and the thank-you).

What is stored: the page (the rule that decided it, or “tables”), its answers as the
canonical query string, re-read here through the same validator as the results
page, useful yes or no, the comment with personal details scrubbed, and the day.
Nothing about the visitor: no address, no cookie, no user agent, no time of day.
"""

from __future__ import annotations

from urllib.parse import urlencode, urlsplit

from django import forms
from django.conf import settings
from django.core import signing
from django.db import IntegrityError, transaction
from django.http import HttpRequest, HttpResponse, JsonResponse, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST, require_safe

from questionnaire.limits import over_limit, parse_rate
from questionnaire.middleware import client_ip
from rules.feedback.scrub import scrub
from rules.law import clock, engine, questions
from rules.law.validation import validate
from rules.models import COMMENT_MAX_LENGTH, TABLES_PAGE, Feedback

# A saver sends one or two answers a page; a flood is anything well past that.
# Counted in the database (questionnaire/limits.py), shared by every worker and instance.
RATES = ("10/m", "60/h")
TOKEN_SALT = "rules.feedback.comment"
TOKEN_MAX_AGE = 24 * 60 * 60  # the comment box may sit open a while
PAGE_MAX_LENGTH = 200  # real results query strings are far shorter

THANKS = _("Thank you for your feedback.")
# Said in the status line, which sits under the comment box: no "below" or "above".
ASK_MORE = _("Thank you. You can tell us what you were trying to find out.")
THANKS_COMMENT = _("Thank you. An editor will read your comment.")
REFUSED = _(
    "Too much feedback has come from your connection in a short time. "
    "Please wait a few minutes and try again."
)
NOT_FROM_US = _("This feedback did not come from a page on this site, so we did not keep it.")
UNKNOWN_PAGE = _("We could not tell which page this feedback was about, so we did not keep it.")
EXPIRED = _("This feedback form has expired or was already sent.")
TITLES = {
    400: _("We could not keep this feedback"),
    403: _("We could not keep this feedback"),
    429: _("Too much feedback at once"),
}


def _same_origin(request: HttpRequest) -> bool:
    """The POST came from a page of this site, by the Origin header or else the Referer.

    Every browser sends Origin with a POST, and Referer for same-origin requests under
    our Referrer-Policy; a request with neither did not come from our page.
    """
    allowed = {f"{request.scheme}://{request.get_host()}", *settings.CSRF_TRUSTED_ORIGINS}
    origin = request.headers.get("Origin")
    if origin is not None:
        return origin in allowed
    referer = urlsplit(request.headers.get("Referer", ""))
    return f"{referer.scheme}://{referer.netloc}" in allowed


def _wants_json(request: HttpRequest) -> bool:
    return "application/json" in request.headers.get("Accept", "")


class FeedbackForm(forms.Form):
    page = forms.CharField(max_length=PAGE_MAX_LENGTH, required=False, strip=False)
    useful = forms.ChoiceField(
        choices=[("yes", "Yes"), ("no", "No")],
        required=False,
        error_messages={"invalid_choice": _("Choose yes or no.")},
    )
    comment = forms.CharField(
        max_length=COMMENT_MAX_LENGTH,
        required=False,
        error_messages={
            "max_length": format_lazy(
                _("Keep your comment to {limit} characters or fewer (it has %(show_value)s)."),
                limit=f"{COMMENT_MAX_LENGTH:,}",
            ),
        },
    )
    token = forms.CharField(max_length=200, required=False)
    # One vote's key from the page's script (Feedback.request_key): a retry is not a new vote.
    request_key = forms.RegexField(
        regex=r"^[A-Za-z0-9_-]{16,64}$",
        required=False,
        error_messages={
            "invalid": _("This feedback could not be read. Reload the page and try again.")
        },
    )
    # The honeypot: hidden from people, filled in by robots that fill in every field.
    website = forms.CharField(required=False)

    def clean_comment(self) -> str:
        # Scrubbed here, so nothing unscrubbed ever reaches the model or a log.
        return scrub(self.cleaned_data["comment"]).strip()


def _read_page(page: str) -> tuple[str, str] | None:
    """(rule id, canonical answers) for a page, re-validated: never trusted as sent."""
    if page == TABLES_PAGE:
        return TABLES_PAGE, ""
    current = clock.current_tax_year()
    answers, errors = validate(QueryDict(page), current=current)
    if errors or answers is None:
        return None
    d = engine.determine(questions.normalise(answers, current))
    return d.rule, urlencode(questions.canonical(answers, current))


def _token(feedback: Feedback) -> str:
    return signing.TimestampSigner(salt=TOKEN_SALT).sign(str(feedback.pk))


def _from_token(token: str) -> Feedback | None:
    """The "not useful" answer a comment may still be added to."""
    try:
        pk = int(signing.TimestampSigner(salt=TOKEN_SALT).unsign(token, max_age=TOKEN_MAX_AGE))
    except (signing.BadSignature, ValueError):
        return None
    return Feedback.objects.filter(pk=pk, useful=False, comment="").first()


def _answer(
    request: HttpRequest, status: int, message: str, *, page: str = "", form=None
) -> HttpResponse:
    """A refusal or error, as JSON for the script or as a page."""
    if _wants_json(request):
        errors = form.errors.get_json_data() if form is not None else {}
        body = {
            "ok": False,
            "message": message,
            "errors": {f: [e["message"] for e in es] for f, es in errors.items()},
        }
        return JsonResponse(body, status=status)
    ctx = {"title": TITLES.get(status, TITLES[400]), "message": message}
    ctx["back_url"] = _back_url(page)
    return render(request, "rules/feedback_refused.html", ctx, status=status)


def _back_url(page: str) -> str:
    read = _read_page(page) if page else None
    if read is None:
        return reverse("questionnaire:start")
    if read[0] == TABLES_PAGE:
        return reverse("rules:tables")
    return f"{reverse('rules:results')}?{read[1]}"


def _thanks(request: HttpRequest, message: str, feedback: Feedback | None) -> HttpResponse:
    if _wants_json(request):
        return JsonResponse({"ok": True, "message": message})
    url = reverse("rules:feedback-thanks")
    return _see_other(f"{url}?{urlencode({'token': _token(feedback)})}" if feedback else url)


def _see_other(url: str) -> HttpResponse:
    """After a POST, the browser GETs the next page (and a reload does not post again)."""
    response = redirect(url)
    response.status_code = 303
    return response


# CSRF: the pages this form sits on are cached and served without the session and
# CSRF middleware (PurePagesMiddleware), so they carry no CSRF token, and asking for
# one would set a cookie on every saver. The usual CSRF harm is an action taken with
# the victim's credentials; here there are none (no login, no session, nothing about
# the sender is stored or changed), so a forged POST can do no more than a direct one.
# What is left is other sites making their visitors' browsers post feedback, to spread
# a flood over many addresses: the same-origin check on Origin (or Referer) refuses
# those, and the per-address rate limit covers everyone else.
@csrf_exempt
@require_POST
def submit(request: HttpRequest) -> HttpResponse:
    page = request.POST.get("page", "")
    if over_limit("feedback", client_ip(request), [parse_rate(r) for r in RATES]):
        return _answer(request, 429, REFUSED, page=page)
    if not _same_origin(request):
        return _answer(request, 403, NOT_FROM_US, page=page)
    form = FeedbackForm(request.POST)
    if form.data.get("website"):
        # A robot: answer as if all went well, keep nothing.
        return _thanks(request, THANKS, None)
    if not form.is_valid():
        if form.data.get("token") and not _wants_json(request):
            return _comment_page(request, form.data.get("token", ""), form, status=400)
        first = next(iter(form.errors.values()))[0]
        return _answer(request, 400, first, form=form)
    data = form.cleaned_data

    if data["token"]:
        # The comment that follows a "No" (a second step, so the vote counts even
        # when no comment comes).
        feedback = _from_token(data["token"])
        if feedback is None:
            return _answer(request, 400, EXPIRED)
        if not data["comment"]:
            return _thanks(request, THANKS, feedback)
        feedback.comment = data["comment"]
        feedback.save(update_fields=["comment"])
        return _thanks(request, THANKS_COMMENT, feedback)

    read = _read_page(data["page"])
    if read is None or data["useful"] not in ("yes", "no"):
        return _answer(request, 400, UNKNOWN_PAGE, page=data["page"], form=form)
    rule_id, answers = read
    feedback = _store_once(
        data["request_key"] or None,
        rule_id=rule_id,
        answers=answers,
        useful=data["useful"] == "yes",
        comment=data["comment"],
    )
    if feedback.useful or feedback.comment:
        return _thanks(request, THANKS_COMMENT if feedback.comment else THANKS, feedback)
    token = _token(feedback)
    if _wants_json(request):
        return JsonResponse({"ok": True, "message": ASK_MORE, "token": token})
    return _see_other(f"{reverse('rules:feedback-comment')}?{urlencode({'token': token})}")


def _store_once(key: str | None, **fields) -> Feedback:
    """The vote stored once: a retry with the key of a stored vote gets that vote back."""
    if key:
        stored = Feedback.objects.filter(request_key=key).first()
        if stored is not None:
            return stored
        try:
            with transaction.atomic():
                return Feedback.objects.create(request_key=key, **fields)
        except IntegrityError:  # the first try of this vote, stored in the meantime
            return Feedback.objects.get(request_key=key)
    return Feedback.objects.create(**fields)


def _comment_page(
    request: HttpRequest, token: str, form: FeedbackForm | None = None, status: int = 200
) -> HttpResponse:
    feedback = _from_token(token)
    if feedback is None:
        return _answer(request, 400, EXPIRED)
    errors = [e for es in form.errors.values() for e in es] if form is not None else []
    ctx = {
        "token": token,
        "back_url": feedback.page_url(),
        "comment": form.data.get("comment", "") if form is not None else "",
        "errors": errors,
        "comment_max": COMMENT_MAX_LENGTH,
    }
    return render(request, "rules/feedback_comment.html", ctx, status=status)


@never_cache
@require_safe
def comment(request: HttpRequest) -> HttpResponse:
    """After “No”, without JavaScript: the optional comment box."""
    return _comment_page(request, request.GET.get("token", ""))


@never_cache
@require_safe
def thanks(request: HttpRequest) -> HttpResponse:
    try:
        pk = int(
            signing.TimestampSigner(salt=TOKEN_SALT).unsign(
                request.GET.get("token", ""), max_age=TOKEN_MAX_AGE
            )
        )
    except (signing.BadSignature, ValueError):
        feedback = None
    else:
        feedback = Feedback.objects.filter(pk=pk).first()
    ctx = {
        "commented": bool(feedback and feedback.comment),
        "back_url": feedback.page_url() if feedback else reverse("questionnaire:start"),
        "back_is_tables": bool(feedback and feedback.is_tables),
    }
    return render(request, "rules/feedback_thanks.html", ctx)
