"""Reads on organisations and roles, already limited to what the user may see."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from xxgk.web.orgs.models import Membership, Organisation
from xxgk.web.orgs.scoping import get_visible, scope, visible_orgs


def organisations_for(user: Any) -> QuerySet[Organisation]:
    """Visible organisations in tree order (by path)."""
    return visible_orgs(user).select_related("parent").order_by("path")


def organisation_for(user: Any, pk: int) -> Organisation:
    """One visible organisation, or NotVisible (404)."""
    return get_visible(Organisation.objects.select_related("parent"), user, org_field="pk", pk=pk)


def memberships_in(user: Any, organisation: Organisation) -> QuerySet[Membership]:
    """Who holds which role in a visible organisation."""
    return scope(Membership.objects.filter(organisation=organisation), user).select_related("user")


def my_memberships(user: Any) -> QuerySet[Membership]:
    """The user's own roles, for the dashboard."""
    if not getattr(user, "is_authenticated", False):
        return Membership.objects.none()
    return Membership.objects.filter(user=user).select_related("organisation")


def membership_for(user: Any, pk: int) -> Membership:
    return get_visible(Membership.objects.select_related("organisation", "user"), user, pk=pk)
