"""The national annual-report formats as data; everything that knows a label reads it from here."""

from xxgk.template.gb2021 import GB2019, GB2021
from xxgk.template.model import TOTAL, CellKey, Column, Row, Section, Table, Template

TEMPLATES: dict[str, Template] = {t.key: t for t in (GB2021, GB2019)}


def get_template(key: str) -> Template:
    try:
        return TEMPLATES[key]
    except KeyError:
        raise ValueError(f"unknown template {key!r}") from None


__all__ = [
    "GB2019",
    "GB2021",
    "TEMPLATES",
    "TOTAL",
    "CellKey",
    "Column",
    "Row",
    "Section",
    "Table",
    "Template",
    "get_template",
]
