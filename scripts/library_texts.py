"""The text of one PDF as the Python PDF libraries researchers use pull it, one file per library.

Run by `scripts/make_forms.py --extractors-python PY` in that Python (a throwaway virtualenv with
pypdf, PyMuPDF, pymupdf4llm, pdfplumber and pdfminer.six; none of them is a dependency of xxgk):

    PY scripts/library_texts.py report.pdf tests/data/forms/<stem>/<form>

writes `<form>.pypdf.txt`, `<form>.pymupdf4llm.md` and the rest (`EXTRACTORS`).
"""

from __future__ import annotations

import contextlib
import io
import logging
import sys
import warnings
from collections.abc import Callable
from pathlib import Path

import pdfminer.high_level
import pdfplumber
import pymupdf
import pymupdf4llm
import pypdf


def _pages(texts: list[str | None]) -> str:
    return "\n".join(text or "" for text in texts)


# Form suffix → the library's text of the PDF at that path, with its default or layout mode.
EXTRACTORS: dict[str, Callable[[str], str]] = {
    "pypdf.txt": lambda p: _pages([pg.extract_text() for pg in pypdf.PdfReader(p).pages]),
    "pypdf-layout.txt": lambda p: _pages(
        [pg.extract_text(extraction_mode="layout") for pg in pypdf.PdfReader(p).pages]
    ),
    "pymupdf.txt": lambda p: "".join(pg.get_text() for pg in pymupdf.open(p)),
    "pymupdf-sort.txt": lambda p: "".join(pg.get_text(sort=True) for pg in pymupdf.open(p)),
    "pdfplumber.txt": lambda p: _pages([pg.extract_text() for pg in pdfplumber.open(p).pages]),
    "pdfplumber-layout.txt": lambda p: _pages(
        [pg.extract_text(layout=True) for pg in pdfplumber.open(p).pages]
    ),
    "pdfminer.txt": lambda p: pdfminer.high_level.extract_text(p),
    "pymupdf4llm.md": lambda p: pymupdf4llm.to_markdown(p),
}


def main() -> None:
    pdf, target = sys.argv[1], sys.argv[2]
    logging.disable(logging.CRITICAL)
    warnings.filterwarnings("ignore")
    for suffix, extract in EXTRACTORS.items():
        with contextlib.redirect_stdout(io.StringIO()):  # pymupdf4llm prints advice on OCR
            text = extract(pdf)
        Path(f"{target}.{suffix}").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
