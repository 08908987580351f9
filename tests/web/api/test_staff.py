"""Staff endpoints need a token and are scoped like the staff UI: the agency's own staff see
the case in clear, a supervisor sees it masked, another agency gets 404, nobody without a
token gets anything; write scope is needed to save a draft."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client

from factories.applications import PERSON
from xxgk.web.annual.models import Draft
from xxgk.web.api.models import Scope
from xxgk.web.applications import services
from xxgk.web.demo import DemoContext
from xxgk.web.jobs.models import Job, Status

Tokens = Callable[..., dict[str, str]]


@pytest.fixture
def case(demo: DemoContext) -> Any:
    return services.register(
        actor=demo.users["jgsw_dengji"],
        organisation=demo.orgs["jgsw"],
        channel="letter",
        received_on=dt.date(2025, 3, 3),
        data=PERSON,
    ).application


def test_without_a_token_nothing_is_shown(api: Client, case: Any) -> None:
    for url in ("/api/v1/staff/cases", f"/api/v1/staff/cases/{case.pk}", "/api/v1/staff/drafts"):
        response = api.get(url)
        assert response.status_code == 401 and response.json()["code"] == "unauthorized"


def test_staff_of_the_agency_see_the_applicant_in_clear(api: Client, case: Any, token_of: Tokens) -> None:
    body = api.get("/api/v1/staff/cases", headers=token_of("jgsw_chengban")).json()
    assert body["total"] == 1
    [item] = body["items"]
    assert item["number"] == case.number and item["applicant"]["masked"] is False
    assert item["applicant"]["name"] == "张小明" and item["applicant"]["phone"] == "13907950000"


def test_a_supervisor_sees_the_case_masked(api: Client, case: Any, token_of: Tokens) -> None:
    response = api.get(f"/api/v1/staff/cases/{case.pk}", headers=token_of("zwgk_jiandu"))
    applicant = response.json()["applicant"]
    assert applicant["masked"] is True
    assert applicant["name"] == "张**" and applicant["id_number"] == "360*************33"
    assert applicant["phone"] == "139******00"
    raw = response.content.decode()
    for secret in ("张小明", "360902199001011233", "13907950000", "zxm@example.com"):
        assert secret not in raw
    csv_text = api.get("/api/v1/staff/cases?format=csv", headers=token_of("zwgk_jiandu")).content.decode()
    assert "张小明" not in csv_text and "13907950000" not in csv_text


def test_another_agency_gets_404_and_an_empty_list(api: Client, case: Any, token_of: Tokens) -> None:
    headers = token_of("jyj_chengban")
    response = api.get(f"/api/v1/staff/cases/{case.pk}", headers=headers)
    assert response.status_code == 404 and response.json()["code"] == "not_found"
    assert api.get(f"/api/v1/staff/cases/{case.pk + 1000}", headers=headers).status_code == 404
    assert api.get("/api/v1/staff/cases", headers=headers).json()["total"] == 0


def test_case_filters(api: Client, case: Any, token_of: Tokens) -> None:
    headers = token_of("jgsw_chengban")

    def total(query: str) -> int:
        return api.get(f"/api/v1/staff/cases?{query}", headers=headers).json()["total"]

    assert total("received_from=2025-03-01&received_to=2025-03-31") == 1
    assert total("received_from=2025-04-01") == 0
    assert total(f"state={case.state}") == 1
    assert total("state=withdrawn") == 0


def test_public_endpoints_never_carry_personal_data(api: Client, case: Any) -> None:
    document = api.get("/api/v1/openapi.json").json()
    public = [path for path in document["paths"] if not path.startswith("/api/v1/staff")]
    for path in public:
        if "{" in path:
            continue
        raw = api.get(path).content.decode()
        assert "张小明" not in raw and "13907950000" not in raw, path


def test_saving_a_draft_needs_write_scope_and_the_version(
    api: Client, demo: DemoContext, token_of: Tokens
) -> None:
    org = demo.orgs["jgsw"].pk
    url = f"/api/v1/staff/drafts/{org}/2025"
    body = {"version": 0, "overview": "本年度概述", "signed_on": "2026-01-20"}
    read_only = api.put(url, body, content_type="application/json", headers=token_of("jgsw_admin"))
    assert read_only.status_code == 403 and read_only.json()["code"] == "scope"
    writer = token_of("jgsw_admin", Scope.WRITE)
    saved = api.put(url, body, content_type="application/json", headers=writer)
    assert saved.status_code == 200, saved.content
    assert saved.json()["overview"] == "本年度概述"
    assert Draft.objects.get(organisation_id=org, year=2025).overview == "本年度概述"
    stale = api.put(url, body, content_type="application/json", headers=writer)
    assert stale.status_code == 409 and stale.json()["code"] == "conflict"
    other = api.put(url, body, content_type="application/json", headers=token_of("jyj_chengban", Scope.WRITE))
    assert other.status_code == 404
    drafts = api.get("/api/v1/staff/drafts", headers=token_of("zwgk_jiandu")).json()
    assert [(d["agency_id"], d["year"]) for d in drafts["items"]] == [(org, 2025)]


def test_job_progress_is_scoped(api: Client, demo: DemoContext, token_of: Tokens) -> None:
    job = Job.objects.create(
        kind="opendata", key="2024", status=Status.RUNNING, done=1, total=4, organisation=demo.orgs["jgsw"]
    )
    mine = api.get(f"/api/v1/staff/jobs/{job.pk}", headers=token_of("jgsw_chengban")).json()
    assert (mine["percent"], mine["status_zh"], mine["label_zh"]) == (
        25,
        "执行中",
        "重新生成年度报告批量数据",
    )
    assert api.get(f"/api/v1/staff/jobs/{job.pk}", headers=token_of("jyj_chengban")).status_code == 404
