"""Plain-text reports → Document.

Layouts seen: one cell per line prefixed by a tab, rows separated by blank lines (labels broken
over lines: `\\t自` / `然人`); whole rows on one line separated by spaces, tabs or `|`
(Markdown tables); and web captures with the whole body on one line, cells run together.
The tables stand between the headings of sections 二 and 五.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from functools import cache

from xxgk.parse.encoding import as_utf8_if_utf16, letters_and_ideographs, mismapped
from xxgk.parse.errors import ReportReadError
from xxgk.parse.furniture import (
    BROWSER_FOOTER,
    BROWSER_HEADER,
    PAGE_NUMBER_IN_FRONT,
    drop_site_footer,
    is_decorated_page_number,
)
from xxgk.parse.grid import Cell, Document, GridTable, TextLine
from xxgk.parse.limits import (
    MAX_MARKUP_BYTES,
    check_input_size,
    check_lines,
    check_text_chars,
    check_undecodable,
)
from xxgk.parse.markdown import HEADING_MARK, row_cells
from xxgk.parse.text_parts import SIGNING_DATE, line_head_key, match_heading
from xxgk.parse.values import read_cell
from xxgk.template import GB2021, Section
from xxgk.template.labels import key_form, strip_enumeration

# A web capture (标题: … / ==== 正文 ====) keeps the page's metadata above the body.
# Indented when pulled from a PDF with its layout.
_CAPTURE_BODY = re.compile(r"^[ \t]*=+\s*正文\s*=+\s*$", re.M)
_CAPTURE_TITLE = re.compile(r"^[ \t]*标题[ \t]*[:：]\s*(.+)$", re.M)
# Numbers printed in a row: `0 0 0`, `7730.28`, `1000001`, `3 -2 5`. A sign starts a number after a
# space, or inside a run (`167-30`: two numbers run together, never the digits `16730`).
_NUMBERS = re.compile(r"(?:(?<!\S)[+\-])?\d+(?:\.\d+)?(?:(?:[ \t\u3000\u00a0]+[+\-]?|[+\-])\d+(?:\.\d+)?)*")
_NUMBER = re.compile(r"[+\-]?\d+(?:\.\d+)?")
# A Markdown heading marker (`# 标题`, `## 一、总体情况`), strong emphasis (`# **标题**`,
# `| **合计** |`), code spans (pymupdf4llm's `` `2021` 年``) and HTML comments (its `<!-- End of
# picture text -->` after a signing date): no report prints `**`, a backtick or a comment. A comment
# ends before the next `<`, so a line of unclosed `<!--` is scanned once.
_MARKDOWN_MARKS = re.compile(rf"^{HEADING_MARK}|\*\*|`|<!--[^<\n]*?-->", re.M)
# A line break inside a Markdown table's cell (`| 1.本机关不掌握<br>相关政府信息 |`): a space, never
# nothing, which would run two numbers of merged cells into one (`| 0<br>0 |`).
_MARKDOWN_BREAK = re.compile(r"<br\s*/?>")
# A digit followed by `.` or `、` and a non-digit is a sub-row's numbering (`2.其他…`), not a value.
_ENUM_AFTER = re.compile(r"[.．、](?=\D)")
# `2.` alone on a line: a wrapped label's numbering (its words on the lines around it), not a value.
_NUMBERING_ALONE = re.compile(r"\d{1,2}[.．、]")
# No leading `\s*` (the pieces are stripped): from each start of a long run of spaces it would
# scan to the run's end, quadratic in the run.
_DATE_AT_END = re.compile(rf"(\S{{2,30}}?)\s*({SIGNING_DATE})\s*$")
# How far from a line's end a signature (a name, a date) may start.
_SIGNATURE_TAIL = 120
_TAB_LAYOUT_MIN = 10
# Lines of one number each, one after the other, that mark a one-cell-per-line row.
_CELLS_IN_A_RUN = 3
# The numerals of the headings inside the table region (二, 三, 四).
_TABLE_SECTION_NUMERALS = frozenset(key_form(s.heading)[0] for s in GB2021.sections[1:4])
_LONG_LINE = 300
_CJK = re.compile(r"[\u4e00-\u9fff]")
# Digits at the very start of a line that are no label's numbering (`2.其他…`).
_GOES_ON_WITH_DIGITS = re.compile(r"\f?\d+(?![\d.．、])")


def decode(data: bytes) -> str:
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    # A damaged file: the reading that loses fewer characters, unless it loses too many to be text.
    readings = [data.decode(encoding, errors="replace") for encoding in ("utf-8-sig", "gb18030")]
    losses = [text.count("\ufffd") for text in readings]
    best = losses.index(min(losses))  # UTF-8 when both lose as many
    check_undecodable(losses[best], len(readings[best]))
    return readings[best]


# Kangxi radicals (`⼆`, U+2F06) for the ideographs they look like (`二`): what pypdf and pymupdf4llm
# pull from a Chromium print whose fonts map glyphs so. One character for one, so lines and places
# are kept (NFKC, which folds them too, may change a text's length).
_RADICALS = {
    code: folded
    for code in range(0x2E80, 0x2FE0)
    if len(folded := unicodedata.normalize("NFKC", chr(code))) == 1 and folded != chr(code)
}
_RADICAL = re.compile("[\u2e80-\u2fdf]")


def read_text(data: bytes, *, source: str | None = None) -> Document:
    check_input_size(len(data), MAX_MARKUP_BYTES)
    text = decode(as_utf8_if_utf16(data)).replace("\r\n", "\n").replace("\r", "\n")
    if _RADICAL.search(text):
        text = text.translate(_RADICALS)  # rare; translating costs 30 times the search
    check_text_chars(len(text))
    check_lines(text.split("\n"))
    if mismapped(*letters_and_ideographs(text)):
        raise ReportReadError(
            "文本的字符编码有误：其中大量字符不是报告印出的字（常见于从字符映射有误的 PDF 中提取的文字），"
            "标签和数字均不可信，无法读取；请提供原始文件",
            f"garbled text (mis-mapped characters) in {source or 'text'}",
        )
    body = _capture_body(_MARKDOWN_MARKS.sub("", text))
    if "<br" in text:  # Markdown line breaks (most texts have none: no look at every line)
        body = [(n, row) for n, t in body for row in _stacked_rows(t)]
    lines = [TextLine(t, line=n) for n, t in body]
    if not _starts_sections(lines) or _wrapped_inside_a_number(lines):
        lines = _cut_wrapped_lines(_joined_paragraphs(lines))
    else:
        lines = _headings_inside_lines(lines)
    doc = document_from_lines(_split_long_lines(lines), source=source, source_format="text")
    drop_site_footer(doc)  # a printed web page pulled out of its PDF goes on past the signature
    return doc


def _stacked_rows(line: str) -> list[str]:
    """A line with its Markdown line breaks made spaces; a Markdown row printing several rows of a
    table one above the other in each cell (pymupdf4llm: `|7.属于行政执法案卷<br>8.属于行政查询事项|0<br>0|…`)
    made one row each, where every filled cell holds as many lines, the first a numbered label on
    each (never a label wrapped over lines) and the others one number each."""
    if "<br" not in line:
        return [line]
    spaced = [_MARKDOWN_BREAK.sub(" ", line)]
    if line.count("|") < 2:
        return spaced
    cells = [_MARKDOWN_BREAK.split(cell) for cell in line.strip().strip("|").split("|")]
    filled = [parts for parts in cells if any(part.strip() for part in parts)]
    height = len(filled[0]) if filled else 0
    if (
        height < 2
        or any(len(parts) != height for parts in filled)
        or any(strip_enumeration(part) == key_form(part) for part in filled[0])
        or not all(_NUMBER.fullmatch(part.strip()) for parts in filled[1:] for part in parts)
    ):
        return spaced
    return [
        "|" + "|".join(parts[i] if len(parts) == height else "" for parts in cells) + "|"
        for i in range(height)
    ]


def _starts_sections(lines: list[TextLine]) -> bool:
    """Whether two section headings start lines (else the body is one paragraph, maybe wrapped)."""
    found = 0
    for section in GB2021.sections:
        if any(match_heading(ln.text, section) is not None for ln in lines):
            found += 1
            if found >= 2:
                return True
    return False


def _wrapped_inside_a_number(lines: list[TextLine]) -> bool:
    """A line of text that ends in a digit and a next line that goes on with digits and then text
    (`行政强制14` / `0第二十条…`, `规章 0 0 14` / `0 行政…`): the body was wrapped at the page width,
    even where headings happen to start lines, and reading it line by line would cut a number in
    two. A next line of numbers alone is a row's values printed below its label (a PDF's text pulled
    by position: `8.属于行政查询事项 0 0 0 0 0 0 0` / `10 0 0 0 0 0 10`, `规章` / `0` / `0`)."""
    return any(
        line.text[-1:].isdigit()
        and _GOES_ON_WITH_DIGITS.match(after.text)
        and _CJK.search(line.text)
        and _CJK.search(after.text)
        for line, after in itertools.pairwise(lines)
    )


def _joined_paragraphs(lines: list[TextLine]) -> list[TextLine]:
    """A one-line body wrapped at the page width (a PDF of a text capture, its pdftotext or
    Markdown text) joined back: lines in a row are one paragraph (a new page, `\f`, goes on with
    the paragraph before it), joined without a space, so digits parted by the wrap stay together
    (read as run-together cells, never as two numbers that were one); each character keeps its
    source line."""
    out: list[TextLine] = []
    texts: list[str] = []
    origins: list[int] = []
    blanks = 0  # blank lines since the paragraph's last line
    for line in lines:
        text = line.text.strip()
        if not text:
            blanks += 1
            continue
        # A blank line ends the paragraph, unless a new page starts after it; a line that does not
        # follow in the source (a capture's title, taken from its header) starts one.
        gap = (line.line or 0) - origins[-1] - 1 if texts else 0
        if texts and gap and not (line.text.startswith("\f") and gap == blanks):
            out.append(TextLine("".join(texts), line=origins[0], origins=tuple(origins)))
            texts, origins = [], []
        blanks = 0
        texts.append(text)
        origins += [line.line or 0] * len(text)
    if texts:
        out.append(TextLine("".join(texts), line=origins[0], origins=tuple(origins)))
    return out


def _piece(line: TextLine, start: int, end: int) -> TextLine:
    """`line.text[start:end]`, stripped, with its source line (and its characters' lines)."""
    text = line.text[start:end]
    start += len(text) - len(text.lstrip())
    end = start + len(text.strip())
    if line.origins is None:
        return TextLine(line.text[start:end], line=line.line, page=line.page)
    origins = line.origins[start:end]
    return TextLine(
        line.text[start:end], line=origins[0] if origins else line.line, page=line.page, origins=origins
    )


def _cut_wrapped_lines(lines: list[TextLine]) -> list[TextLine]:
    """Each joined paragraph cut before the section headings printed inside it."""
    out: list[TextLine] = []
    for line in lines:
        if len(line.text) >= _LONG_LINE:
            out.append(line)  # cut with its signature by `_split_long_lines`
            continue
        out += [p for p in _pieces(line, _cut_at_headings(line.text, GB2021.sections)) if p.text]
    return out


def _pieces(line: TextLine, texts: list[str]) -> list[TextLine]:
    """`line` cut into consecutive `texts` (which make up the whole of it)."""
    out, position = [], 0
    for text in texts:
        out.append(_piece(line, position, position + len(text)))
        position += len(text)
    return out


def document_from_lines(lines: list[TextLine], *, source: str | None, source_format: str) -> Document:
    """Lines of a text layer (text file, PDF) → Document; the table region's lines become one grid."""
    # What a browser printed in each page's margins, between a table's rows or before the title.
    lines = [ln for ln in lines if not (BROWSER_HEADER.match(ln.text) or BROWSER_FOOTER.match(ln.text))]
    start, end = _table_region(lines)
    doc = Document(source=source, source_format=source_format)
    headings, body = _split_headings(lines[start:end])
    # `-3-` between two pages, alone or, in text pulled by position, in front of the next page's first
    # row (`   - 3 -       2.没有现成信息需要另行制作    1 0 0 0 0 0 1`).
    body = [
        _piece(ln, front.end(), len(ln.text)) if (front := PAGE_NUMBER_IN_FRONT.match(ln.text)) else ln
        for ln in body
        if not is_decorated_page_number(ln.text)
    ]
    body = _tab_joined_cells(body)
    doc.lines = lines[:start] + headings + lines[end:]
    # One cell per line: a tab, then text without further tabs (a tab-separated row with empty
    # leading cells also starts with a tab).
    tab_lines = sum(1 for ln in body if ln.text.startswith("\t") and "\t" not in ln.text.strip())
    # Lines printing a row's numbers side by side are no one-cell-per-line layout, however indented
    # (a typeset page read as text marks indented lines with a tab).
    row_lines = sum(1 for ln in body if len(_NUMBER.findall(ln.text)) >= _TAB_LAYOUT_MIN // 2)
    if tab_lines >= _TAB_LAYOUT_MIN and row_lines < _TAB_LAYOUT_MIN:
        rows = _tab_rows(body)
    elif row_lines < _TAB_LAYOUT_MIN and _number_runs(body) >= _TAB_LAYOUT_MIN // 2:
        rows = _tab_rows(body, every_line_a_cell=True)  # the same layout, its tabs lost (a PDF's text)
    else:
        rows = _line_rows(body)
    if rows:
        running = any(ln.origins is not None or len(ln.text) >= _LONG_LINE for ln in body)
        doc.tables.append(GridTable(rows=rows, after_line=start + len(headings), running_text=running))
    return doc


# More cells than any row of the template prints (a label and fifteen values) parted by tabs.
_CELLS_IN_A_ROW = 16


def _tab_joined_cells(body: list[TextLine]) -> list[TextLine]:
    """A table's cells joined by tabs into one line (BeautifulSoup's `get_text("\\t")` of a page: more
    cells than any row has) as one cell per line, each on the line it was printed on."""
    out: list[TextLine] = []
    for line in body:
        if line.text.count("\t") > _CELLS_IN_A_ROW:
            out += [
                TextLine(cell.strip(), line=line.line, page=line.page)
                for cell in line.text.split("\t")
                if cell.strip()
            ]
        else:
            out.append(line)
    return out


def _capture_body(text: str) -> list[tuple[int, str]]:
    """(line number, text) of the report body; a capture's metadata header becomes its title."""
    all_lines = text.split("\n")
    marker = _CAPTURE_BODY.search(text)
    if not marker:
        return list(enumerate(all_lines, start=1))
    head_count = text[: marker.start()].count("\n") + 1
    title = _CAPTURE_TITLE.search(text[: marker.start()])
    body = [(n, t) for n, t in enumerate(all_lines, start=1) if n > head_count]
    return ([(1, title.group(1).strip())] if title else []) + body


def _split_long_lines(lines: list[TextLine]) -> list[TextLine]:
    """A body captured as one line is cut before each section heading and before the signature."""
    out: list[TextLine] = []
    for line in lines:
        if len(line.text) < _LONG_LINE:
            out.append(line)
            continue
        pieces = _cut_at_headings(line.text, GB2021.sections)
        last = pieces.pop()
        # The signature stands in the line's last characters: searched there only, so a long
        # paragraph costs one look at its end, not a try at every position.
        signature = _DATE_AT_END.search(last, max(0, len(last.rstrip()) - _SIGNATURE_TAIL))
        if signature:
            # What stands between the body and the signature's name is dropped, as before.
            pieces += [last[: signature.start()], last[signature.start() : signature.end(1)]]
            pieces += [last[signature.end(1) : signature.start(2)], last[signature.start(2) :]]
        else:
            pieces.append(last)
        out += [p for p in _pieces(line, pieces) if p.text]
    return out


def _headings_inside_lines(lines: list[TextLine]) -> list[TextLine]:
    """A body printed line by line whose section heading is printed inside a line, after a
    paragraph's last sentence (pymupdf4llm: `…未收到申请公开信息。 二、主动公开政府信息情况`) or on a
    table's last row (PyMuPDF's sorted text: `0四、政府信息公开行政复议、行政诉讼情况`): where no line
    starts with any spelling of a section's heading, the first line printing one whole is cut there."""
    whole = "\n".join([line.text for line in lines])
    for section in GB2021.sections:
        found = _headings_found(whole, section)
        if not found or any(_starts_line(whole, i) for i in found):
            continue  # the common case: the spelling found starts a line
        if any(match_heading(line.text, section) is not None for line in lines):
            continue  # another line starts with the heading, however spelt (rare: looked at last)
        at = min(found)
        index = whole.count("\n", 0, at)
        line = lines[index]
        start = at - (whole.rfind("\n", 0, at) + 1)
        lines = [
            *lines[:index],
            _piece(line, 0, start),
            _piece(line, start, len(line.text)),
            *lines[index + 1 :],
        ]
        whole = "\n".join([line.text for line in lines])
    return lines


def _starts_line(text: str, at: int) -> bool:
    return not text[text.rfind("\n", 0, at) + 1 : at].strip()


_SPACE = r"[ \t\u3000]*"


@cache
def _spellings(section: Section) -> tuple[frozenset[str], re.Pattern[str]]:
    """A section's headings as printed; some captures drop the 、 after the numeral (一总体情况), and
    text pulled from a PDF may part any two of their characters by spaces (`二、 主动公开…`)."""
    exact = frozenset(form for h in section.headings for form in (h, h.replace("、", "", 1)))
    # `、` optional with the space after it (`二 主动…`, `二、 主动…`): never two runs of spaces side by
    # side, which would try every split of a long run.
    spaced = "|".join(
        "".join(f"(?:{_SPACE}、)?" if c == "、" else _SPACE + re.escape(c) for c in h)[len(_SPACE) :]
        for h in section.headings
    )
    return exact, re.compile(spaced)


def _headings_found(text: str, section: Section, position: int = 0) -> list[int]:
    """Where the section's heading begins in `text` from `position` on: its exact spellings, else
    the heading with spaces between its characters."""
    exact, spaced = _spellings(section)
    found = [i for h in exact if (i := text.find(h, position)) >= 0]
    if not found and (match := spaced.search(text, position)):
        found = [match.start()]
    return found


def _cut_at_headings(text: str, sections: tuple[Section, ...]) -> list[str]:
    pieces, position = [], 0
    for section in sections:
        found = _headings_found(text, section, position)
        if found:
            cut = min(found)
            pieces.append(text[position:cut])
            position = cut
    pieces.append(text[position:])
    return pieces


def _split_headings(region: list[TextLine]) -> tuple[list[TextLine], list[TextLine]]:
    """Section headings inside the table region (二, 三, 四) apart from the table lines."""
    headings: list[TextLine] = []
    body: list[TextLine] = []
    for ln in region:
        key = line_head_key(ln.text, 1)
        if not key or key[0] not in _TABLE_SECTION_NUMERALS:
            body.append(ln)  # a heading's key starts with its numeral
            continue
        rest = next((r for s in GB2021.sections[1:4] if (r := match_heading(ln.text, s)) is not None), None)
        if rest is None:
            body.append(ln)
            continue
        text = ln.text.strip()
        headings.append(
            TextLine(text[: len(text) - len(rest)].strip() if rest else text, line=ln.line, page=ln.page)
        )
        if rest:
            # The rest of the line after the heading (a suffix of it), its characters' lines kept.
            body.append(_piece(ln, len(ln.text.rstrip()) - len(rest), len(ln.text)))
    return headings, body


def _table_region(lines: list[TextLine]) -> tuple[int, int]:
    """Indices of the lines from the heading of section 二 up to the heading of section 五."""
    two, five = GB2021.sections[1], GB2021.sections[4]
    start = next((i for i, ln in enumerate(lines) if match_heading(ln.text, two) is not None), None)
    if start is None:
        return len(lines), len(lines)
    end = next(
        (i for i in range(start + 1, len(lines)) if match_heading(lines[i].text, five) is not None), None
    )
    return start, len(lines) if end is None else end


def _number_runs(body: list[TextLine]) -> int:
    """Runs of three or more lines in a row that each print one number and nothing else."""
    runs = length = 0
    for ln in body:
        length = length + 1 if _NUMBER.fullmatch(ln.text.strip()) else 0
        runs += length == _CELLS_IN_A_RUN
    return runs


def _tab_rows(body: list[TextLine], every_line_a_cell: bool = False) -> list[list[Cell]]:
    """One cell per line (tab-prefixed), rows separated by blank lines; untabbed lines continue a
    cell, unless `every_line_a_cell` (the tabs were lost: each line is a cell)."""
    rows: list[list[Cell]] = []
    current: list[Cell] = []
    for ln in _cell_lines(body) if every_line_a_cell else body:
        if not ln.text.strip():
            if current:
                rows.append(current)
                current = []
        elif ln.text.startswith("\t") or every_line_a_cell:
            if every_line_a_cell and current and _is_number(current[-1].text) and not _is_number(ln.text):
                rows.append(current)  # a label after the numbers: the next row (a page break, no blank)
                current = []
            elif (
                every_line_a_cell
                and ln.text.startswith("\f")
                and not current
                and rows
                and _is_number(ln.text)
                and _is_number(rows[-1][-1].text)
            ):
                current = rows.pop()  # a page that starts with numbers goes on with the row above
            current.append(Cell(ln.text.strip(), line=ln.line, page=ln.page))
        elif current and _is_number(current[-1].text) and _is_number(ln.text):
            # Never glued onto a number (`2` + `3` → `23`): kept apart and flagged.
            current[-1].stray += (ln.text.strip(),)
        elif current:
            current[-1].text += ln.text.strip()
        else:
            current.append(Cell(ln.text.strip(), line=ln.line, page=ln.page))
    if current:
        rows.append(current)
    return rows


def _cell_lines(body: list[TextLine]) -> list[TextLine]:
    """Lines of one cell each, where the text pulled from a PDF parted or joined cells: a label's
    numbering cut from its words by a line break (`1` / `.申请人无正当理由…`) goes back in front of
    them (without the tabs that mark a cell's first line it would read as a value); a label with its
    first number run onto its line (`行政规范性文件62` / `33` / `440`) is two cells, as no template
    label ends in a number."""
    out: list[TextLine] = []
    for ln in body:
        text = ln.text.strip()
        before = out[-1].text.strip() if out else ""
        numbering = _ENUM_AFTER.match(text) and before.isdigit() and len(before) <= 2
        glued = _NUMBER_AFTER_LABEL.fullmatch(text)
        if not (numbering or glued):
            out.append(ln)
            continue
        end = len(ln.text.rstrip())
        cut = end - len(glued[2]) if glued else end
        label = _piece(ln, 0, cut)
        if numbering:
            out[-1] = TextLine(before + label.text, line=out[-1].line, page=out[-1].page)
        else:
            out.append(label)
        if glued:
            out.append(_piece(ln, cut, end))
    return out


# A label ending in a Chinese character with a number run onto it (its first cell's).
_NUMBER_AFTER_LABEL = re.compile(r"(.*[\u4e00-\u9fff])(\d+(?:\.\d+)?)")


def _is_number(text: str) -> bool:
    return read_cell(text).kind == "number"


def _line_rows(body: list[TextLine]) -> list[list[Cell]]:
    rows: list[list[Cell]] = []
    labels_above: list[Cell] = []  # a Markdown row of labels only, right above in the same table
    for ln in body:
        text = ln.text.strip()
        if not text or set(text) <= set("|-: "):
            if not text:
                labels_above = []
            continue
        if text.count("|") >= 2:
            cells = [
                Cell(t, line=ln.line, page=ln.page, delimited=True)
                for t in _label_and_number_apart(row_cells(text))
            ]
            kinds = {read_cell(c.text).kind for c in cells if c.text}
            if labels_above and "label" not in kinds:
                # markitdown puts a cell's label on the row above its numbers, in the same table:
                # the label is the row's own (`| 年度办 | （二）部分公开… |` / `| | 29 0 | … |`).
                rows.pop()
                cells = [*labels_above, *(c for c in cells if c.text)]
            labels_above = [c for c in cells if c.text] if kinds == {"label"} else []
            rows.append(cells)
            continue
        labels_above = []
        if "\t" in text:
            rows.append(
                [Cell(c.strip(), line=ln.line, page=ln.page, delimited=True) for c in text.split("\t")]
            )
        else:
            rows.extend(_segment(_piece(ln, 0, len(ln.text))))
    return rows


def _label_and_number_apart(texts: list[str]) -> list[str]:
    """A Markdown row's cells, a row's label and its first number merged into one cell taken apart
    (pymupdf4llm merges a ruled table's label column with the next: `| 规章<br>0 | 0 | 0 |`, `| 行政规范性 |
    文件62 | 33 | 440 |`), as no template label ends in a number; unless a cell after them is blank
    (markitdown's `| 行政规范性文件62 |  | 33 | 440 |`: the number's own cell left blank, or a blank
    cell of the row? unknown, left to the mapper to refuse). A number marked raised is a cell's
    value alone (`| <sup>0</sup> |`), else a footnote's mark (`行政许可<sup>1</sup>`)."""
    out: list[str] = []
    last_blank = max((i for i, text in enumerate(texts) if not text), default=-1)
    for i, text in enumerate(texts):
        raised = _RAISED_NUMBER.fullmatch(text)
        text = raised[2] if raised else _RAISED_NUMBER.sub("", text)
        glued = _NUMBERS_AFTER_LABEL.fullmatch(text)
        if glued and _CJK.search(glued[1]) and i > last_blank:
            out += [glued[1].rstrip(), glued[2]]
        else:
            out.append(text)
    return out


# A number marked as set above or below the line.
_RAISED_NUMBER = re.compile(r"<(su[pb])>(\d+(?:\.\d+)?)</\1>")
# A label (Chinese, ending in anything a number does not print: `稳定”`, `（单位：万元）`), then numbers.
_NUMBERS_AFTER_LABEL = re.compile(r"(.*[^\d\s.．,，+\-][ \t]*)(\d+(?:\.\d+)?(?:[ \t]+\d+(?:\.\d+)?)*)")


def _segment(ln: TextLine) -> list[list[Cell]]:
    """`规章 0 0 0` → one row; a whole table run together on one line → its rows, at each number run."""
    text = ln.text

    def cell(start: int, end: int, delimited: bool = False) -> Cell:
        if ln.origins is None:  # `_piece` without characters' lines to carry (most lines)
            return Cell(text[start:end].strip(), line=ln.line, page=ln.page, delimited=delimited)
        piece = _piece(ln, start, end)
        return Cell(piece.text, line=piece.line, page=ln.page, delimited=delimited)

    if _NUMBERING_ALONE.fullmatch(text):
        return [[cell(0, len(text))]]  # a label's numbering printed on a line of its own
    rows: list[list[Cell]] = []
    label_start = 0
    for match in _NUMBERS.finditer(text):
        end = match.end()
        if _ENUM_AFTER.match(text, end):
            end -= 1  # the run's last digit numbers the next label (`…00000002.其他法律…`)
        numbers = text[match.start() : end]
        if not numbers.strip() or _inside_label(text, end):
            continue
        label = [cell(label_start, match.start())] if text[label_start : match.start()].strip() else []
        spans = [(match.start() + n.start(), match.start() + n.end()) for n in _NUMBER.finditer(numbers)]
        # A body wrapped at the page width and joined again (`origins`) has no columns: its spaces
        # are where a PDF's text put its characters (pypdf's layout mode), never a column gap.
        values = [
            cell(start, stop, ln.origins is None and _apart(text, spans, i, bool(label)))
            for i, (start, stop) in enumerate(spans)
        ]
        rows.append([*label, *values])
        label_start = end
    if text[label_start:].strip():
        rows.append([cell(label_start, len(text))])
    return rows


# Space that sets columns apart (`pdftotext -layout`): wider than the one space a capture may print
# between cells it ran together.
_COLUMN_GAP = 2


def _apart(text: str, spans: list[tuple[int, int]], i: int, labelled: bool) -> bool:
    """Whether the i-th number of a row stands in a column of its own: set apart by a column gap
    from its label and its neighbours. `规章  0          10` prints two cells (the third blank),
    never 0, 1, 0; `10 0 0 0 01`, `00` or a line of digits alone may be cells run together."""
    start, stop = spans[i]
    if stop - start > 1 and text[start] == "0":
        return False  # no count prints a leading zero: two cells or more
    if text[stop : stop + 1].strip():
        return False  # the next row's label run onto it (`数量          1000001二、…`): no column
    before, after = i > 0 or labelled, i + 1 < len(spans)
    if not (before or after) or (before and not text[max(start - _COLUMN_GAP, 0) : start].isspace()):
        return False
    return not after or spans[i + 1][0] - stop >= _COLUMN_GAP


def _inside_label(text: str, end: int) -> bool:
    """Digits that belong to the text (`2023年`, `711号`) are not values."""
    return text[end : end + 1] in {"年", "月", "日", "件", "号", "条", "项", "%"}
