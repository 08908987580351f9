"""Positioned characters and rules → cells (xxgk.parse.geometry), on pages drawn here."""

from __future__ import annotations

from dataclasses import dataclass

from hypothesis import given, settings
from hypothesis import strategies as st

from xxgk.parse.geometry import (
    PageLayout,
    PlacedLine,
    Rule,
    Word,
    join_pages,
    plain_lines,
    tables_from_geometry,
)
from xxgk.parse.grid import TextLine

SIZE = 10.0


def chars(text: str, x: float, y: float, page: int = 1) -> list[Word]:
    """One line of characters from (x, y): CJK a full size wide, digits and Latin half."""
    out = []
    for ch in text:
        width = SIZE / 2 if ch.isascii() else SIZE
        if ch != " ":
            out.append(Word(ch, x, y, x + width, y + SIZE, page))
        x += width
    return out


@dataclass
class Box:
    """A cell drawn on a page: grid position, span, text lines."""

    row: int
    col: int
    rowspan: int
    colspan: int
    lines: list[str]


def draw(boxes: list[Box], xs: list[float], ys: list[float], page: int = 1) -> tuple[list[Word], list[Rule]]:
    """Each cell's text and its four borders (as a word processor draws them, cell by cell)."""
    words: list[Word] = []
    rules: list[Rule] = []
    for b in boxes:
        x0, x1 = xs[b.col], xs[b.col + b.colspan]
        y0, y1 = ys[b.row], ys[b.row + b.rowspan]
        for n, line in enumerate(b.lines):
            words += chars(line, x0 + 2, y0 + 2 + n * (SIZE + 2), page)
        rules += [Rule("h", y0, x0, x1), Rule("h", y1, x0, x1), Rule("v", x0, y0, y1), Rule("v", x1, y0, y1)]
    return words, rules


def grid_of(layout: PageLayout) -> list[list[tuple[str, int, int]]]:
    [table] = layout.tables
    return [[(c.text, c.rowspan, c.colspan) for c in row] for row in table.rows]


def test_a_label_wrapped_in_its_cell_is_one_label_and_spans_are_kept() -> None:
    xs = [50.0, 110.0, 230.0, 270.0, 310.0]
    ys = [100.0, 140.0, 180.0, 220.0]
    boxes = [
        Box(0, 0, 3, 1, ["三、本年", "度办理结", "果"]),
        Box(0, 1, 1, 1, ["（二）部分公开（区", "分处理的，只计这一", "情形）"]),
        Box(0, 2, 1, 1, ["4"]),
        Box(0, 3, 1, 1, ["4"]),
        Box(1, 1, 2, 1, ["（三）不予公开"]),
        Box(1, 2, 1, 2, ["0"]),
        Box(2, 2, 1, 1, ["12"]),
        Box(2, 3, 1, 1, ["7730.28"]),
    ]
    words, rules = draw(boxes, xs, ys)
    words += chars("二、主动公开政府信息情况", 50, 60) + chars("第 3 页", 150, 800)
    layout = tables_from_geometry(words, rules, 1)
    assert grid_of(layout) == [
        [
            ("三、本年度办理结果", 3, 1),
            ("（二）部分公开（区分处理的，只计这一情形）", 1, 1),
            ("4", 1, 1),
            ("4", 1, 1),
        ],
        [("（三）不予公开", 2, 1), ("0", 1, 2)],
        [("12", 1, 1), ("7730.28", 1, 1)],
    ]
    kinds = [type(b).__name__ for b in layout.blocks]
    assert kinds == ["PlacedLine", "PlacedTable", "PlacedLine"]
    assert [line.text for line in layout.lines] == ["二、主动公开政府信息情况", "第 3 页"]
    for row in layout.tables[0].rows:
        for cell in row:
            assert cell.page == 1 and cell.line is not None


def test_two_numbers_one_above_the_other_stay_two_numbers() -> None:
    words, rules = draw([Box(0, 0, 1, 1, ["行政许可"]), Box(0, 1, 1, 1, ["2", "3"])], [0, 60, 120], [0, 40])
    assert grid_of(tables_from_geometry(words, rules, 1)) == [[("行政许可", 1, 1), ("2 3", 1, 1)]]


def test_digits_of_one_number_are_not_split_and_far_apart_words_are() -> None:
    words, rules = draw([Box(0, 0, 1, 1, ["4119"]), Box(0, 1, 1, 1, ["a"])], [0, 60, 120], [0, 20])
    words += chars("甲", 0, 100) + chars("乙", 40, 100)
    layout = tables_from_geometry(words, rules, 1)
    assert grid_of(layout)[0][0] == ("4119", 1, 1)
    assert layout.lines[0].text == "甲 乙"


