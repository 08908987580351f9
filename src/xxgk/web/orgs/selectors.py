"""Reads on organisations and roles, already limited to what the user may see."""

from __future__ import annotations

from django.db.models import QuerySet

from xxgk.web.orgs.actors import Actor, acting_user
from xxgk.web.orgs.models import Membership, Organisation
from xxgk.web.orgs.scoping import get_visible, scope, visible_orgs


def organisations_for(user: Actor) -> QuerySet[Organisation]:
    """Visible organisations in tree order (by path)."""
    return visible_orgs(user).select_related("parent").order_by("path")


def organisation_for(user: Actor, pk: int) -> Organisation:
    """One visible organisation, or NotVisible (404)."""
    return get_visible(Organisation.objects.select_related("parent"), user, org_field="pk", pk=pk)


def memberships_in(user: Actor, organisation: Organisation) -> QuerySet[Membership]:
    """Who holds which role in a visible organisation."""
    return scope(Membership.objects.filter(organisation=organisation), user).select_related("user")


def my_memberships(user: Actor) -> QuerySet[Membership]:
    """The user's own roles, for the dashboard."""
    member = acting_user(user)
    if member is None:
        return Membership.objects.none()
    return Membership.objects.filter(user=member).select_related("organisation")


def membership_for(user: Actor, pk: int) -> Membership:
    return get_visible(Membership.objects.select_related("organisation", "user"), user, pk=pk)
