"""Figures of the 平潭综合实验区 2024 report (pingtan-2024-guanweihui), read by hand from the page.

The HTML page and the DOCX made from it print the same figures; they are kept with every other
source's figures in tests/forms/expected.py.
"""

from __future__ import annotations

from forms.expected import GUANWEIHUI_TABLE2 as TABLE2
from forms.expected import GUANWEIHUI_TABLE3 as TABLE3
from forms.expected import GUANWEIHUI_TABLE4 as TABLE4

__all__ = ["TABLE2", "TABLE3", "TABLE4", "cells"]


def cells(
    data: dict[str, dict[str, object]], skip_rows: tuple[str, ...] = ()
) -> dict[tuple[str, str], object]:
    return {
        (row, col): v for row, values in data.items() if row not in skip_rows for col, v in values.items()
    }