def test_a_cell_left_open_at_a_page_break_does_not_take_its_neighbours_text() -> None:
    """Chromium on Letter paper: the page ends in a cell of the outer column opened halfway down the
    last row, whose bottom rule is on the next page, and the table's outer rules run on below the
    last row's bottom rule. That cell and the band below the rule are one region of the grid but no
    rectangle: the last row beside it keeps its text (the region's bounding box took the whole of
    `3.其他 0 0 …` into one cell, and row 三（六）3 was lost)."""
    xs = [50.0, 110.0, 200.0, 250.0, 300.0]
    words = (
        chars("（六）其他", 52, 110)
        + chars("2.逾期未缴费", 112, 110) + chars("1", 202, 110) + chars("1", 252, 110)
        + chars("3.其他", 112, 152) + chars("0", 202, 152) + chars("0", 252, 152)
    )  # fmt: skip
    rules = [
        Rule("h", 100, 50, 300),  # the top of the rows
        Rule("h", 140, 110, 300),  # between the two sub-rows
        Rule("h", 150, 50, 110),  # the outer column's next cell opens halfway down the last row
        Rule("h", 170, 110, 300),  # the last row's bottom: that cell's is on the next page
        Rule("v", 50, 100, 185),  # outer rules run on past the last row
        Rule("v", 300, 100, 185),
        *(Rule("v", x, 100, 170) for x in xs[1:4]),
    ]
    assert grid_of(tables_from_geometry(words, rules, 1)) == [
        [("（六）其他", 2, 1), ("2.逾期未缴费", 1, 1), ("1", 1, 1), ("1", 1, 1)],
        [("3.其他", 2, 1), ("0", 2, 1), ("0", 2, 1)],
    ]


def test_a_frame_with_no_text_is_not_a_table() -> None:
    _, rules = draw([Box(0, 0, 1, 1, [])], [0, 50], [0, 50])
    layout = tables_from_geometry(chars("正文", 100, 100), rules, 1)
    assert layout.tables == [] and [line.text for line in layout.lines] == ["正文"]


def page(number: int, boxes: list[Box], xs: list[float], ys: list[float]) -> PageLayout:
    words, rules = draw(boxes, xs, ys, number)
    return tables_from_geometry(words, rules, number)


XS = [50.0, 200.0, 250.0, 300.0]
HEADER = [Box(0, 0, 1, 1, ["项目"]), Box(0, 1, 1, 1, ["自然人"]), Box(0, 2, 1, 1, ["总计"])]


def test_a_table_over_two_pages_is_one_table_without_its_repeated_header() -> None:
    first = page(1, [*HEADER, Box(1, 0, 1, 1, ["一、本年新收"]), Box(1, 1, 1, 1, ["5"]), Box(1, 2, 1, 1, ["5"])],
                 XS, [700, 720, 740])  # fmt: skip
    second = page(2, [*HEADER, Box(1, 0, 1, 1, ["二、上年结转"]), Box(1, 1, 1, 1, ["1"]), Box(1, 2, 1, 1, ["1"])],
                  XS, [50, 70, 90])  # fmt: skip
    doc = join_pages([first, second], source=None, source_format="pdf")
    [table] = doc.tables
    assert [[c.text for c in row] for row in table.rows] == [
        ["项目", "自然人", "总计"],
        ["一、本年新收", "5", "5"],
        ["二、上年结转", "1", "1"],
    ]
    assert [c.page for c in table.rows[2]] == [2, 2, 2]


def test_a_row_cut_by_the_page_break_is_rejoined() -> None:
    first = page(
        1,
        [Box(0, 0, 1, 1, ["3.补正后申请内容"]), Box(0, 1, 1, 1, ["0"]), Box(0, 2, 1, 1, ["0"])],
        XS,
        [700, 720],
    )
    second = page(2, [Box(0, 0, 1, 1, ["仍不明确"]), Box(0, 1, 1, 1, []), Box(0, 2, 1, 1, [])], XS, [50, 70])
    [table] = join_pages([first, second], source=None, source_format="pdf").tables
    assert [[c.text for c in row] for row in table.rows] == [["3.补正后申请内容仍不明确", "0", "0"]]


def test_a_header_row_and_the_values_under_it_on_the_next_page_stay_two_rows() -> None:
    first = page(1, [Box(0, 0, 1, 1, ["信息内容"]), Box(0, 1, 1, 2, ["本年收费金额"])], XS, [700, 720])
    second = page(2, [Box(0, 0, 1, 1, ["行政事业性收费"]), Box(0, 1, 1, 2, ["18651.06"])], XS, [50, 70])
    [table] = join_pages([first, second], source=None, source_format="pdf").tables
    assert [[c.text for c in row] for row in table.rows] == [
        ["信息内容", "本年收费金额"],
        ["行政事业性收费", "18651.06"],
    ]


