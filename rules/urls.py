from django.urls import path

from rules import views

app_name = "rules"

urlpatterns = [
    path("results/", views.results, name="results"),
    path("tables/", views.tables_page, name="tables"),
    path("api/determination", views.api_determination, name="api"),
]
