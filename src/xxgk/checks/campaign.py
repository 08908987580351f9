"""Rules of a collection campaign that need more than the reports' own cells: copied text (雷同)
against the unit's previous year and the other units, and the statutory deadlines.

The arithmetic across reports (carry-over, Σ parts) stays in `across.py`; these rules return the
same `Finding` values and are declared in the one registry with scope "campaign".
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping

from xxgk import similarity
from xxgk.checks.registry import finding, rule
from xxgk.deadlines import annual_report_due
from xxgk.findings import Finding, Place
from xxgk.render.document import chinese_date
from xxgk.report import Report
from xxgk.similarity import K

# Sections where copied text matters: 一、总体情况 and 五、存在的主要问题及改进情况.
COPY_SECTIONS = (1, 5)


def section_texts(report: Report) -> dict[int, str]:
    return {n: s.text for n in COPY_SECTIONS if (s := report.section(n)) is not None}


def _section_name(report: Report, number: int) -> str:
    section = report.section(number)
    return section.heading if section is not None else f"第{number}部分"


@rule("X-COPIED-PREVIOUS", "warning", "第一、五部分文字与本单位上年报告雷同", scope="campaign")
def copied_from_previous(previous: Report, current: Report) -> list[Finding]:
    """Sections 一 and 五 of `current` against the same unit's report of the year before."""
    found = []
    for number, text in section_texts(current).items():
        before = section_texts(previous).get(number)
        match = similarity.compare(text, before) if before else None
        if match is None or match.score < similarity.THRESHOLD:
            continue
        found.append(
            finding(
                "X-COPIED-PREVIOUS",
                f"「{_section_name(current, number)}」有{match.score:.0%}的文字与{previous.year or '上'}年度报告相同"
                f"（数字不计），疑为沿用上年文字",
                place=Place(
                    report=f"{current.year}年度报告",
                    excerpt=match.passages[0].this if match.passages else None,
                ),
                expected=f"<{similarity.THRESHOLD:.0%}",
                actual=[{"this": p.this, "other": p.other, "share": p.share} for p in match.passages],
            )
        )
    return found


@rule("X-COPIED-UNIT", "warning", "第一、五部分文字与其他单位报告雷同", scope="campaign")
def copied_across_units(
    reports: Mapping[K, Report], keys: Iterable[K] | None = None
) -> dict[K, list[Finding]]:
    """Sections 一 and 五 of each report (of those under `keys`, default all) against every other
    report of the campaign, set phrases shared by many units ignored (`similarity.Corpus`).
    A copied pair is a finding on both reports, so the result also holds the other report of
    each pair found."""
    wanted = set(reports) if keys is None else set(keys)
    found: dict[K, list[Finding]] = {key: [] for key in wanted}
    for number in COPY_SECTIONS:
        texts = {key: text for key, r in reports.items() if (text := section_texts(r).get(number))}
        corpus = similarity.Corpus(texts)
        for pair in corpus.pairs(keys=wanted):
            for this, other in ((pair.first, pair.second), (pair.second, pair.first)):
                found.setdefault(this, []).append(
                    _copied_unit(reports, texts, corpus, number, this, other, pair.score)
                )
    return found


def _copied_unit(
    reports: Mapping[K, Report],
    texts: Mapping[K, str],
    corpus: similarity.Corpus[K],
    number: int,
    this: K,
    other: K,
    score: float,
) -> Finding:
    passages = similarity.passages(texts[this], texts[other], ignore=corpus.common)
    name = reports[other].organization or str(other)
    return finding(
        "X-COPIED-UNIT",
        f"「{_section_name(reports[this], number)}」有{score:.0%}的文字（常用套话不计）与{name}的报告相同，"
        f"疑为相互套用",
        place=Place(report=name, excerpt=passages[0].this if passages else None),
        expected=f"<{similarity.THRESHOLD:.0%}",
        actual=[{"this": p.this, "other": p.other, "share": p.share} for p in passages],
    )


@rule("X-SUBMITTED-LATE", "warning", "年度报告晚于报送时限报送", scope="campaign")
@rule("X-NOT-SUBMITTED", "error", "已过法定期限仍未报送年度报告", scope="campaign")
def submission_deadline_findings(
    *, year: int, consolidated: bool, internal: dt.date | None, submitted_on: dt.date | None, today: dt.date
) -> list[Finding]:
    """Late or missing submission to the supervising office (its own time limit, else the statutory one)."""
    statutory = annual_report_due(year, consolidated=consolidated)
    limit = internal or statutory
    if submitted_on is None:
        if today > statutory:
            return [
                finding(
                    "X-NOT-SUBMITTED",
                    f"法定期限{chinese_date(statutory)}已过，仍未报送{year}年度报告",
                    expected=statutory.isoformat(),
                )
            ]
        return []
    if submitted_on > limit:
        days = (submitted_on - limit).days
        return [
            finding(
                "X-SUBMITTED-LATE",
                f"{chinese_date(submitted_on)}报送，晚于报送时限{chinese_date(limit)}{days}天",
                expected=limit.isoformat(),
                actual=submitted_on.isoformat(),
            )
        ]
    return []


@rule("X-PUBLISHED-LATE", "error", "年度报告晚于法定期限公开（条例第四十九、五十条）", scope="campaign")
@rule("X-NOT-PUBLISHED", "error", "已过法定期限仍未公开年度报告（条例第四十九、五十条）", scope="campaign")
def publication_deadline_findings(
    *, year: int, consolidated: bool, published_on: dt.date | None, today: dt.date
) -> list[Finding]:
    """Publication after, or still missing after, the statutory date (条例第四十九、五十条)."""
    statutory = annual_report_due(year, consolidated=consolidated)
    if published_on is None:
        if today > statutory:
            return [
                finding(
                    "X-NOT-PUBLISHED",
                    f"法定公开期限{chinese_date(statutory)}已过，{year}年度报告仍未公开",
                    expected=statutory.isoformat(),
                )
            ]
        return []
    if published_on > statutory:
        return [
            finding(
                "X-PUBLISHED-LATE",
                f"{chinese_date(published_on)}公开，晚于法定期限{chinese_date(statutory)}{(published_on - statutory).days}天",
                expected=statutory.isoformat(),
                actual=published_on.isoformat(),
            )
        ]
    return []
