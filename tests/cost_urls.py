"""The site's addresses plus a bare view, the floor tests/cost.py measures pages against."""

from django.http import HttpResponse
from django.urls import include, path

BARE = "/bench/bare/"


def bare(request):
    return HttpResponse(b"")


urlpatterns = [
    path(BARE.removeprefix("/"), bare),
    path("", include("questionnaire.urls")),
]
