"""URLs of annual."""

from django.urls import path

from xxgk.web.annual import views

app_name = "annual"
_REPORT = "<int:org_id>/<int:year>/"
urlpatterns = [
    path("", views.report_index, name="index"),
    path(_REPORT, views.report_detail, name="detail"),
    path(f"{_REPORT}draft/", views.draft_edit, name="draft"),
    path(f"{_REPORT}figures/", views.figures_edit, name="figures"),
    path(f"{_REPORT}figures/import/", views.figures_import, name="figures_import"),
    path(f"{_REPORT}publish/", views.publish, name="publish"),
    path(f"{_REPORT}download.<slug:fmt>", views.download, name="download"),
    path(f"{_REPORT}cases/<slug:table>/<str:row>/<slug:column>/", views.cases, name="cases"),
]
