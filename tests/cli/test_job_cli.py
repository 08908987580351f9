"""`xxgk job KIND`: submits a job, shows its progress, and reports its result or its failure."""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from xxgk.cli.main import app
from xxgk.render import render
from xxgk.sample import balanced_report
from xxgk.web.jobs.models import Job, Status

runner = CliRunner()


@pytest.fixture
def committed(transactional_db: None) -> Iterator[None]:
    """Committed data (the job runs in another thread); afterwards removes the audit events the
    test wrote, which the flush cannot delete through the append-only triggers."""
    yield
    from django.db import connection, transaction

    from xxgk.web.audit import db_guard

    with transaction.atomic():
        db_guard.uninstall(connection)
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {db_guard.TABLE}")
        db_guard.install(connection)


def test_a_job_runs_in_process_without_a_broker(committed: None, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.html").write_bytes(render(balanced_report(random.Random(5), year=2024), "html"))
    out = tmp_path / "out.csv"
    done = runner.invoke(app, ["job", "parse_corpus", "-p", f"directory={corpus}", "-p", f"output={out}"])
    assert done.exit_code == 0, done.output
    assert "读取上传的年报文件已完成" in done.output and "'reports': 1" in done.output
    assert Job.objects.get(kind="parse_corpus").status == Status.SUCCEEDED and out.exists()


def test_a_failed_job_says_why(committed: None, tmp_path: Path) -> None:
    done = runner.invoke(
        app, ["job", "parse_corpus", "-p", f"directory={tmp_path}", "-p", "output=/nonexistent/x.csv"]
    )
    assert done.exit_code == 1
    assert "读取上传的年报文件失败：执行失败（程序内部错误），详情见服务器日志" in done.output


def test_unknown_kinds_and_bad_parameters_are_refused(db: None) -> None:
    unknown = runner.invoke(app, ["job", "nothing"])
    assert (
        unknown.exit_code == 2
        and "未知的任务类型：nothing" in unknown.output
        and "opendata" in unknown.output
    )
    bad = runner.invoke(app, ["job", "opendata", "-p", "year"])
    assert bad.exit_code == 2 and "名称=值" in bad.output
