"""`xxgk annual` writes each agency's assembled report as the engine's JSON, which `xxgk check`
reads back."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from typer.testing import CliRunner

import factories.annual as factories
from xxgk.cli.main import app

runner = CliRunner()
pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(db, settings):
    """Only the demo organisations and users: the counts asserted are the test's own."""
    from xxgk.web.demo import DemoContext
    from xxgk.web.orgs import demo as orgs_demo

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    context = DemoContext()
    orgs_demo.load(context)
    return context


def test_the_reports_written_read_back_through_check(demo, tmp_path) -> None:
    org = demo.orgs["jgsw"]
    factories.figures_and_draft(demo, org, 2024, licensing=4, penalty=1, signed_on=dt.date(2025, 1, 20))
    result = runner.invoke(app, ["annual", "--year", "2024", "--org", str(org.pk), "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    (written,) = tmp_path.glob("*.json")
    data = json.loads(written.read_text(encoding="utf-8"))
    assert data["organization"] == "宜春市机关事务管理中心" and data["year"] == 2024
    assert data["table2"]["licensing"]["decisions"] == 4
    checked = runner.invoke(app, ["check", str(written), "--format", "json"])
    assert checked.exit_code == 0, checked.output
    (outcome,) = json.loads(checked.stdout)
    assert [f for f in outcome["findings"] if f["severity"] == "error"] == []


def test_every_active_agency_gets_a_file(demo, tmp_path) -> None:
    result = runner.invoke(app, ["annual", "--year", "2024", "-o", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert len(list((tmp_path / "out").glob("2024-*.json"))) == len(demo.orgs)


@pytest.mark.parametrize(
    ("args", "message"),
    [(["--year", "2019"], "2021年"), (["--year", "2024", "--org", "999999"], "没有编号为 999999 的机关")],
)
def test_bad_arguments_say_why(demo, tmp_path, args, message) -> None:
    result = runner.invoke(app, ["annual", *args, "-o", str(tmp_path)])
    assert result.exit_code == 2
    assert message in result.output
