from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from questionnaire import not_covered, pages, views

wizard = views.CheckWizard.as_view(url_name="questionnaire:step", done_step_name="done")

questionnaire_patterns = (
    [
        path("", pages.start, name="start"),
        path("check/", wizard, name="check"),
        path("check/<str:step>/", wizard, name="step"),
        # "Something else" on the account question leads here.
        path("not-covered/", not_covered.page, name="not-covered"),
    ],
    "questionnaire",
)

# English at today's addresses (no prefix), Spanish under /es/. The API's routes are
# in rules.web.urls too, but questionnaire.language never activates Spanish for
# /es/api/...: with English active, the prefix there is "" and /es/api/ is a 404, so
# the API stays unprefixed.
urlpatterns = [
    *i18n_patterns(
        path("", include(questionnaire_patterns)),
        path("", include("rules.web.urls")),
        prefix_default_language=False,
    ),
    path("admin/", admin.site.urls),
]

handler500 = "questionnaire.pages.server_error"
