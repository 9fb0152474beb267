"""The links and asset URLs in base.html, worked out once per process.

Every page shows them; resolving two URLs and three hashed static names on
each request was a measurable share of a page's cost (see `make bench`).
"""

from __future__ import annotations

from functools import lru_cache

from django.conf import settings
from django.templatetags.static import static
from django.urls import reverse
from django.utils import translation

from questionnaire import language
from rules.web.i18n import tr


def site_links() -> dict[str, str]:
    """The links in the active language (English or Spanish: /es/...)."""
    return _site_links(translation.get_language() or settings.LANGUAGE_CODE)


@lru_cache(maxsize=4)
def _site_links(language: str) -> dict[str, str]:
    return {
        "name": tr(settings.SITE_NAME),
        "start": reverse("questionnaire:start"),
        "check": reverse("questionnaire:check"),
        "not_covered": reverse("questionnaire:not-covered"),
        "tables": reverse("rules:tables"),
        "glossary": reverse("rules:glossary"),
        "changes": reverse("rules:changes"),
        "api": reverse("rules:api-guide"),
        "feedback": reverse("rules:feedback"),
        "css": static("css/site.css"),
        "js": static("js/site.js"),
        "favicon": static("img/favicon.svg"),
    }


def site(request) -> dict[str, object]:
    return {"site": site_links(), "language": language.alternates(request)}
