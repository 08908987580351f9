"""Jobs run in-process without a broker (the embedded default): progress recorded, transient
failures retried with back-off and then shown as failed, submitting idempotent, pages scoped."""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from django.test import Client

from xxgk.render import render
from xxgk.sample import balanced_report
from xxgk.web.demo import DemoContext
from xxgk.web.jobs import registry, services
from xxgk.web.jobs.models import Job, Status
from xxgk.web.jobs.tasks import MAX_RETRIES, backoff_seconds

Capture = Callable[..., Any]
calls: list[int] = []


@registry.define("test_flaky", "测试：前两次失败")
def _flaky(progress: registry.Progress, *, fail_times: int) -> dict[str, int]:
    calls.append(1)
    if len(calls) <= fail_times:
        raise registry.Transient("文件暂时被占用")
    progress(1, 1)
    return {"calls": len(calls)}


class PdfiumError(RuntimeError):
    """Named like the PDF library's error, to show that no library name reaches a user."""


@registry.define("test_bug", "测试：程序错误")
def _bug(progress: registry.Progress) -> None:
    raise PdfiumError("Failed to load page")


@pytest.fixture(autouse=True)
def _reset_calls() -> Iterator[None]:
    calls.clear()
    yield
    calls.clear()


def _run(capture: Capture, kind: str, **params: Any) -> Job:
    with capture(execute=True):
        job = services.submit(kind, key="k", params=params)
    job.refresh_from_db()
    return job


def test_parse_corpus_reads_files_and_records_progress(
    db: None, tmp_path: Path, django_capture_on_commit_callbacks: Capture
) -> None:
    rng = random.Random(3)
    for i in range(3):
        (tmp_path / f"r{i}.html").write_bytes(render(balanced_report(rng, year=2024), "html"))
    (tmp_path / "note.txt").write_text("不是年报", encoding="utf-8")
    output = tmp_path / "out.csv"
    job = _run(
        django_capture_on_commit_callbacks, "parse_corpus", directory=str(tmp_path), output=str(output)
    )
    assert job.status == Status.SUCCEEDED and job.attempts == 1
    assert (job.done, job.total, job.percent) == (4, 4, 100)
    assert job.result["reports"] == 3
    assert [f["file"] for f in job.result["failed"]] == [str(tmp_path / "note.txt")]
    assert output.read_text(encoding="utf-8-sig").count("\n") == job.result["rows"] + 1


def test_a_transient_failure_is_retried_until_it_succeeds(
    db: None, django_capture_on_commit_callbacks: Capture
) -> None:
    job = _run(django_capture_on_commit_callbacks, "test_flaky", fail_times=2)
    assert job.status == Status.SUCCEEDED
    assert job.attempts == 3 and job.result == {"calls": 3}
    assert job.error_zh == ""


def test_a_job_failing_every_time_is_failed_after_the_retries_and_says_why(
    demo: DemoContext, django_capture_on_commit_callbacks: Capture
) -> None:
    job = _run(django_capture_on_commit_callbacks, "test_flaky", fail_times=99)
    assert job.status == Status.FAILED
    assert job.attempts == MAX_RETRIES + 1 == len(calls)
    assert job.error_zh == f"重试 {MAX_RETRIES} 次后仍失败：文件暂时被占用"
    client = Client()
    client.force_login(demo.users["szf_admin"])
    Job.objects.filter(pk=job.pk).update(created_by=demo.users["szf_admin"])
    page = client.get(f"/staff/jobs/{job.pk}/").content.decode()
    assert "失败原因" in page and "重试 3 次后仍失败：文件暂时被占用" in page
    assert 'http-equiv="refresh"' not in page  # finished: the page stops reloading


def test_a_programming_error_fails_at_once_and_staff_see_no_exception_name(
    demo: DemoContext, django_capture_on_commit_callbacks: Capture, caplog: pytest.LogCaptureFixture
) -> None:
    job = _run(django_capture_on_commit_callbacks, "test_bug")
    assert job.status == Status.FAILED and job.attempts == 1
    assert job.error_zh == "执行失败（程序内部错误），详情见服务器日志"
    assert "PdfiumError" in caplog.text  # the English detail goes to the log
    client = Client()
    client.force_login(demo.users["szf_admin"])
    Job.objects.filter(pk=job.pk).update(created_by=demo.users["szf_admin"])
    page = client.get(f"/staff/jobs/{job.pk}/").content.decode()
    assert "程序内部错误" in page
    assert "PdfiumError" not in page and "Failed to load page" not in page


