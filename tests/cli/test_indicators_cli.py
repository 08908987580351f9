"""`xxgk indicators` on real reports and generated JSON: CSV, JSON and XLSX, medians, changes."""

from __future__ import annotations

import csv
import io
import json
import random
from pathlib import Path

from openpyxl import load_workbook
from typer.testing import CliRunner

from support.real_inputs import REPORTS
from xxgk.cli.main import app
from xxgk.sample import balanced_report

runner = CliRunner()


def _two_years(tmp_path: Path) -> Path:
    before = balanced_report(random.Random(1), year=2023, organization="示例市统计局")
    now = balanced_report(random.Random(2), year=2024, previous=before)
    for report in (before, now):
        (tmp_path / f"{report.year}.json").write_text(report.model_dump_json(), encoding="utf-8")
    return tmp_path


def test_csv_on_real_reports_has_a_row_per_report_and_the_median() -> None:
    result = runner.invoke(
        app, ["indicators", str(REPORTS / "huaian-2024-szf.pdf"), str(REPORTS / "pingtan-2023-guoziju.html")]
    )
    assert result.exit_code == 0, result.output
    rows = list(csv.reader(io.StringIO(result.stdout.lstrip("\ufeff"))))
    assert rows[0][:5] == ["文件", "机关", "年度", "受理总数", "受理总数较上年"]
    assert rows[1][1] == "淮安市人民政府" and rows[1][2] == "2024"
    # 国资局 2023: no applications at all, every rate has a zero denominator
    assert rows[2][1] == "平潭综合实验区国有资产管理局" and rows[2][3] == "0" and rows[2][5] == "—"
    assert rows[3][0] == "中位数"
    assert any(line and line[0].startswith("实质公开率 = ") for line in rows)


def test_json_computes_the_change_on_the_year_before(tmp_path: Path) -> None:
    result = runner.invoke(app, ["indicators", str(_two_years(tmp_path)), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    first, second = data["reports"]
    accepted = second["indicators"]["accepted"]
    before = first["indicators"]["accepted"]["value"]
    assert accepted["change"] == f"{int(accepted['value'] - before):+d}"
    assert first["indicators"]["accepted"]["change"] == "—"
    assert {i["key"] for i in data["indicators"]} >= {"disclosed_rate", "dispute_rate"}


def test_xlsx_needs_an_output_file(tmp_path: Path) -> None:
    folder = _two_years(tmp_path)
    assert runner.invoke(app, ["indicators", str(folder), "--format", "xlsx"]).exit_code == 2
    out = tmp_path / "out.xlsx"
    result = runner.invoke(app, ["indicators", str(folder), "--format", "xlsx", "--output", str(out)])
    assert result.exit_code == 0, result.output
    sheet = load_workbook(out).active
    assert sheet.cell(1, 4).value == "受理总数"
    assert sheet.cell(2, 2).value == "示例市统计局"


def test_an_unreadable_file_is_reported_and_the_rest_computed(tmp_path: Path) -> None:
    folder = _two_years(tmp_path)
    (folder / "bad.txt").write_text("这不是年度报告", encoding="utf-8")
    result = runner.invoke(app, ["indicators", str(folder), "--format", "json"])
    assert result.exit_code == 1
    assert len(json.loads(result.stdout)["reports"]) == 2
    assert "bad.txt" in result.stderr
