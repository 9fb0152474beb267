from django.contrib import admin
from django.urls import include, path

from questionnaire import views

wizard = views.CheckWizard.as_view(url_name="questionnaire:step", done_step_name="done")

questionnaire_patterns = (
    [
        path("", views.start, name="start"),
        path("check/", wizard, name="check"),
        path("check/<str:step>/", wizard, name="step"),
    ],
    "questionnaire",
)

urlpatterns = [
    path("", include(questionnaire_patterns)),
    path("", include("rules.urls")),
    path("admin/", admin.site.urls),
]

handler500 = "questionnaire.views.server_error"
