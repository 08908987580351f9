"""Types describing a report template: tables, rows, columns, printed labels and their variants."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

ValueKind = Literal["count", "amount"]

TOTAL = "total"
"""The key of the column that adds up the others (table 三's 总计, table 四's 总计 of each block),
and of table 三's row （七）总计 that adds up the results. Written here only (tests/test_one_home.py)."""


@dataclass(frozen=True, order=True)
class CellKey:
    """One cell of a report: `table3.denied.state_secret.natural_person` as a value.

    Row keys may hold a dot (denied.state_secret); table and column keys never do, so the string
    form splits unambiguously at its first and last dot.
    """

    table: str
    row: str
    column: str

    def __str__(self) -> str:
        return f"{self.table}.{self.row}.{self.column}"

    @classmethod
    def parse(cls, text: str) -> CellKey:
        table, dot, rest = text.partition(".")
        row, dot2, column = rest.rpartition(".")
        if not (dot and dot2 and table and row and column):
            raise ValueError(f"not a cell key: {text!r}")
        return cls(table, row, column)


@dataclass(frozen=True)
class Column:
    """A column of numbers; `label` as printed, `variants` other spellings seen in real reports."""

    key: str
    label: str
    variants: tuple[str, ...] = ()
    kind: ValueKind = "count"
    # Printed group header above the column (e.g. 法人或其他组织), if any.
    group: str | None = None

    @property
    def labels(self) -> tuple[str, ...]:
        return (self.label, *self.variants)

    @property
    def display_name(self) -> str:
        """法人或其他组织·其他 for a grouped column, else its label."""
        return f"{self.group}·{self.label}" if self.group else self.label


@dataclass(frozen=True)
class Row:
    """A row of a table.

    `label` is the row's own printed text (e.g. 1.属于国家秘密); `group` the printed heading
    it stands under (e.g. （三）不予公开), `caption` the sub-table caption in table 二.
    `columns` is set where rows of one table have different columns (table 二).
    """

    key: str
    label: str
    variants: tuple[str, ...] = ()
    group: str | None = None
    caption: str | None = None
    columns: tuple[Column, ...] = ()
    # Rows counted in the `total` identity of table 三 (the result rows).
    is_result: bool = False
    # A one-row short form standing for these rows (the short （六）其他处理).
    collapses: tuple[str, ...] = ()
    # A result row's outcome as a citizen reads it (部分公开), without the report's numbering
    # and counting notes; None for rows that are not an outcome of one application.
    plain: str | None = None

    @property
    def labels(self) -> tuple[str, ...]:
        return (self.label, *self.variants)

    @property
    def display_name(self) -> str:
        """（三）不予公开·1.属于国家秘密 for a row under a group heading, else its label."""
        return f"{self.group}·{self.label}" if self.group else self.label

    @property
    def printed_label(self) -> str:
        """The full label as a reader sees it, group heading first."""
        return f"{self.group}{self.label}" if self.group else self.label


@dataclass(frozen=True)
class Table:
    key: str
    title: str
    rows: tuple[Row, ...]
    columns: tuple[Column, ...] = ()
    note: str | None = None
    # Printed header texts that name no row or column of data: the heading over the row labels
    # (table 二's 信息内容) and the heading over all columns (table 三's 申请人情况).
    stub_heading: str | None = None
    columns_heading: str | None = None

    def __hash__(self) -> int:
        # Tables key caches of what is derived from them: hashing every row and label on each
        # look-up cost more than the work cached. Equal tables have equal keys and titles.
        return hash((self.key, self.title))

    def row(self, key: str) -> Row:
        for row in self.rows:
            if row.key == key:
                return row
        raise KeyError(key)

    def columns_of(self, row: Row) -> tuple[Column, ...]:
        return row.columns or self.columns

    def cell_keys(self) -> list[tuple[str, str]]:
        """All (row key, column key) pairs in printed order."""
        return [(row.key, col.key) for row in self.rows for col in self.columns_of(row)]


@dataclass(frozen=True)
class Section:
    number: int
    heading: str
    variants: tuple[str, ...] = ()

    def __hash__(self) -> int:
        return hash((self.number, self.heading))  # as `Table.__hash__`: lines are matched per section

    @property
    def headings(self) -> tuple[str, ...]:
        return (self.heading, *self.variants)


# The national formats a report may follow (the key of each `Template`).
TemplateKey = Literal["2021", "2019"]


@dataclass(frozen=True)
class Template:
    """A national annual-report format: its sections and tables."""

    key: TemplateKey
    name: str
    issued_by: str
    sections: tuple[Section, ...]
    table2: Table
    table3: Table
    table4: Table
    # Phrases that only this format prints; used to recognise it.
    fingerprints: tuple[str, ...] = field(default=())

    def __hash__(self) -> int:
        return hash((self.key, self.name))  # as `Table.__hash__`: cheap, equal for equal templates

    @property
    def tables(self) -> tuple[Table, Table, Table]:
        return (self.table2, self.table3, self.table4)

    def table(self, key: str) -> Table:
        for table in self.tables:
            if table.key == key:
                return table
        raise KeyError(key)
