"""The intermediate every reader produces: the report's text lines and its tables as grids of cells.

Format quirks (one cell per line, run-together digits, split header cells, page footers) are
the readers' business; label matching and row order belong to `mapper.py` only.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from xxgk.findings import Finding


@dataclass
class Cell:
    text: str
    rowspan: int = 1
    colspan: int = 1
    # Where the cell was read in the source (1-based), for provenance and findings.
    line: int | None = None
    page: int | None = None
    # Numbers printed on their own line right after this cell, outside any cell (a stray line in
    # text pulled from a document): they may belong to this cell or to none, so it is not read.
    stray: tuple[str, ...] = ()
    # The source printed the cell's bounds (an HTML, DOCX, Markdown, tab-separated or PDF table cell,
    # or a number set apart by column gaps in `pdftotext -layout` text), not just space between
    # words: its digits are never cut into several cells' counts.
    delimited: bool = False


@dataclass
class GridTable:
    """A table as rows of cells in reading order (spans as printed, not expanded)."""

    rows: list[list[Cell]] = field(default_factory=list)
    # Index into `Document.lines` of the text line after which the table stands.
    after_line: int = 0
    # Rows cut out of running text (cells run together in a paragraph), not printed line by line.
    running_text: bool = False
    # A Markdown table inside an HTML fragment: cells in the columns the Markdown printed them in,
    # without the spans of the table it was made from (no header cell can be placed on a grid).
    spans_unknown: bool = False


@dataclass
class TextLine:
    text: str
    # 1-based line (text formats) and page (PDF) in the source.
    line: int | None = None
    page: int | None = None
    # The source line of each character, when the line was joined from several (a paragraph
    # wrapped at the page width): a cell cut from it points at the line it starts on.
    origins: tuple[int, ...] | None = None


@dataclass
class Document:
    """A report read from any format, before label matching."""

    lines: list[TextLine] = field(default_factory=list)
    tables: list[GridTable] = field(default_factory=list)
    source: str | None = None
    source_format: str = "text"
    # What the reader itself saw (e.g. a PDF page that cannot be loaded); the mapper reports them.
    findings: list[Finding] = field(default_factory=list)
    # PDF pages holding a picture as large as a table and no ruled table of text (tables pasted as
    # pictures).
    pictured_pages: tuple[int, ...] = ()

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)
