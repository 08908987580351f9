"""Public reads of the portal. Nothing here returns personal information."""

from __future__ import annotations

from django.db.models import QuerySet

from xxgk.web.orgs.models import Organisation


def public_agencies() -> QuerySet[Organisation]:
    """Active agencies in tree order."""
    return Organisation.objects.filter(is_active=True).order_by("path")
