"""Every text form of every real report (pdftotext, `pdftotext -layout`, markitdown of each PDF in
tests/data/forms) reads to exactly the source's cells and year, and `xxgk check` finds on it what it
finds on the source; or, for a form not read yet, gives
no number the source does not print in that cell and says why its cells are empty.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache
from pathlib import Path

import pytest

from forms.expected import assert_reads_as, differences
from support.real_inputs import DATA, REPORTS, SEED
from xxgk.checks import run_checks
from xxgk.parse.detect import read_report, read_report_file
from xxgk.report import Report

FORMS = DATA / "forms"
# pdftotext, `pdftotext -layout`, markitdown and the Python libraries of scripts/library_texts.py of
# each PDF, and pandoc's GitHub Markdown of each saved page.
TEXT_FORMS = sorted(p for p in FORMS.glob("*/*") if p.suffix in {".txt", ".md"})

# Forms whose cells that differ from the source are empty, each empty cell explained by the reader
# or the checks, and why they are not read yet.
_PLAIN = (
    "pdftotext without -layout prints a row's labels apart from its numbers and may swap cells in a row: "
    "reading numbers in printed order was rejected (tests/data/forms/README.md)"
)
_MARKDOWN = (
    "markitdown merges cells and moves label lines away from their values: rows not beside their own "
    "label, or with a column merged into a blank one, are left empty"
)
_CELL_BY_CELL = (
    "pdfminer prints each cell on a line of its own and a block's labels before its numbers, as pdftotext "
    "without -layout does: whose numbers they are is not known"
)
_BY_HEIGHT = (
    "pdfplumber orders text by height: where a label or a group heading is centred in a taller cell, the "
    "numbers of a row come out above or below its label, or beside a neighbour's"
)
_SPACED = (
    "pypdf's layout mode prints the group heading （三）不予公开 on a line of its own between a row's label and "
    "its numbers"
)
NOT_YET = {
    "pingtan-2023-guoziju/chromium-a5.layout.txt": (
        "on A5 paper the label of （六）2. wraps over eight lines in a narrow column, its numbering `2.` printed "
        "below its first words, beside the row's numbers"
    ),
    "pingtan-2023-guoziju/chromium-a5.markitdown.md": _MARKDOWN,
    "pingtan-2023-guoziju/chromium-a5.pdfminer.txt": _CELL_BY_CELL,
    "pingtan-2023-guoziju/chromium-a5.pdftotext.txt": _PLAIN,
    "pingtan-2024-guanweihui/chromium-a5.markitdown.md": _MARKDOWN,
    "pingtan-2023-guoziju/chromium-letter.markitdown.md": _MARKDOWN,
    "pingtan-2023-guoziju/chromium-letter.pdfminer.txt": _CELL_BY_CELL,
    "pingtan-2023-guoziju/chromium-letter.pdftotext.txt": _PLAIN,
    "pingtan-2024-guanweihui/chromium-letter.layout.txt": (
        "the numbers of （二）部分公开 printed on two lines, four beside the label's first line and three two lines "
        "below, its group heading between them (`29 0 0 0` / `理结果 计这一情形…` / `0 0 29`)"
    ),
    "pingtan-2024-guanweihui/chromium-letter.markitdown.md": _MARKDOWN,
    "pingtan-2024-guanweihui/chromium-letter.pdfminer.txt": _CELL_BY_CELL,
    "pingtan-2024-guanweihui/chromium-letter.pdftotext.txt": _PLAIN,
    "pingtan-2024-guanweihui/chromium-a5.pdfminer.txt": _CELL_BY_CELL,
    "pingtan-2024-guanweihui/chromium-a5.pdftotext.txt": _PLAIN,
    "000_a506050fcd0660b0/lo-text.pymupdf-sort.txt": (
        "PyMuPDF's sort mode prints the seed's cell-per-line tables with some cells of a row on one line "
        "(`规章` / `0` / `0      0`): a row short"
    ),
    "000_a506050fcd0660b0/lo-text.pdfplumber-layout.txt": _BY_HEIGHT,
    "000_a506050fcd0660b0/lo-text.pymupdf4llm.md": (
        "pymupdf4llm prints the seed's cell-per-line tables as code blocks and list items, numbers before "
        "the label of their row (`规章 0 0` / `0 规范性文件 0 0 0`)"
    ),
    "hongze-2023-qzf/original.pdfminer.txt": _CELL_BY_CELL,
    "hongze-2023-qzf/original.pdfplumber-layout.txt": _BY_HEIGHT,
    "hongze-2023-qzf/original.pdfplumber.txt": _BY_HEIGHT,
    "hongze-2024-qzf/original.pdfminer.txt": _CELL_BY_CELL,
    "hongze-2024-qzf/original.pdfplumber-layout.txt": _BY_HEIGHT,
    "hongze-2024-qzf/original.pdfplumber.txt": _BY_HEIGHT,
    "huaian-2024-szf/original.pdfminer.txt": _CELL_BY_CELL,
    "pingtan-2023-guoziju/chromium-css.pdfminer.txt": _CELL_BY_CELL,
    "pingtan-2023-guoziju/chromium-noborder.pdfminer.txt": _CELL_BY_CELL,
    "pingtan-2023-guoziju/chromium-noborder.pymupdf4llm.md": (
        "pymupdf4llm prints the numbers of 行政规范性文件 out of their order, one a line (`6` / `26` / `1`)"
    ),
    "pingtan-2023-guoziju/chromium-nocss.pdfminer.txt": _CELL_BY_CELL,
    "pingtan-2023-guoziju/lo-html-docx.pdfminer.txt": _CELL_BY_CELL,
    "pingtan-2023-guoziju/lo-html.pdfminer.txt": _CELL_BY_CELL,
    "pingtan-2023-guoziju/lo-html.pymupdf4llm.md": (
        "pymupdf4llm prints the row 四、结转下年度继续办理 as a section heading and again cut into four cells "
        "beside numbers with a blank among them"
    ),
    "pingtan-2024-guanweihui/chromium-css.pdfminer.txt": _CELL_BY_CELL,
    "pingtan-2024-guanweihui/chromium-css.pypdf-layout.txt": _SPACED,
    "pingtan-2024-guanweihui/chromium-noborder.pdfminer.txt": _CELL_BY_CELL,
    "pingtan-2024-guanweihui/chromium-nocss.pdfminer.txt": _CELL_BY_CELL,
    "pingtan-2024-guanweihui/lo-docx.pdfminer.txt": _CELL_BY_CELL,
    "pingtan-2024-guanweihui/lo-html-docx.pdfminer.txt": _CELL_BY_CELL,
    "pingtan-2024-guanweihui/lo-html.pdfminer.txt": _CELL_BY_CELL,
    "hongze-2023-qzf/original.markitdown.md": _MARKDOWN,
    "hongze-2023-qzf/original.pdftotext.txt": _PLAIN,
    "hongze-2024-qzf/original.pdftotext.txt": _PLAIN,
    "huaian-2024-szf/original.pdftotext.txt": _PLAIN,
    "pingtan-2024-guanweihui/lo-docx.pdftotext.txt": _PLAIN,
    "pingtan-2024-guanweihui/lo-docx-cairo.pdftotext.txt": _PLAIN,
    "pingtan-2023-guoziju/chromium-margins.pdftotext.txt": _PLAIN,
    "pingtan-2024-guanweihui/chromium-margins.pdftotext.txt": _PLAIN,
    "pingtan-2023-guoziju/chromium-css.markitdown.md": _MARKDOWN,
    "pingtan-2023-guoziju/chromium-css.pdftotext.txt": _PLAIN,
    "pingtan-2023-guoziju/chromium-noborder.pdftotext.txt": _PLAIN,
    "pingtan-2023-guoziju/chromium-nocss.markitdown.md": _MARKDOWN,
    "pingtan-2023-guoziju/chromium-nocss.pdftotext.txt": _PLAIN,
    "pingtan-2023-guoziju/lo-html-docx.markitdown.md": _MARKDOWN,
    "pingtan-2023-guoziju/lo-html-docx.pdftotext.txt": _PLAIN,
    "pingtan-2023-guoziju/lo-html.pdftotext.txt": _PLAIN,
    "pingtan-2024-guanweihui/chromium-css.markitdown.md": _MARKDOWN,
    "pingtan-2024-guanweihui/chromium-css.pdftotext.txt": _PLAIN,
    "pingtan-2024-guanweihui/chromium-noborder.pdftotext.txt": _PLAIN,
    "pingtan-2024-guanweihui/chromium-nocss.pdftotext.txt": _PLAIN,
    "pingtan-2024-guanweihui/lo-html-docx.pdftotext.txt": _PLAIN,
    "pingtan-2024-guanweihui/lo-html.pdftotext.txt": _PLAIN,
    "hongze-2024-qzf/original.markitdown.md": _MARKDOWN,
    "huaian-2024-szf/original.markitdown.md": _MARKDOWN,
    "pingtan-2023-guoziju/chromium-noborder.markitdown.md": _MARKDOWN,
    "pingtan-2023-guoziju/lo-html.markitdown.md": _MARKDOWN,
    "pingtan-2024-guanweihui/chromium-noborder.markitdown.md": _MARKDOWN,
    "pingtan-2024-guanweihui/chromium-nocss.markitdown.md": _MARKDOWN,
    "pingtan-2024-guanweihui/lo-docx.markitdown.md": _MARKDOWN,
    "pingtan-2024-guanweihui/lo-html-docx.markitdown.md": _MARKDOWN,
    "pingtan-2024-guanweihui/lo-html.markitdown.md": _MARKDOWN,
}


def form_id(path: Path) -> str:
    return f"{path.parent.name}/{path.name}"


@cache
def read(path: Path) -> Report:
    return read_report(path.read_bytes(), source=path.name)


# Forms whose cells are read exactly but whose text around the tables is not all read as on the
# original: findings about that text differ (never a table's identity or blank cell).
CELLS_READ = {
    "pingtan-2023-guoziju/chromium-nocss.pymupdf-sort.txt": (
        "PyMuPDF's sort mode prints the signing date beside the site's footer"
    ),
}
# Every other text form reads exactly (every cell, the year, the organisation, the template and the
# （六） form), and `xxgk check` finds on it what it finds on the original.
READ = {form_id(p) for p in TEXT_FORMS} - set(NOT_YET) - set(CELLS_READ)


def test_every_form_not_read_yet_is_there() -> None:
    assert len(TEXT_FORMS) >= 18 * 11  # 18 PDFs, eleven text forms each
    assert set(NOT_YET) | set(CELLS_READ) <= {form_id(p) for p in TEXT_FORMS}
    assert not set(NOT_YET) & set(CELLS_READ)


@pytest.mark.parametrize("path", [p for p in TEXT_FORMS if form_id(p) in READ | set(CELLS_READ)], ids=form_id)
def test_form_reads_as_its_source(path: Path) -> None:
    assert_reads_as(read(path), path.parent.name)


# The source each form was made from (a real PDF stands for itself: its text forms were pulled from it).
ORIGINALS = {p.stem: p for p in sorted(REPORTS.iterdir()) if p.suffix in {".pdf", ".html", ".txt"}} | {
    SEED.stem: SEED
}


@pytest.mark.parametrize("path", [p for p in TEXT_FORMS if form_id(p) in READ], ids=form_id)
def test_check_finds_on_the_form_what_it_finds_on_the_original(path: Path) -> None:
    original = read_report_file(ORIGINALS[path.parent.name])
    assert Counter(f.code for f in run_checks(read(path))) == Counter(f.code for f in run_checks(original))


def _wrong_numbers(report: Report, stem: str) -> list[str]:
    return [d for d in differences(report, stem) if not d.endswith("read None")]


@pytest.mark.parametrize("path", [p for p in TEXT_FORMS if form_id(p) in NOT_YET], ids=form_id)
def test_a_form_not_read_yet_gives_no_wrong_number(path: Path) -> None:
    """Every cell read is the source's; the others are null, and the reader or checks say so."""
    report = read(path)
    assert differences(report, path.parent.name), "read exactly now: take it out of NOT_YET"
    assert _wrong_numbers(report, path.parent.name) == []
    if any(d.startswith("table") for d in differences(report, path.parent.name)):
        errors = [f for f in report.findings if f.severity == "error"]
        assert errors or "TABLE-ROWS-MISSING" in {f.code for f in run_checks(report)}


