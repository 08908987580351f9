"""HTML reader: a saved report page → `Document` (text lines + grids), the grid step only.

Agency sites wrap the report in CMS noise (navigation, headers, footers, share buttons,
scripts). The reader drops the obvious noise elements, then picks the report body as the
element that holds the page's densest non-link text and all of its data tables, and reads
that element only:

- every block of text outside tables becomes a `TextLine` (one per `<p>`/`<div>`/heading/
  `<br>`-separated line, whitespace and `&nbsp;` normalised, empty lines dropped), `line` being
  lxml's source line of the element the text starts in;
- every innermost `<table>` becomes a `GridTable`: one row per `<tr>`, cells in reading order,
  spans as printed (never expanded), a cell's text being its paragraphs/lines joined with ""
  (labels split into several `<p>`s or padded spans, e.g. “自 / 然人”, come back whole).
  Layout tables (tables that contain tables) and one-cell tables are read as text blocks.

The page title (from `<title>`, located at the matching heading above the body when there is
one) is put first in `lines` when the body does not start with it, since CMS pages print the
title outside the article container. No label knowledge lives here: that is the mapper's.

Bytes that are not HTML never raise: they give a `Document` without tables.
"""

from __future__ import annotations

import base64
import binascii
import codecs
import html
import re
from collections.abc import Iterable, Iterator
from dataclasses import replace
from itertools import islice

from lxml import etree

from xxgk.parse.encoding import utf16_codec
from xxgk.parse.grid import Cell, Document, GridTable, Picture, TextLine
from xxgk.parse.limits import MAX_MARKUP_BYTES, check_input_size, check_table, check_text_chars
from xxgk.parse.markdown import HEADING_MARK, row_cells
from xxgk.parse.text_parts import is_title

__all__ = ["clean_cell_text", "clean_line_text", "decode_html", "read_html"]

# --- text normalisation (shared with the DOCX reader) ------------------------------------

# Characters after/before which whitespace is layout, not content: CJK ideographs, CJK and
# full-width punctuation, Chinese quotation marks.
_CJK = "\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\u2018-\u201f\u2026"
_INVISIBLE_RE = re.compile("[\u200b-\u200d\u2060\ufeff\u00ad]")
_WS_RUN_RE = re.compile(r"\s+")
_CJK_CHAR_RE = re.compile(f"[{_CJK}]")
_LAYOUT_WS_RE = re.compile(r"[\r\n\t]")
_CONTROL_CHARS = "".join(map(chr, [*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F, 0xFFFE, 0xFFFF]))
_CONTROL_RE = re.compile(f"[{re.escape(_CONTROL_CHARS)}]")
# Text without whitespace or invisible characters is already clean: most cells and many lines.
_UNCLEAN_RE = re.compile("[\\s\u200b-\u200d\u2060\ufeff\u00ad]")


def _squeeze(text: str, *, layout_only: bool) -> str:
    """Each run of whitespace → "" when it touches a Chinese character (for `layout_only`, only a
    run holding a line break or tab), else one space. One pass over maximal runs: linear (a
    lookaround pattern such as `\\s*[\\r\\n\\t]\\s*(?=…)` is cubic on a long run of spaces)."""

    def replace(match: re.Match[str]) -> str:
        if layout_only and not _LAYOUT_WS_RE.search(match.group()):
            return " "
        start, end = match.span()
        near_cjk = (start > 0 and _CJK_CHAR_RE.match(text, start - 1)) or _CJK_CHAR_RE.match(text, end)
        return "" if near_cjk else " "

    return _WS_RUN_RE.sub(replace, text).strip()


def clean_cell_text(text: str) -> str:
    """Normalise a table cell's text: no whitespace next to Chinese characters, single spaces
    elsewhere (so “社 会&nbsp;&nbsp;公益” → “社会公益” but “0591 23161005” keeps its space)."""
    if not _UNCLEAN_RE.search(text):
        return text
    return _squeeze(_INVISIBLE_RE.sub("", text), layout_only=False)


def clean_line_text(text: str) -> str:
    """Normalise a line of running text: source line breaks between Chinese characters vanish,
    any other run of whitespace (including `&nbsp;` and U+3000) becomes one space."""
    if not _UNCLEAN_RE.search(text):
        return text
    return _squeeze(_INVISIBLE_RE.sub("", text), layout_only=True)


