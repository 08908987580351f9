"""Growth of reading time with input length: 1×, 10×, 100× (issue 16: within 12× and 120×).

    export UV_PYTHON_DOWNLOADS=never
    uv run --frozen python benchmarks/growth.py

Each input is read as `xxgk extract` reads it (read + map + checks), in this process; the time is
CPU time (`time.process_time`), best of several runs. Inputs: a run of digits in one cell of a real
text report, a run of spaces in one `<p>` of a real HTML report, and a table of 8 / 80 / 800 rows
(under the 1,000-row bound) as HTML and DOCX (a real report with one row repeated) and as text, and a
real `pdftotext -layout` report with one row printed 9 / 90 / 900 times. A refusal (`ReportReadError`) counts as a
reading: refusing is what the engine does with some of these.
"""

from __future__ import annotations

import contextlib
import io
import re
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

from xxgk.checks.registry import run_checks
from xxgk.parse.detect import read_report
from xxgk.parse.errors import ReportReadError

REPORTS = Path(__file__).resolve().parent.parent / "tests" / "data" / "reports"
TEXT = (REPORTS / "pingtan-2021-supingpianqu.txt").read_bytes()
HTML = (REPORTS / "pingtan-2023-guoziju.html").read_bytes()
DOCX = (REPORTS / "pingtan-2024-guanweihui.docx").read_bytes()
LAYOUT = (REPORTS.parent / "forms" / "hongze-2024-qzf" / "original.layout.txt").read_bytes()


def seconds(data: bytes) -> float:
    """Best CPU time of read + checks over enough runs to fill ~0.3 s."""
    best, spent = float("inf"), 0.0
    while spent < 0.3:
        started = time.process_time()
        with contextlib.suppress(ReportReadError):
            run_checks(read_report(data))
        took = time.process_time() - started
        best, spent = min(best, took), spent + took
    return best


def digit_run(n: int) -> bytes:
    # The first printed 0 of the tables (the capture prints rows as `… 0 0 0 …`) becomes n nines.
    assert b" 0 " in TEXT
    return TEXT.replace(b" 0 ", b" " + b"9" * n + b" ", 1)


def whitespace_run(n: int) -> bytes:
    return HTML.replace(b"<p", b"<p>" + b" " * n + b"</p><p", 1)


def html_rows(n: int) -> bytes:
    """The real page with its last table row printed n times."""
    end = HTML.rindex(b"</tr>") + len(b"</tr>")
    start = HTML.rindex(b"<tr", 0, end)
    return HTML[:end] + HTML[start:end] * (n - 1) + HTML[end:]


def text_rows(n: int) -> bytes:
    """A text table of n rows of label and numbers (no report around it)."""
    return "\n".join(f"第{i}行 1 2 3" for i in range(n)).encode()


def layout_rows(n: int) -> bytes:
    """A real `pdftotext -layout` report with its row 1.属于国家秘密 printed n times (the long fuzz
    run's slowest input: every copy after the first was fuzzy-matched against the remaining rows)."""
    lines = LAYOUT.split(b"\n")
    at = next(i for i, line in enumerate(lines) if "属于国家秘密".encode() in line and len(line) < 300)
    return b"\n".join(lines[:at] + [lines[at]] * n + lines[at + 1 :])


def docx_rows(n: int) -> bytes:
    with zipfile.ZipFile(io.BytesIO(DOCX)) as src:
        members = [(info.filename, src.read(info)) for info in src.infolist()]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for name, body in members:
            if name == "word/document.xml":
                row = re.search(rb"<w:tr\b.*?</w:tr>", body, re.S)
                assert row is not None
                body = body[: row.end()] + row.group() * (n - 1) + body[row.end() :]
            dst.writestr(name, body)
    return out.getvalue()


CASES: list[tuple[str, Callable[[int], bytes], int]] = [
    ("digit run in a text cell", digit_run, 20),
    ("whitespace run in an HTML <p>", whitespace_run, 300),
    ("HTML table rows", html_rows, 8),
    ("text table rows", text_rows, 8),
    ("DOCX table rows (one row repeated)", docx_rows, 8),
    ("layout text, one row repeated", layout_rows, 9),
]


def main() -> None:
    print(f"{'input':40} {'1×':>9} {'10×':>9} {'100×':>9} {'10×/1×':>7} {'100×/1×':>8}")
    for name, make, base in CASES:
        times = [seconds(make(base * factor)) for factor in (1, 10, 100)]
        print(
            f"{name:40} {times[0] * 1000:8.1f}ms {times[1] * 1000:8.1f}ms {times[2] * 1000:8.1f}ms "
            f"{times[1] / times[0]:7.2f} {times[2] / times[0]:8.2f}"
        )


if __name__ == "__main__":
    main()
