"""The annual report assembled from data, at scale: 1,000,000 applications (and 20,000 remedies)
across 500 agencies over three years; times one agency's report, all 500 reports in one pass,
and a bare grouped COUNT over the same table beside them.

    uv run --frozen python benchmarks/annual_report.py --database sqlite
    uv run --frozen python benchmarks/annual_report.py --database postgresql

The database is the benchmark's own: a fresh SQLite file under /tmp, or the PostgreSQL database
`xxgk_annual_bench` on 127.0.0.1:5432 (dropped and re-created; `--pg-url` to change). Rows are
written with one multi-row INSERT per batch (SQLite) or COPY (PostgreSQL). Best of `--rounds`.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from bench_db import fresh_database

YEARS = (2023, 2024, 2025)
REPORT_YEAR = 2024


def _organisations(count: int) -> list[Any]:
    from xxgk.web.orgs.models import Organisation, OrgKind

    orgs = Organisation.objects.bulk_create(
        Organisation(name=f"基准测试第{i}局", credit_code=f"BENCH{i:013d}", kind=OrgKind.DEPARTMENT)
        for i in range(count)
    )
    for org in orgs:
        org.path = f"/{org.pk}/"
    Organisation.objects.bulk_update(orgs, ["path"], batch_size=1000)
    return orgs


def _template_row(model: Any, sample: Any) -> tuple[list[str], list[Any]]:
    """Every concrete column of `model` but the key, with `sample`'s database values."""
    from django.db import connection

    fields = [f for f in model._meta.concrete_fields if not f.primary_key]
    values = [f.get_db_prep_save(f.pre_save(sample, add=True), connection) for f in fields]
    return [f.column for f in fields], values


def _application_rows(orgs: list[Any], total: int, rng: random.Random) -> tuple[list[str], Iterator[tuple]]:
    from django.utils import timezone

    from xxgk.web.annual.table3 import APPLICANT_COLUMNS, RESULT_ROWS
    from xxgk.web.applications.models import Application

    sample = Application(
        organisation=orgs[0],
        number="x",
        channel="online",
        submitted_at=timezone.now(),
        applicant_kind="natural_person",
        name="基准",
        id_type="id_card",
        id_number="0",
        phone="0",
        description="基准测试",
        info_form="paper",
        delivery="post",
    )
    columns, template = _template_row(Application, sample)
    at = {
        name: columns.index(name)
        for name in (
            "organisation_id",
            "number",
            "applicant_kind",
            "received_on",
            "outcome",
            "concluded_on",
            "state",
        )
    }
    kinds = [*["natural_person"] * 12, *APPLICANT_COLUMNS[1:]]
    first = dt.date(YEARS[0], 1, 1)
    span = (dt.date(YEARS[-1], 12, 31) - first).days

    def rows() -> Iterator[tuple]:
        for i in range(total):
            row = list(template)
            received = first + dt.timedelta(days=rng.randrange(span)) if rng.random() > 0.03 else None
            concluded = (
                received + dt.timedelta(days=rng.randrange(1, 60))
                if received and rng.random() > 0.04
                else None
            )
            row[at["organisation_id"]] = orgs[i % len(orgs)].pk
            row[at["number"]] = f"B{i:09d}"
            row[at["applicant_kind"]] = rng.choice(kinds)
            row[at["received_on"]] = received
            row[at["concluded_on"]] = concluded
            row[at["outcome"]] = rng.choice(RESULT_ROWS) if concluded else ""
            row[at["state"]] = "closed" if concluded else "registered"
            yield tuple(row)

    return columns, rows()


def _remedy_rows(orgs: list[Any], total: int, rng: random.Random) -> tuple[list[str], Iterator[tuple]]:
    from xxgk.web.remedies.choices import KIND_CHOICES, RESULT_CHOICES
    from xxgk.web.remedies.models import Remedy

    sample = Remedy(organisation=orgs[0], kind="review", deciding_body="基准", filed_on=dt.date(2024, 1, 1))
    columns, template = _template_row(Remedy, sample)
    at = {
        name: columns.index(name) for name in ("organisation_id", "kind", "filed_on", "decided_on", "result")
    }
    first = dt.date(YEARS[0], 1, 1)

    def rows() -> Iterator[tuple]:
        for i in range(total):
            row = list(template)
            filed = first + dt.timedelta(days=rng.randrange(3 * 365))
            decided = filed + dt.timedelta(days=rng.randrange(30, 400)) if rng.random() > 0.2 else None
            row[at["organisation_id"]] = orgs[i % len(orgs)].pk
            row[at["kind"]] = rng.choice(KIND_CHOICES)[0]
            row[at["filed_on"]] = filed
            row[at["decided_on"]] = decided
            row[at["result"]] = rng.choice(RESULT_CHOICES)[0] if decided else ""
            yield tuple(row)

    return columns, rows()


