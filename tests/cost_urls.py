"""The site's addresses plus a bare view, the floor tests/cost.py measures pages against."""

from django.http import HttpResponse
from django.urls import path

from questionnaire.urls import urlpatterns as site_patterns

BARE = "/bench/bare/"


def bare(request):
    return HttpResponse(b"")


urlpatterns = [
    path(BARE.removeprefix("/"), bare),
    # Not include(): the site's URLconf uses i18n_patterns, allowed only at the root.
    *site_patterns,
]
