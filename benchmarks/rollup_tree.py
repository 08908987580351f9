"""The supervising office at province size: 3,097 reporting units (a province government with 40
departments, 16 cities with 40 departments and 10 counties each, 14 units per county) over five
years. Times, on the last year's campaign: every check of every report (single-report rules,
carry-over against the year before, Σ parts for the 171 governments, copied text across all
units, findings written), the indicators with rankings and medians, and the province's
consolidated report (summed, checked, rendered as DOCX with its chart).

    uv run --frozen python benchmarks/rollup_tree.py --database sqlite
    uv run --frozen python benchmarks/rollup_tree.py --database postgresql

The database is the benchmark's own: a fresh SQLite file under /tmp, or the PostgreSQL database
`xxgk_rollup_bench` on 127.0.0.1:5432 (dropped and re-created; `--pg-url` to change).
Texts: each unit's sections 一 and 五 mix set phrases shared by many units with sentences of its
own; 20 pairs of units copy each other. Best of `--rounds`.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import time
from collections import Counter
from collections.abc import Callable
from typing import Any

from bench_db import fresh_database

YEARS = (2021, 2022, 2023, 2024, 2025)
_PHRASES = random.Random("set phrases")
# Set phrases of the genre: each shared by about 5 % of the units.
SET_PHRASES = ["".join(chr(_PHRASES.randint(0x4E00, 0x9FA5)) for _ in range(30)) + "。" for _ in range(40)]
COPIED_PAIRS = 20


# name, kind, parent name, consolidates
Unit = tuple[str, str, str | None, bool]


def _tree() -> list[Unit]:
    """Parents before children."""
    units: list[Unit] = [("基准省人民政府", "province_gov", None, True)]
    units += [(f"基准省第{d}厅", "department", "基准省人民政府", False) for d in range(40)]
    for c in range(16):
        city = f"基准省第{c}市人民政府"
        units.append((city, "city_gov", "基准省人民政府", True))
        units += [(f"第{c}市第{d}局", "department", city, False) for d in range(40)]
        for k in range(10):
            county = f"第{c}市第{k}县人民政府"
            units.append((county, "county_gov", city, True))
            units += [
                (f"第{c}市第{k}县第{d}单位", "department" if d < 8 else "township", county, False)
                for d in range(14)
            ]
    return units


def _own_sentence(rng: random.Random) -> str:
    return "".join(chr(rng.randint(0x4E00, 0x9FA5)) for _ in range(rng.randint(30, 50))) + "。"


def _texts(rng: random.Random, name: str, year: int) -> dict[int, str]:
    one = f"{year}年，{name}" + "".join(rng.sample(SET_PHRASES, 2)) + _own_sentence(rng) + _own_sentence(rng)
    five = rng.choice(SET_PHRASES) + _own_sentence(rng) + _own_sentence(rng)
    return {1: one, 5: five}


def _reports(units: list[Unit]) -> dict[int, dict[str, Any]]:
    from xxgk.report import SectionText
    from xxgk.sample import balanced_report
    from xxgk.web.rollup.consolidation import consolidate

    children: dict[str, list[str]] = {}
    for name, _kind, parent, _c in units:
        if parent:
            children.setdefault(parent, []).append(name)
    by_year: dict[int, dict[str, Any]] = {}
    previous: dict[str, Any] = {}
    for year in YEARS:
        rng = random.Random(year)
        made: dict[str, Any] = {}
        for name, _kind, _parent, consolidates in units:
            if not consolidates:
                report = balanced_report(rng, year=year, organization=name, previous=previous.get(name))
                made[name] = _with_texts(report, _texts(rng, name, year), SectionText)
        if year == YEARS[-1]:
            leaves = [n for n, _k, _p, c in units if not c]
            for a, b in zip(leaves[:COPIED_PAIRS], leaves[-COPIED_PAIRS:], strict=True):
                texts = {n: made[a].section(n).text.replace(a, b) for n in (1, 5)}
                made[b] = _with_texts(made[b], texts, SectionText)
        for name, _kind, _parent, consolidates in reversed(units):  # children before parents
            if consolidates:
                summed = consolidate(
                    {c: made[c] for c in children[name]}, organization=name, year=year
                ).report
                made[name] = _with_texts(summed, _texts(rng, name, year), SectionText)
        by_year[year] = made
        previous = made
    return by_year


def _with_texts(report: Any, texts: dict[int, str], section_type: Any) -> Any:
    sections = [
        section_type(
            number=s.number, heading=s.heading, text=texts.get(s.number, s.text or "该部分以表格形式报告。")
        )
        for s in report.sections
    ]
    return report.model_copy(update={"sections": sections})


def _load(units: list[Unit], reports: dict[int, dict[str, Any]]) -> tuple[Any, dict[int, Any]]:
    from django.db import transaction

    from xxgk.web.orgs.models import Membership, Organisation, OrgKind, Role, User
    from xxgk.web.rollup.models import Campaign, Enrolment, ReportingUnit, ReportVersion, Status, Submission

    with transaction.atomic():
        office = Organisation.objects.create(
            name="基准省人民政府办公厅", credit_code="BENCHROLLUP0000001", kind=OrgKind.DEPARTMENT
        )
        actor = User.objects.create_user("bench_supervisor")
        Membership.objects.create(user=actor, organisation=office, role=Role.SUPERVISOR)
        stored = ReportingUnit.objects.bulk_create(ReportingUnit(name=n) for n, *_ in units)
        ids = {u.name: u for u in stored}
        campaigns = {}
        for year in YEARS:
            enrolments = Enrolment.objects.bulk_create(
                (
                    Enrolment(
                        unit=ids[name],
                        year=year,
                        kind=kind,
                        parent=ids[parent] if parent else None,
                        office=office,
                        consolidates=consolidates,
                        anchor=office,
                        order=i,
                    )
                    for i, (name, kind, parent, consolidates) in enumerate(units)
                ),
                batch_size=1000,
            )
            campaign = Campaign.objects.create(office=office, year=year)
            campaigns[year] = campaign
            day = dt.date(year + 1, 1, 20)
            submissions = Submission.objects.bulk_create(
                (
                    Submission(
                        campaign=campaign,
                        enrolment=e,
                        status=Status.SUBMITTED,
                        first_submitted_on=day,
                        submitted_on=day,
                    )
                    for e in enrolments
                ),
                batch_size=1000,
            )
            versions = ReportVersion.objects.bulk_create(
                (
                    ReportVersion(
                        submission=s,
                        number=1,
                        source="file",
                        report=reports[year][e.unit.name].model_dump(mode="json"),
                    )
                    for s, e in zip(submissions, enrolments, strict=True)
                ),
                batch_size=500,
            )
            for s, v in zip(submissions, versions, strict=True):
                s.current = v
            Submission.objects.bulk_update(submissions, ["current"], batch_size=1000)
    return actor, campaigns


CPU: dict[str, float] = {}


def _best(rounds: int, step: Callable[[], Any], name: str) -> tuple[float, Any]:
    """Best wall-clock time of `rounds` runs (CPU time of that run kept in CPU[name])."""
    best, result = float("inf"), None
    for _ in range(rounds):
        start, cpu = time.perf_counter(), time.process_time()
        result = step()
        if time.perf_counter() - start < best:
            best, CPU[name] = time.perf_counter() - start, time.process_time() - cpu
    return best, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", choices=("sqlite", "postgresql"), default="sqlite")
    parser.add_argument("--pg-url", default="postgresql://postgres@127.0.0.1:5432/xxgk_rollup_bench")
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    fresh_database(args.database, args.pg_url, sqlite_name="xxgk-rollup-bench")

    from xxgk.web.rollup import documents, selectors, services
    from xxgk.web.rollup.models import Enrolment, ReviewFinding

    units = _tree()
    start = time.perf_counter()
    reports = _reports(units)
    generated = time.perf_counter() - start
    start = time.perf_counter()
    actor, campaigns = _load(units, reports)
    loaded = time.perf_counter() - start
    campaign = campaigns[YEARS[-1]]
    print(
        f"{len(units)} units × {len(YEARS)} years on {args.database}: generated in {generated:.1f} s, loaded in {loaded:.1f} s"
    )

    checks, findings = _best(
        args.rounds, lambda: services.recheck_campaign(actor=actor, campaign=campaign), "checks"
    )
    copied = ReviewFinding.objects.filter(superseded=False, code="X-COPIED-UNIT").count()
    summed = ReviewFinding.objects.filter(superseded=False, code__startswith="X-CONSOLIDATED").count()
    indicators_time, (rows, _medians) = _best(
        args.rounds, lambda: selectors.indicator_table(actor, campaign), "indicators"
    )
    province = Enrolment.objects.get(year=YEARS[-1], parent__isnull=True)

    def consolidated() -> int:
        _own, region = documents.generate_consolidated(actor=actor, campaign=campaign, enrolment=province)
        return len(documents.consolidated_docx(region))

    consolidated_time, size = _best(args.rounds, consolidated, "consolidated")
    total = checks + indicators_time + consolidated_time
    print(
        f"all checks of {len(units)} reports: {checks:.2f} s (CPU {CPU['checks']:.2f} s; {findings} findings, "
        f"{copied} copied-text, {summed} Σ-parts)"
    )
    by_code = Counter(ReviewFinding.objects.filter(superseded=False).values_list("code", flat=True))
    print("  findings by rule: " + ", ".join(f"{code} {n}" for code, n in by_code.most_common(6)))
    print(
        f"indicators of {len(rows)} units with ranks, medians and last year's values: "
        f"{indicators_time:.2f} s (CPU {CPU['indicators']:.2f} s)"
    )
    print(
        f"province consolidated report (Σ, checks, DOCX {size // 1024} KiB): {consolidated_time:.2f} s "
        f"(CPU {CPU['consolidated']:.2f} s)"
    )
    print(f"total: {total:.2f} s (CPU {sum(CPU.values()):.2f} s)")


if __name__ == "__main__":
    main()
