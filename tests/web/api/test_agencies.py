"""Public agencies: the tree, filters, pagination with a total, ordering and CSV."""

from __future__ import annotations

import csv
import io

from django.test import Client

from xxgk.web.demo import DemoContext
from xxgk.web.orgs.models import Organisation


def test_anonymous_reads_the_whole_active_tree(api: Client, demo: DemoContext) -> None:
    body = api.get("/api/v1/agencies?limit=1000").json()
    active = Organisation.objects.filter(is_active=True)
    assert body["total"] == active.count() == len(body["items"])
    city = next(item for item in body["items"] if item["id"] == demo.orgs["city"].pk)
    assert city["depth"] == 0 and city["parent_id"] is None
    assert city["kind_zh"] == "市级政府"


def test_chinese_is_not_escaped(api: Client, demo: DemoContext) -> None:
    raw = api.get(f"/api/v1/agencies/{demo.orgs['city'].pk}").content.decode()
    assert demo.orgs["city"].name in raw
    assert "\\u" not in raw


def test_pagination_reports_total_and_slices_in_order(api: Client, demo: DemoContext) -> None:
    everything = [item["id"] for item in api.get("/api/v1/agencies?limit=1000").json()["items"]]
    page = api.get("/api/v1/agencies?limit=2&offset=3").json()
    assert page["total"] == len(everything)
    assert (page["limit"], page["offset"]) == (2, 3)
    assert [item["id"] for item in page["items"]] == everything[3:5]


def test_ordering_by_name_descending(api: Client, demo: DemoContext) -> None:
    names = [item["name"] for item in api.get("/api/v1/agencies?ordering=-name&limit=1000").json()["items"]]
    assert names == sorted(names, reverse=True)


def test_filters_children_subtree_and_kind(api: Client, demo: DemoContext) -> None:
    city = demo.orgs["city"]
    children = api.get(f"/api/v1/agencies?parent={city.pk}&limit=1000").json()["items"]
    assert {c["id"] for c in children} == set(
        city.children.filter(is_active=True).values_list("pk", flat=True)
    )
    yzq = demo.orgs["yzq"]
    subtree = api.get(f"/api/v1/agencies?within={yzq.pk}&limit=1000").json()["items"]
    assert {s["id"] for s in subtree} == set(
        Organisation.objects.subtree_of(yzq).filter(is_active=True).values_list("pk", flat=True)
    )
    departments = api.get("/api/v1/agencies?kind=department&limit=1000").json()["items"]
    assert departments and all(d["kind"] == "department" for d in departments)


def test_csv_is_the_same_page_with_a_header(api: Client, demo: DemoContext) -> None:
    response = api.get("/api/v1/agencies?format=csv&limit=3&ordering=name")
    assert response["Content-Type"].startswith("text/csv")
    text = response.content.decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    json_items = api.get("/api/v1/agencies?limit=3&ordering=name").json()["items"]
    assert [row["name"] for row in rows] == [item["name"] for item in json_items]
    assert response["X-Total-Count"] == str(Organisation.objects.filter(is_active=True).count())


def test_tree_nests_children_under_parents(api: Client, demo: DemoContext) -> None:
    roots = api.get("/api/v1/agencies/tree").json()
    city = next(node for node in roots if node["id"] == demo.orgs["city"].pk)
    assert demo.orgs["yzq"].pk in {child["id"] for child in city["children"]}


def test_inactive_and_missing_agencies_are_404(api: Client, demo: DemoContext) -> None:
    org = demo.orgs["jyj"]
    Organisation.objects.filter(pk=org.pk).update(is_active=False)
    for agency_id in (org.pk, 999_999, 10**30):
        response = api.get(f"/api/v1/agencies/{agency_id}")
        assert response.status_code == 404
        assert response.json()["code"] == "not_found"
