from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import urlencode

from django.core.cache import cache
from django.http import HttpRequest, HttpResponse, JsonResponse, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import get_conditional_response
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_safe

from rules import engine, law, presenters, tables
from rules import vocabulary as v
from rules.texts import EditorText
from rules.texts import explanation as _explanation
from rules.validation import validate

logger = logging.getLogger(__name__)


@csrf_exempt  # read-only JSON: a POST gets 405, not a CSRF 403
@require_safe
def api_determination(request: HttpRequest) -> JsonResponse:
    answers, errors = validate(request.GET)
    if errors:
        return JsonResponse({"errors": errors}, status=400)
    return HttpResponse(_api_body(answers, timezone.localdate()), content_type="application/json")


@lru_cache(maxsize=8192)  # valid answers x days: a bounded space
def _api_body(answers: engine.Answers, today) -> bytes:
    """The JSON for one set of answers: a pure function of them and of the day."""
    return JsonResponse(presenters.as_json(engine.determine(answers))).content


def _invalid(request: HttpRequest, errors: dict[str, list[str]]) -> HttpResponse:
    ctx = {
        "errors": [(v.FIELD_LABELS.get(f, f), m) for f, ms in errors.items() for m in ms],
    }
    return render(request, "rules/invalid.html", ctx, status=400)


@dataclass(frozen=True)
class _Reading:
    """What a results query string says: an answer, a better URL, or errors."""

    answers: engine.Answers | None = None
    url: str = ""  # the canonical URL (path and query), for an answer or a redirect
    redirect: bool = False
    permanent: bool = False
    errors: dict | None = None


def _read(query_string: str, current_year: int) -> _Reading:
    # Real links are short; a long query string is read afresh rather than kept.
    if len(query_string) > 200:
        return _read_query(query_string, current_year)
    return _read_cached(query_string, current_year)


def _read_query(query_string: str, current_year: int) -> _Reading:
    """A pure function of the query string and the current tax year."""
    query = QueryDict(query_string)
    answers, errors = validate(query, current_year)
    if errors:
        return _Reading(errors=errors)
    canonical = urlencode(engine.canonical(answers))
    url = f"{reverse('rules:results')}?{canonical}"
    if query_string != canonical:
        # A filled-in default year changes every January: never cache that redirect.
        permanent = bool(query.get("year")) or "year" not in engine.canonical(answers)
        return _Reading(url=url, redirect=True, permanent=permanent)
    return _Reading(answers=engine.normalise(answers), url=url)


# Bounded; the same few thousand links are asked for again and again.
_read_cached = lru_cache(maxsize=8192)(_read_query)


@require_safe
def results(request: HttpRequest) -> HttpResponse:
    reading = _read(request.META.get("QUERY_STRING", ""), law.current_tax_year())
    if reading.errors:
        return _invalid(request, reading.errors)
    if reading.redirect:
        return redirect(reading.url, permanent=reading.permanent)
    answers = reading.answers
    d = engine.determine(answers)
    text = _explanation(d.rule)
    share_url = request.build_absolute_uri(reading.url)
    etag = presenters.results_etag(
        share_url, text.updated_at if text else None, timezone.localdate()
    )
    response = get_conditional_response(request, etag=etag)
    if response is None:
        # The ETag names everything the page depends on, so it is the cache key too.
        key = f"results:{etag}"
        content = cache.get(key)
        if content is None:
            content = _render_results(request, answers, d, text, share_url).content
            cache.set(key, content)
        response = HttpResponse(content)
    response.headers["ETag"] = etag
    return response


def _render_results(
    request: HttpRequest,
    answers: engine.Answers,
    d: engine.Determination,
    text: EditorText | None,
    share_url: str,
) -> HttpResponse:
    ctx = {
        "d": d,
        "explanation": text,
        "outcome": v.OUTCOMES[d.outcome],
        "answers": presenters.answer_rows(answers),
        "alternatives": [
            (alt, presenters.results_url(alt.answers)) for alt in engine.alternatives(answers)
        ],
        "branches": presenters.branch_rows(d),
        "share_url": share_url,
        "table_links": presenters.table_links(d),
        "first_year": engine.first_year(answers.account, answers.contribution),
        "first_year_is_floor": engine.first_year(answers.account, answers.contribution)
        == law.FIRST_TAX_YEAR,
        "year_matters": "year" in engine.canonical(answers),
        "law_period": d.law_period,
        "law_name": law.LAW_NAMES[d.law_period.label] if d.law_period else "",
    }
    return render(request, "rules/results.html", ctx)


@require_safe
def tables_page(request: HttpRequest) -> HttpResponse:
    current = law.current_tax_year()
    # The tables are a pure function of the rules, the templates and the tax year.
    key = f"tables:{presenters.SITE_VERSION}:{current}"
    content = cache.get(key)
    if content is None:
        ctx = {
            "accounts": tables.account_rows(current),
            "situations": tables.situation_rows(current),
            "current_year": current,
        }
        content = render(request, "rules/tables.html", ctx).content
        cache.set(key, content)
    return HttpResponse(content)
