"""Table 四 printed as one run of fifteen digits (a PDF's text with the spaces lost), with the
heading of section 五 wrapped onto the same line and years in its prose: the fifteen digits are
the fifteen cells, and nothing after section 五 begins is read as a cell."""

from __future__ import annotations

import random
import re

from hypothesis import given
from hypothesis import strategies as st

from support.layouts import write
from xxgk.parse.detect import read_report
from xxgk.report import Report
from xxgk.sample import balanced_report
from xxgk.template import get_template

TABLE4 = get_template("2021").table4
HEADING_5 = "五、存在的主要问题及改进情况"


@st.composite
def single_digit_blocks(draw: st.DrawFn) -> dict[str, dict[str, int]]:
    """Each block of table 四 with single-digit counts that add up (total ≤ 9).

    Built part by part from what is left of the 9 rather than filtered: four random digits add up
    to 9 or less only 7 % of the time, and the rejections cost most of this test's time."""
    blocks = {}
    for row in TABLE4.rows:
        parts: list[int] = []
        for _ in range(4):
            parts.append(draw(st.integers(0, 9 - sum(parts))))
        parts = draw(st.permutations(parts))
        blocks[row.key] = dict(zip(("upheld", "corrected", "other", "pending"), parts, strict=True))
        blocks[row.key]["total"] = sum(parts)
    return blocks


def _printed(blocks: dict[str, dict[str, int]], seed: int, *, run_on: str) -> tuple[Report, str]:
    report = balanced_report(random.Random(seed), year=2023, template="2021", other_row="split")
    report.table4 = blocks
    text = write(report, "spaces", random.Random(seed))
    values = [str(blocks[row.key][col.key]) for row in TABLE4.rows for col in TABLE4.columns]
    line = re.compile(r"^" + r"\s+".join(values) + r"\s*$", re.M)
    assert len(line.findall(text)) == 1
    # The section heading wrapped onto the table's line, a year right after it.
    text = line.sub("".join(values) + " " + run_on, text).replace(HEADING_5 + "\n", "", 1)
    return report, text


@given(blocks=single_digit_blocks(), seed=st.integers(0, 10_000))
def test_fifteen_run_together_digits_are_table_four(blocks: dict[str, dict[str, int]], seed: int) -> None:
    _, text = _printed(blocks, seed, run_on="五、存在的主要问题及\n改进情况 2021 年，我局工作取得新进展。")
    report = read_report(text.encode("utf-8"), source="pdf.txt")
    assert report.table4 == blocks
    digits = "".join(str(blocks[r.key][c.key]) for r in TABLE4.rows for c in TABLE4.columns)
    assert {
        report.provenance[f"table4.{r.key}.{c.key}"].text for r in TABLE4.rows for c in TABLE4.columns
    } == {digits}


def test_fourteen_digits_stay_empty_with_a_finding() -> None:
    blocks = {
        row.key: {"upheld": 0, "corrected": 0, "other": 0, "pending": 0, "total": 0} for row in TABLE4.rows
    }
    _, text = _printed(blocks, 3, run_on="五、存在的主要问题及\n改进情况 2021 年。")
    text = text.replace("0" * 15, "0" * 14, 1)
    report = read_report(text.encode("utf-8"), source="pdf.txt")
    assert all(v is None for row in report.table4.values() for v in row.values())
    assert any(f.place.table == "table4" and f.severity == "error" for f in report.findings)
