"""The inputs that broke the engine under fuzzing (tests/data/fuzz-regressions/README.md), each read
in a child process: done in bounded time and memory, refused only with `ReportReadError`, and the
README's "what must happen" asserted."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from support.real_inputs import REPORTS
from xxgk.parse.detect import read_report_file
from xxgk.parse.limits import MAX_TEXT_CHARS

HERE = Path(__file__).resolve().parents[1] / "data" / "fuzz-regressions"
# The work is bounded in CPU time (robust to a loaded machine), the child in wall time (a hang);
# RSS of the whole child.
CPU_SECONDS = 2
WALL_SECONDS = 60
MAX_RSS_MB = 500

_CHILD = """
import json, sys, time
from pathlib import Path
from xxgk.checks.registry import run_checks
from xxgk.parse.detect import read_report_file
from xxgk.parse.limits import MAX_TEXT_CHARS
from xxgk.parse.errors import ReportReadError
started = time.process_time()
try:
    report = read_report_file(Path(sys.argv[1]))
    findings = [{"code": f.code, "message_zh": f.message_zh} for f in [*report.findings, *run_checks(report)]]
    out = {"report": report.model_dump(mode="json"), "findings": findings}
except ReportReadError as exc:
    out = {"error": exc.message_zh}
out["seconds"] = time.process_time() - started
# VmHWM is this process's own peak: ru_maxrss would carry the parent's (Linux keeps it across exec).
status = Path("/proc/self/status").read_text()
out["rss_mb"] = int(status.split("VmHWM:")[1].split()[0]) / 1024
print(json.dumps(out, ensure_ascii=False))
"""


def read_in_child(name: str) -> dict[str, Any]:
    """Any other exception makes the child fail with a traceback, and the test with it."""
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, str(HERE / name)], capture_output=True, text=True, timeout=WALL_SECONDS
    )
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    bounds = {k: v for k, v in result.items() if k in ("seconds", "rss_mb", "error")}
    assert result["rss_mb"] < MAX_RSS_MB, bounds
    assert result["seconds"] < CPU_SECONDS, bounds
    return result


def numbers_in(report: dict[str, Any]) -> list[int | str]:
    return [
        value
        for table in ("table2", "table3", "table4")
        for row in report[table].values()
        for value in row.values()
        if value is not None
    ]


def test_readme_lists_every_file() -> None:
    readme = (HERE / "README.md").read_text(encoding="utf-8")
    for path in HERE.iterdir():
        if path.name != "README.md":
            assert f"| {path.name} |" in readme


@pytest.mark.parametrize(
    "name",
    ["run-together-400-digits.txt", "run-together-1600-digits.txt", "run-together-5000-digits-int-limit.txt"],
)
def test_long_run_of_digits_is_a_finding_not_a_number(name: str) -> None:
    result = read_in_child(name)
    too_long = [f for f in result["findings"] if f["code"] == "P-NUMBER-TOO-LONG"]
    assert too_long and "数字过长" in too_long[0]["message_zh"]
    # No value anywhere is a piece of the run (a count of more than 15 digits cannot be printed).
    assert all(len(str(v).lstrip("-")) <= 15 for v in numbers_in(result["report"]))


def test_one_cell_of_5000_digits_is_reported_as_what_was_seen() -> None:
    result = read_in_child("one-cell-5000-digits.txt")
    assert all(len(str(v).lstrip("-")) <= 15 for v in numbers_in(result["report"]))
    # The row holding the digits is not silently absent: a finding quotes what was printed.
    assert any("99999999999" in f["message_zh"] for f in result["findings"])


def test_whitespace_run_gives_the_cells_of_the_original() -> None:
    result = read_in_child("whitespace-3000-in-one-p.html")
    original = read_report_file(REPORTS / "pingtan-2023-guoziju.html").model_dump(mode="json")
    for table in ("table2", "table3", "table4"):
        assert result["report"][table] == original[table]
    # As printed on the page (table 二, 规范性文件 row): 6 issued, 1 repealed, 26 in force.
    assert result["report"]["table2"]["normative_documents"] == {"issued": 6, "repealed": 1, "in_force": 26}


def test_a_long_paragraph_is_searched_for_its_signature_at_its_end_only(tmp_path: Path) -> None:
    name = "text-2mb-signature-searched-everywhere.txt"
    # 5 % of its bytes decode neither as UTF-8 nor as GB18030: no text file, refused at once.
    assert "无法按 UTF-8 或 GB18030 编码解读" in read_in_child(name)["error"]
    # Its decodable part, as much as the text bound lets in, is still the long paragraph whose
    # signature was looked for everywhere.
    text = (HERE / name).read_bytes().decode("utf-8", "replace").replace("\ufffd", "")
    # Without its accented Latin letters, which would have it refused as mis-mapped text first.
    text = re.sub("[\u00c0-\u024f]", "", text)
    decodable = tmp_path / "decodable.txt"
    decodable.write_text(text[: MAX_TEXT_CHARS - 1])
    assert "不是政府信息公开工作年度报告" in read_in_child(str(decodable))["error"]


def test_pdf_with_a_broken_page_names_the_page() -> None:
    result = read_in_child("pdf-one-page-broken.pdf")
    assert re.search(r"第\s*\d+(?:、\d+)*\s*页", result["error"]) and "损坏" in result["error"]


@pytest.mark.parametrize("name", ["zip-member-name-not-utf8.docx", "zip-unsupported-version.docx"])
def test_malformed_zip_is_a_clear_error(name: str) -> None:
    assert "ZIP 容器已损坏或格式不受支持" in read_in_child(name)["error"]


@pytest.mark.parametrize("name", ["docx-516mb-document-xml.docx", "docx-100mb-xml-from-300kb.docx"])
def test_zip_bomb_is_refused_before_inflating(name: str) -> None:
    result = read_in_child(name)
    assert "未解压即拒绝读取" in result["error"], result
    assert result["rss_mb"] < 200, result  # nothing was inflated