def test_backoff_doubles_up_to_ten_minutes() -> None:
    assert [backoff_seconds(n) for n in range(8)] == [10, 20, 40, 80, 160, 320, 600, 600]


def test_submitting_the_same_work_twice_gives_the_same_job(db: None) -> None:
    first = services.submit("test_flaky", key="2024", params={"fail_times": 0})
    second = services.submit("test_flaky", key="2024", params={"fail_times": 0})
    other = services.submit("test_flaky", key="2025", params={"fail_times": 0})
    assert first.pk == second.pk != other.pk
    assert Job.objects.filter(kind="test_flaky").count() == 2


def test_a_finished_job_is_not_run_again(db: None, django_capture_on_commit_callbacks: Capture) -> None:
    job = _run(django_capture_on_commit_callbacks, "test_flaky", fail_times=0)
    from xxgk.web.jobs.tasks import run_job

    assert run_job.apply(args=[job.pk]).get() == "skipped"
    assert len(calls) == 1


def test_running_job_page_reloads_itself_and_shows_progress(demo: DemoContext) -> None:
    org = demo.orgs["jgsw"]
    job = Job.objects.create(
        kind="parse_corpus", key="x", status=Status.RUNNING, done=3, total=12, organisation=org
    )
    client = Client()
    client.force_login(demo.users["jgsw_chengban"])
    page = client.get(f"/staff/jobs/{job.pk}/").content.decode()
    assert 'http-equiv="refresh"' in page
    assert 'value="25" max="100"' in page and "执行中：3/12" in page


def test_another_agencys_job_is_404(demo: DemoContext) -> None:
    job = Job.objects.create(kind="parse_corpus", key="y", organisation=demo.orgs["jgsw"])
    client = Client()
    client.force_login(demo.users["jyj_chengban"])
    assert client.get(f"/staff/jobs/{job.pk}/").status_code == 404
    assert "读取上传的年报文件" not in client.get("/staff/jobs/").content.decode()
    supervisor = Client()
    supervisor.force_login(demo.users["zwgk_jiandu"])
    assert supervisor.get(f"/staff/jobs/{job.pk}/").status_code == 200


def test_render_year_renders_every_published_report(
    demo: DemoContext, tmp_path: Path, settings: Any, django_capture_on_commit_callbacks: Capture
) -> None:
    import datetime as dt
    import zipfile

    from django.utils import timezone

    from xxgk.web.annual.models import PublishedVersion

    settings.MEDIA_ROOT = tmp_path
    for key in ("jgsw", "jyj"):
        report = balanced_report(random.Random(key), year=2023, organization=demo.orgs[key].name)
        PublishedVersion.objects.create(
            organisation=demo.orgs[key],
            year=2023,
            number=1,
            report=report.model_dump(mode="json"),
            published_at=timezone.make_aware(dt.datetime(2024, 1, 20)),
            published_by=demo.users["szf_admin"],
        )
    job = _run(django_capture_on_commit_callbacks, "render_year", year=2023, fmt="html")
    assert job.status == Status.SUCCEEDED and (job.done, job.total) == (2, 2)
    names = zipfile.ZipFile(job.result["file"]).namelist()
    assert sorted(names) == sorted(
        f"{demo.orgs[k].pk}-{demo.orgs[k].name}-2023.html" for k in ("jgsw", "jyj")
    )


def test_scheduled_kinds_run_the_owning_services(
    db: None, django_capture_on_commit_callbacks: Capture
) -> None:
    for kind in ("reminders", "publish_due", "scan"):
        job = _run(django_capture_on_commit_callbacks, kind)
        assert job.status == Status.SUCCEEDED, job.error_zh
    assert Job.objects.get(kind="publish_due").result == {"published": 0}
