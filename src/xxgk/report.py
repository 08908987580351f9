"""The typed report model (pydantic v2); its JSON is the engine's exchange format.

Tables are keyed exactly as the spec: `table3["new"]["natural_person"]`,
`table4["review"]["total"]`, `table2["fees"]["amount"]`. A cell that could not be read, or was
printed blank / “/” / “—”, is None; nothing is ever invented.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from functools import cache
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, PlainSerializer, field_validator, model_validator

from xxgk.findings import Finding
from xxgk.template import TEMPLATES, CellKey, Table, Template, get_template
from xxgk.template.model import TemplateKey

# Amounts (万元) are decimals in Python and plain numbers in JSON.
Amount = Annotated[Decimal, PlainSerializer(float, return_type=float, when_used="json")]
CellValue = int | Amount | None
TableData = dict[str, dict[str, CellValue]]

SourceFormat = Literal["text", "html", "docx", "pdf", "scan", "json", "data"]


class Provenance(BaseModel):
    """Where a value was read: the page/line of the source and the text printed there."""

    model_config = ConfigDict(frozen=True)

    line: int | None = None
    page: int | None = None
    text: str | None = None


class SectionText(BaseModel):
    number: int = Field(ge=1, le=6)
    heading: str
    text: str = ""
    # 1-based line of the heading in the source text, when known.
    line: int | None = None


class Report(BaseModel):
    model_config = ConfigDict(extra="forbid")

    organization: str | None = None
    year: int | None = None
    title: str | None = None
    signed_on: dt.date | None = None
    template: TemplateKey = "2021"
    # True for a consolidated report of a government (本级政府, due 3月31日).
    consolidated: bool = False
    # How table 三 prints （六）其他处理: three sub-rows, or one short row (always so in 2019).
    other_row: Literal["split", "short"] = "split"
    preamble: str = ""
    sections: list[SectionText] = Field(default_factory=list)
    table2: TableData = Field(default_factory=dict)
    table3: TableData = Field(default_factory=dict)
    table4: TableData = Field(default_factory=dict)
    # "table3.new.natural_person" → where the value was read.
    provenance: dict[str, Provenance] = Field(default_factory=dict)
    source: str | None = None
    source_format: SourceFormat | None = None
    # What the parser noticed (unreadable cells, format deviations); checks add the rest.
    findings: list[Finding] = Field(default_factory=list)

    @field_validator("year")
    @classmethod
    def _plausible_year(cls, year: int | None) -> int | None:
        # A report year is a calendar year of this era; anything else is a damaged file.
        if year is not None and not 1900 <= year <= 2999:
            raise ValueError(f"年度 {str(year)[:12]} 不是有效年份（应在 1900 至 2999 之间）")
        return year

    @model_validator(mode="after")
    def _complete_tables(self) -> Report:
        """Every cell of the template is present (None when absent); no unknown keys; amounts Decimal."""
        if self.template == "2019":
            self.other_row = "short"
        for table_key, rows in _shape(self.template):
            data: TableData = getattr(self, table_key)
            if not data.keys() <= rows.keys():
                raise ValueError(f"{table_key}: unknown rows {sorted(set(data) - rows.keys())}")
            for row_key, columns in rows.items():
                values = data.setdefault(row_key, {})
                if not values.keys() <= columns.keys():
                    raise ValueError(
                        f"{table_key}.{row_key}: unknown columns {sorted(set(values) - columns.keys())}"
                    )
                for col_key, kind in columns.items():
                    value = values.get(col_key)
                    # Counts read by the parsers are ints already: the common case costs one test.
                    if value is None or (type(value) is int and kind == "count"):
                        values[col_key] = value
                    else:
                        values[col_key] = _coerce(value, kind, CellKey(table_key, row_key, col_key))
        return self

    @property
    def spec(self) -> Template:
        return get_template(self.template)

    @property
    def short_other_row(self) -> bool:
        return self.other_row == "short"

    def table(self, key: str) -> TableData:
        return getattr(self, key)

    @property
    def read_by_ocr(self) -> bool:
        """A scan or an image, or a PDF whose tables were pictures read by OCR: its uncertain digits
        were left null, and it is to be checked against the original."""
        return self.source_format == "scan" or any(f.code == "P-TABLES-PICTURED" for f in self.findings)

    def section(self, number: int) -> SectionText | None:
        return next((s for s in self.sections if s.number == number), None)

    def cell(self, table: str, row: str, column: str) -> CellValue:
        return self.table(table)[row][column]


@cache
def _shape(template: str) -> tuple[tuple[str, dict[str, dict[str, str]]], ...]:
    """Table key → row key → column key → kind, for every cell of `template`."""
    spec = get_template(template)
    return tuple(
        (table.key, {row.key: {col.key: col.kind for col in table.columns_of(row)} for row in table.rows})
        for table in spec.tables
    )


def _coerce(value: Any, kind: str, where: CellKey) -> CellValue:
    if value is None:
        return None
    if kind == "amount":
        return value if isinstance(value, Decimal) else Decimal(str(value))
    if isinstance(value, bool) or not isinstance(value, int | Decimal | float):
        raise ValueError(f"{where}: not a number: {value!r}")
    if isinstance(value, int):
        return value
    if value != int(value):
        raise ValueError(f"{where}: counts are whole numbers, got {value!r}")
    return int(value)


def empty_tables(template: Template) -> dict[str, TableData]:
    """All cells of `template` as None, keyed by table."""
    return {table.key: _empty(table) for table in template.tables}


def _empty(table: Table) -> TableData:
    return {row.key: {col.key: None for col in table.columns_of(row)} for row in table.rows}


def json_schema() -> dict[str, Any]:
    """The published JSON Schema of the report, with the tables' keys spelled out from the template."""
    schema = Report.model_json_schema(mode="serialization")
    props = schema["properties"]
    for key in ("table2", "table3", "table4"):
        variants = []
        for tpl in TEMPLATES.values():
            variants.append(_table_schema(tpl.table(key), tpl))
        props[key] = {"description": props[key].get("title", key), "anyOf": variants}
    return schema


def _table_schema(table: Table, tpl: Template) -> dict[str, Any]:
    rows: dict[str, Any] = {}
    for row in table.rows:
        cols = {
            col.key: {
                "title": col.label,
                "anyOf": [{"type": "number" if col.kind == "amount" else "integer", "minimum": 0}]
                + ([{"type": "integer"}] if col.key == "change" else [])
                + [{"type": "null"}],
            }
            for col in table.columns_of(row)
        }
        rows[row.key] = {
            "title": row.printed_label,
            "type": "object",
            "properties": cols,
            "additionalProperties": False,
        }
    return {
        "title": f"{table.title}（{tpl.name}）",
        "type": "object",
        "properties": rows,
        "additionalProperties": False,
    }
