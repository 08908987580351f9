"""`xxgk render`: formats, Chinese errors with exit code 2 and no traceback, no Django import."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

import xxgk.cli.render_commands  # noqa: F401  (registers the command until main.py imports it)
from xxgk.cli.main import app
from xxgk.report import Report

runner = CliRunner()


@pytest.fixture
def report_json(tmp_path: Path, seed_like_report: Report) -> Path:
    path = tmp_path / "report.json"
    path.write_text(seed_like_report.model_dump_json(), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("fmt", "magic"),
    [("html", b"<!DOCTYPE html>"), ("docx", b"PK"), ("xlsx", b"PK"), ("csv", b"\xef\xbb\xbfreport")],
)
def test_renders_each_format(report_json: Path, tmp_path: Path, fmt: str, magic: bytes) -> None:
    out = tmp_path / f"out.{fmt}"
    result = runner.invoke(app, ["render", str(report_json), "--to", fmt, "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_bytes().startswith(magic)
    assert "已生成" in result.output


def test_default_output_is_next_to_the_input(report_json: Path) -> None:
    result = runner.invoke(app, ["render", str(report_json), "--to", "HTML"])
    assert result.exit_code == 0
    assert report_json.with_suffix(".html").exists()


def test_bad_input_is_reported_in_chinese(tmp_path: Path, report_json: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    invalid = tmp_path / "invalid.json"
    invalid.write_text(json.dumps({"year": "二〇二三"}), encoding="utf-8")
    cases = {
        (str(tmp_path / "missing.json"), "html"): "找不到报告文件",
        (str(bad), "html"): "不是有效的 JSON",
        (str(invalid), "docx"): "不符合报告模型",
        (str(report_json), "odt"): "未知的输出格式",
    }
    for (path, fmt), message in cases.items():
        result = runner.invoke(app, ["render", path, "--to", fmt])
        assert result.exit_code == 2, (path, fmt, result.output)
        assert message in result.output and "错误：" in result.output
        assert "Traceback" not in result.output
        assert result.exception is None or isinstance(result.exception, SystemExit)


def test_command_module_does_not_import_django() -> None:
    code = "import sys, xxgk.cli.render_commands, xxgk.render.html, xxgk.render.docx, xxgk.render.xlsx, xxgk.render.pdf; print('django' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"
