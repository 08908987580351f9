"""Reports for the renderer tests: random balanced reports (xxgk.sample) and the seed-like 宜春 report."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from xxgk.render.layout import visible_rows
from xxgk.report import Report
from xxgk.sample import balanced_report
from xxgk.template import get_template

SEED_SECTIONS = {
    1: "2022年宜春市机关事务管理中心坚持以习近平新时代中国特色社会主义思想为指导，"
    "认真贯彻落实《中华人民共和国政府信息公开条例》以及省、市有关政府信息公开文件精神。\n"
    "加强领导，健全信息公开组织体系\n（二）完善制度，规范流程\n2023年，我中心未收到申请公开信息。",
    5: "2023年，在全面推进政务公开工作中还存在一些问题和不足。\n（一）严格工作责任。\n（二）丰富公开渠道。",
    6: "2023年度，我中心无收取信息处理费情况。",
}


def seed_report() -> Report:
    """The seed report (seeds/000_a506050fcd0660b0.txt): 宜春市机关事务管理中心, 2023, all zeros, short （六）."""
    tpl = get_template("2021")
    probe = Report(other_row="short")
    tables = {}
    for table in tpl.tables:
        tables[table.key] = {
            row.key: {col.key: 0 for col in table.columns_of(row)} for row in visible_rows(table, probe)
        }
    return Report(
        organization="宜春市机关事务管理中心",
        year=2023,
        title="宜春市机关事务管理中心2023年政府信息公开工作年度报告",
        signed_on=dt.date(2023, 1, 19),
        other_row="short",
        preamble="本报告依据《中华人民共和国政府信息公开条例》编制。本年度报告中所列数据的统计期限"
        "自2023年1月1日起至2023年12月31日止。",
        sections=[
            {"number": s.number, "heading": s.heading, "text": SEED_SECTIONS.get(s.number, "")}
            for s in tpl.sections
        ],
        **tables,
    )


CASES = [
    pytest.param((seed, year, template, other), id=f"{template}-{other}-{seed}")
    for seed, year, template, other in (
        (1, 2023, "2021", "split"),
        (2, 2022, "2021", "short"),
        (3, 2020, "2019", "short"),
        (4, 2024, "2021", "split"),
    )
]


@pytest.fixture(params=CASES)
def random_report(request: pytest.FixtureRequest) -> Report:
    seed, year, template, other = request.param
    return balanced_report(random.Random(seed), year=year, template=template, other_row=other)


@pytest.fixture
def seed_like_report() -> Report:
    return seed_report()
