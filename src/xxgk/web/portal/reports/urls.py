"""Public URLs: reports."""

from django.urls import path

from xxgk.web.portal.reports import views

urlpatterns = [
    path("", views.report_list, name="reports"),
    path("<int:org_id>/<int:year>/", views.report_page, name="report"),
    path("<int:org_id>/<int:year>/report.<slug:fmt>", views.report_file, name="report_file"),
]