@pytest.mark.parametrize("path", [p for p in TEXT_FORMS if form_id(p) in NOT_YET], ids=form_id)
def test_a_form_not_read_yet_says_what_it_saw(path: Path) -> None:
    """No finding quotes an empty label: rows that print numbers and no label (a cell per line, the
    labels elsewhere) are told in one finding, whose lines print the numbers it quotes."""
    report = read(path)
    assert [f.message_zh for f in report.findings if "「」" in f.message_zh] == []
    unlabelled = [f for f in report.findings if f.code == "P-ROWS-UNLABELLED"]
    assert len(unlabelled) <= 1
    for finding in unlabelled:
        match = re.search(r"第 ([\d、-]+) (?:等)?行，印有(.+?)(?:等)?）", finding.message_zh)
        assert match, finding.message_zh
        lines = path.read_text(encoding="utf-8").split("\n")
        printed = re.findall(r"「([^」]+)」", match[2])
        spans = [[int(n) for n in span.split("-")] for span in match[1].split("、")]
        assert len(printed) == len(spans) and finding.place.line == spans[0][0]
        for span, tokens in zip(spans, printed, strict=True):
            # Those lines print these tokens one after the other (a line may print a row after
            # them; Markdown's `|`, `**` and backticks are no tokens).
            shown = re.sub(
                r"[|*`]", " ", " ".join(lines[n - 1] for n in range(span[0], span[-1] + 1))
            ).split()
            quoted = tokens.split()
            assert any(shown[i : i + len(quoted)] == quoted for i in range(len(shown))), (shown, quoted)