def _join_cell_pieces(pieces: Iterable[str]) -> str:
    return "".join(map(clean_cell_text, pieces))


# --- decoding --------------------------------------------------------------------------

_META_CHARSET_RE = re.compile(
    rb"""<meta\b[^>]{0,1000}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]+)""", re.IGNORECASE
)
_XML_ENCODING_RE = re.compile(rb"""^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9_.:\-]+)""", re.IGNORECASE)
_XML_DECL_RE = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
_GB_FAMILY = {"gb2312", "gbk", "gb18030", "cp936", "ms936", "x-gbk", "gb_2312-80", "csgb2312", "euc-cn"}
_LATIN_FAMILY = {"latin_1", "iso8859-1", "cp1252", "ascii"}


def _codec_name(label: bytes) -> str | None:
    """The Python codec for a declared charset label, or None when it is unknown."""
    name = label.decode("ascii", "ignore").strip().lower()
    if name in _GB_FAMILY:
        # GB18030 is a superset of GB2312 and GBK; pages declared gb2312 routinely use GBK.
        return "gb18030"
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _declared_charset(data: bytes) -> str | None:
    head = data[:65536]
    match = _XML_ENCODING_RE.match(head) or _META_CHARSET_RE.search(head)
    return _codec_name(match.group(1)) if match else None


def decode_html(data: bytes) -> str:
    """Decode a page: BOM, else the declared charset (meta charset / http-equiv / XML
    declaration), else UTF-8, else GB18030; as a last resort GB18030 with replacement."""
    for bom, codec in (
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ):
        if data.startswith(bom):
            return data[len(bom) :].decode(codec, "replace")
    utf16 = utf16_codec(data)
    if utf16:
        return data.decode(utf16, "replace")
    candidates: list[str] = []
    declared = _declared_charset(data)
    if declared and declared.startswith(("utf-16", "utf-32", "utf_16", "utf_32")):
        declared = None  # bytes readable as ASCII markup are not UTF-16, whatever the page says
    if declared and declared not in _LATIN_FAMILY:
        candidates.append(declared)
    candidates += ["utf-8", "gb18030"]
    if declared in _LATIN_FAMILY:
        # Chinese pages mis-declared as Latin-1 are common; Latin-1 never fails, so try it last.
        candidates.append(declared)
    for codec in dict.fromkeys(candidates):
        try:
            return data.decode(codec)
        except (UnicodeDecodeError, LookupError):
            continue
    return data.decode("gb18030", "replace")


# --- parsing ---------------------------------------------------------------------------

# A plain libxml2 HTML parser: lxml.html's element classes cost a Python call per element proxy.
_PARSER = etree.HTMLParser(remove_comments=True, remove_pis=True, remove_blank_text=False)

_NOISE_TAGS = frozenset(
    {
        "script", "style", "noscript", "template", "nav", "header", "footer", "aside", "iframe",
        "frame", "frameset", "object", "embed", "applet", "select", "option", "button", "textarea",
        "input", "svg", "canvas", "map", "audio", "video", "head", "title", "meta", "link", "base",
    }
)  # fmt: skip
_BLOCK_TAGS = frozenset(
    {
        "address", "article", "blockquote", "body", "center", "dd", "details", "dialog", "dir",
        "div", "dl", "dt", "fieldset", "figcaption", "figure", "form", "h1", "h2", "h3", "h4",
        "h5", "h6", "hgroup", "hr", "html", "li", "main", "menu", "ol", "p", "pre", "section",
        "summary", "table", "tbody", "thead", "tfoot", "tr", "td", "th", "caption", "ul",
        "legend", "colgroup", "col", "marquee", "listing", "plaintext", "xmp",
    }
)  # fmt: skip
_HIDDEN_STYLE_RE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_DIGIT_RE = re.compile(r"\d")
_TITLE_SPLIT_RE = re.compile(r"\s*(?:[_|｜]|\s[-–—－]\s)\s*")
_MAX_SPAN = 1000


