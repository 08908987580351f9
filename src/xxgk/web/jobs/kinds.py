"""The kinds of background job of the platform (registered when the jobs app is ready)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from xxgk.web.jobs.registry import Progress, define


@define("parse_corpus", "读取上传的年报文件")
def parse_corpus(progress: Progress, *, directory: str, output: str) -> dict[str, Any]:
    """Read every report file under `directory` into the long-format CSV `output` (rewritten whole)."""
    from xxgk.corpus import expand, read_many
    from xxgk.render.tabular import write_csv

    files = expand([Path(directory)])
    outcomes = []
    for i, outcome in enumerate(read_many(files), start=1):
        outcomes.append(outcome)
        progress(i, len(files), f"已读取 {i}/{len(files)} 个文件")
    reports = [o.report for o in outcomes if o.report is not None]
    rows = write_csv(reports, Path(output))
    failed = [{"file": o.path, "error": o.error_zh} for o in outcomes if o.report is None]
    return {"reports": len(reports), "rows": rows, "failed": failed, "output": output}


@define("opendata", "重新生成年度报告批量数据")
def opendata(progress: Progress, *, year: int) -> dict[str, Any]:
    from xxgk.web.api import bulk

    bundle = bulk.build(year, progress)
    return {"year": year, "reports": bundle.reports, "sha256": bundle.sha256, "size": bundle.size}
