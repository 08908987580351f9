"""Campaign rules: copied text against last year and other units, and the statutory deadlines."""

from __future__ import annotations

import datetime as dt
import random

from xxgk.checks.campaign import (
    copied_across_units,
    copied_from_previous,
    publication_deadline_findings,
    submission_deadline_findings,
)
from xxgk.deadlines import annual_report_due
from xxgk.report import Report, SectionText
from xxgk.sample import balanced_report

ONE_A = (
    "2024年，本局围绕交通运输重点工作，在门户网站发布路网建设项目批准和实施信息86条，更新公交线路调整公告12条。"
    "依申请公开方面，全年收到申请9件，均在法定期限内答复，未发生行政复议和诉讼。"
)
ONE_B = (
    "2024年，本委聚焦医疗卫生民生事项，公开医疗机构执业登记、公共卫生监测和疫苗接种门诊名单等信息143条。"
    "全年共办理依申请公开3件，其中予以公开2件，部分公开1件，答复规范率达到百分之百。"
)


def with_one(report: Report, text: str) -> Report:
    sections = [
        s if s.number != 1 else SectionText(number=1, heading=s.heading, text=text) for s in report.sections
    ]
    return report.model_copy(update={"sections": sections})


def base(seed: int, year: int, org: str) -> Report:
    return balanced_report(random.Random(seed), year=year, organization=org)


def test_last_years_text_reused_with_new_numbers_is_found() -> None:
    before = with_one(base(1, 2023, "示例市交通运输局"), ONE_A.replace("2024", "2023"))
    now = with_one(base(2, 2024, "示例市交通运输局"), ONE_A.replace("86", "91").replace("9件", "14件"))
    found = copied_from_previous(before, now)
    assert [f.code for f in found] == ["X-COPIED-PREVIOUS"]
    assert found[0].actual and found[0].actual[0]["this"].startswith("2024年")


def test_a_rewritten_text_is_not_a_copy_of_last_year() -> None:
    before = with_one(base(1, 2023, "示例市交通运输局"), ONE_A)
    now = with_one(base(2, 2024, "示例市交通运输局"), ONE_B)
    assert [
        f
        for f in copied_from_previous(before, now)
        if f.code == "X-COPIED-PREVIOUS" and "总体情况" in f.message_zh
    ] == []


def test_copied_pair_between_units_is_a_finding_on_both() -> None:
    reports = {
        "a": with_one(base(1, 2024, "甲局"), ONE_A),
        "b": with_one(base(2, 2024, "乙局"), ONE_A.replace("本局", "我局")),
        "c": with_one(base(3, 2024, "丙委"), ONE_B),
    }
    found = copied_across_units(reports, keys=["b"])
    assert [f.code for f in found["b"] if "总体情况" in f.message_zh] == ["X-COPIED-UNIT"]
    assert "甲局" in found["b"][0].message_zh
    assert any("乙局" in f.message_zh for f in found["a"])
    assert not found.get("c")


def test_statutory_deadlines() -> None:
    assert annual_report_due(2025, consolidated=False) == dt.date(2026, 1, 31)
    assert annual_report_due(2025, consolidated=True) == dt.date(2026, 3, 31)


def test_submission_lateness_uses_the_offices_own_limit_when_set() -> None:
    args = {"year": 2025, "consolidated": False, "today": dt.date(2026, 6, 1)}
    assert submission_deadline_findings(**args, internal=None, submitted_on=dt.date(2026, 1, 31)) == []
    late = submission_deadline_findings(
        **args, internal=dt.date(2026, 1, 20), submitted_on=dt.date(2026, 1, 25)
    )
    assert [f.code for f in late] == ["X-SUBMITTED-LATE"] and "5天" in late[0].message_zh
    missing = submission_deadline_findings(**args, internal=None, submitted_on=None)
    assert [f.code for f in missing] == ["X-NOT-SUBMITTED"]
    early = submission_deadline_findings(
        **{**args, "today": dt.date(2026, 1, 10)}, internal=None, submitted_on=None
    )
    assert early == []


def test_publication_after_the_statutory_date() -> None:
    args = {"year": 2025, "today": dt.date(2026, 6, 1)}
    assert publication_deadline_findings(**args, consolidated=True, published_on=dt.date(2026, 3, 31)) == []
    late = publication_deadline_findings(**args, consolidated=False, published_on=dt.date(2026, 2, 2))
    assert [f.code for f in late] == ["X-PUBLISHED-LATE"] and "2天" in late[0].message_zh
    assert [f.code for f in publication_deadline_findings(**args, consolidated=False, published_on=None)] == [
        "X-NOT-PUBLISHED"
    ]