def test_a_table_after_text_on_the_next_page_is_another_table() -> None:
    first = page(1, [Box(0, 0, 1, 1, ["规章"]), Box(0, 1, 1, 1, ["0"])], XS, [700, 720])
    words, rules = draw([Box(0, 0, 1, 1, ["行政许可"]), Box(0, 1, 1, 1, ["3"])], XS, [100, 120], 2)
    second = tables_from_geometry(chars("第二十条第（五）项", 50, 60, 2) + words, rules, 2)
    doc = join_pages([first, second], source=None, source_format="pdf")
    assert len(doc.tables) == 2
    assert doc.tables[1].after_line == 1 and doc.lines[0].text == "第二十条第（五）项"


def test_typeset_text_is_reflowed_as_a_text_file_would_hold_it() -> None:
    layout = PageLayout(page=1, height=842)
    rows = [
        ("一、总体情况", 50, 100),
        ("根据《条例》要求，现将本机关二〇二三年度政府信息公开", 50, 115),
        ("工作情况报告如下。", 50, 130),
        ("规章", 86, 160),
        ("0", 86, 175),
    ]
    for n, (text, x, y) in enumerate(rows, start=1):
        words = chars(text, x, y)
        layout.blocks.append(PlacedLine(TextLine(text, n, 1), x, y, words[-1].x1, y + SIZE))
    assert [line.text for line in plain_lines([layout])] == [
        "一、总体情况",
        "根据《条例》要求，现将本机关二〇二三年度政府信息公开工作情况报告如下。",
        "",
        "\t规章",
        "\t0",
    ]


LABELS = st.text(alphabet="公开申请政府信息本年新收处理结果维持纠正其他（）、.", min_size=1, max_size=30)
NUMBERS = st.integers(min_value=0, max_value=999999).map(str)


@st.composite
def tables(draw_: st.DrawFn) -> tuple[list[Box], list[float], list[float]]:
    """A grid with merged cells (each a rectangle, none overlapping), texts wrapped to their width."""
    rows, cols = draw_(st.integers(1, 6)), draw_(st.integers(1, 5))
    widths = [draw_(st.integers(4, 12)) * SIZE for _ in range(cols)]
    xs = [50.0]
    for w in widths:
        xs.append(xs[-1] + w)
    taken: set[tuple[int, int]] = set()
    boxes: list[Box] = []
    for r in range(rows):
        for c in range(cols):
            if (r, c) in taken:
                continue
            # Every grid line is drawn somewhere: the last column never spans rows, and no cell
            # reaching the last row spans columns.
            rowspan = 1 if c == cols - 1 else draw_(st.integers(1, rows - r))
            colspan = 1
            while (
                c + colspan < cols - 1
                and r + rowspan < rows
                and (r, c + colspan) not in taken
                and draw_(st.booleans())
            ):
                colspan += 1
            if any((r + i, c + j) in taken for i in range(rowspan) for j in range(colspan)):
                rowspan = 1
            taken |= {(r + i, c + j) for i in range(rowspan) for j in range(colspan)}
            text = draw_(st.one_of(LABELS, NUMBERS))
            per_line = int((xs[c + colspan] - xs[c] - 4) // SIZE)
            lines = (
                [text] if text.isdigit() else [text[i : i + per_line] for i in range(0, len(text), per_line)]
            )
            boxes.append(Box(r, c, rowspan, colspan, lines))
    # Each grid row tall enough for the most lines any cell starting there holds.
    heights = [2.0 * SIZE] * rows
    for b in boxes:
        need = len(b.lines) * (SIZE + 2) + 4
        heights[b.row + b.rowspan - 1] = max(
            heights[b.row + b.rowspan - 1], need - sum(heights[b.row : b.row + b.rowspan - 1])
        )
    ys = [100.0]
    for h in heights:
        ys.append(ys[-1] + h)
    return boxes, xs, ys


@settings(max_examples=150, deadline=None)
@given(tables())
def test_any_ruled_grid_reads_back_cell_for_cell(table: tuple[list[Box], list[float], list[float]]) -> None:
    boxes, xs, ys = table
    words, rules = draw(boxes, xs, ys)
    layout = tables_from_geometry(words, rules, 1)
    expected: dict[int, list[tuple[str, int, int]]] = {}
    for b in sorted(boxes, key=lambda b: (b.row, b.col)):
        expected.setdefault(b.row, []).append(("".join(b.lines), b.rowspan, b.colspan))
    assert grid_of(layout) == [cells for _, cells in sorted(expected.items())]
