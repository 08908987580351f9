"""Root URLs. The staff site lives under /staff/; each app adds one line to STAFF_APPS.

The site root redirects to the staff dashboard until the public portal claims it.
"""

from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView

# (URL prefix under /staff/, urls module). Later apps: applications, remedies, publishing, annual, rollup.
STAFF_APPS = [
    ("orgs/", "xxgk.web.orgs.urls"),
    ("audit/", "xxgk.web.audit.urls"),
]

urlpatterns = [
    path("admin/", admin.site.urls),
    path("staff/", include("xxgk.web.ui.urls")),
    *(path(f"staff/{prefix}", include(module)) for prefix, module in STAFF_APPS),
    path("", RedirectView.as_view(pattern_name="ui:dashboard", permanent=False)),
]
