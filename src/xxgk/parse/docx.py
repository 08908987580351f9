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

import posixpath
import zipfile
from collections.abc import Iterator
from typing import NamedTuple

from docx.oxml.ns import qn
from lxml import etree

from xxgk.parse.errors import ReportReadError
from xxgk.parse.grid import Cell, Document, GridTable, Picture, TextLine
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
            cells.append(
                Cell(text=_cell_text(tc), rowspan=rowspan, colspan=colspan, line=ordinal, delimited=True)
            )
        # Rows are kept even when empty (all continuation cells): rowspans count them.
        rows.append(cells)
    return rows


# The package is read as python-docx's `Document()` reads it (same parser, same refusals with the
# same messages) but only down to the main document: the other parts (styles, numbering, images…)
# are neither inflated nor parsed (3.5–7.5 ms a report), so damage there no longer stops the reading.
_NOT_DOCX = "无法读取该 Word 文件：它不是有效的 DOCX 文档（如为旧版 .doc，请另存为 .docx）。"
_DAMAGED = "无法读取该 Word 文件：文件已损坏或格式不受支持。"
_CT = "{http://schemas.openxmlformats.org/package/2006/content-types}"
_PR = "{http://schemas.openxmlformats.org/package/2006/relationships}"
# python-docx accepts only this relationship type and this content type (.docm and .dotx refused).
_OFFICE_DOCUMENT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
_MAIN_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_DOCUMENT = qn("w:document")
_BODY = qn("w:body")
# python-docx's parser settings (docx.oxml.parser): no entity is ever resolved, nothing fetched.
_PARSER = etree.XMLParser(remove_blank_text=True, resolve_entities=False)


class _Relationship(NamedTuple):
    type: str | None
    target: str  # "" for an external one without a target
    external: bool


def _member(archive: zipfile.ZipFile, name: str) -> bytes | None:
    """A member's bytes, None when there is none of that name."""
    try:
        return archive.read(name)
    except KeyError:
        return None
    except (zipfile.BadZipFile, ValueError) as exc:
        raise ReportReadError(_NOT_DOCX, f"not a DOCX: {name}: {exc}") from exc
    except Exception as exc:  # zlib, bz2 and lzma errors, encrypted or unsupported members
        raise ReportReadError(_DAMAGED, f"{name}: {type(exc).__name__}: {exc}") from exc


def _parse(blob: bytes, name: str, root: str) -> etree._Element:
    """A member's XML, its root element `root` (python-docx fails on any other)."""
    try:
        element = etree.fromstring(blob, _PARSER)
    except etree.XMLSyntaxError as exc:
        raise ReportReadError(_NOT_DOCX, f"not a DOCX: {name}: {exc}") from exc
    if element.tag != root:
        raise ReportReadError(_DAMAGED, f"{name}: root element {element.tag!r}, not {root!r}")
    return element


def _content_types(archive: zipfile.ZipFile) -> tuple[dict[str, str | None], dict[str, str | None]]:
    """`[Content_Types].xml`: content types by part name (Override) and by extension (Default),
    both lower-cased (python-docx matches them regardless of case)."""
    blob = _member(archive, "[Content_Types].xml")
    if blob is None:
        raise ReportReadError(_NOT_DOCX, "not a DOCX: no [Content_Types].xml")
    types = _parse(blob, "[Content_Types].xml", f"{_CT}Types")
    overrides = {_lower(o, "PartName"): o.get("ContentType") for o in types.iterfind(f"{_CT}Override")}
    defaults = {_lower(d, "Extension"): d.get("ContentType") for d in types.iterfind(f"{_CT}Default")}
    return overrides, defaults


def _lower(element: etree._Element, attribute: str) -> str:
    value = element.get(attribute)
    if value is None:
        raise ReportReadError(_DAMAGED, f"[Content_Types].xml: {attribute} missing")
    return value.lower()


def _relationships(archive: zipfile.ZipFile, part: str) -> dict[str | None, _Relationship]:
    """The relationships of `part` ("/": the package's), a later one replacing an earlier of its id."""
    base, filename = posixpath.split(part)
    name = posixpath.join(base, "_rels", f"{filename}.rels")[1:]
    blob = _member(archive, name)
    if blob is None:
        return {}
    by_id: dict[str | None, _Relationship] = {}
    for rel in _parse(blob, name, f"{_PR}Relationships").iterfind(f"{_PR}Relationship"):
        external = rel.get("TargetMode", "Internal") == "External"
        target = rel.get("Target")
        if target is None and not external:
            raise ReportReadError(_DAMAGED, f"{name}: relationship {rel.get('Id')!r} without a target")
        by_id[rel.get("Id")] = _Relationship(rel.get("Type"), target or "", external)
    return by_id


