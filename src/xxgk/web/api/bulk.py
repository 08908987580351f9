"""Bulk open data: per year one ZIP of every published report — each report's engine JSON and
one CSV in the long format (one row per report × template cell, `xxgk.render.tabular`) — with a
manifest, its SHA-256 checksum and the time it was generated.

Freshness: the ZIP records a fingerprint of the versions it holds (agency, version number,
publication time). `current(year)` rebuilds it when the fingerprint of what is published now
differs — so a download is never stale, whether or not anyone called `regenerate_soon(year)`
(which the annual app may call on publication or correction, to rebuild in the background).
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import tempfile
import zipfile
from dataclasses import asdict, dataclass
from pathlib import Path

from django.conf import settings
from django.utils import timezone

from xxgk.report import Report
from xxgk.web.api.published import latest_versions
from xxgk.web.jobs.registry import Progress

LONG_CSV = "reports-long.csv"


@dataclass(frozen=True)
class Bundle:
    year: int
    reports: int
    sha256: str
    size: int
    generated_at: str
    fingerprint: str

    @property
    def path(self) -> Path:
        return folder() / f"{self.year}.zip"


def folder() -> Path:
    return Path(settings.MEDIA_ROOT) / "opendata"


def fingerprint(year: int) -> str:
    rows = latest_versions().filter(year=year).order_by("organisation_id")
    parts = [
        f"{o}:{n}:{t.isoformat()}"
        for o, n, t in rows.values_list("organisation_id", "number", "published_at")
    ]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def stored(year: int) -> Bundle | None:
    meta = folder() / f"{year}.json"
    try:
        bundle = Bundle(**json.loads(meta.read_text(encoding="utf-8")))
    except (OSError, ValueError, TypeError):
        return None
    return bundle if bundle.path.exists() else None


def current(year: int) -> Bundle:
    """The year's bundle, rebuilt first if what is published changed since it was made."""
    bundle = stored(year)
    if bundle is not None and bundle.fingerprint == fingerprint(year):
        return bundle
    return build(year)


def build(year: int, progress: Progress | None = None) -> Bundle:
    """Write the year's ZIP (atomically: readers see the old file or the new one, never half)."""
    mark = fingerprint(year)
    versions = list(
        latest_versions().filter(year=year).select_related("organisation").order_by("organisation__path")
    )
    reports: list[Report] = []
    entries = []
    target = folder()
    target.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(dir=target, suffix=".zip.part")
    with os.fdopen(handle, "wb") as raw, zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED) as archive:
        for i, version in enumerate(versions, start=1):
            report = Report.model_validate(version.report)
            reports.append(report)
            name = f"reports/{version.organisation_id}-{version.organisation.name}.json"
            archive.writestr(name, json.dumps(version.report, ensure_ascii=False, indent=1))
            entries.append(
                {
                    "file": name,
                    "agency_id": version.organisation_id,
                    "agency": version.organisation.name,
                    "version": version.number,
                    "published_at": version.published_at.isoformat(),
                }
            )
            if progress:
                progress(i, len(versions) + 1, f"已打包 {i}/{len(versions)} 份报告")
        archive.writestr(LONG_CSV, _long_csv(reports))
        generated_at = timezone.now().isoformat(timespec="seconds")
        manifest = {"year": year, "generated_at": generated_at, "reports": entries, "fingerprint": mark}
        archive.writestr("manifest.json", json.dumps(manifest, ensure_ascii=False, indent=1))
    digest = hashlib.sha256(Path(temp).read_bytes()).hexdigest()
    bundle = Bundle(year, len(versions), digest, Path(temp).stat().st_size, generated_at, mark)
    os.replace(temp, bundle.path)
    (target / f"{year}.json").write_text(json.dumps(asdict(bundle)), encoding="utf-8")
    if progress:
        progress(len(versions) + 1, len(versions) + 1)
    return bundle


def _long_csv(reports: list[Report]) -> bytes:
    from xxgk.render.tabular import write_csv

    stream = io.StringIO()
    write_csv(reports, stream)
    return ("\ufeff" + stream.getvalue()).encode()


def regenerate_soon(year: int) -> None:
    """Rebuild the year's ZIP in the background (call after a publication or correction)."""
    from xxgk.web.jobs.services import submit

    submit("opendata", key=str(year), params={"year": year})
