"""The public portal: the home page, and one URL module per bounded context's public part.

applying/ — the online application form and status tracking (applications);
consulting/ — the 咨询 form and the answer look-up (consultations);
column/   — each agency's 政府信息公开 column: 指南, 目录, publications, registry, search (publishing);
reports/  — the published annual reports (annual).
"""

from django.urls import include, path

from xxgk.web.portal import views

app_name = "portal"
urlpatterns = [
    path("", views.home, name="home"),
    path("apply/", include("xxgk.web.portal.applying.urls")),
    path("ask/", include("xxgk.web.portal.consulting.urls")),
    path("mode/", views.display_mode, name="display_mode"),
    path("gk/", include("xxgk.web.portal.column.urls")),
    path("reports/", include("xxgk.web.portal.reports.urls")),
]
