"""Markdown as PDF-to-Markdown converters write it (pymupdf4llm, markitdown): emphasis, code spans and
line breaks inside a table's cells are no part of what the report prints. (A line break between two
numbers parts them, never runs them into one: pymupdf4llm's `|（七）总计||217|1|0<br>0|0|0|218|` read
217 as 商业企业 when run into `00`, caught by tests/forms/test_text_forms.py on its form.)"""

from __future__ import annotations

import datetime as dt
import random
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from support.layouts import write
from support.report_asserts import all_cells
from xxgk.parse.detect import read_report
from xxgk.sample import balanced_report


def _markdown(seed: int) -> str:
    """A random balanced report written as Markdown tables (the split （六） form)."""
    report = balanced_report(random.Random(seed), year=2024, template="2021", other_row="split")
    return write(report, "markdown", random.Random(seed))


def _read(text: str) -> dict:
    return all_cells(read_report(text.encode(), source="report.md"))


@settings(max_examples=15, deadline=None)
@given(seed=st.integers(0, 2**32 - 1))
def test_emphasis_code_spans_and_breaks_in_labels_read_as_plain_markdown(seed: int) -> None:
    text = _markdown(seed)
    rng = random.Random(seed)

    def marked(cell: re.Match[str]) -> str:
        body = cell[1]
        if re.fullmatch(r"\s*\d+(?:\.\d+)?\s*", body):
            return f"|`{body.strip()}`" if rng.random() < 0.5 else f"|**{body.strip()}**"
        if len(body.strip()) > 4:
            middle = len(body) // 2
            return f"|{body[:middle]}<br>{body[middle:]}"
        return cell[0]

    converted = re.sub(r"\|([^|\n]+)(?=\|)", marked, text)
    assert converted != text
    assert _read(converted) == _read(text)


def _merged_like_pymupdf4llm(text: str, rng: random.Random) -> str:
    """Each table row's label merged into its first number's cell, as pymupdf4llm prints a ruled
    table: after a line break (`| 规章<br>0 | 0 | 0 |`), or with the label's end run onto the number
    (`| 行政规范性 | 文件62 | 33 | 440 |`); and a lone number marked raised (`| <sup>0</sup> |`)."""
    out = []
    for line in text.split("\n"):
        cells = line.split("|")[1:-1] if line.startswith("|") and "---" not in line else None
        first = next((i for i, c in enumerate(cells or []) if _NUMBER.fullmatch(c.strip())), None)
        if cells is None or first is None or first == 0 or _NUMBER.fullmatch(cells[first - 1].strip()):
            out.append(line)
            continue
        label, number = cells[first - 1].strip(), cells[first].strip()
        how = rng.choice(["break", "run on", "raised"])
        if how == "raised":
            cells[first] = f"<sup>{number}</sup>"
        elif how == "break" or len(label) < 4:
            cells[first - 1 : first + 1] = [f"{label}<br>{number}"]
            cells.append("")
        else:
            cut = rng.randrange(2, len(label) - 1)  # pieces of a label too short to match stay unread
            cells[first - 1 : first + 1] = [label[:cut], label[cut:] + number]
        out.append("|" + "|".join(cells) + "|")
    return "\n".join(out)


_NUMBER = re.compile(r"\d+(?:\.\d+)?")


@settings(max_examples=15, deadline=None)
@given(seed=st.integers(0, 2**32 - 1))
def test_a_label_merged_into_its_first_number_cell_reads_as_apart(seed: int) -> None:
    text = _markdown(seed)
    merged = _merged_like_pymupdf4llm(text, random.Random(seed))
    assert merged != text
    assert _read(merged) == _read(text)


def test_a_raised_mark_inside_a_label_is_no_number() -> None:
    """Only a cell holding a raised number alone is that number: a footnote mark after a label
    (`行政许可<sup>1</sup>`) is not the row's first value."""
    text = write(balanced_report(random.Random(7), year=2024, template="2021"), "markdown", random.Random(7))
    row = next(line for line in text.split("\n") if line.startswith("| 行政许可 |"))
    marked = text.replace(row, row.replace("| 行政许可 |", "| 行政许可<sup>1</sup> |", 1))
    printed = _read(text)["table2.licensing.decisions"]
    assert printed != 1  # else the mark read as the value could not be told from it
    assert _read(marked)["table2.licensing.decisions"] == printed


def test_an_html_comment_after_the_signing_date_is_no_part_of_it() -> None:
    """pymupdf4llm marks text it found in a picture with comments, the signing date among it:
    `2024 年 1 月 26 日<br><!-- End of picture text -->`."""
    report = balanced_report(random.Random(3), year=2024, template="2021")
    text = write(report, "markdown", random.Random(3))
    date = "2025年1月20日"
    assert date not in text
    signed = f"{text.rstrip()}\n\n<!-- Start of picture text -->\n   2025 年 1 月 20 日<br><!-- End of picture text -->\n"
    read = read_report(signed.encode(), source="report.md")
    assert read.signed_on == dt.date(2025, 1, 20)
    assert _read(signed) == _read(text)


def _stacked(text: str, rng: random.Random, wrapped: bool = False) -> str:
    """Two sub-rows of a group printed in one Markdown row, each cell's two lines parted by a line
    break (pymupdf4llm: `| |7.属于行政执法案卷<br>8.属于行政查询事项|0<br>0|…`). `wrapped`: the second
    label cut from the first instead (`1.本机关不掌握相关<br>政府信息`), no row of its own."""
    lines = text.split("\n")
    pairs = [
        i
        for i in range(len(lines) - 1)
        if lines[i].startswith("|  |  | ") and lines[i + 1].startswith("|  |  | ")
    ]
    i = rng.choice(pairs)
    above, below = (line.strip().strip("|").split("|") for line in lines[i : i + 2])
    if wrapped:
        label = above[2].strip()
        below[2] = f" {label[len(label) // 2 :]} "
        above[2] = f" {label[: len(label) // 2]} "
    merged = [
        a if not (a.strip() or b.strip()) else f"{a.strip()}<br>{b.strip()}"
        for a, b in zip(above, below, strict=True)
    ]
    lines[i : i + 2] = ["|" + "|".join(merged) + "|"]
    return "\n".join(lines)


@settings(max_examples=15, deadline=None)
@given(seed=st.integers(0, 2**32 - 1))
def test_two_rows_stacked_in_one_markdown_row_read_as_two(seed: int) -> None:
    text = _markdown(seed)
    stacked = _stacked(text, random.Random(seed))
    assert stacked.count("\n") == text.count("\n") - 1
    assert _read(stacked) == _read(text)


@settings(max_examples=15, deadline=None)
@given(seed=st.integers(0, 2**32 - 1))
def test_a_wrapped_label_beside_stacked_numbers_is_no_two_rows(seed: int) -> None:
    """Two lines of numbers beside one label wrapped over two lines: whose the second line is, is
    unknown; the row is not read (never two rows made of one)."""
    text = _markdown(seed)
    original = _read(text)
    read = _read(_stacked(text, random.Random(seed), wrapped=True))
    assert {key: value for key, value in read.items() if value is not None}.items() <= original.items()
    assert read != original
