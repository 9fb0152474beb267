"""The pages that are pure functions of their URL (results, tables, the JSON API).

Each reads the clock once, at the top, and passes the day down.
"""

from __future__ import annotations

import hashlib
import json
import logging
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from urllib.parse import urlencode

from django.core.cache import cache
from django.http import HttpRequest, HttpResponse, JsonResponse, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.cache import get_conditional_response
from django.utils.translation import get_language
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_safe

from questionnaire import site
from questionnaire.middleware import pure_page
from questionnaire.paths import path as site_path
from questionnaire.versioning import results_etag
from rules.editor.texts import EditorText
from rules.editor.texts import explanation as _explanation
from rules.law import clock, engine, questions
from rules.law import parameters as law
from rules.law import vocabulary as v
from rules.law.answers import Answers
from rules.law.not_covered import SOMETHING_ELSE
from rules.law.validation import validate
from rules.web import (
    api_language,
    glossary,
    link_reading,
    made,
    openapi,
    presenters,
    result_page,
    validation_words,
)
from rules.web.i18n import tr

logger = logging.getLogger(__name__)

_NONE = v.Account("", "", "", (), None, ())


def _json(
    request: HttpRequest, body: bytes, etag: str | None, now: datetime, *, status: int = 200
) -> HttpResponse:
    """A JSON answer that holds until the next midnight US Eastern (when the tax year or
    the time left to claim can change), public for any cache; 304 when the client's
    ETag still holds."""
    response = HttpResponse(body, content_type="application/json", status=status)
    response["Cache-Control"] = f"public, max-age={clock.seconds_to_next_day(now)}"
    if etag is None:
        return response
    response["ETag"] = etag
    return get_conditional_response(request, etag=etag, response=response)


def _etag(body: bytes) -> str:
    return f'"{hashlib.blake2b(body, digest_size=16).hexdigest()}"'


@pure_page
@csrf_exempt  # read-only JSON: a POST gets 405, not a CSRF 403
@require_safe
def api_determination(request: HttpRequest) -> HttpResponse:
    now = clock.now()  # the one read of the clock: the day, and the time to its end
    today = now.date()
    language, bad_language = api_language.chosen(request)
    if bad_language:
        body = JsonResponse({"errors": {"lang": [bad_language]}}).content
        return api_language.label(_json(request, body, None, now, status=400), "en")
    with translation.override(language):
        answers, errors = validate(request.GET, current=clock.tax_year(today))
        query = request.META.get("QUERY_STRING", "")
        made_day, made_error = made.read(made.split(query)[1], today)
        if made_error:
            errors = {**errors, made.NAME: [made_error]}
        if errors:
            body = JsonResponse({"errors": validation_words.errors(errors)}).content
            return api_language.label(_json(request, body, None, now, status=400), language)
        # A link made on a day after which its answer did not change reads as any such
        # day; a body that names the day (the answer changed since) is not kept.
        changed = made_day is not None and made.changed_since(answers, made_day, today)
        build = _api_body.__wrapped__ if changed else _api_body
        key = made_day if changed else made_day is not None
        return api_language.label(_json(request, *build(answers, today, key, language), now),
                                  language)


# Keyed by validated answers, the day, the language and (only when the answer changed
# since) the day the link was made: a bounded space, never by what a client typed.
@lru_cache(maxsize=8192)
def _api_body(
    answers: Answers, today: date, made_day: date | bool, language: str = "en"
) -> tuple[bytes, str]:
    """The JSON for one set of answers and its ETag: a pure function of them and of the
    day (the tax year decides which answers matter; the day, whether a refund can still
    be claimed). The ETag is the body's hash, so a deploy that changes it changes it.
    `made_day`: False without `made`, True with one after which nothing changed."""
    with translation.override(language):
        data = presenters.as_json(engine.determine(answers), today)
        if made_day is not False:
            notice = made.changed_since(answers, made_day, today) if made_day is not True else None
            data["changed_since_made"] = notice.as_json() if notice else None
        body = JsonResponse(data).content
    return body, _etag(body)


