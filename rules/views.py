from __future__ import annotations

from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_safe

from rules import engine, law, presenters, tables
from rules import vocabulary as v
from rules.validation import validate


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
    ctx = {
        "d": d,
        "outcome": v.OUTCOMES[d.outcome],
        "answers": presenters.answer_rows(answers),
        "alternatives": [
            (alt, presenters.results_url(alt.answers)) for alt in engine.alternatives(answers)
        ],
        "branches": presenters.branch_rows(d),
        "share_url": request.build_absolute_uri(presenters.results_url(answers)),
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