# A Markdown table's row, its separator row (`|---|:--:|`) and a heading's marks.
_MARKDOWN_ROW = re.compile(r"[ \t]*\|.*\|[ \t]*")
# Anchored at a line's start and without backtracking (possessive): looked for over the whole page,
# an unanchored `[ \t]*` tried every start in a run of spaces.
_MARKDOWN_RULE = re.compile(r"^[ \t]*+\|(?=[^\n]*-)[ \t:|-]*+$", re.M)
_MARKDOWN_HEADING = re.compile(HEADING_MARK)
# The attribute that marks a table made from Markdown.
_FROM_MARKDOWN = "data-xxgk-markdown"


def _markdown_as_html(text: str) -> str:
    """A fragment that mixes HTML and Markdown (pandoc's GitHub Markdown of a page keeps its complex
    tables and blocks as HTML and writes simple tables as Markdown, `| 规章 | 0 | 0 | 0 |`, and
    paragraphs as lines between blank lines) made HTML line for line, so every row and paragraph
    keeps its source line: its Markdown tables HTML tables, a blank line a break between paragraphs,
    a heading's marks dropped. A whole page (`<html>`, `<body>`) or a fragment with no Markdown table
    is left as it is: a line between bars there is text, a blank line layout."""
    if re.search(r"<(?:html|body)\b", text[:4096], re.I) or not _MARKDOWN_RULE.search(text):
        return text
    lines = text.split("\n")
    rows = [bool(_MARKDOWN_ROW.fullmatch(line)) for line in lines]
    out: list[str] = []
    for n, line in enumerate(lines):
        if not line.strip():
            out.append("<br>")
            continue
        if not rows[n]:
            out.append(_MARKDOWN_HEADING.sub("", line, count=1) if line.startswith("#") else line)
            continue
        first = n == 0 or not rows[n - 1]
        last = n + 1 == len(lines) or not rows[n + 1]
        if _MARKDOWN_RULE.fullmatch(line):
            row = ""
        else:
            cells = "".join(f"<td>{html.escape(cell)}</td>" for cell in row_cells(line))
            row = f"<tr>{cells}</tr>"
        out.append((f"<table {_FROM_MARKDOWN}>" if first else "") + row + ("</table>" if last else ""))
    return "\n".join(out)


def _parse(text: str) -> etree._Element | None:
    text = _XML_DECL_RE.sub("", text, count=1)
    # A substring test a character scans a page several times faster than the class search does.
    if any(char in text for char in _CONTROL_CHARS):
        text = _CONTROL_RE.sub("", text)
    if not text.strip():
        return None
    try:
        root = etree.fromstring(text, parser=_PARSER)
    except Exception:  # lxml raises several types on garbage; none of them is the user's fault
        return None
    if root is None or not isinstance(root.tag, str):
        return None
    return root


# An element's text (its text nodes joined, as `"".join(el.itertext())` gives it: the parser keeps
# no comments or PIs), concatenated by libxml2: over ten times faster than `itertext`.
_STRING_VALUE = etree.XPath("string()", smart_strings=False)


def _text_of(el: etree._Element) -> str:
    text: str = _STRING_VALUE(el)
    return text


# Attribute values (with their element) that can hide an element, collected by libxml2: a Python
# pass reading three attributes of every element costs more than all the rest of the noise pass.
_STYLES = etree.XPath("descendant-or-self::*/@style")
_HIDDEN_ATTRIBUTES = etree.XPath("descendant-or-self::*/@hidden | descendant-or-self::*/@aria-hidden")


def _hides(style: str) -> bool:
    """Whether an inline style hides its element. Substrings that the pattern needs (only ASCII
    letters match "none", "play" and "dden" case-insensitively) settle most styles before the
    case-insensitive pattern, which costs microseconds on the long styles every cell carries."""
    lowered = style.lower()
    if not (("none" in lowered and "play" in lowered) or "dden" in lowered):
        return False
    return _HIDDEN_STYLE_RE.search(style) is not None


def _drop_noise(root: etree._Element) -> None:
    # Nodes that are not elements are noise too (the parser already drops comments and PIs).
    doomed = list(root.iter(*_NOISE_TAGS, etree.Comment, etree.ProcessingInstruction, etree.Entity))
    doomed += [
        value.getparent()
        for value in _HIDDEN_ATTRIBUTES(root)
        if value.attrname == "hidden" or value == "true"
    ]
    styles = _STYLES(root)
    # A page repeats a few styles on all its cells: each is tested once.
    hiding = {style for style in set(styles) if _hides(style)}
    doomed += [style.getparent() for style in styles if style in hiding]
    # Order does not matter (a dropped element's tail goes to the nearest node before it still in
    # place), and an element met twice is dropped once: it has no parent the second time.
    for el in doomed:
        _drop_tree(el)


