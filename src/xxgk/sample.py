"""Random but correct annual reports, for tests, benchmarks and renderer/parser round trips.

`balanced_report` fills every cell the template expects for the report's form so that all
勾稽关系 hold, writes the six sections with the statistics period and a 信息处理费 statement, and
signs the report in January of the next year: every single-report check passes on it.
"""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal
from typing import Any, Literal

from xxgk.deadlines import annual_report_due
from xxgk.report import Report, SectionText
from xxgk.template import TOTAL, Table, get_template

ORGANIZATIONS = (
    "示例市统计局",
    "示例市机关事务管理中心",
    "示例县财政局",
    "示例区市场监督管理局",
    "示例市人力资源和社会保障局",
    "示例县自然资源局",
)


def _count(rng: random.Random, zero_share: float = 0.5, high: int = 30) -> int:
    """Real tables are mostly zeros with some small counts."""
    return 0 if rng.random() < zero_share else rng.randint(1, high)


def _table2(rng: random.Random, table: Table, previous: Report | None) -> dict[str, dict[str, Any]]:
    data: dict[str, dict[str, Any]] = {}
    for row in table.rows:
        values: dict[str, Any] = {}
        for col in table.columns_of(row):
            if col.kind == "amount":
                values[col.key] = Decimal(rng.randint(0, 50000)) / 100 if rng.random() < 0.5 else Decimal(0)
            elif col.key == "change":
                values[col.key] = rng.randint(-5, 5)
            else:
                values[col.key] = _count(rng, high=200)
        data[row.key] = values
    if "regulations" in data:  # most agencies make no 规章
        data["regulations"] = dict.fromkeys(data["regulations"], 0)
    for key, values in data.items():
        # Documents in force follow from last year's: 现行有效 = 上年现行有效 + 本年制发 − 本年废止.
        before = previous.table2.get(key, {}).get("in_force") if previous is not None else None
        if before is not None and {"issued", "repealed", "in_force"} <= set(values):
            values["repealed"] = min(values["repealed"], before + values["issued"])
            values["in_force"] = before + values["issued"] - values["repealed"]
    return data


def _table3(
    rng: random.Random, table: Table, short: bool, busy: float, previous: Report | None
) -> dict[str, dict[str, Any]]:
    unused: set[str] = set()
    for row in table.rows:
        if row.collapses:
            unused |= set(row.collapses) if short else {row.key}
    results = [row.key for row in table.rows if row.is_result and row.key not in unused]
    applicants = [col.key for col in table.columns if col.key != TOTAL]
    data: dict[str, dict[str, Any]] = {row.key: {} for row in table.rows}
    for a in applicants:
        # Most applications come from natural persons; organisations' columns are mostly 0.
        share = busy if a == applicants[0] else min(0.97, busy + 0.3)
        for key in results:
            data[key][a] = _count(rng, share, high=12)
        handled = sum(data[key][a] for key in results)
        out = _count(rng, 0.6, high=5)
        if previous is not None:  # 上年结转 = last year's 结转下年度继续办理
            carried_in = previous.table3["carried_out"][a] or 0
            out = max(out, carried_in - handled)
        else:
            carried_in = rng.randint(0, handled + out) if rng.random() < 0.4 else 0
        data["carried_out"][a] = out
        data["carried_in"][a] = carried_in
        data[TOTAL][a] = handled
        data["new"][a] = handled + out - carried_in
    for row in table.rows:
        if row.key in unused:
            data[row.key] = {col.key: None for col in table.columns}
        else:
            data[row.key][TOTAL] = sum(data[row.key][a] for a in applicants)
    return data


def _table4(rng: random.Random, table: Table, previous: Report | None) -> dict[str, dict[str, Any]]:
    data: dict[str, dict[str, Any]] = {}
    for row in table.rows:
        parts = {col.key: _count(rng, 0.8, high=4) for col in table.columns_of(row) if col.key != TOTAL}
        # Last year's pending cases reappear, decided or still pending.
        before = previous.table4.get(row.key, {}).get("pending") if previous is not None else None
        first = next(iter(parts))
        parts[first] += max(0, int(before or 0) - sum(parts.values()))
        data[row.key] = {**parts, TOTAL: sum(parts.values())}
    return data


def _sections(
    rng: random.Random, template_key: str, year: int, org: str, new_total: int
) -> list[SectionText]:
    tpl = get_template(template_key)
    received = (
        f"{year}年，本机关共收到政府信息公开申请{new_total}件，均在法定期限内答复。"
        if new_total
        else f"{year}年，本机关未收到政府信息公开申请。"
    )
    texts = {
        1: f"{year}年，{org}认真贯彻落实《中华人民共和国政府信息公开条例》，扎实推进政府信息公开工作。\n"
        f"（一）主动公开\n全年通过门户网站主动公开政府信息{rng.randint(20, 400)}条。\n"
        f"（二）依申请公开\n{received}",
        2: "该部分以表格形式报告。",
        3: "该部分以表格形式报告。",
        4: "该部分以表格形式报告。",
        5: "政府信息公开工作仍存在公开内容不够全面等问题。\n"
        f"{year + 1}年，我们将进一步规范公开流程，提升公开质量。",
        6: f"{year}年度，本机关未收取信息处理费。无其他需要报告的事项。",
    }
    sections, line = [], 4
    for section in tpl.sections:
        text = texts[section.number]
        sections.append(SectionText(number=section.number, heading=section.heading, text=text, line=line))
        line += 1 + len(text.splitlines())
    return sections


def balanced_report(
    rng: random.Random,
    *,
    year: int,
    template: Literal["2021", "2019"] = "2021",
    other_row: Literal["split", "short"] = "split",
    organization: str | None = None,
    consolidated: bool = False,
    previous: Report | None = None,
) -> Report:
    """A report on `year` whose tables satisfy every 勾稽关系 and whose text passes every check.

    Under the 2019 format （六） is always one row (`other_row` is then ignored). With `previous`
    (the same agency's report on the year before) it also passes every check across the two years:
    上年结转 = last year's 结转下年度, 现行有效件数 carried forward, last year's pending cases reappear.
    """
    tpl = get_template(template)
    short = template == "2019" or other_row == "short"
    org = (
        organization or (previous.organization if previous is not None else None) or rng.choice(ORGANIZATIONS)
    )
    busy = rng.choice((0.95, 0.7, 0.4))  # share of zero cells: a quiet, an ordinary, a busy agency
    table3 = _table3(rng, tpl.table3, short, busy, previous)
    signed_by = annual_report_due(year, consolidated=consolidated)
    signed_on = dt.date(year + 1, 1, 1) + dt.timedelta(
        days=rng.randint(1, (signed_by - dt.date(year + 1, 1, 1)).days)
    )
    return Report(
        organization=org,
        year=year,
        title=f"{org}{year}年政府信息公开工作年度报告",
        signed_on=signed_on,
        template=template,
        consolidated=consolidated,
        other_row="short" if short else "split",
        preamble=(
            f"本报告根据《中华人民共和国政府信息公开条例》和{tpl.issued_by}要求编制。"
            f"本报告中所列数据的统计期限自{year}年1月1日起至{year}年12月31日止。"
        ),
        sections=_sections(rng, template, year, org, table3["new"][TOTAL]),
        table2=_table2(rng, tpl.table2, previous),
        table3=table3,
        table4=_table4(rng, tpl.table4, previous),
        source_format="data",
    )
