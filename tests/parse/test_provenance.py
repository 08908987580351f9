"""Never a number that is not printed: every value read carries the place and the token printed there.

For every input of the test corpus, each non-null cell has provenance; its token holds the value
(the value itself, or a run of digits printed together that the value was cut from), and the
token is printed at that place of the source: the text line (text files; a token may run on into
the next line where a paragraph was wrapped at the page width), the `<td>` starting at
that source line (HTML), the body block of that ordinal (DOCX), the page (PDF). The places are
looked up in the source bytes here, independently of the readers.
"""

from __future__ import annotations

import io
import random
import re
import unicodedata
import zipfile
from decimal import Decimal
from pathlib import Path

import lxml.html
import pypdfium2 as pdfium
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from support.layouts import LAYOUTS, write
from support.real_inputs import DATA, REPORTS, SEED
from xxgk.parse.detect import read_report
from xxgk.parse.text import decode
from xxgk.report import Report
from xxgk.sample import balanced_report

FORMS = DATA / "forms"
FUZZ = DATA / "fuzz-regressions"
SUFFIXES = {".txt", ".md", ".html", ".htm", ".docx", ".pdf"}
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def corpus() -> list[Path]:
    paths = [*REPORTS.iterdir(), SEED, *FUZZ.glob("wbc-*")]
    if FORMS.is_dir():
        paths += FORMS.rglob("*")
    return sorted(p for p in paths if p.suffix in SUFFIXES and p.name != "README.md")


def fold(text: str) -> str:
    """A printed token: width folded, spaces and thousands separators removed."""
    return re.sub(r"[\s,，]+", "", unicodedata.normalize("NFKC", text))


def spaced(text: str) -> str:
    """A place's text: width folded, thousands separators removed, spaces kept (they part numbers)."""
    return re.sub(r"(?<=\d)[,，](?=\d{3})", "", unicodedata.normalize("NFKC", text))


class Places:
    """The text printed at each place of one source, by its format."""

    def __init__(self, data: bytes, suffix: str) -> None:
        self.suffix = suffix
        if suffix == ".pdf":
            pdf = pdfium.PdfDocument(data)
            try:
                self.pages = [[spaced(pdf[i].get_textpage().get_text_range())] for i in range(len(pdf))]
            finally:
                pdf.close()
        elif suffix == ".docx":
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                body = etree.fromstring(archive.read("word/document.xml")).find(f"{_W}body")
            # A block's paragraphs (a table's: its cells' paragraphs), each one text.
            self.blocks = [
                [spaced("".join(p.itertext())) for p in block.iter(f"{_W}p")] for block in _blocks(body)
            ]
        elif suffix in (".html", ".htm"):
            self.cells: dict[int, list[str]] = {}
            for cell in lxml.html.document_fromstring(decode(data)).iter("td", "th"):
                self.cells.setdefault(cell.sourceline, []).append(spaced(cell.text_content()))
        else:
            self.lines = decode(data).replace("\r\n", "\n").replace("\r", "\n").split("\n")

    def texts_at(self, line: int | None, page: int | None) -> list[str]:
        if self.suffix == ".pdf":
            assert page is not None
            return self.pages[page - 1]
        assert line is not None
        if self.suffix == ".docx":
            return self.blocks[line - 1]
        if self.suffix in (".html", ".htm"):
            # The cells starting on that source line, one per line of the result.
            return self.cells.get(line, [])
        here = self.lines[line - 1]
        # A paragraph wrapped at the page width carries a token over the line end (`…情形）10` /
        # `0 0 0 01（三）…`): the token then starts on this line and ends on the next.
        wrapped = [here.rstrip() + self.lines[line].lstrip()] if line < len(self.lines) else []
        return [spaced(t) for t in (here, *wrapped)]


def _blocks(body: etree._Element) -> list[etree._Element]:
    """Paragraphs and tables of a DOCX body in order (through content controls and custom XML)."""
    found: list[etree._Element] = []
    for child in body:
        if child.tag in (f"{_W}p", f"{_W}tbl"):
            found.append(child)
        elif child.tag in (f"{_W}sdt", f"{_W}customXml"):
            content = child.find(f"{_W}sdtContent") if child.tag == f"{_W}sdt" else child
            if content is not None:
                found += _blocks(content)
    return found


def assert_every_value_printed(report: Report, places: Places) -> None:
    for table in ("table2", "table3", "table4"):
        for row, columns in report.table(table).items():
            for column, value in columns.items():
                if value is None:
                    continue
                key = f"{table}.{row}.{column}"
                provenance = report.provenance.get(key)
                assert provenance is not None and provenance.text, f"{key} = {value}: no provenance"
                token = fold(provenance.text)
                printed = _printed(value)
                assert printed in token, f"{key} = {value}: token {provenance.text!r} does not print it"
                if token != printed:
                    # Only a run of digits printed together is cut into several values.
                    assert token.isdigit(), f"{key} = {value} read from {provenance.text!r}"
                # The whole token, not digits of a longer number (`2` inside `23`).
                # A digit after it may only number the next label (`…00000003.危及…`).
                # A sign parts two numbers run together (`167-3`).
                before = r"(?<![\d.])" if token[0].isdigit() else ""
                alone = re.compile(rf"{before}{re.escape(token)}(?!\.\d)(?!\d(?![.．、]\D))")
                where = places.texts_at(provenance.line, provenance.page)
                assert any(alone.search(text) for text in where), (
                    f"{key} = {value}: {provenance.text!r} not printed at {provenance}"
                )


def _printed(value: int | Decimal) -> str:
    return str(value)


@pytest.mark.parametrize("path", corpus(), ids=lambda p: p.name)
def test_every_value_is_printed_where_its_provenance_says(path: Path) -> None:
    data = path.read_bytes()
    report = read_report(data, source=path.name)
    assert_every_value_printed(report, Places(data, path.suffix))


reports = st.builds(
    lambda seed, year, template, other_row: balanced_report(
        random.Random(seed), year=year, template=template, other_row=other_row
    ),
    seed=st.integers(0, 2**32 - 1),
    year=st.integers(2019, 2025),
    template=st.sampled_from(["2021", "2019"]),
    other_row=st.sampled_from(["split", "short"]),
)


@pytest.mark.parametrize("layout", LAYOUTS)
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(report=reports, seed=st.integers(0, 2**32 - 1))
def test_random_reports_read_back_identical_or_null_with_a_finding(
    layout: str, report: Report, seed: int
) -> None:
    data = write(report, layout, random.Random(seed)).encode("utf-8")
    parsed = read_report(data, source=f"{layout}.txt")
    assert_every_value_printed(parsed, Places(data, ".txt"))
    errors = [f for f in parsed.findings if f.severity == "error"]
    for table in ("table2", "table3", "table4"):
        for row, columns in report.table(table).items():
            for column, value in columns.items():
                got = parsed.table(table)[row][column]
                if got is None and value is not None:
                    assert errors, f"{table}.{row}.{column}: {value} read as empty without a finding"
                else:
                    assert got == value, f"{table}.{row}.{column}: printed {value}, read {got}"
