"""Findings: what a check or a parser says about a report, as values (never log lines).

The CLI, the web UI and the API print the same objects.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from decimal import Decimal
from typing import Any, Literal

from xxgk.template.describe import describe_cell

Severity = Literal["error", "warning", "info"]
SEVERITY_ZH: dict[str, str] = {"error": "错误", "warning": "警告", "info": "提示"}


@dataclass(frozen=True)
class Place:
    """Where a finding points: a table cell, a text line, or both."""

    table: str | None = None
    row: str | None = None
    column: str | None = None
    line: int | None = None
    page: int | None = None
    # A short excerpt of the text concerned.
    excerpt: str | None = None
    # Which report, when a rule reads several (e.g. "2023" / a unit's name).
    report: str | None = None

    def describe_zh(self) -> str:
        parts: list[str] = []
        if self.report:
            parts.append(self.report)
        if self.table:
            parts.append(describe_cell(self.table, self.row, self.column))
        if self.page is not None:
            parts.append(f"第{self.page}页")
        if self.line is not None:
            parts.append(f"第{self.line}行")
        return "，".join(parts)


@dataclass(frozen=True)
class Finding:
    code: str
    severity: Severity
    message_zh: str
    place: Place = field(default_factory=Place)
    expected: Any = None
    actual: Any = None

    @property
    def is_error(self) -> bool:
        return self.severity == "error"

    @property
    def left_unread(self) -> bool:
        """A reader's error (codes `P-…`): the cells its place covers were left null on purpose."""
        return self.severity == "error" and self.code.startswith("P-")

    def covers(self, table: str, row: str, column: str) -> bool:
        """Whether the finding's place is this cell, its row, its column or its table."""
        place = self.place
        return place.table == table and place.row in (None, row) and place.column in (None, column)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["place"] = {k: v for k, v in data["place"].items() if v is not None}
        for key in ("expected", "actual"):
            if isinstance(data[key], Decimal):
                data[key] = float(data[key])
        return data

    def format_zh(self) -> str:
        where = self.place.describe_zh()
        head = f"[{SEVERITY_ZH[self.severity]}] {self.code}"
        text = f"{head} {where}：{self.message_zh}" if where else f"{head} {self.message_zh}"
        if self.expected is not None or self.actual is not None:
            text += f"（应为 {_fmt(self.expected)}，实为 {_fmt(self.actual)}）"
        return text


def _fmt(value: Any) -> str:
    return "空" if value is None else str(value)
