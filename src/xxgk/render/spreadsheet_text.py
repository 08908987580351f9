"""Spreadsheet cell values safe from formula injection (OWASP "CSV Injection").

Text that someone typed and that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return
is read by Excel, WPS and LibreOffice as a formula (``=HYPERLINK(...)``, ``=cmd|...``); such text is
prefixed with an apostrophe so it is shown as typed. Numbers (and text that is only a number, such as
``-3`` or ``+1.5``) are left alone: they cannot carry a formula and must stay numbers.
Every XLSX and CSV writer passes its cells through :func:`safe_cell` / :func:`safe_row`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")


def safe_cell(value: Any) -> Any:
    """The value to write into a cell: text that a spreadsheet would run as a formula gets a leading
    apostrophe; anything else (numbers, dates, None, other text) is returned unchanged."""
    if not isinstance(value, str) or not value.startswith(_FORMULA_START):
        return value
    if _PLAIN_NUMBER.fullmatch(value):
        return value
    return "'" + value


def safe_row(values: Iterable[Any]) -> list[Any]:
    """:func:`safe_cell` applied to every value of a row."""
    return [safe_cell(value) for value in values]
