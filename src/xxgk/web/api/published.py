"""The published annual reports as the public sees them: the latest version of each report of
an active agency. The annual app's selectors answer for one agency; the API lists across all,
so this query reads `PublishedVersion` directly (published rows only, never drafts)."""

from __future__ import annotations

from django.db.models import Exists, OuterRef, QuerySet

from xxgk.web.annual.models import PublishedVersion
from xxgk.web.orgs.models import Organisation


def latest_versions() -> QuerySet[PublishedVersion]:
    newer = PublishedVersion.objects.filter(
        organisation=OuterRef("organisation"), year=OuterRef("year"), number__gt=OuterRef("number")
    )
    active = Organisation.objects.filter(is_active=True).values("pk")
    return PublishedVersion.objects.filter(~Exists(newer), organisation_id__in=active)
