"""`xxgk extract` / `xxgk check` / `xxgk schema` on the seed report and on bad input."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from support.real_inputs import SEED
from xxgk.cli.main import app
from xxgk.template import GB2021

runner = CliRunner()


def test_extract_seed_returns_every_cell_as_zero_in_the_short_form():
    result = runner.invoke(app, ["extract", str(SEED), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["year"] == 2023
    assert data["organization"] == "宜春市机关事务管理中心"
    assert data["signed_on"] == "2023-01-19"
    assert data["template"] == "2021"
    assert data["other_row"] == "short"
    for table in GB2021.tables:
        for row in table.rows:
            for column in table.columns_of(row):
                value = data[table.key][row.key][column.key]
                if row.key in table.row("other").collapses if table.key == "table3" else False:
                    assert value is None, (table.key, row.key, column.key)
                else:
                    assert value == 0, (table.key, row.key, column.key)
    assert data["table3"]["new"]["natural_person"] == 0
    assert data["table4"]["review"]["total"] == 0
    assert data["table2"]["fees"]["amount"] == 0


def test_check_seed_reports_the_two_real_findings_and_nothing_false():
    result = runner.invoke(app, ["check", str(SEED), "--format", "json"])
    assert result.exit_code == 1  # signed before the year ended is an error
    [report] = json.loads(result.stdout)
    serious = {f["code"] for f in report["findings"] if f["severity"] in ("error", "warning")}
    assert serious == {"YEAR-MISMATCH", "SIGNED-BEFORE-YEAR-END"}
    notes = {f["code"] for f in report["findings"] if f["severity"] == "info"}
    # The seed prints 规范性文件 where the 2021 format says 行政规范性文件: true, and only a note.
    assert notes <= {"P-LABEL-VARIANT"}
    year = next(f for f in report["findings"] if f["code"] == "YEAR-MISMATCH")
    assert "2022" in year["place"]["excerpt"]


def test_check_prints_chinese_findings_for_people():
    result = runner.invoke(app, ["check", str(SEED)])
    assert "宜春市机关事务管理中心" in result.stdout
    assert "SIGNED-BEFORE-YEAR-END" in result.stdout


def test_extract_json_is_read_back_by_check(tmp_path):
    out = tmp_path / "seed.json"
    assert runner.invoke(app, ["extract", str(SEED), "-o", str(out)]).exit_code == 0
    result = runner.invoke(app, ["check", str(out), "--format", "json"])
    [report] = json.loads(result.stdout)
    assert {f["code"] for f in report["findings"] if f["severity"] == "error"} == {"SIGNED-BEFORE-YEAR-END"}


def test_corpus_extract_lists_failures_and_goes_on(tmp_path):
    (tmp_path / "good.txt").write_bytes(SEED.read_bytes())
    (tmp_path / "bad.txt").write_text("这不是年度报告，只是一段文字。", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(tmp_path), "--format", "json", "--jobs", "2"])
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert [d["organization"] for d in data] == ["宜春市机关事务管理中心"]
    assert "bad.txt" in result.stderr and "不是政府信息公开工作年度报告" in result.stderr


def test_extract_json_carries_the_checks_findings_read_alone_or_in_parallel(tmp_path):
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_bytes(SEED.read_bytes())
    alone = json.loads(runner.invoke(app, ["extract", str(SEED), "--format", "json"]).stdout)
    parallel = json.loads(runner.invoke(app, ["extract", str(tmp_path), "-f", "json", "--jobs", "2"]).stdout)
    for data in (alone, *parallel):
        assert {"YEAR-MISMATCH", "SIGNED-BEFORE-YEAR-END"} <= {f["code"] for f in data["findings"]}


def test_missing_file_is_a_chinese_error_without_traceback(tmp_path):
    result = runner.invoke(app, ["check", str(tmp_path / "none.pdf")])
    assert result.exit_code == 2
    assert "文件不存在" in result.stderr
    assert "Traceback" not in result.output


def test_schema_spells_out_the_template_keys():
    result = runner.invoke(app, ["schema"])
    schema = json.loads(result.stdout)
    table3 = schema["properties"]["table3"]["anyOf"][0]
    assert set(table3["properties"]) == {row.key for row in GB2021.table3.rows}
    assert table3["properties"]["new"]["properties"]["natural_person"]["title"] == "自然人"
