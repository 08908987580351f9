"""Commands of the supervising office and researchers: `xxgk indicators FILE_OR_DIR…`.

The indicators are computed by `xxgk.indicators` on any report the engine reads (text, HTML,
DOCX, PDF, the engine's JSON), so a researcher needs no platform. No Django is imported.
"""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from xxgk.render.spreadsheet_text import safe_row


class Format(StrEnum):
    csv = "csv"
    xlsx = "xlsx"
    json = "json"


def indicators_command(
    paths: Annotated[
        list[Path], typer.Argument(help="年度报告文件或目录（目录下的报告文件逐一读取）", exists=True)
    ],
    fmt: Annotated[Format, typer.Option("--format", "-f", help="输出格式")] = Format.csv,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="输出文件（默认标准输出；xlsx 必须指定）")
    ] = None,
    jobs: Annotated[int, typer.Option("--jobs", "-j", help="并行读取的进程数")] = 1,
) -> None:
    """计算年度报告的指标（受理总数、实质公开率、纠错率等；口径见 xxgk.indicators），附中位数和较上年变化。"""
    from xxgk import indicators
    from xxgk.corpus import expand, read_many

    files = expand(paths)
    if not files:
        typer.secho("未找到年度报告文件。", fg="red", err=True)
        raise typer.Exit(2)
    if fmt == Format.xlsx and output is None:
        typer.secho("xlsx 格式须用 --output 指定输出文件。", fg="red", err=True)
        raise typer.Exit(2)
    rows: list[dict[str, Any]] = []
    failed = 0
    for outcome in read_many(files, jobs=jobs):
        if outcome.report is None:
            failed += 1
            typer.secho(f"{outcome.path}：{outcome.error_zh}", fg="yellow", err=True)
            continue
        report = outcome.report
        rows.append(
            {
                "path": outcome.path,
                "organization": report.organization,
                "year": report.year,
                "values": indicators.compute_all(report),
            }
        )
    _add_changes(rows)
    medians = {
        i.key: indicators.display_number(i, indicators.median(r["values"][i.key] for r in rows))
        for i in indicators.INDICATORS
    }
    if fmt == Format.json:
        _write(output, json.dumps(_as_json(rows, medians), ensure_ascii=False, indent=2).encode() + b"\n")
    else:
        table = _as_table(rows, medians)
        _write(output, _csv(table) if fmt == Format.csv else _xlsx(table))
    if failed:
        typer.secho(f"{failed}个文件未能读取（见上）。", fg="yellow", err=True)
        raise typer.Exit(1)


def _add_changes(rows: list[dict[str, Any]]) -> None:
    """Year-over-year change where the corpus holds the same organisation's report of the year before."""
    from xxgk import indicators

    by_key = {(r["organization"], r["year"]): r for r in rows if r["organization"] and r["year"]}
    for row in rows:
        before = by_key.get((row["organization"], (row["year"] or 0) - 1))
        row["changes"] = {
            key: indicators.change(value, before["values"][key] if before else None)
            for key, value in row["values"].items()
        }


def _as_json(rows: list[dict[str, Any]], medians: dict[str, str]) -> dict[str, Any]:
    from xxgk import indicators

    return {
        "indicators": [
            {
                "key": i.key,
                "name": i.name_zh,
                "formula": i.formula_zh,
                "min_sample": indicators.MIN_SAMPLE if i.is_rate else None,
            }
            for i in indicators.INDICATORS
        ],
        "reports": [
            {
                "path": r["path"],
                "organization": r["organization"],
                "year": r["year"],
                "indicators": {
                    key: {
                        "value": None if v.value is None else float(v.value),
                        "display": v.display(),
                        "numerator": v.numerator,
                        "denominator": v.denominator,
                        "small_sample": v.small_sample,
                        "change": r["changes"][key],
                    }
                    for key, v in r["values"].items()
                },
            }
            for r in rows
        ],
        "median": medians,
    }


def _as_table(rows: list[dict[str, Any]], medians: dict[str, str]) -> list[list[Any]]:
    from xxgk import indicators

    head = ["文件", "机关", "年度"]
    for i in indicators.INDICATORS:
        head += [i.name_zh, f"{i.name_zh}较上年"]
    table: list[list[Any]] = [head]
    for r in rows:
        line: list[Any] = [r["path"], r["organization"] or "", r["year"] or ""]
        for i in indicators.INDICATORS:
            line += [r["values"][i.key].display(), r["changes"][i.key]]
        table.append(line)
    median_line: list[Any] = ["中位数", "", ""]
    for i in indicators.INDICATORS:
        median_line += [medians[i.key], ""]
    table.append(median_line)
    table.append([])
    for i in indicators.INDICATORS:
        table.append([f"{i.name_zh} = {i.formula_zh}"])
    return table


def _csv(table: list[list[Any]]) -> bytes:
    import csv
    import io

    buffer = io.StringIO()
    csv.writer(buffer).writerows(safe_row(line) for line in table)
    return buffer.getvalue().encode("utf-8-sig")  # with BOM: Excel opens it as UTF-8


def _xlsx(table: list[list[Any]]) -> bytes:
    import io

    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "指标"
    for line in table:
        sheet.append(safe_row(line))
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _write(output: Path | None, data: bytes) -> None:
    if output is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    else:
        output.write_bytes(data)
        typer.echo(f"已写入 {output}", err=True)


def register(app: typer.Typer) -> None:
    """Add this module's commands to the `xxgk` app (called once, by `xxgk.cli.app`)."""
    app.command("indicators")(indicators_command)