@lru_cache(maxsize=2)
def _openapi_body(today: date) -> tuple[bytes, str]:
    body = JsonResponse(openapi.document(today), json_dumps_params={"indent": 1}).content
    return body, _etag(body)


@pure_page
@csrf_exempt
@require_safe
def openapi_document(request: HttpRequest) -> HttpResponse:
    now = clock.now()
    return _json(request, *_openapi_body(now.date()), now)


def _unprefixed(name: str) -> str:
    with translation.override("en"):
        return reverse(name)


def _said(body: dict) -> dict:
    """An error body's messages in the active language, as the API says them."""
    if "errors" in body:
        return {"errors": validation_words.errors(body["errors"])}
    return body


@require_safe
def api_guide(request: HttpRequest) -> HttpResponse:
    """/api/: the page for people who build on the API. A pure function of the day and
    the host."""
    today = clock.today()
    # The curl examples name this site: the key holds the (validated) host too.
    key = f"api-guide:{today.isoformat()}:{site.origin(request)}:{get_language()}"
    content = cache.get(key)
    if content is None:
        lang_param = "" if get_language() == "en" else f"&lang={get_language()}"
        ctx = {
            # The JSON is never under /es/ (questionnaire.language): English addresses.
            "openapi_url": _unprefixed("rules:openapi"),
            "api_url": _unprefixed("rules:api-v1"),
            "site_origin": site.origin(request),
            "current_year": clock.tax_year(today),
            "first_year": law.FIRST_TAX_YEAR,
            # On a page in another language, the examples ask in it (lang=es).
            "example_query": urlencode(openapi.DETERMINATION_EXAMPLES[0][2]) + lang_param,
            "example": json.dumps(
                openapi.answered(openapi.DETERMINATION_EXAMPLES[0][2], today), indent=2,
                ensure_ascii=lang_param == "",
            ),
            "error_query": urlencode(openapi.DETERMINATION_ERRORS[0][2]) + lang_param,
            "error": json.dumps(_said(openapi.answered(openapi.DETERMINATION_ERRORS[0][2], today)),
                                ensure_ascii=lang_param == ""),
        }
        content = render(request, "rules/api.html", ctx).content
        cache.set(key, content)
    return HttpResponse(content)


def _invalid(
    request: HttpRequest, errors: dict[str, list[str]], current: int, *,
    made_error: str | None = None, answer_url: str = "",
) -> HttpResponse:
    """A results link that cannot be answered: what went wrong, what could be read, and
    the way on (the wizard, with the answers read filled in; the answer itself when only
    the day the link was made is wrong)."""
    query = QueryDict(request.META.get("QUERY_STRING", ""))
    reading = link_reading.read(query, current=current)
    resume = ""
    if reading.answers and not answer_url:
        wizard = reverse("questionnaire:step", kwargs={"step": "review"})
        resume = f"{wizard}?{urlencode(reading.answers)}"
    only_made = bool(made_error) and not errors
    ctx = {
        "reading": reading,
        "heading": made.HEADING if only_made else reading.heading,
        "summary": made.SUMMARY if only_made else reading.summary,
        "answer_url": answer_url,
        "problems": [p.message for p in reading.problems] + ([made_error] if made_error else []),
        "rows": reading.rows(),
        "resume_url": resume,
        "ways_on": _ways_on(query, errors, current),
        "not_covered": query.get("account") == SOMETHING_ELSE.slug,
    }
    return render(request, "rules/invalid.html", ctx, status=400)


def _ways_on(query: QueryDict, errors: dict[str, list[str]], current: int) -> list[dict]:
    """When only the kind of money is wrong (a link to a combination that cannot
    exist), the answers for each kind the account can hold."""
    if set(errors) != {"contribution"}:
        return []
    ways = []
    for contribution in v.ACCOUNTS.get(query.get("account", "").lower(), _NONE).contributions:
        fixed = query.copy()
        fixed["contribution"] = contribution
        answers, still = validate(fixed, current=current)
        if answers is not None and not still:
            ways.append(
                {
                    "label": tr(v.CONTRIBUTIONS[contribution].label),
                    "url": presenters.results_url(answers, current),
                }
            )
    return ways


