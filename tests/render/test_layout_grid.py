"""The render-neutral grid: the national layout, laid out from the template, merges defined once."""

from __future__ import annotations

from decimal import Decimal

import pytest

from xxgk.render.layout import Grid, format_value, layout_report, visible_rows
from xxgk.report import Report


def _coverage(grid: Grid) -> dict[tuple[int, int], int]:
    seen: dict[tuple[int, int], int] = {}
    for p in grid.placed():
        for dr in range(p.cell.rowspan):
            for dc in range(p.cell.colspan):
                seen[(p.row + dr, p.col + dc)] = seen.get((p.row + dr, p.col + dc), 0) + 1
    return seen


def _spans(grid: Grid) -> dict[str, tuple[int, int, int, int]]:
    """Text of each header cell → (row, col, rowspan, colspan) of its first occurrence."""
    spans: dict[str, tuple[int, int, int, int]] = {}
    for p in grid.placed():
        if p.cell.role != "value":
            spans.setdefault(p.cell.text, (p.row, p.col, p.cell.rowspan, p.cell.colspan))
    return spans


def test_every_grid_position_is_covered_exactly_once(random_report: Report) -> None:
    for grid in layout_report(random_report).values():
        coverage = _coverage(grid)
        assert set(coverage) == {(r, c) for r in range(grid.height) for c in range(grid.width)}
        assert set(coverage.values()) == {1}


def test_value_cells_are_the_printed_cells_with_their_values(random_report: Report) -> None:
    for table in random_report.spec.tables:
        grid = layout_report(random_report)[table.key]
        expected = [
            (row.key, col.key) for row in visible_rows(table, random_report) for col in table.columns_of(row)
        ]
        cells = grid.value_cells()
        assert [(p.cell.row_key, p.cell.column_key) for p in cells] == expected
        for p in cells:
            value = random_report.cell(table.key, p.cell.row_key, p.cell.column_key)
            assert p.cell.value == value
            assert p.cell.text == format_value(value)


def test_table3_head_has_the_note_and_applicant_headers_merged() -> None:
    spans = _spans(layout_report(Report())["table3"])
    note = next(text for text in spans if text.startswith("（本列数据的勾稽关系为"))
    assert spans[note] == (0, 0, 3, 3)
    assert spans["申请人情况"] == (0, 3, 1, 7)
    assert spans["自然人"] == (1, 3, 2, 1)
    assert spans["法人或其他组织"] == (1, 4, 1, 5)
    assert spans["总计"] == (1, 9, 2, 1)
    assert spans["商业企业"] == (2, 4, 1, 1)


@pytest.mark.parametrize(
    ("other_row", "results", "other_span"), [("split", 22, (23, 1, 3, 1)), ("short", 20, (23, 1, 1, 2))]
)
def test_table3_row_groups_are_merged_down(other_row: str, results: int, other_span: tuple) -> None:
    spans = _spans(layout_report(Report(other_row=other_row))["table3"])
    assert spans["一、本年新收政府信息公开申请数量"] == (3, 0, 1, 3)
    assert spans["三、本年度办理结果"] == (5, 0, results, 1)
    assert spans["（一）予以公开"] == (5, 1, 1, 2)
    assert spans["（三）不予公开"] == (7, 1, 8, 1)
    assert spans["1.属于国家秘密"] == (7, 2, 1, 1)
    assert spans["（四）无法提供"][2:] == (3, 1)
    assert spans["（五）不予处理"][2:] == (5, 1)
    assert spans["（六）其他处理"] == other_span
    assert spans["（七）总计"][2:] == (1, 2)
    assert spans["四、结转下年度继续办理"][1:] == (0, 1, 3)
    assert ("3.其他" in spans) == (other_row == "split")


def test_table2_is_four_captioned_sub_tables() -> None:
    grid = layout_report(Report())["table2"]
    captions = [row[0].text for row in grid.rows if row[0].role == "caption"]
    assert captions == [
        "第二十条第（一）项",
        "第二十条第（五）项",
        "第二十条第（六）项",
        "第二十条第（八）项",
    ]
    assert len(grid.blocks) == 4
    heads = [row for row in grid.rows if row[0].role == "heading"]
    assert [cell.text for cell in heads[0]] == ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"]
    assert [(c.text, c.colspan) for c in heads[3]] == [("信息内容", 1), ("本年收费金额（单位：万元）", 3)]


def test_table2_of_2019_has_its_own_rows() -> None:
    grid = layout_report(Report(template="2019"))["table2"]
    labels = [row[0].text for row in grid.rows if row[0].role == "stub"]
    assert "其他对外管理服务事项" in labels and "政府集中采购" in labels


def test_table4_blocks_across_one_row_of_fifteen_numbers() -> None:
    grid = layout_report(Report())["table4"]
    spans = _spans(grid)
    assert spans["行政复议"] == (0, 0, 1, 5)
    assert spans["行政诉讼"] == (0, 5, 1, 10)
    assert spans["结果维持"] == (1, 0, 2, 1)
    assert spans["未经复议直接起诉"] == (1, 5, 1, 5)
    assert spans["复议后起诉"] == (1, 10, 1, 5)
    assert grid.width == 15 and grid.height == 4
    assert len(grid.rows[-1]) == 15 and all(cell.role == "value" for cell in grid.rows[-1])


def test_none_prints_as_an_empty_cell_never_as_zero() -> None:
    report = Report(table3={"new": {"natural_person": 0}}, table2={"fees": {"amount": 12.5}})
    grid = layout_report(report)["table3"]
    new = [p.cell.text for p in grid.value_cells() if p.cell.row_key == "new"]
    assert new == ["0", "", "", "", "", "", ""]
    assert format_value(None) == ""
    assert format_value(Decimal("7730.28")) == "7730.28"
    fees = [p.cell for p in layout_report(report)["table2"].value_cells() if p.cell.row_key == "fees"]
    assert fees[0].text == "12.5" and fees[0].kind == "amount"
