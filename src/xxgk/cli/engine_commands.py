"""Report-engine commands: schema, check, extract. No Django is imported here."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TextIO

import typer

if TYPE_CHECKING:
    from rich.console import Console

    from xxgk.corpus import Outcome
    from xxgk.findings import Finding
    from xxgk.report import Report


def _console(*, stderr: bool = False) -> Console:
    """A rich console for coloured output; rich is imported on first use (it costs start-up time)."""
    from rich.console import Console

    # No emoji codes: a report's `:…:` is printed as it is, and their table costs start-up time.
    return Console(stderr=stderr, soft_wrap=True, emoji=False)


# Said of every report read by OCR (a scan, an image, a PDF whose text layer was mapped wrong or
# whose tables are pictures).
OCR_NOTE = (
    "经 OCR 识别（扫描件、图片，或文字层有误的 PDF、表格为图片的文件）：识别不确定的数字记为空，请核对原件"
)


class CheckFormat(StrEnum):
    text = "text"
    json = "json"


class Workers(StrEnum):
    local = "local"
    celery = "celery"


class ExtractFormat(StrEnum):
    json = "json"
    csv = "csv"
    xlsx = "xlsx"


Files = Annotated[
    list[Path],
    typer.Argument(
        help="年度报告文件或目录（文本、HTML、DOCX、PDF、扫描件 PNG/JPEG 或 xxgk 的 JSON）",
        show_default=False,
    ),
]
Jobs = Annotated[int, typer.Option("--jobs", "-j", min=1, help="并行进程数")]


def schema_command() -> None:
    """输出年报数据（xxgk extract 的 JSON）的 JSON Schema。"""
    from xxgk.report import json_schema

    typer.echo(json.dumps(json_schema(), ensure_ascii=False, indent=2))


def check_command(
    files: Files,
    fmt: Annotated[CheckFormat, typer.Option("--format", "-f", help="输出格式")] = CheckFormat.text,
    previous: Annotated[
        Path | None, typer.Option("--previous", help="同一机关上一年度的报告，用于核对结转数和现行有效件数")
    ] = None,
    jobs: Jobs = 1,
) -> None:
    """检查年度报告：勾稽关系、格式、文字与表格是否一致。有错误时退出码为 1。"""
    outcomes = _read_all(files, jobs, checked=True)
    previous_report = _read_single(previous) if previous else None
    results: list[dict[str, Any]] = []
    any_error = False
    for outcome in outcomes:
        if outcome.report is None:
            any_error = True
            results.append({"source": outcome.path, "error": outcome.error_zh, "findings": []})
            continue
        findings = list(outcome.report.findings)
        if previous_report is not None:
            from xxgk.checks.across import carry_over

            findings += carry_over(previous_report, outcome.report)
        any_error = any_error or any(f.is_error for f in findings)
        results.append({"source": outcome.path, "report": outcome.report, "findings": findings})
    if fmt is CheckFormat.json:
        typer.echo(json.dumps([_check_json(r) for r in results], ensure_ascii=False, indent=2))
    else:
        for result in results:
            _print_check(result)
    raise typer.Exit(1 if any_error else 0)


def extract_command(
    files: Files,
    fmt: Annotated[ExtractFormat, typer.Option("--format", "-f", help="输出格式")] = ExtractFormat.json,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="输出文件（xlsx 必须指定；默认输出到屏幕）")
    ] = None,
    jobs: Jobs = 1,
    workers: Annotated[
        Workers,
        typer.Option(
            "--workers", help="local：本机 --jobs 个进程；celery：分发给 Celery worker（xxgk worker）"
        ),
    ] = Workers.local,
    queue: Annotated[str, typer.Option("--queue", help="Celery 队列（--workers celery 时）")] = "xxgk",
) -> None:
    """读取年度报告，输出结构化数据：JSON（每份报告一个对象）或 CSV/XLSX（每个单元格一行）。"""
    if fmt is ExtractFormat.xlsx and output is None:
        _fail("XLSX 格式需要用 -o 指定输出文件")
    # Findings go into the JSON only: the long format (CSV, XLSX) holds cell values.
    checked = fmt is ExtractFormat.json
    outcomes = _read_all(files, jobs, queue=queue if workers is Workers.celery else None, checked=checked)
    reports = [o.report for o in outcomes if o.report is not None]
    if fmt is ExtractFormat.json:
        data = [r.model_dump(mode="json") for r in reports]
        # One file asked for → one object; several files or a directory → a list.
        single = len(files) == 1 and files[0].is_file() and len(data) == 1
        text = json.dumps(data[0] if single else data, ensure_ascii=False, indent=2)
        _write_text(text + "\n", output)
    elif fmt is ExtractFormat.csv:
        from xxgk.render.tabular import write_csv

        write_csv(reports, output or sys.stdout)
    else:
        from xxgk.render.xlsx import render_long_xlsx

        assert output is not None
        output.write_bytes(render_long_xlsx(reports))
    failed = [o for o in outcomes if o.report is None]
    err = _console(stderr=True)
    if failed:
        err.print(f"[yellow]{len(failed)} 个文件未能读取：[/yellow]")
        for outcome in failed:
            err.print(f"  {outcome.path}：{outcome.error_zh}")
    for report in reports:
        if report.read_by_ocr:
            err.print(f"{report.source}：{OCR_NOTE}")
    if output is not None:
        err.print(f"已写入 {output}（{len(reports)} 份报告）")
    raise typer.Exit(1 if failed and not reports else 0)


def _read_all(
    files: list[Path], jobs: int, *, queue: str | None = None, checked: bool = False
) -> list[Outcome]:
    """Every file read (and `checked`, where it is read), in order: locally in `jobs` processes, or
    on the Celery workers of `queue`."""
    from xxgk.corpus import expand, read_many

    missing = [f for f in files if not f.exists()]
    if missing:
        _fail("文件不存在：" + "、".join(str(m) for m in missing))
    paths = expand(files)
    if not paths:
        _fail("没有找到可读取的年度报告文件")
    if queue is None and len(paths) == 1:
        return list(read_many(paths, checked=checked))
    # Imported here: `xxgk check one.txt` shows no progress bar and should not pay for it.
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    columns = (TextColumn("读取报告"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*columns, console=_console(stderr=True), transient=True) as progress:
        task = progress.add_task("read", total=len(paths))

        def advance(_: Outcome) -> None:
            progress.advance(task)

        if queue is None:
            return list(read_many(paths, jobs=jobs, on_done=advance, checked=checked))
        return _read_on_workers(paths, queue, advance, checked)


def _read_on_workers(
    paths: list[Path], queue: str, on_done: Callable[[Outcome], None], checked: bool
) -> list[Outcome]:
    from xxgk.web.jobs.engine_tasks import NoWorkers, read_on_workers

    try:
        return list(read_on_workers(paths, queue=queue, on_done=on_done, checked=checked))
    except NoWorkers as exc:
        _fail(exc.message_zh)
        raise


def _read_single(path: Path) -> Report:
    outcome = _read_all([path], 1)[0]
    if outcome.report is None:
        _fail(f"{path}：{outcome.error_zh}")
    assert outcome.report is not None
    return outcome.report


def _check_json(result: dict[str, Any]) -> dict[str, Any]:
    report: Report | None = result.get("report")
    findings: list[Finding] = result["findings"]
    return {
        "source": result["source"],
        "error": result.get("error"),
        "organization": report.organization if report else None,
        "year": report.year if report else None,
        "source_format": report.source_format if report else None,
        "ocr": report is not None and report.read_by_ocr,
        "findings": [f.to_dict() for f in findings],
    }


def _print_check(result: dict[str, Any]) -> None:
    out = _console()
    if result.get("error"):
        out.print(f"[bold]{result['source']}[/bold]\n  [red]无法读取：{result['error']}[/red]")
        return
    report: Report = result["report"]
    findings: list[Finding] = result["findings"]
    errors = sum(f.is_error for f in findings)
    warnings = sum(f.severity == "warning" for f in findings)
    title = f"{report.organization or '（未识别机关）'} {report.year or '（未识别年度）'}年度报告"
    out.print(f"[bold]{result['source']}[/bold]  {title}")
    if report.read_by_ocr:
        out.print(f"  [cyan]{OCR_NOTE}[/cyan]")
    style = {"error": "red", "warning": "yellow", "info": "cyan"}
    for finding in findings:
        out.print(f"  [{style[finding.severity]}]{finding.format_zh()}[/]", highlight=False)
    out.print(f"  共 {errors} 个错误，{warnings} 个警告" if findings else "  [green]未发现问题[/green]")


def _write_text(text: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(text)
        return
    with _open_for_writing(output) as handle:
        handle.write(text)


def _open_for_writing(output: Path) -> TextIO:
    try:
        return output.open("w", encoding="utf-8", newline="")
    except OSError as exc:
        _fail(f"无法写入 {output}：{exc.strerror}")
        raise


def _fail(message: str) -> None:
    _console(stderr=True).print(f"[red]错误：{message}[/red]")
    raise typer.Exit(2)


def register(app: typer.Typer) -> None:
    """Add this module's commands to the `xxgk` app (called once, by `xxgk.cli.app`)."""
    app.command("schema")(schema_command)
    app.command("check")(check_command)
    app.command("extract")(extract_command)
