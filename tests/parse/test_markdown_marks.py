"""Markdown as PDF-to-Markdown converters write it (pymupdf4llm, markitdown): emphasis, code spans and
line breaks inside a table's cells are no part of what the report prints. (A line break between two
numbers parts them, never runs them into one: pymupdf4llm's `|（七）总计||217|1|0<br>0|0|0|218|` read
217 as 商业企业 when run into `00`, caught by tests/forms/test_text_forms.py on its form.)"""

from __future__ import annotations

import random
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from support.layouts import write
from support.report_asserts import all_cells
from xxgk.parse.detect import read_report
from xxgk.sample import balanced_report


def _read(text: str) -> dict:
    return all_cells(read_report(text.encode(), source="report.md"))


@settings(max_examples=15, deadline=None)
@given(seed=st.integers(0, 2**32 - 1))
def test_emphasis_code_spans_and_breaks_in_labels_read_as_plain_markdown(seed: int) -> None:
    report = balanced_report(random.Random(seed), year=2024, template="2021", other_row="split")
    text = write(report, "markdown", random.Random(seed))
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
