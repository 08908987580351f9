"""DOCX as a word processor lays it out: LibreOffice Writer converts it to PDF (headless, with a
profile of its own so parallel runs do not share one), poppler reads the pages back, and the pages
of interest are kept as PNG under the git-ignored `test-artefacts/` for a person to look at."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from support.artefacts import ARTEFACTS, artefact


def require_tools() -> None:
    missing = [tool for tool in ("soffice", "pdftotext", "pdftoppm", "pdfinfo") if shutil.which(tool) is None]
    if missing:
        pytest.skip(
            f"needs {', '.join(missing)} (scripts/bootstrap.sh installs libreoffice-writer, poppler-utils)"
        )


def libreoffice_pdf(docx: bytes, workdir: Path, name: str = "document") -> Path:
    """`docx` converted by LibreOffice; returns the PDF's path."""
    require_tools()
    source = workdir / f"{name}.docx"
    source.write_bytes(docx)
    profile = workdir / "lo-profile"
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(workdir),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    return workdir / f"{name}.pdf"


def page_texts(pdf: Path) -> list[str]:
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True)
    pages = text.stdout.split("\f")
    return pages[:-1] if pages and not pages[-1].strip() else pages


def pages_between(pdf: Path, first: str, last: str) -> list[int]:
    """1-based pages from the first one showing `first` to the last one showing `last` (spaces
    ignored, since a narrow cell breaks its label over lines)."""
    texts = ["".join(page.split()) for page in page_texts(pdf)]
    start = next(i for i, page in enumerate(texts) if first in page)
    end = max(i for i, page in enumerate(texts) if last in page)
    return list(range(start + 1, end + 2))


def keep_pngs(pdf: Path, pages: list[int], name: str) -> list[Path]:
    """PNG of each page under test-artefacts/ (replacing earlier ones of that name)."""
    artefact(name)
    for old in ARTEFACTS.glob(f"{name}-*.png"):
        old.unlink()
    kept = []
    for page in pages:
        prefix = ARTEFACTS / f"{name}-p{page}"
        subprocess.run(
            [
                "pdftoppm",
                "-r",
                "60",
                "-f",
                str(page),
                "-l",
                str(page),
                "-singlefile",
                "-png",
                str(pdf),
                str(prefix),
            ],
            check=True,
            capture_output=True,
        )
        kept.append(prefix.with_suffix(".png"))
    return kept
