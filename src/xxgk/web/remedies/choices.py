"""Choices of a remedy, derived from table 四 of the 2021 template (the only place that spells them)."""

from __future__ import annotations

from xxgk.template import GB2021, TOTAL

TABLE4 = GB2021.table4
PENDING = "pending"

# 行政复议 / 行政诉讼·未经复议直接起诉 / 行政诉讼·复议后起诉: the rows of table 四.
KIND_CHOICES: list[tuple[str, str]] = [(row.key, row.display_name) for row in TABLE4.rows]
# 结果维持 / 结果纠正 / 其他结果: the columns of a decided case (尚未审结 and 总计 are derived).
RESULT_CHOICES: list[tuple[str, str]] = [
    (col.key, col.label) for col in TABLE4.columns if col.key not in (PENDING, TOTAL)
]
PENDING_LABEL = TABLE4.columns[[c.key for c in TABLE4.columns].index(PENDING)].label
