from __future__ import annotations

import logging
from urllib.parse import urlencode

from django.db import DatabaseError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import get_conditional_response
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_safe

from rules import engine, law, presenters, tables
from rules import vocabulary as v
from rules.models import Explanation
from rules.validation import validate

logger = logging.getLogger(__name__)


@csrf_exempt  # read-only JSON: a POST gets 405, not a CSRF 403
@require_safe
def api_determination(request: HttpRequest) -> JsonResponse:
    answers, errors = validate(request.GET)
    if errors:
        return JsonResponse({"errors": errors}, status=400)
    return JsonResponse(presenters.as_json(engine.determine(answers)))


def _invalid(request: HttpRequest, errors: dict[str, list[str]]) -> HttpResponse:
    ctx = {
        "errors": [(v.FIELD_LABELS.get(f, f), m) for f, ms in errors.items() for m in ms],
    }
    return render(request, "rules/invalid.html", ctx, status=400)


@require_safe
def results(request: HttpRequest) -> HttpResponse:
    answers, errors = validate(request.GET)
    if errors:
        return _invalid(request, errors)
    canonical = urlencode(engine.canonical(answers))
    if request.META.get("QUERY_STRING", "") != canonical:
        # A filled-in default year changes every January: never cache that redirect.
        permanent = "year" in request.GET or "year" not in engine.canonical(answers)
        return redirect(f"{reverse('rules:results')}?{canonical}", permanent=permanent)
    answers = engine.normalise(answers)
    d = engine.determine(answers)
    text = _explanation(d.rule)
    share_url = request.build_absolute_uri(presenters.results_url(answers))
    etag = presenters.results_etag(
        share_url, text.updated_at if text else None, timezone.localdate()
    )
    response = get_conditional_response(request, etag=etag)
    if response is None:
        response = _render_results(request, answers, d, text, share_url)
    response.headers["ETag"] = etag
    return response


def _explanation(rule_id: str) -> Explanation | None:
    """The editor text for a rule: the page's one query. None means use the engine's text."""
    try:
        return Explanation.objects.filter(rule_id=rule_id).first()
    except DatabaseError:
        # The verdict does not need the database: answer with the engine's own words.
        logger.warning("No explanation text for %s: database error", rule_id, exc_info=True)
        return None


def _render_results(
    request: HttpRequest,
    answers: engine.Answers,
    d: engine.Determination,
    text: Explanation | None,
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
    ctx = {
        "accounts": tables.account_rows(current),
        "situations": tables.situation_rows(current),
        "current_year": current,
    }
    return render(request, "rules/tables.html", ctx)
