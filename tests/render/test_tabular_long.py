"""The long format: one definition, over an iterable of reports, and its CSV."""

from __future__ import annotations

import csv
import io
import random
from pathlib import Path

from xxgk.render import render_csv
from xxgk.render.tabular import LONG_FIELDS, cell_label, count_cells, long_values, write_csv
from xxgk.report import Report
from xxgk.sample import balanced_report


def test_rows_cover_every_template_cell_of_every_report() -> None:
    reports = [
        balanced_report(random.Random(i), year=2023, template=t)
        for i, t in enumerate(("2021", "2019", "2021"))
    ]
    rows = [dict(zip(LONG_FIELDS, values, strict=True)) for values in long_values(iter(reports))]
    assert len(rows) == sum(count_cells(r) for r in reports)
    first = [row for row in rows if row["report"] == rows[0]["report"]]
    assert first[0]["table"] == "table2" and first[-1]["table"] == "table4"


def test_labels_name_the_printed_headings() -> None:
    report = Report()
    labels = {
        (table, row, column): label for _, _, _, _, table, row, column, label, _ in long_values([report])
    }
    assert labels[("table2", "regulations", "issued")] == "第二十条第（一）项·规章·本年制发件数"
    assert (
        labels[("table3", "denied.state_secret", "commercial")]
        == "（三）不予公开·1.属于国家秘密·法人或其他组织·商业企业"
    )
    assert labels[("table4", "suit_direct", "upheld")] == "行政诉讼·未经复议直接起诉·结果维持"
    t3 = report.spec.table3
    assert cell_label(t3, t3.row("new"), t3.columns[0]) == "一、本年新收政府信息公开申请数量·自然人"


def test_csv_round_trips_values_and_blanks(tmp_path: Path) -> None:
    report = balanced_report(random.Random(9), year=2023)
    report.table3["new"]["research"] = None
    stream = io.StringIO()
    count = write_csv([report], stream)
    rows = list(csv.DictReader(io.StringIO(stream.getvalue())))
    assert count == len(rows) == count_cells(report)
    by_key = {(r["table"], r["row"], r["column"]): r["value"] for r in rows}
    assert by_key[("table3", "new", "research")] == ""
    assert by_key[("table3", "new", "total")] == str(report.table3["new"]["total"])
    assert by_key[("table2", "fees", "amount")] == format(report.table2["fees"]["amount"], "f")
    path = tmp_path / "long.csv"
    assert write_csv([report, report], path) == 2 * count
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    assert render_csv(report).decode("utf-8-sig") == stream.getvalue()
