"""REST API list and detail latency on 100,000 rows, over loopback.

    uv run --frozen python benchmarks/api_load.py --database sqlite
    uv run --frozen python benchmarks/api_load.py --database postgresql

Builds its own database (a fresh SQLite file under /tmp, or the PostgreSQL database
`xxgk_api_bench` on 127.0.0.1:5432, dropped and re-created): `--count` agencies under one root
and `--count` 规范性文件 in the registry (one in five with a past 有效期, so validity filters
have work to do). Serves the site with gunicorn (2 workers) and runs `benchmarks/http_load.run_load`
against list pages at spread offsets (JSON and CSV), a validity-filtered registry list, and
agency detail by id; prints p50/p95 per group.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_db import fresh_database
from http_load import run_load, start_gunicorn

BATCH = 5000


def _populate(count: int) -> tuple[int, int]:
    """Returns (first agency id, last agency id)."""
    from django.db import connection, transaction

    from xxgk.web.orgs.demo import credit_code
    from xxgk.web.orgs.models import Organisation, OrgKind
    from xxgk.web.publishing.models import DocumentKind, RegulatoryDocument

    root = Organisation.objects.create(
        name="基准测试市人民政府", credit_code=credit_code("360900", "R0000000"), kind=OrgKind.CITY_GOVERNMENT
    )
    first = root.pk + 1
    for offset in range(0, count, BATCH):
        with transaction.atomic():
            Organisation.objects.bulk_create(
                Organisation(
                    pk=first + i,
                    name=f"基准测试第{i}号机关",
                    credit_code=credit_code("360900", f"B{i:07d}"),
                    kind=OrgKind.DEPARTMENT,
                    parent=root,
                    path=f"{root.path}{first + i}/",  # bulk_create skips save(): set the materialised path
                    phone="0795-0000000",
                )
                for i in range(offset, min(count, offset + BATCH))
            )
        print(f"  {offset + BATCH:,} agencies", flush=True)
    rng = random.Random(2026)
    start = dt.date(2010, 1, 1)
    owners = list(range(first, first + 20))
    for offset in range(0, count, BATCH):
        rows = []
        for i in range(offset, min(count, offset + BATCH)):
            issued = start + dt.timedelta(days=rng.randrange(5000))
            rows.append(
                RegulatoryDocument(
                    organisation_id=owners[i % len(owners)],
                    kind=DocumentKind.NORMATIVE,
                    unified_number=f"JXYC-{i:07d}",
                    title=f"关于第{i}项工作的管理办法",
                    issuing_organ="基准测试机关",
                    document_number=f"宜基发〔{issued.year}〕{i}号",
                    issued_on=issued,
                    effective_from=issued + dt.timedelta(days=30),
                    valid_until=issued + dt.timedelta(days=5 * 365) if i % 5 == 0 else None,
                )
            )
        with transaction.atomic():
            RegulatoryDocument.objects.bulk_create(rows)
        print(f"  {offset + BATCH:,} registry documents", flush=True)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    if connection.vendor == "postgresql":  # bulk_create with explicit ids leaves the sequence behind
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT setval(pg_get_serial_sequence('orgs_organisation','id'), MAX(id)) FROM orgs_organisation"
            )
    return first, first + count - 1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", choices=("sqlite", "postgresql"), default="sqlite")
    parser.add_argument("--pg-url", default="postgresql://postgres@127.0.0.1:5432/xxgk_api_bench")
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--clients", type=int, default=4)
    args = parser.parse_args()

    began = time.perf_counter()
    os.environ["XXGK_API_RATE_ANON"] = "1000000/min"  # measure the endpoints, not the limiter
    fresh_database(args.database, args.pg_url, sqlite_name="xxgk-api-bench")
    first, last = _populate(args.count)
    print(
        f"database ready in {time.perf_counter() - began:.0f} s ({args.database}, {args.count:,} rows per table)"
    )
    server, port = start_gunicorn()
    base = f"http://127.0.0.1:{port}/api/v1"
    rng = random.Random(7)
    offsets = [rng.randrange(args.count - 50) for _ in range(40)]
    groups = {
        "agencies list (50 rows, spread offsets)": [f"{base}/agencies?limit=50&offset={o}" for o in offsets],
        "agencies list as CSV": [f"{base}/agencies?limit=50&offset={o}&format=csv" for o in offsets],
        "agency detail": [f"{base}/agencies/{rng.randint(first, last)}" for _ in range(40)],
        "registry list (50 rows, spread offsets)": [f"{base}/registry?limit=50&offset={o}" for o in offsets],
        "registry list, validity=effective, agency": [
            f"{base}/registry?limit=50&validity=effective&agency={first + i}&offset={o % 500}"
            for i, o in enumerate(offsets[:20])
        ],
    }
    try:
        for urls in groups.values():
            run_load(urls, clients=2, requests=10)
        for name, urls in groups.items():
            result = run_load(urls, clients=args.clients, requests=args.requests)
            print(f"{name}: {result.summary()}")
    finally:
        server.terminate()
        server.wait(timeout=10)


if __name__ == "__main__":
    main()