@dataclass(frozen=True)
class _Reading:
    """What a results query string says: an answer, a better URL, or errors."""

    answers: engine.Answers | None = None
    url: str = ""  # the canonical URL (path and query), for an answer or a redirect
    redirect: bool = False
    permanent: bool = False
    errors: dict | None = None


def _read(query_string: str, current: int) -> _Reading:
    """A pure function of the query string and the current tax year."""
    query = QueryDict(query_string)
    answers, errors = validate(query, current=current)
    if errors:
        return _Reading(errors=errors)
    canonical = questions.canonical(answers, current)
    url = f"{site_path('rules:results')}?{urlencode(canonical)}"
    if query_string != urlencode(canonical):
        # Permanent only when the new URL keeps exactly the answers given (reordered,
        # lower-cased, unknown parameters dropped). Dropping an answer that does not
        # matter today, or filling in this year, is temporary: a later law, or the
        # next January, can make the link mean something else.
        given = {name for name in questions.QUESTIONS if query.get(name, "").strip()}
        return _Reading(url=url, redirect=True, permanent=given == set(canonical))
    return _Reading(answers=questions.normalise(answers, current), url=url)


@pure_page
@require_safe
def results(request: HttpRequest) -> HttpResponse:
    today = clock.today()
    current = clock.tax_year(today)
    query_string, made_values = made.split(request.META.get("QUERY_STRING", ""))
    reading = _read(query_string, current)
    made_day, made_error = made.read(made_values, today)
    if reading.errors or made_error:
        return _invalid(
            request, reading.errors or {}, current, made_error=made_error,
            answer_url="" if reading.errors else reading.url,
        )
    if reading.redirect:
        url = made.with_made(reading.url, made_day) if made_day else reading.url
        return redirect(url, permanent=reading.permanent)
    answers = reading.answers
    determination = engine.determine(answers)
    text = _explanation(determination.rule)
    share_url = site.absolute(request, reading.url)  # the canonical URL: without made
    law_changed = made.changed_since(answers, made_day, today) if made_day else None
    # The notice (and so the page) depends on the day the link was made only when the
    # answer changed since: other links share the page and its ETag.
    etag = results_etag(
        share_url, text.updated_at if text else None, today,
        law_changed.made if law_changed else None,
    )
    response = get_conditional_response(request, etag=etag)
    if response is None:
        # The ETag names everything the page depends on, so it is the cache key too. A
        # page with a notice is not kept: its key would name a day a client chose.
        key = f"results:{get_language()}:{etag}"
        content = None if law_changed else cache.get(key)
        if content is None:
            content = _render_results(
                request, answers, determination, text, share_url, today, law_changed
            ).content
            if not law_changed:
                cache.set(key, content)
        response = HttpResponse(content)
    response.headers["ETag"] = etag
    return response


def _render_results(
    request: HttpRequest,
    answers: engine.Answers,
    determination: engine.Determination,
    text: EditorText | None,
    share_url: str,
    today: date,
    law_changed: made.LawChanged | None = None,
) -> HttpResponse:
    ctx = result_page.context(answers, determination, text, share_url, today)
    ctx["today"] = today
    ctx["made_url"] = made.with_made(share_url, today)  # what the share box offers
    ctx["law_changed"] = law_changed
    return render(request, "rules/results.html", ctx)


@require_safe
def glossary_page(request: HttpRequest) -> HttpResponse:
    """/glossary/: the tax words the answers use, in plain words. A pure function of the
    code and the tax year (its figures are that year's)."""
    current = clock.current_tax_year()
    key = f"glossary:{current}:{get_language()}:{request.get_host()}"
    content = cache.get(key)
    if content is None:
        ctx = {
            "terms": [
                {
                    "term": t,
                    "name": tr(t.term),
                    "meaning": tr(t.meaning).format(**law.facts(current)),
                    "also": [
                        {"slug": s, "name": tr(glossary.TERMS_BY_SLUG[s].term)} for s in t.also
                    ],
                }
                for t in glossary.TERMS
            ],
            "current_year": current,
        }
        content = render(request, "rules/glossary.html", ctx).content
        cache.set(key, content)
    return HttpResponse(content)
