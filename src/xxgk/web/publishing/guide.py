"""The 政府信息公开指南 (第十二条), generated from the agency's own data, so it is never out of
date with its address or catalogue."""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import reverse

from xxgk.deadlines import MAX_EXTENSION_WORKING_DAYS, PUBLICATION_WORKING_DAYS, REPLY_WORKING_DAYS
from xxgk.web.orgs.models import Organisation
from xxgk.web.publishing.fields import model_field
from xxgk.web.publishing.models import CatalogueNode, Channel


@dataclass(frozen=True)
class Guide:
    organisation: Organisation
    categories: list[str]
    channels: list[str]
    publication_days: int
    reply_days: int
    extension_days: int
    apply_url: str
    contact: list[tuple[str, str]]


def guide_for(organisation: Organisation) -> Guide:
    fields = ("address", "postcode", "phone", "fax", "email", "office_hours")
    contact = [(str(model_field(Organisation, f).verbose_name), getattr(organisation, f)) for f in fields]
    categories = list(
        CatalogueNode.objects.filter(organisation=organisation, parent=None, is_active=True)
        .order_by("position", "pk")
        .values_list("title", flat=True)
    )
    return Guide(
        organisation=organisation,
        categories=categories,
        channels=[label for _, label in Channel.choices],
        publication_days=PUBLICATION_WORKING_DAYS,
        reply_days=REPLY_WORKING_DAYS,
        extension_days=MAX_EXTENSION_WORKING_DAYS,
        apply_url=reverse("portal:home") + "apply/",
        contact=[(label, value) for label, value in contact if value],
    )
