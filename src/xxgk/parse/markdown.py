"""Markdown syntax as PDF-to-Markdown and HTML-to-Markdown converters write it, shared by the text
reader (Markdown files) and the HTML reader (fragments mixing HTML and Markdown)."""

from __future__ import annotations

# A heading's marks at a line's start (`## 一、总体情况`).
HEADING_MARK = r"#{1,6}[ \t]+"


def row_cells(line: str) -> list[str]:
    """The cells of a Markdown table's row (`| 规章 | 0 | 0 | 0 |`), stripped; the empty cells at its
    end dropped, as Markdown pads every row to the table's width."""
    cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
    while cells and not cells[-1]:
        cells.pop()
    return cells
