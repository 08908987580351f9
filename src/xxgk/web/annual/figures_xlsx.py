"""Reading table 二's yearly figures (行政许可、行政处罚、行政强制、行政事业性收费) from an XLSX workbook.

A row whose cell names one of these rows (by the template's labels and variants) gives its figure
in the first cell to the right holding a number, so both a simple two-column sheet and table 二
as the renderers lay it out can be read.
"""

from __future__ import annotations

import io
import zipfile
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError

from xxgk.template import GB2021
from xxgk.template.labels import key_form
from xxgk.web.annual.models import YearlyFigures

_T2 = GB2021.table2
_BY_LABEL = {key_form(label): key for key in YearlyFigures.ROWS for label in _T2.row(key).labels}


def read_figures(data: bytes) -> dict[str, int | Decimal]:
    """The figures found in the workbook, by table 二 row key; ValidationError (Chinese) otherwise."""
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError):
        raise ValidationError("文件不是有效的 XLSX 工作簿，请上传 .xlsx 文件。") from None
    found: dict[str, int | Decimal] = {}
    for sheet in workbook.worksheets:
        for cells in sheet.iter_rows(values_only=True):
            _read_row(list(cells), found)
    workbook.close()
    if not found:
        names = "、".join(_T2.row(key).label for key in YearlyFigures.ROWS)
        raise ValidationError(f"工作簿中未找到{names}任一行。")
    return found


def _read_row(cells: list[object], found: dict[str, int | Decimal]) -> None:
    for i, cell in enumerate(cells):
        key = _BY_LABEL.get(key_form(str(cell))) if isinstance(cell, str) else None
        if key is None or key in found:
            continue
        label = _T2.row(key).label
        for value in cells[i + 1 :]:
            if value is None or (isinstance(value, str) and not value.strip()):
                continue
            found[key] = _number(key, label, value)
            return
        return


def _number(key: str, label: str, value: object) -> int | Decimal:
    try:
        number = Decimal(str(value).strip())
    except InvalidOperation:
        raise ValidationError(f"「{label}」一行的数值“{value}”不是数字。") from None
    if number < 0:
        raise ValidationError(f"「{label}」一行的数值不能为负数。")
    if key == "fees":
        return number
    if number != number.to_integral_value():
        raise ValidationError(f"「{label}」一行的件数须为整数。")
    return int(number)
