"""`xxgk render`: a report's JSON (the engine's exchange format) to HTML, DOCX, PDF, XLSX or CSV."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from xxgk.render import FORMATS

_FORMAT_NAMES = "、".join(FORMATS)


# Chinese wording of the model's most common validation errors (pydantic error types).
_ERRORS_ZH = {
    "missing": "缺少必填项",
    "extra_forbidden": "不允许的字段",
    "int_parsing": "应为整数",
    "int_type": "应为整数",
    "int_from_float": "应为整数",
    "decimal_parsing": "应为数字",
    "float_parsing": "应为数字",
    "date_from_datetime_parsing": "应为日期（如 2024-01-26）",
    "date_parsing": "应为日期（如 2024-01-26）",
    "literal_error": "取值不在允许范围内",
    "string_type": "应为文本",
    "dict_type": "应为对象",
    "list_type": "应为列表",
    "model_type": "应为 JSON 对象",
    "value_error": "取值无效",
    "greater_than_equal": "不能小于下限",
    "less_than_equal": "不能大于上限",
}


def _fail(message: str) -> typer.Exit:
    typer.echo(f"错误：{message}", err=True)
    return typer.Exit(code=2)


def render(
    report_json: Annotated[
        Path, typer.Argument(help="年度报告 JSON 文件（xxgk 报告模型）", show_default=False)
    ],
    to: Annotated[str, typer.Option("--to", "-t", help=f"输出格式：{_FORMAT_NAMES}", show_default=False)],
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", help="输出文件路径（默认：与输入同名，扩展名为输出格式）", show_default=False
        ),
    ] = None,
) -> None:
    """Render one report; bad input is reported in Chinese with exit code 2, never a traceback."""
    fmt = to.strip().lower()
    if fmt not in FORMATS:
        raise _fail(f"未知的输出格式「{to}」，可选：{_FORMAT_NAMES}。")
    if not report_json.is_file():
        raise _fail(f"找不到报告文件：{report_json}")
    try:
        data = json.loads(report_json.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        raise _fail(f"报告文件不是 UTF-8 编码的文本：{report_json}") from None
    except json.JSONDecodeError as exc:
        raise _fail(f"报告文件不是有效的 JSON（第{exc.lineno}行第{exc.colno}列）：{report_json}") from None

    from pydantic import ValidationError

    from xxgk.render import render as render_report
    from xxgk.report import Report

    try:
        report = Report.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "（根）"
        reason = _ERRORS_ZH.get(first["type"], first["msg"])
        raise _fail(
            f"报告内容不符合报告模型（共{exc.error_count()}处错误），首处位于 {where}：{reason}"
        ) from None

    target = output or report_json.with_suffix(f".{fmt}")
    try:
        content = render_report(report, fmt)
    except RuntimeError as exc:  # e.g. no CJK font for the PDF
        raise _fail(getattr(exc, "message_zh", "生成失败。")) from None
    try:
        target.write_bytes(content)
    except OSError as exc:
        raise _fail(f"无法写入输出文件 {target}：{exc.strerror}") from None
    typer.echo(f"已生成 {target}（{len(content)} 字节）")


def register(app: typer.Typer) -> None:
    """Add this module's commands to the `xxgk` app (called once, by `xxgk.cli.app`)."""
    app.command(
        "render", help="将年度报告（JSON）生成为 HTML、Word（DOCX）、PDF、Excel（XLSX）或 CSV 文件。"
    )(render)
