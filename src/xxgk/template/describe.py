"""Human names of table cells, for messages (表三「一、本年新收…」行「自然人」列)."""

from __future__ import annotations

from xxgk.template.gb2021 import GB2019, GB2021

_TABLE_NAMES = {"table2": "表二", "table3": "表三", "table4": "表四"}


def describe_cell(table: str, row: str | None = None, column: str | None = None) -> str:
    name = _TABLE_NAMES.get(table, table)
    if row is None:
        return name
    for template in (GB2021, GB2019):
        try:
            tab = template.table(table)
            r = tab.row(row)
        except KeyError:
            continue
        text = f"{name}「{r.printed_label}」"
        if column is None:
            return text
        for col in tab.columns_of(r):
            if col.key == column:
                head = col.display_name if table == "table3" else col.label
                if table == "table4":
                    return f"{name}「{r.display_name}」「{head}」"
                return f"{text}「{head}」"
        return f"{text}「{column}」"
    return f"{name}「{row}」"
