"""DOCX reader: a Word report → `Document` (text lines + grids), the grid step only.

The body's children are read in document order (`w:p` → a `TextLine`, `w:tbl` → a
`GridTable`; content controls `w:sdt` are looked into). Merged cells come back as ONE cell,
as printed: `w:gridSpan` gives the colspan, a `w:vMerge` restart cell gets a rowspan counting
the continuation cells below it at the same grid column, and continuation cells are skipped.
A cell's text is its paragraphs joined with "" (labels split over lines, e.g. “社会 / 公益 /
组织”, come back whole), normalised like the HTML reader's cells.

`TextLine.line` and `Cell.line` are the 1-based ordinal of the body-level block (paragraph or
table) they belong to: Word has no lines or pages until it lays the document out.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator

from docx import Document as open_docx
from docx.oxml.ns import qn
from lxml import etree

from xxgk.parse.errors import ReportReadError
from xxgk.parse.grid import Cell, Document, GridTable, TextLine
from xxgk.parse.html import clean_cell_text, clean_line_text
from xxgk.parse.limits import check_table, open_zip

__all__ = ["read_docx"]

_P = qn("w:p")
_TBL = qn("w:tbl")
_TR = qn("w:tr")
_TC = qn("w:tc")
_SDT = qn("w:sdt")
_SDT_CONTENT = qn("w:sdtContent")
_CUSTOM_XML = qn("w:customXml")
_T = qn("w:t")
_TAB = qn("w:tab")
_BR = qn("w:br")
_CR = qn("w:cr")
_NO_BREAK_HYPHEN = qn("w:noBreakHyphen")
_TC_PR = qn("w:tcPr")
_TR_PR = qn("w:trPr")
_GRID_SPAN = qn("w:gridSpan")
_GRID_BEFORE = qn("w:gridBefore")
_V_MERGE = qn("w:vMerge")
_H_MERGE = qn("w:hMerge")
_VAL = qn("w:val")
_MAX_SPAN = 1000


def _first_child(parent: etree._Element, tag: str) -> etree._Element | None:
    """`parent.find(tag)` without its cost: lxml's `find` goes through ElementPath on every call
    (about a microsecond), a loop over the children stops at the first, usually very soon."""
    for child in parent:
        if child.tag == tag:
            return child
    return None


def _children(parent: etree._Element, wanted: str) -> Iterator[etree._Element]:
    """Children with tag `wanted`, looking through content controls and custom XML wrappers."""
    for child in parent:
        tag = child.tag
        if tag == wanted:
            yield child
        elif tag == _SDT:
            content = _first_child(child, _SDT_CONTENT)
            if content is not None:
                yield from _children(content, wanted)
        elif tag == _CUSTOM_XML:
            yield from _children(child, wanted)


def _body_blocks(body: etree._Element) -> Iterator[etree._Element]:
    for child in body:
        tag = child.tag
        if tag in (_P, _TBL):
            yield child
        elif tag == _SDT:
            content = _first_child(child, _SDT_CONTENT)
            if content is not None:
                yield from _body_blocks(content)
        elif tag == _CUSTOM_XML:
            yield from _body_blocks(child)


_NS = {"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main"}
# A paragraph's printed pieces in document order: runs' text (not deleted or moved away) as
# strings, tabs and breaks as elements. Tab stops in w:pPr are no text: only runs' children count.
# One walk over the runs' children (not one per kind of piece, then merged in document order).
_RUN_PIECES = etree.XPath(
    ".//w:r/*[self::w:t or self::w:tab or self::w:br or self::w:cr or self::w:noBreakHyphen]"
    "[not(ancestor::w:del or ancestor::w:moveFrom)]",
    namespaces=_NS,
)
_PIECE_TEXT = {_TAB: "\t", _BR: "\n", _CR: "\n", _NO_BREAK_HYPHEN: "-"}


def _paragraph_text(p: etree._Element) -> str:
    """The printed text of a `w:p`: its runs' `w:t`, tabs as spaces, breaks as new lines."""
    return "".join((el.text or "") if el.tag == _T else _PIECE_TEXT[el.tag] for el in _RUN_PIECES(p))


def _int_val(el: etree._Element | None, default: int) -> int:
    if el is None:
        return default
    try:
        return min(max(int(el.get(_VAL, default)), 1), _MAX_SPAN)
    except (TypeError, ValueError):
        return default


