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


@dataclass(frozen=True)
class Picture:
    """A picture in the body of a DOCX or a web page, where a table may have been pasted as an image."""

    # Index into `Document.lines` of the text line after which the picture stands.
    after_line: int
    # Where it stands in the source: the body block (DOCX) or source line (HTML) of `TextLine.line`.
    line: int | None
    # The image file's bytes; None when the input does not hold them (a web page's linked picture).
    data: bytes | None
    # Its size as placed on the page, in inches, when the source says.
    width_in: float | None = None
    height_in: float | None = None
    # The address a linked picture is named by (an `<img>`'s `src`, a DOCX's external target).
    src: str | None = None

    @property
    def may_be_table(self) -> bool:
        """As large as a table where the source says how large it is placed (else told by its pixels)."""
        if not (self.width_in and self.height_in):
            return True
        return table_sized(self.width_in, self.height_in, TABLE_PICTURE_INCHES)


# A picture may hold a table only when at least this large (long side, short side), as placed on the
# page (inches) or, where the source does not say, in pixels: a seal, a logo, a QR code or an icon is
# smaller; the narrowest table 二 pasted as a picture seen was 3.9 inches wide.
TABLE_PICTURE_INCHES = (2.4, 0.8)
TABLE_PICTURE_PIXELS = (300, 100)


def table_sized(width: float, height: float, least: tuple[float, float]) -> bool:
    """A picture of `width` × `height`, whichever way it stands, at least `least` (long, short side)."""
    return max(width, height) >= least[0] and min(width, height) >= least[1]


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
    # Pictures in a DOCX or a web page's body, in document order.
    pictures: list[Picture] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)
