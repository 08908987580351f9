"""Bulk open data: time and size of one year's ZIP (JSON + long-format CSV) of 500 reports.

    uv run --frozen python benchmarks/bulk_zip.py [--reports 500]

Builds a fresh SQLite database under /tmp with `--reports` agencies, each with one published
report on 2025 (`xxgk.sample.balanced_report`), then times `xxgk.web.api.bulk.build(2025)`
(best of 3) and the fingerprint check a download makes when the ZIP is fresh.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import tempfile
import time
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=500)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="xxgk-bulk-bench-"))
    os.environ["XXGK_DATA_DIR"] = str(work)
    os.environ["XXGK_DATABASE_URL"] = f"sqlite:///{work / 'bench.sqlite3'}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "xxgk.web.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import transaction
    from django.utils import timezone

    from xxgk.sample import balanced_report
    from xxgk.web.annual.models import PublishedVersion
    from xxgk.web.api import bulk
    from xxgk.web.orgs.demo import credit_code
    from xxgk.web.orgs.models import Organisation, OrgKind, User

    call_command("migrate", interactive=False, verbosity=0)
    user = User.objects.create(username="bench")
    rng = random.Random(2026)
    published = timezone.make_aware(dt.datetime(2026, 1, 20, 9))
    with transaction.atomic():
        for i in range(args.reports):
            org = Organisation.objects.create(
                name=f"基准测试第{i}号机关",
                credit_code=credit_code("360900", f"B{i:07d}"),
                kind=OrgKind.DEPARTMENT,
            )
            report = balanced_report(rng, year=2025, organization=org.name)
            PublishedVersion.objects.create(
                organisation=org,
                year=2025,
                number=1,
                report=report.model_dump(mode="json"),
                published_at=published,
                published_by=user,
            )
    times = []
    for _ in range(3):
        started = time.perf_counter()
        bundle = bulk.build(2025)
        times.append(time.perf_counter() - started)
    started = time.perf_counter()
    assert bulk.current(2025).sha256 == bundle.sha256
    check_ms = (time.perf_counter() - started) * 1000
    print(
        f"{bundle.reports} reports: build best {min(times):.2f} s (runs {', '.join(f'{t:.2f}' for t in times)}), "
        f"ZIP {bundle.size / 1e6:.2f} MB, freshness check on download {check_ms:.1f} ms"
    )


if __name__ == "__main__":
    main()
