"""Proactive disclosure: published items only (with their public text), the registry with
validity on a given day, the catalogue, filters, ordering and CSV."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
from django.db import transaction
from django.test import Client
from django.utils import timezone

from xxgk.web.demo import DemoContext
from xxgk.web.publishing import portal_selectors
from xxgk.web.publishing.demo import load as load_publishing
from xxgk.web.publishing.models import Publication, RegulatoryDocument, State, Validity


@pytest.fixture
def published(demo: DemoContext) -> DemoContext:
    with transaction.atomic():
        load_publishing(demo)
    return demo


def test_only_listed_publications_appear(api: Client, published: DemoContext) -> None:
    body = api.get("/api/v1/publications?limit=1000").json()
    assert body["total"] == portal_selectors.listed_publications().count() > 0
    ids = {item["id"] for item in body["items"]}
    hidden = Publication.objects.exclude(pk__in=portal_selectors.listed_publications().values("pk"))
    assert hidden.exists() and not ids & set(hidden.values_list("pk", flat=True))
    assert not ids & set(Publication.objects.filter(state=State.WITHDRAWN).values_list("pk", flat=True))
    first = body["items"][0]
    assert first["url"] == f"http://testserver/gk/{first['agency_id']}/p/{first['id']}/"


def test_publication_filters_ordering_and_csv(api: Client, published: DemoContext) -> None:
    org = published.orgs["cihua"].pk
    body = api.get(f"/api/v1/publications?agency={org}&limit=1000&ordering=published_at").json()
    assert body["total"] == portal_selectors.listed_publications().filter(organisation_id=org).count() > 0
    assert {i["agency_id"] for i in body["items"]} == {org}
    times = [i["published_at"] for i in body["items"]]
    assert times == sorted(times)
    text = api.get(f"/api/v1/publications?agency={org}&limit=3&format=csv").content.decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == 3 and all(r["agency_id"] == str(org) for r in rows)


def test_registry_validity_on_a_day(api: Client, published: DemoContext) -> None:
    today = timezone.localdate()
    everything = api.get("/api/v1/registry?limit=1000").json()
    assert everything["total"] == RegulatoryDocument.objects.count()
    for validity in Validity:
        rows = api.get(f"/api/v1/registry?limit=1000&validity={validity}").json()["items"]
        expected = RegulatoryDocument.objects.with_validity(validity, today)
        assert {r["id"] for r in rows} == set(expected.values_list("pk", flat=True))
        assert all(r["validity"] == validity and r["validity_zh"] == validity.label for r in rows)
    # Thirty years on, the documents with a period of validity have expired.
    later = dt.date(today.year + 30, 1, 1)
    rows = api.get(f"/api/v1/registry?limit=1000&on={later}").json()["items"]
    by_id = {r["id"]: r["validity"] for r in rows}
    for doc in RegulatoryDocument.objects.all():
        assert by_id[doc.pk] == doc.validity_on(later)


def test_registry_date_range_kind_and_bad_values(api: Client, published: DemoContext) -> None:
    rows = api.get(
        "/api/v1/registry?limit=1000&kind=regulations&issued_from=2025-01-01&issued_to=2025-12-31"
    ).json()
    expected = RegulatoryDocument.objects.filter(kind="regulations", issued_on__year=2025)
    assert {r["id"] for r in rows["items"]} == set(expected.values_list("pk", flat=True))
    bad = api.get("/api/v1/registry?validity=maybe&on=2025-13-01")
    assert bad.status_code == 422
    assert {d["field"] for d in bad.json()["details"]} == {"validity", "on"}


def test_catalogue_of_an_agency(api: Client, published: DemoContext) -> None:
    org = published.orgs["cihua"]
    tree = api.get(f"/api/v1/agencies/{org.pk}/catalogue").json()
    expected = portal_selectors.catalogue_tree(org)
    assert [n["title"] for n in tree] == [node.title for node, _ in expected]
    assert api.get("/api/v1/agencies/999999/catalogue").status_code == 404
