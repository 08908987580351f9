"""Checks on submission: Σ parts with a missing part (无法判断, listed, never a false 不通过), each
rule across reports caught when broken alone, copied text, and a file read with unread cells."""

from __future__ import annotations

import pytest

from factories.rollup import CITY, PARTS, mini, sample, send
from xxgk.render import render
from xxgk.web.rollup import services
from xxgk.web.rollup.consolidation import consolidate
from xxgk.web.rollup.errors import RollupError
from xxgk.web.rollup.models import Source

ACROSS = {"X-CARRY-OVER", "X-IN-FORCE", "X-PENDING", "X-CONSOLIDATED-SUM", "X-CONSOLIDATED-INCOMPLETE"}


def codes(submission) -> set[str]:
    return set(submission.findings.filter(superseded=False).values_list("code", flat=True))


def _parts(year: int) -> dict:
    return {name: sample(name, year) for name in PARTS}


@pytest.mark.django_db
def test_sum_of_parts_with_one_part_missing_is_undetermined_and_lists_it() -> None:
    m = mini()
    parts = _parts(2025)
    for name in PARTS[:2]:
        send(m.supervisor, m.submission(name), parts[name])
    whole = consolidate(parts, organization=CITY, year=2025).report  # includes the missing part's figures
    city = send(m.supervisor, m.submission(CITY), whole)
    found = city.findings.filter(superseded=False, code__startswith="X-CONSOLIDATED")
    assert [f.code for f in found] == ["X-CONSOLIDATED-INCOMPLETE"]
    assert found[0].verdict == "undetermined"
    assert found[0].actual == [PARTS[2]] and PARTS[2] in found[0].message


@pytest.mark.django_db
def test_sum_of_parts_broken_with_every_part_in_hand_fails() -> None:
    m = mini()
    parts = _parts(2025)
    for name in PARTS:
        send(m.supervisor, m.submission(name), parts[name])
    data = consolidate(parts, organization=CITY, year=2025).report.model_dump()
    data["table4"]["review"]["upheld"] += 1
    data["table4"]["review"]["total"] += 1  # the parent balances on its own but not with its parts
    city = send(m.supervisor, m.submission(CITY), type(parts[PARTS[0]]).model_validate(data))
    wrong = city.findings.filter(superseded=False, code="X-CONSOLIDATED-SUM")
    assert {(f.place["row"], f.place["column"]) for f in wrong} == {("review", "upheld"), ("review", "total")}
    assert codes(city) & ACROSS == {"X-CONSOLIDATED-SUM"}


def _broken(report, how: str):
    data = report.model_dump()
    if how == "carry":
        for row in ("carried_in", "carried_out"):
            for col in ("commercial", "total"):
                data["table3"][row][col] += 3
    elif how == "in_force":
        data["table2"]["normative_documents"]["in_force"] += 2
    elif how == "pending":
        block = data["table4"]["review"]
        block["pending"] = block["total"] = block["upheld"] = block["corrected"] = block["other"] = 0
    return type(report).model_validate(data)


@pytest.mark.parametrize(
    ("how", "code"), [("carry", "X-CARRY-OVER"), ("in_force", "X-IN-FORCE"), ("pending", "X-PENDING")]
)
@pytest.mark.django_db
def test_each_rule_across_years_is_caught_when_broken_alone(how: str, code: str) -> None:
    m = mini()
    name = PARTS[1]
    before = sample(name, 2024)
    data = before.model_dump()
    data["table4"]["review"].update(pending=2, total=data["table4"]["review"]["total"] + 2)
    before = type(before).model_validate(data)
    send(m.supervisor, m.submission(name, 2024), before)
    clean = sample(name, 2025, previous=before)
    assert codes(send(m.supervisor, m.submission(name), clean)) & ACROSS == set()
    services.prepare_from_report(
        actor=m.supervisor, submission=m.submission(name), report=_broken(clean, how)
    )
    item = m.submission(name)
    services.submit(actor=m.supervisor, submission=item)
    assert codes(item) & ACROSS == {code}


