"""What changed between two published versions of a report, in words shown publicly (更正说明)."""

from __future__ import annotations

from xxgk.checks.cells import fmt
from xxgk.render.document import chinese_date
from xxgk.report import Report
from xxgk.template.describe import describe_cell


def changes_between(before: Report, after: Report) -> list[str]:
    changes: list[str] = []
    for table in after.spec.tables:
        old, new = before.table(table.key), after.table(table.key)
        for row_key, col_key in table.cell_keys():
            was, now = old.get(row_key, {}).get(col_key), new.get(row_key, {}).get(col_key)
            if was != now:
                changes.append(f"{describe_cell(table.key, row_key, col_key)}由{fmt(was)}更正为{fmt(now)}")
    for section in after.spec.sections:
        was_text, now_text = before.section(section.number), after.section(section.number)
        if (was_text.text if was_text else "") != (now_text.text if now_text else ""):
            changes.append(f"「{section.heading}」部分文字有修改")
    if before.signed_on != after.signed_on:
        changes.append(f"落款日期由{_day(before)}更正为{_day(after)}")
    return changes


def _day(report: Report) -> str:
    return chinese_date(report.signed_on) or "空"
