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

urlpatterns = [
    path("", include(questionnaire_patterns)),
    path("", include("rules.web.urls")),
    path("admin/", admin.site.urls),
]

handler500 = "questionnaire.pages.server_error"