@pytest.mark.django_db
def test_copied_text_is_a_finding_on_both_units_with_both_passages() -> None:
    m = mini()
    source = send(m.supervisor, m.submission(PARTS[0]), sample(PARTS[0], 2025))
    original = sample(PARTS[0], 2025)
    copy = sample(PARTS[2], 2025)
    sections = [
        s.model_copy(update={"text": original.section(s.number).text.replace(PARTS[0], PARTS[2])})
        if s.number in (1, 5)
        else s
        for s in copy.sections
    ]
    copier = send(m.supervisor, m.submission(PARTS[2]), copy.model_copy(update={"sections": sections}))
    assert "X-COPIED-UNIT" in codes(copier) and "X-COPIED-UNIT" in codes(source)
    finding = copier.findings.get(superseded=False, code="X-COPIED-UNIT", message__contains="总体情况")
    assert finding.passages and {"this", "other"} <= set(finding.passages[0])
    assert "X-COPIED-UNIT" not in codes(m.submission(PARTS[1]))


@pytest.mark.django_db
def test_a_file_with_unread_cells_is_corrected_in_the_form_and_keeps_its_original() -> None:
    m = mini()
    report = sample(PARTS[2], 2025)
    data = report.model_dump()
    data["table3"]["new"]["natural_person"] = None
    data["table3"]["denied.inquiry"]["natural_person"] = None  # a row key with a dot
    html = render(type(report).model_validate(data), "html")
    item = m.submission(PARTS[2])
    services.prepare_file(actor=m.supervisor, submission=item, data=html, filename="财政局2025年报.html")
    item.refresh_from_db()
    assert "table3.new.natural_person" in item.draft_unread
    with pytest.raises(RollupError, match="不是数字"):
        services.correct_draft(
            actor=m.supervisor, submission=item, cells={"table3.new.natural_person": "十二"}
        )
    services.correct_draft(
        actor=m.supervisor,
        submission=item,
        cells={
            "table3.new.natural_person": str(report.table3["new"]["natural_person"]),
            "table3.denied.inquiry.natural_person": str(report.table3["denied.inquiry"]["natural_person"]),
        },
    )
    version = services.submit(actor=m.supervisor, submission=item, scan=b"%PDF-scan", scan_name="盖章.pdf")
    assert version.source == Source.FILE and bytes(version.original) == html
    assert version.corrected == ["table3.denied.inquiry.natural_person", "table3.new.natural_person"]
    assert version.report["table3"]["new"]["natural_person"] == report.table3["new"]["natural_person"]
    assert bytes(version.scan) == b"%PDF-scan"


@pytest.mark.django_db
def test_a_report_of_another_year_or_an_unreadable_file_is_refused() -> None:
    m = mini()
    item = m.submission(PARTS[2])
    other_year = render(sample(PARTS[2], 2023), "html")
    with pytest.raises(RollupError, match="2023年度报告"):
        services.prepare_file(actor=m.supervisor, submission=item, data=other_year, filename="a.html")
    with pytest.raises(RollupError, match="无法读取该文件"):
        services.prepare_file(
            actor=m.supervisor, submission=item, data="这不是年度报告".encode(), filename="a.txt"
        )
    item.refresh_from_db()
    assert item.draft is None


@pytest.mark.django_db
def test_recheck_of_the_whole_campaign_finds_what_single_checks_find() -> None:
    m = mini()
    parts = _parts(2025)
    for name in PARTS[:2]:
        send(m.supervisor, m.submission(name), parts[name])
    city = send(m.supervisor, m.submission(CITY), consolidate(parts, organization=CITY, year=2025).report)
    single = sorted(city.findings.filter(superseded=False).values_list("code", "message"))
    send(m.supervisor, m.submission(PARTS[2]), parts[PARTS[2]])  # the missing part arrives
    services.recheck_campaign(actor=m.supervisor, campaign=m.campaigns[2025])
    after = sorted(city.findings.filter(superseded=False).values_list("code", "message"))
    assert ("X-CONSOLIDATED-INCOMPLETE" in {c for c, _ in single}) and after == [
        (c, msg) for c, msg in single if c != "X-CONSOLIDATED-INCOMPLETE"
    ]