def _drop_tree(el: etree._Element) -> None:
    """Remove an element and its content, keeping its tail text (lxml.html's drop_tree)."""
    parent = el.getparent()
    if parent is None:
        return
    if el.tail:
        previous = el.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + el.tail
        else:
            parent.text = (parent.text or "") + el.tail
    parent.remove(el)


def _has_table_inside(table: etree._Element) -> bool:
    return any(True for _ in table.iterdescendants("table"))


def _rows_of(table: etree._Element) -> Iterator[etree._Element]:
    """The table's `<tr>`s in source order (through thead/tbody/tfoot), none of a nested table."""
    return table.iterdescendants("tr")


def _cells_of(tr: etree._Element) -> list[etree._Element]:
    return [td for td in tr if td.tag in ("td", "th")]


def _is_grid(table: etree._Element) -> bool:
    """An innermost table with more than one cell is read as a grid."""
    if _has_table_inside(table):
        return False
    count = 0
    for tr in _rows_of(table):
        count += len(_cells_of(tr))
        if count > 1:
            return True
    return False


def _is_data_table(table: etree._Element) -> bool:
    """A grid with at least two rows and a digit somewhere: what a report's tables look like."""
    return (
        _is_grid(table)
        and sum(1 for _ in islice(_rows_of(table), 2)) == 2  # two rows, not listing them all
        and _DIGIT_RE.search(_text_of(table)) is not None
    )


def _nonspace_len(text: str) -> int:
    return len("".join(text.split()))


def _common_ancestor(elements: list[etree._Element]) -> etree._Element:
    chains = [[el, *el.iterancestors()] for el in elements]
    others = [set(chain) for chain in chains[1:]]
    return next(a for a in chains[0] if all(a in other for other in others))


def _find_body(root: etree._Element) -> etree._Element:
    """The smallest element holding the page's densest prose and every data table on it.

    Prose is scored as readability tools do: each paragraph (a block element without block
    descendants) adds its non-link text length to its parent and half of it to its
    grandparent; text standing directly in a container counts for the container. The element
    with the best score holds the report's paragraphs; the body is the common ancestor of it
    and of the page's data tables (which CMS editors sometimes put in sibling containers).
    """
    top = root.find("body")
    if top is None:
        top = root
    data_tables = [t for t in top.iter("table") if _is_data_table(t)]
    # Children come after their parent in document order, so walking it backwards, each element
    # hands its parent what the parent needs of it: its tail's length (`tails`), that plus its
    # own weight unless it is a link (`inner`), and whether it is or holds a block (`has_block`).
    tails: dict[etree._Element | None, int] = {}
    inner: dict[etree._Element | None, int] = {}
    has_block: set[etree._Element | None] = set()
    scores: dict[etree._Element, float] = {}
    # Data tables are weighed, never scored. Most hold no link: their weight is then the length
    # of their whole text, read at once, and their insides (most of a report page) are not walked.
    unscored = set(data_tables)
    weighed = []
    for table in data_tables:
        if next(table.iter("a"), None) is None:
            # All of the table's text but its own `text`, which the walk adds.
            inner[table] = _nonspace_len(_text_of(table)) - _nonspace_len(table.text or "")
            weighed.append(table)
        else:
            unscored.update(table.iter())
    for el in reversed(_without_insides(list(top.iter()), weighed)):
        tag = el.tag
        text, tail = el.text, el.tail
        text_len = _nonspace_len(text) if text else 0
        weight = (0 if tag == "a" else text_len) + inner.get(el, 0)
        block_inside = el in has_block
        parent = el.getparent()
        tail_len = _nonspace_len(tail) if tail else 0
        handed = tail_len + (0 if tag == "a" else weight)
        if tail_len:
            tails[parent] = tails.get(parent, 0) + tail_len
        if handed:
            inner[parent] = inner.get(parent, 0) + handed
        if block_inside or tag in _BLOCK_TAGS:
            has_block.add(parent)
        if not weight or el in unscored:
            continue
        if block_inside:
            scores[el] = scores.get(el, 0.0) + (0 if tag == "a" else text_len + tails.get(el, 0))
        elif tag in _BLOCK_TAGS and parent is not None:
            scores[parent] = scores.get(parent, 0.0) + weight
            grandparent = parent.getparent()
            if grandparent is not None:
                scores[grandparent] = scores.get(grandparent, 0.0) + weight / 2
    dense = max(scores, key=scores.__getitem__) if scores else top
    if not data_tables:
        return dense
    return _common_ancestor([dense, *data_tables])


