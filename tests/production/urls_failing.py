"""The site's URLs plus views that fail, to see what a visitor gets when something breaks."""

from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.urls import path

from questionnaire.urls import handler500
from questionnaire.urls import urlpatterns as site_urlpatterns

SECRET_DETAIL = "secret detail /srv/app/settings.py DATABASE_PASSWORD=hunter2"


def boom(request):
    raise RuntimeError(SECRET_DETAIL)


def suspicious(request):
    raise SuspiciousOperation(SECRET_DETAIL)


def denied(request):
    raise PermissionDenied(SECRET_DETAIL)


urlpatterns = [
    path("boom/", boom),
    path("suspicious/", suspicious),
    path("denied/", denied),
    *site_urlpatterns,
]

__all__ = ["handler500", "urlpatterns"]
