"""Published annual reports: only what was published, latest version by default, filters,
links to the portal's files, findings and indicators."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client

from xxgk.web.annual.models import Draft
from xxgk.web.demo import DemoContext

Publish = Callable[..., Any]


@pytest.fixture
def reports(demo: DemoContext, publish: Publish) -> dict[str, Any]:
    return {
        "jgsw22": publish(demo, "jgsw", 2022, day=10),
        "jgsw23": publish(demo, "jgsw", 2023, day=11),
        "jgsw23b": publish(demo, "jgsw", 2023, 2, day=20, title="更正后的标题"),
        "jyj23": publish(demo, "jyj", 2023, day=15),
    }


def _mine(items: list[dict[str, Any]], demo: DemoContext) -> list[tuple[str, int, int]]:
    names = {demo.orgs[k].pk: k for k in ("jgsw", "jyj")}
    return [
        (names[i["agency_id"]], i["year"], i["version"])
        for i in items
        if i["agency_id"] in names and i["year"] < 2024
    ]


def test_list_shows_the_latest_version_of_each_report(api: Client, demo: DemoContext, reports: Any) -> None:
    body = api.get("/api/v1/reports?limit=1000&ordering=published_at").json()
    assert _mine(body["items"], demo) == [("jgsw", 2022, 1), ("jyj", 2023, 1), ("jgsw", 2023, 2)]
    corrected = next(i for i in body["items"] if i["version"] == 2)
    assert corrected["title"] == "更正后的标题"
    org = demo.orgs["jgsw"].pk
    assert corrected["links"]["pdf"] == f"http://testserver/reports/{org}/2023/report.pdf"
    assert corrected["links"]["page"] == f"http://testserver/reports/{org}/2023/"
    assert corrected["links"]["data"] == f"http://testserver/api/v1/reports/{org}/2023"


def test_filters_by_agency_year_subtree_and_publication_date(
    api: Client, demo: DemoContext, reports: Any
) -> None:
    jgsw, jyj = demo.orgs["jgsw"].pk, demo.orgs["jyj"].pk

    def get(query: str) -> list[tuple[str, int, int]]:
        return _mine(
            api.get(f"/api/v1/reports?limit=1000&ordering=published_at&{query}").json()["items"], demo
        )

    assert get(f"agency={jgsw}") == [("jgsw", 2022, 1), ("jgsw", 2023, 2)]
    assert get("year=2023") == [("jyj", 2023, 1), ("jgsw", 2023, 2)]
    assert get(f"within={jyj}") == [("jyj", 2023, 1)]
    assert get("published_from=2024-01-12&published_to=2024-01-19") == [("jyj", 2023, 1)]


def test_detail_is_the_engine_json_of_the_chosen_version(
    api: Client, demo: DemoContext, reports: Any
) -> None:
    org = demo.orgs["jgsw"].pk
    latest = api.get(f"/api/v1/reports/{org}/2023").json()
    assert latest["version"] == 2 and latest["correction_reason"] == "更正表三数字"
    assert latest["report"] == reports["jgsw23b"].report
    first = api.get(f"/api/v1/reports/{org}/2023?version=1").json()
    assert first["report"]["title"] == reports["jgsw23"].report["title"]


def test_unpublished_years_and_drafts_are_not_exposed(api: Client, demo: DemoContext, reports: Any) -> None:
    org = demo.orgs["jgsw"]
    Draft.objects.get_or_create(organisation=org, year=2030)
    for url in (
        f"/api/v1/reports/{org.pk}/2030",
        f"/api/v1/reports/{org.pk}/2023?version=9",
        "/api/v1/reports/999999/2023",
    ):
        response = api.get(url)
        assert response.status_code == 404 and response.json()["code"] == "not_found"


def test_findings_and_their_csv(api: Client, demo: DemoContext, reports: Any) -> None:
    org = demo.orgs["jgsw"].pk
    assert api.get(f"/api/v1/reports/{org}/2023/findings").json() == [
        {
            "code": "T3-BALANCE",
            "severity": "warning",
            "message_zh": "示例",
            "place": {"table": "table3"},
            "expected": None,
            "actual": None,
        }
    ]
    text = api.get(f"/api/v1/reports/{org}/2023/findings?format=csv").content.decode("utf-8-sig")
    assert text.splitlines()[0] == "code,severity,message_zh,place,expected,actual"
    assert "T3-BALANCE,warning,示例" in text


def test_indicators_are_computed_from_the_published_tables(
    api: Client, demo: DemoContext, reports: Any
) -> None:
    org = demo.orgs["jgsw"].pk
    data = reports["jgsw23b"].report["table3"]
    by_key = {i["key"]: i for i in api.get(f"/api/v1/reports/{org}/2023/indicators").json()}
    accepted = (data["new"]["total"] or 0) + (data["carried_in"]["total"] or 0)
    assert by_key["accepted"]["value"] == accepted == by_key["accepted"]["numerator"]
    rate = by_key["disclosed_rate"]
    decided = data["total"]["total"] or 0
    if decided:
        assert rate["value"] == pytest.approx(
            ((data["granted"]["total"] or 0) + (data["partial"]["total"] or 0)) / decided
        )
    else:
        assert rate["value"] is None and rate["display"] == "—"


def test_report_list_csv_spreads_links_over_columns(api: Client, demo: DemoContext, reports: Any) -> None:
    org = demo.orgs["jgsw"].pk
    text = api.get(f"/api/v1/reports?format=csv&agency={org}&year=2023").content.decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert "links" not in rows[0]
    assert not any(cell.lstrip().startswith("{") for row in rows for cell in row.values())
    assert rows[0]["links.pdf"] == f"http://testserver/reports/{org}/2023/report.pdf"
    assert rows[0]["links.page"] == f"http://testserver/reports/{org}/2023/"
    assert rows[0]["version"] == "2"