def _without_insides(elements: list[etree._Element], tables: list[etree._Element]) -> list[etree._Element]:
    """`elements` (a subtree in document order) less the descendants of `tables` (disjoint ones,
    in document order): one pass, however many tables."""
    kept: list[etree._Element] = []
    start = 0
    for table in tables:
        end = elements.index(table, start) + 1
        kept += elements[start:end]
        start = end + sum(1 for _ in table.iterdescendants())
    return kept + elements[start:]


def _span(value: str | None) -> int:
    """A rowspan/colspan attribute as printed, tolerating junk (“2;”, “0”, “-1”, “abc”)."""
    if not value:
        return 1
    match = re.match(r"\s*\+?(\d{1,6})", value)  # never more digits than int() accepts
    if not match:
        return 1
    return min(max(int(match.group(1)), 1), _MAX_SPAN)


class _Reader:
    """Walks the body once, producing lines and grids in document order."""

    def __init__(self) -> None:
        self.lines: list[TextLine] = []
        self.tables: list[GridTable] = []
        self.pictures: list[Picture] = []
        self._buf: list[str] = []
        self._buf_line: int | None = None

    # lines
    def _add(self, text: str, el: etree._Element) -> None:
        if not self._buf:
            self._buf_line = el.sourceline
        self._buf.append(text)

    def _flush(self) -> None:
        if self._buf:
            text = clean_line_text("".join(self._buf))
            if text:
                self.lines.append(TextLine(text=text, line=self._buf_line))
        self._buf = []
        self._buf_line = None

    def walk(self, body: etree._Element) -> None:
        walker = etree.iterwalk(body, events=("start", "end"))
        for event, el in walker:
            # libxml2's HTML parser already lower-cases tag names.
            tag = el.tag
            if event == "start":
                if tag == "img":
                    self._picture(el)
                if tag in _BLOCK_TAGS or tag == "br":
                    self._flush()
                    if tag == "table" and _is_grid(el):
                        self._read_grid(el)
                        walker.skip_subtree()
                        continue
                if el.text:
                    self._add(el.text, el)
            else:
                if tag in _BLOCK_TAGS:
                    self._flush()
                if el.tail and el is not body:
                    self._add(el.tail, el)
        self._flush()

    def _picture(self, img: etree._Element) -> None:
        """A picture, with its bytes when the page holds them (a `data:` URI)."""
        self._flush()
        src = (img.get("src") or "").strip()
        data = None
        if src[:5].lower() == "data:":
            _, base64_mark, payload = src.partition(";base64,")
            try:
                data = base64.b64decode(payload, validate=False) if base64_mark else None
            except binascii.Error:
                data = None
        self.pictures.append(
            Picture(
                len(self.lines),
                img.sourceline,
                data,
                _css_inches(img.get("width")),
                _css_inches(img.get("height")),
                src=None if data is not None else src,
            )
        )

    # grids
    def _read_grid(self, table: etree._Element) -> None:
        caption = table.find("caption")
        if caption is not None:
            text = clean_line_text(_text_of(caption))
            if text:
                self.lines.append(TextLine(text=text, line=caption.sourceline))
        rows: list[list[Cell]] = []
        for tr in _rows_of(table):
            cells = [
                Cell(
                    text=_join_cell_pieces(_cell_pieces(td)),
                    rowspan=_span(td.get("rowspan")),
                    colspan=_span(td.get("colspan")),
                    line=td.sourceline,
                    delimited=True,
                )
                for td in _cells_of(tr)
            ]
            # Rows are kept even when empty (all covered by rowspans): spans count them.
            rows.append(cells)
        markdown = table.get(_FROM_MARKDOWN) is not None
        self.tables.append(GridTable(rows=rows, after_line=len(self.lines), spans_unknown=markdown))