def _cell_props(tc: etree._Element) -> tuple[int, str | None, bool]:
    """(colspan, vMerge state: "restart" | "continue" | None, hMerge continuation)."""
    tc_pr = _first_child(tc, _TC_PR)
    if tc_pr is None:
        return 1, None, False
    # One pass over the few properties, the first of each tag counting (as `find` would).
    props: dict[object, etree._Element] = {}
    for child in tc_pr:
        props.setdefault(child.tag, child)
    colspan = _int_val(props.get(_GRID_SPAN), 1)
    v_merge = props.get(_V_MERGE)
    state = None if v_merge is None else (v_merge.get(_VAL) or "continue")
    h_merge = props.get(_H_MERGE)
    h_continue = h_merge is not None and (h_merge.get(_VAL) or "continue") == "continue"
    return colspan, state, h_continue


def _cell_text(tc: etree._Element) -> str:
    """A cell's paragraphs (nested tables' too) joined with ""."""
    return "".join(clean_cell_text(_paragraph_text(p)) for p in tc.iter(_P))


def _read_table(tbl: etree._Element, ordinal: int) -> list[list[Cell]]:
    # First pass: every row's cells with their grid column, colspan and vMerge state.
    layout: list[list[tuple[int, int, str | None, etree._Element]]] = []
    for tr in _children(tbl, _TR):
        tr_pr = _first_child(tr, _TR_PR)
        col = _int_val(_first_child(tr_pr, _GRID_BEFORE), 0) if tr_pr is not None else 0
        row: list[tuple[int, int, str | None, etree._Element]] = []
        for tc in _children(tr, _TC):
            colspan, v_state, h_continue = _cell_props(tc)
            if h_continue and row:
                # Legacy horizontal merge: widen the cell on the left.
                start, span, state, first = row[-1]
                row[-1] = (start, span + colspan, state, first)
            else:
                row.append((col, colspan, v_state, tc))
            col += colspan
        layout.append(row)

    check_table(len(layout), sum(len(row) for row in layout))

    # Second pass: rowspans from continuation cells below; continuations themselves skipped.
    # Both are computed once per cell (bottom-up and top-down), not by walking the column.
    states = [{start: state for start, _span, state, _tc in row} for row in layout]
    below = [dict.fromkeys(row, 0) for row in states]  # continuation cells right below, per column
    for r in range(len(layout) - 2, -1, -1):
        for start in states[r]:
            if states[r + 1].get(start, "") == "continue":
                below[r][start] = 1 + below[r + 1][start]
    # Whether a continuation cell at (row, column) continues a restart cell above it.
    covered: list[dict[int, bool]] = []
    for r, row_states in enumerate(states):
        above = covered[r - 1] if r else {}
        above_states = states[r - 1] if r else {}
        covered.append(
            {
                start: (
                    above.get(start, False)
                    if above_states.get(start) == "continue"
                    else above_states.get(start) == "restart"
                )
                for start, state in row_states.items()
            }
        )
    rows: list[list[Cell]] = []
    for r, row in enumerate(layout):
        cells: list[Cell] = []
        for start, colspan, state, tc in row:
            if state == "continue" and r > 0 and covered[r][start]:
                continue
            rowspan = 1 + below[r][start] if state is not None else 1
            cells.append(Cell(text=_cell_text(tc), rowspan=rowspan, colspan=colspan, line=ordinal))
        # Rows are kept even when empty (all continuation cells): rowspans count them.
        rows.append(cells)
    return rows


def read_docx(data: bytes, *, source: str | None = None) -> Document:
    """Read a Word (.docx) report into lines and grids (see the module docstring).

    Raises `ReportReadError` when the bytes are not a readable DOCX.
    """
    open_zip(data).close()  # a damaged or oversized ZIP is refused before anything is inflated
    try:
        word = open_docx(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError, etree.XMLSyntaxError) as exc:
        raise ReportReadError(
            "无法读取该 Word 文件：它不是有效的 DOCX 文档（如为旧版 .doc，请另存为 .docx）。",
            f"not a DOCX: {exc}",
        ) from exc
    except Exception as exc:  # python-docx raises its own PackageNotFoundError and others
        raise ReportReadError(
            "无法读取该 Word 文件：文件已损坏或格式不受支持。", f"{type(exc).__name__}: {exc}"
        ) from exc

    doc = Document(source=source, source_format="docx")
    for ordinal, block in enumerate(_body_blocks(word.element.body), start=1):
        if block.tag == _P:
            for piece in _paragraph_text(block).split("\n"):
                text = clean_line_text(piece)
                if text:
                    doc.lines.append(TextLine(text=text, line=ordinal))
        else:
            rows = _read_table(block, ordinal)
            if rows:
                doc.tables.append(GridTable(rows=rows, after_line=len(doc.lines)))
    return doc
