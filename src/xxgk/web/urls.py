"""Root URLs. The staff site lives under /staff/ (each app adds one line to STAFF_APPS), the REST
API under /api/, and the public portal claims the site root.
"""

from django.contrib import admin
from django.urls import include, path

# (URL prefix under /staff/, urls module).
STAFF_APPS = [
    ("orgs/", "xxgk.web.orgs.urls"),
    ("audit/", "xxgk.web.audit.urls"),
    ("calendar/", "xxgk.web.calendar.urls"),
    ("applications/", "xxgk.web.applications.urls"),
    ("consultations/", "xxgk.web.consultations.urls"),
    ("remedies/", "xxgk.web.remedies.urls"),
    ("publishing/", "xxgk.web.publishing.urls"),
    ("annual/", "xxgk.web.annual.urls"),
    ("rollup/", "xxgk.web.rollup.urls"),
    ("tokens/", "xxgk.web.api.staff_urls"),
    ("jobs/", "xxgk.web.jobs.urls"),
]

urlpatterns = [
    path("admin/", admin.site.urls),
    path("staff/", include("xxgk.web.ui.urls")),
    *(path(f"staff/{prefix}", include(module)) for prefix, module in STAFF_APPS),
    path("api/", include("xxgk.web.api.urls")),
    path("", include("xxgk.web.portal.urls")),
]