def _main_body(archive: zipfile.ZipFile) -> tuple[etree._Element, str, dict[str | None, _Relationship]]:
    """The `w:body` of the main document (the part of the package's one officeDocument relationship,
    of the WordprocessingML main document content type), its part name and its relationships."""
    overrides, defaults = _content_types(archive)
    main = [rel for rel in _relationships(archive, "/").values() if rel.type == _OFFICE_DOCUMENT]
    if len(main) != 1 or main[0].external:
        raise ReportReadError(_NOT_DOCX, f"not a DOCX: officeDocument relationships {main}")
    part = posixpath.normpath(posixpath.join("/", main[0].target))
    # python-docx refuses a main document with damaged relationships.
    relationships = _relationships(archive, part)
    blob = _member(archive, part[1:])
    extension = posixpath.splitext(part)[1][1:].lower()
    content_type = overrides.get(part.lower(), defaults.get(extension))
    if blob is None or content_type != _MAIN_CONTENT_TYPE:
        raise ReportReadError(_NOT_DOCX, f"not a DOCX: main document {part} of type {content_type!r}")
    body = _first_child(_parse(blob, part, _DOCUMENT), _BODY)
    if body is None:
        raise ReportReadError(_DAMAGED, f"{part}: no w:body")
    return body, part, relationships


def read_docx(data: bytes, *, source: str | None = None) -> Document:
    """Read a Word (.docx) report into lines and grids (see the module docstring), and the pictures
    its paragraphs hold (a table may have been pasted as one).

    Raises `ReportReadError` when the bytes are not a readable DOCX.
    """
    # A damaged or oversized ZIP is refused by `open_zip` before anything is inflated.
    with open_zip(data) as archive:
        body, part, relationships = _main_body(archive)
        # Most reports hold no picture: one pass of libxml2 tells, before any paragraph is looked into.
        pictured = next(body.iter(_DRAWING, _PICT), None) is not None
        doc = Document(source=source, source_format="docx")
        for ordinal, block in enumerate(_body_blocks(body), start=1):
            if block.tag == _P:
                for piece in _paragraph_text(block).split("\n"):
                    text = clean_line_text(piece)
                    if text:
                        doc.lines.append(TextLine(text=text, line=ordinal))
                if pictured:
                    doc.pictures += _pictures(block, ordinal, len(doc.lines), archive, part, relationships)
            else:
                rows = _read_table(block, ordinal)
                if rows:
                    doc.tables.append(GridTable(rows=rows, after_line=len(doc.lines)))
    return doc


# --- pictures -----------------------------------------------------------------------------------

_DRAWING = qn("w:drawing")
_PICT = qn("w:pict")
_EXTENT = qn("wp:extent")
_BLIP = qn("a:blip")
_IMAGEDATA = "{urn:schemas-microsoft-com:vml}imagedata"
_EMBED = qn("r:embed")
_LINK = qn("r:link")
_REL_ID = qn("r:id")
_EMU_PER_INCH = 914_400


def _pictures(
    p: etree._Element,
    ordinal: int,
    after_line: int,
    archive: zipfile.ZipFile,
    part: str,
    relationships: dict[str | None, _Relationship],
) -> list[Picture]:
    """The pictures a paragraph holds (DrawingML, or VML from older Word), with their image's bytes
    (None for a linked one) and the size DrawingML places them at."""
    pictures = []
    for drawing in p.iter(_DRAWING, _PICT):
        width = height = None
        if drawing.tag == _DRAWING:
            extent = next(drawing.iter(_EXTENT), None)
            if extent is not None:
                width, height = (_inches(extent.get(name)) for name in ("cx", "cy"))
            blip = next(drawing.iter(_BLIP), None)
            rel_id = None if blip is None else blip.get(_EMBED) or blip.get(_LINK)
        else:
            imagedata = next(drawing.iter(_IMAGEDATA), None)
            rel_id = None if imagedata is None else imagedata.get(_REL_ID)
        relationship = relationships.get(rel_id) if rel_id else None
        if relationship is None:
            continue
        image = None
        if not relationship.external:
            name = posixpath.normpath(posixpath.join(posixpath.dirname(part), relationship.target))
            image = _member(archive, name.lstrip("/"))
        src = relationship.target if relationship.external else None
        pictures.append(Picture(after_line, ordinal, image, width, height, src))
    return pictures


def _inches(emu: str | None) -> float | None:
    try:
        return int(emu or "") / _EMU_PER_INCH
    except ValueError:
        return None
