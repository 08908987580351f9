"""Bulk open data: one ZIP per year with every published report's JSON and the long-format CSV,
a checksum, and a rebuild whenever a report is published or corrected."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import zipfile
from pathlib import Path
from typing import Any

import pytest
from django.test import Client

from xxgk.render.tabular import count_cells
from xxgk.report import Report
from xxgk.web.api import bulk
from xxgk.web.demo import DemoContext
from xxgk.web.jobs.models import Job, Status


@pytest.fixture(autouse=True)
def _media(settings: Any, tmp_path: Path) -> None:
    settings.MEDIA_ROOT = tmp_path


def _zip(response: Any) -> zipfile.ZipFile:
    return zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))


def test_zip_holds_every_latest_report_and_the_long_csv(api: Client, demo: DemoContext, publish: Any) -> None:
    publish(demo, "jgsw", 2023)
    corrected = publish(demo, "jgsw", 2023, 2, day=5)
    other = publish(demo, "jyj", 2023)
    publish(demo, "jyj", 2022)
    response = api.get("/api/v1/opendata/2023.zip")
    assert response.status_code == 200 and response["Content-Type"] == "application/zip"
    data = b"".join(response.streaming_content)
    assert response["X-Checksum-SHA256"] == hashlib.sha256(data).hexdigest()
    archive = zipfile.ZipFile(io.BytesIO(data))
    names = sorted(n for n in archive.namelist() if n.startswith("reports/"))
    assert names == sorted(
        [
            f"reports/{demo.orgs['jgsw'].pk}-{demo.orgs['jgsw'].name}.json",
            f"reports/{demo.orgs['jyj'].pk}-{demo.orgs['jyj'].name}.json",
        ]
    )
    jgsw_name = f"reports/{demo.orgs['jgsw'].pk}-{demo.orgs['jgsw'].name}.json"
    assert json.loads(archive.read(jgsw_name)) == corrected.report
    rows = list(csv.DictReader(io.StringIO(archive.read(bulk.LONG_CSV).decode("utf-8-sig"))))
    reports = [Report.model_validate(v.report) for v in (corrected, other)]
    assert len(rows) == sum(count_cells(r) for r in reports)
    assert {r["year"] for r in rows} == {"2023"} and {"table", "row", "column", "value"} <= set(rows[0])
    manifest = json.loads(archive.read("manifest.json"))
    assert {(e["agency_id"], e["version"]) for e in manifest["reports"]} == {
        (demo.orgs["jgsw"].pk, 2),
        (demo.orgs["jyj"].pk, 1),
    }


def test_listing_gives_checksum_once_built_and_zip_is_rebuilt_after_a_correction(
    api: Client, demo: DemoContext, publish: Any
) -> None:
    publish(demo, "jgsw", 2023)
    [entry] = [e for e in api.get("/api/v1/opendata").json() if e["year"] == 2023]
    assert entry["reports"] == 1 and entry["sha256"] is None
    first = api.get("/api/v1/opendata/2023.zip")["X-Checksum-SHA256"]
    [entry] = [e for e in api.get("/api/v1/opendata").json() if e["year"] == 2023]
    assert entry["sha256"] == first and entry["generated_at"]
    assert api.get("/api/v1/opendata/2023.zip")["X-Checksum-SHA256"] == first  # not rebuilt
    publish(demo, "jgsw", 2023, 2, day=9, title="更正版")
    response = api.get("/api/v1/opendata/2023.zip")
    assert response["X-Checksum-SHA256"] != first
    [name] = [n for n in _zip(response).namelist() if n.startswith("reports/")]
    assert json.loads(_zip(api.get("/api/v1/opendata/2023.zip")).read(name))["title"] == "更正版"


def test_regenerate_soon_runs_the_opendata_job(
    demo: DemoContext, publish: Any, django_capture_on_commit_callbacks: Any
) -> None:
    publish(demo, "jyj", 2023)
    with django_capture_on_commit_callbacks(execute=True):
        bulk.regenerate_soon(2023)
    job = Job.objects.get(kind="opendata", key="2023")
    assert job.status == Status.SUCCEEDED and job.result["reports"] == 1
    assert bulk.stored(2023) is not None and bulk.stored(2023).sha256 == job.result["sha256"]


def test_a_year_without_reports_is_404(api: Client, demo: DemoContext) -> None:
    for year in (2019, 1900, 99999):
        response = api.get(f"/api/v1/opendata/{year}.zip")
        assert response.status_code == 404 and response.json()["code"] == "not_found"
