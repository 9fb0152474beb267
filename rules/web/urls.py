from django.urls import path

from rules.feedback import views as feedback
from rules.web import amount_views, changes, tables_page, views

app_name = "rules"

urlpatterns = [
    path("results/", views.results, name="results"),
    path("tables/", tables_page.tables_page, name="tables"),
    path("glossary/", views.glossary_page, name="glossary"),
    path("changes/", changes.changes_page, name="changes"),
    path("changes/feed/", changes.changes_feed, name="changes-feed"),
    path("api/", views.api_guide, name="api-guide"),
    path("api/openapi.json", views.openapi_document, name="openapi"),
    path("api/v1/determination", views.api_determination, name="api-v1"),
    # The first, unversioned path: the same answers, for links already out there.
    path("api/determination", views.api_determination, name="api"),
    path("api/v1/amounts", amount_views.api_amounts, name="amounts-api-v1"),
    path("api/amounts", amount_views.api_amounts, name="amounts-api"),
    *(
        path(f"amounts/{slug}/", view, name=f"amounts-{slug}")
        for slug, view in amount_views.PAGES.items()
    ),
    path("feedback/", feedback.submit, name="feedback"),
    path("feedback/comment/", feedback.comment, name="feedback-comment"),
    path("feedback/thanks/", feedback.thanks, name="feedback-thanks"),
]
