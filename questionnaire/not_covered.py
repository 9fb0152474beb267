"""The page behind "Something else" on the account question: what the tool does not
cover, and where to look instead (the content is in rules.law.not_covered)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_safe

from rules.law import not_covered
from rules.law.accounts import COVERED_SHORT
from rules.web.i18n import tr


@require_safe
def page(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "questionnaire/not_covered.html",
        {
            "groups": not_covered.GROUPS,
            "covered_after_all": [(tr(a), tr(b)) for a, b in not_covered.COVERED_AFTER_ALL],
            "covered": tr(COVERED_SHORT),
            "account_question": reverse("questionnaire:step", kwargs={"step": "account"}),
        },
    )