def _css_inches(length: str | None) -> float | None:
    """An `<img>`'s width or height attribute (CSS pixels, 96 an inch) in inches."""
    try:
        return float((length or "").strip().removesuffix("px")) / 96
    except ValueError:
        return None


def _cell_pieces(td: etree._Element) -> list[str]:
    """A cell's text split at its paragraphs, blocks and `<br>`s."""
    # Most cells hold leaves only (`<td><p>…</p></td>`): one loop over them does what the walk
    # does, without its two events an element.
    pieces: list[str] = []
    buf = [td.text] if td.text else []
    for child in td:
        if len(child):
            return _walk_cell_pieces(td)
        tag = child.tag
        if tag in _BLOCK_TAGS or tag == "br":
            _flush_piece(buf, pieces)
        if child.text:
            buf.append(child.text)
        if tag in _BLOCK_TAGS:
            _flush_piece(buf, pieces)
        if child.tail:
            buf.append(child.tail)
    _flush_piece(buf, pieces)
    return pieces


def _walk_cell_pieces(td: etree._Element) -> list[str]:
    pieces: list[str] = []
    buf: list[str] = []
    for event, el in etree.iterwalk(td, events=("start", "end")):
        tag = el.tag
        if event == "start":
            if tag in _BLOCK_TAGS or tag == "br":
                _flush_piece(buf, pieces)
            if el.text:
                buf.append(el.text)
        else:
            if tag in _BLOCK_TAGS:
                _flush_piece(buf, pieces)
            if el is not td and el.tail:
                buf.append(el.tail)
    _flush_piece(buf, pieces)
    return pieces


def _flush_piece(buf: list[str], pieces: list[str]) -> None:
    if buf:
        pieces.append("".join(buf))
        buf.clear()


def _title_line(
    title: str, title_line: int | None, root: etree._Element, body: etree._Element
) -> TextLine | None:
    """The page's title, at the heading above the body that prints it when there is one; when the
    `<title>` names no report (a page saved without its `<head>`, a `<title>` that is the site's
    name), the last text above the body that is a report's title and nothing else."""
    segments = [s for s in _TITLE_SPLIT_RE.split(clean_line_text(title)) if s]
    named = any(is_title(segment) for segment in segments)
    wanted = set(segments)
    found: TextLine | None = None
    top = root.find("body")
    for el in top.iter(etree.Element) if top is not None else ():
        if el is body:
            break
        # A leaf's text is its `text`, a line after a break the break's tail; a link is navigation.
        printed = el.text if not len(el) and el.tag != "a" else None
        tail = el.tail if el.tag == "br" else None
        for raw, after_break in ((printed, False), (tail, True)):
            text = clean_line_text(raw) if raw else ""
            if raw and text and (text in wanted if named else is_title(text)):
                # A tail starts on the break's line: its text on the line its leading breaks reach.
                skipped = raw[: len(raw) - len(raw.lstrip())].count("\n") if after_break else 0
                found = TextLine(text=text, line=el.sourceline + skipped if el.sourceline else None)
    if found is None and segments:
        found = TextLine(text=segments[0], line=title_line)
    return found


def read_html(data: bytes, *, source: str | None = None) -> Document:
    """Read a saved report page into lines and grids (see the module docstring)."""
    check_input_size(len(data), MAX_MARKUP_BYTES)
    doc = Document(source=source, source_format="html")
    root = _parse(_markdown_as_html(decode_html(data)))
    if root is None:
        return doc
    check_table(sum(1 for _ in root.iter("tr")), sum(1 for _ in root.iter("td", "th")))
    # The title lives in <head>, which the noise pass drops: read it first.
    title_el = root.find(".//title")
    title_text = _text_of(title_el) if title_el is not None else ""
    title_source_line = title_el.sourceline if title_el is not None else None
    _drop_noise(root)
    body = _find_body(root)
    check_text_chars(len(_text_of(body)))
    reader = _Reader()
    reader.walk(body)
    title = _title_line(title_text, title_source_line, root, body)
    shift = 0
    if title is not None and not (reader.lines and title.text in reader.lines[0].text):
        reader.lines.insert(0, title)
        shift = 1
        for table in reader.tables:
            table.after_line += 1
    doc.lines = reader.lines
    doc.tables = reader.tables
    doc.pictures = [replace(p, after_line=p.after_line + shift) for p in reader.pictures]
    return doc