def _insert(table: str, columns: list[str], rows: Iterator[tuple], batch: int = 2000) -> None:
    from django.db import connection, transaction

    names = ", ".join(f'"{c}"' for c in columns)
    with transaction.atomic(), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f'COPY "{table}" ({names}) FROM STDIN') as copy:
                for row in rows:
                    copy.write_row(row)
            return
        one = "(" + ", ".join(["%s"] * len(columns)) + ")"
        chunk: list[tuple] = []
        # SQLite allows 32766 parameters per statement.
        per_statement = max(1, min(batch, 32000 // len(columns)))
        for row in rows:
            chunk.append(row)
            if len(chunk) == per_statement:
                _insert_chunk(cursor, table, names, one, chunk)
                chunk = []
        if chunk:
            _insert_chunk(cursor, table, names, one, chunk)


def _insert_chunk(cursor: Any, table: str, names: str, one: str, chunk: list[tuple]) -> None:
    sql = f'INSERT INTO "{table}" ({names}) VALUES ' + ", ".join([one] * len(chunk))
    cursor.execute(sql, [value for row in chunk for value in row])


def _best(rounds: int, work: Callable[[], object]) -> float:
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return min(times)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", choices=("sqlite", "postgresql"), default="sqlite")
    parser.add_argument("--pg-url", default="postgresql://postgres@127.0.0.1:5432/xxgk_annual_bench")
    parser.add_argument("--applications", type=int, default=1_000_000)
    parser.add_argument("--remedies", type=int, default=20_000)
    parser.add_argument("--agencies", type=int, default=500)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv)
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

    fresh_database(args.database, args.pg_url, sqlite_name="xxgk-annual-bench")
    from django.db import connection
    from django.db.models import Count

    from xxgk.web.annual.assembly import assembled_report, assembled_reports
    from xxgk.web.applications.models import Application
    from xxgk.web.remedies.models import Remedy

    rng = random.Random(2026)
    started = time.perf_counter()
    orgs = _organisations(args.agencies)
    _insert(Application._meta.db_table, *_application_rows(orgs, args.applications, rng))
    _insert(Remedy._meta.db_table, *_remedy_rows(orgs, args.remedies, rng))
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    load = time.perf_counter() - started

    one = orgs[len(orgs) // 2]
    report = assembled_report(one, REPORT_YEAR)
    assert report.table3["new"]["total"] > 0
    bare_one = _best(
        args.rounds,
        lambda: list(
            Application.objects.filter(organisation=one)
            .values("applicant_kind")
            .order_by()
            .annotate(n=Count("pk"))
        ),
    )
    one_report = _best(args.rounds, lambda: assembled_report(one, REPORT_YEAR))
    bare_all = _best(
        args.rounds,
        lambda: list(
            Application.objects.values("organisation_id", "applicant_kind").order_by().annotate(n=Count("pk"))
        ),
    )
    all_reports = _best(args.rounds, lambda: assembled_reports(orgs, REPORT_YEAR))
    one_by_one = _best(1, lambda: [assembled_report(org, REPORT_YEAR) for org in orgs])

    print(
        f"database: {connection.vendor}; {args.applications:,} applications, {args.remedies:,} remedies, "
        f"{args.agencies} agencies; loaded in {load:.1f} s; best of {args.rounds}"
    )
    print("| step | seconds |")
    print("|---|---|")
    print(f"| bare grouped COUNT, one agency | {bare_one:.4f} |")
    print(f"| one agency's report ({REPORT_YEAR}) | {one_report:.4f} |")
    print(f"| bare grouped COUNT, whole table | {bare_all:.3f} |")
    print(f"| all {args.agencies} reports, one pass | {all_reports:.3f} |")
    print(f"| all {args.agencies} reports, one agency at a time | {one_by_one:.3f} |")


if __name__ == "__main__":
    main()
