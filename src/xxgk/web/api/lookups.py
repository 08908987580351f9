"""Ids taken from query strings and paths, and the public agency an id names."""

from __future__ import annotations

from xxgk.web.api.errors import ApiError
from xxgk.web.orgs.models import Organisation

# Larger ids are refused before they reach the database (a bigint column overflows at 2**63).
BIG_ID = 2**62


def public_agency(agency_id: int) -> Organisation:
    """The active agency with this id, or the API's 404."""
    org = (
        Organisation.objects.filter(pk=agency_id, is_active=True).first() if 0 < agency_id < BIG_ID else None
    )
    if org is None:
        raise ApiError(404, "not_found", "未找到该机关。")
    return org