# What the checks may add on a form not read yet: that a row or the signing date was not read.
_NOT_READ = {"TABLE-ROWS-MISSING", "SIGNED-MISSING"}


@pytest.mark.parametrize("path", [p for p in TEXT_FORMS if form_id(p) in NOT_YET], ids=form_id)
def test_a_form_not_read_yet_raises_no_alarm_the_original_does_not(path: Path) -> None:
    """Cells left null by the reading are unknown, not 0: no identity, blank-cell or other finding
    against the report beyond what its original gets, only that rows were not read."""
    original = Counter(f.code for f in run_checks(read_report_file(ORIGINALS[path.parent.name])))
    found = Counter(f.code for f in run_checks(read(path)) if not f.code.startswith("P-"))
    assert set(found - original) <= _NOT_READ


@pytest.mark.parametrize("path", [p for p in TEXT_FORMS if form_id(p) in CELLS_READ], ids=form_id)
def test_a_form_whose_cells_are_read_raises_no_table_alarm_the_original_does_not(path: Path) -> None:
    """What differs from the original's findings is about the text around the tables or the reader's
    own notes, never a table check, and the checks still find what they find on the original."""
    original = Counter(f.code for f in run_checks(read_report_file(ORIGINALS[path.parent.name])))
    found = Counter(f.code for f in run_checks(read(path)))
    assert [code for code in found - original if code.startswith(("T", "CELL"))] == []
    assert found != original, "its findings are the original's now: take it out of CELLS_READ"
