"""Builds the other published forms of every real report, with tools this project does not write.

    uv run --frozen python scripts/make_forms.py [--only STEM]

For each source in tests/data/reports and the seed, into tests/data/forms/<source-stem>/:
  lo-html.pdf          HTML page → PDF (LibreOffice Writer)
  lo-html-docx.pdf     HTML page → DOCX → PDF (LibreOffice Writer, twice)
  lo-docx.pdf          DOCX → PDF (LibreOffice Writer)
  lo-text.pdf          plain text → PDF (LibreOffice Writer, UTF-8 text filter)
  lo-docx-cairo.pdf, lo-text-cairo.pdf
                       those PDFs written again by `pdftocairo -pdf` (poppler's cairo backend): the fonts
                       re-embedded with an ascent and descent far larger than the glyphs
  turned.pdf (a real PDF), lo-docx-turned.pdf, lo-docx-turned-p3.pdf, lo-docx-cairo-turned.pdf
                       the content of every page (of page 3 only) drawn turned 90° (270°, 180°) and `/Rotate`
                       turning it back, as printing a landscape page onto portrait paper gives: the pages look
                       as before, their text runs sideways or upside down in the page's own space
  lo-docx-sideways.pdf the DOCX's PDF with `/Rotate 90` only (shown sideways, its text upright in page space)
                       (these five by `qpdf`, Debian `qpdf`, when it is on PATH; no text forms are made of them:
                       their text is that of the PDF they were turned from)
  chromium-css.pdf     Chromium print-to-PDF of the saved page as it is (inline and <style> CSS)
  chromium-margins.pdf the same with what the browser prints in the page's margins by default: the date and
                       time beside the page's <title> at the top, its address and the page number at the bottom
  chromium-a5.pdf      the same on A5 paper (cells wrap their labels and numbers over lines)
  chromium-nocss.pdf   Chromium print-to-PDF of the page with every stylesheet, style attribute and script removed
  chromium-letter.pdf  the same on US Letter paper with wide margins (a table's last row ends a page in the
                       middle of a cell of its outer column; plain pdftotext prints numbers after the wrong label)
  chromium-noborder.pdf  the same, the tables' `border` attribute set to 0 too (tables without rules)
  <pdf>.pdftotext.txt  `pdftotext` of every PDF (the real PDFs as `original.*`)
  <pdf>.layout.txt     `pdftotext -layout` of every PDF
  <pdf>.markitdown.md  Markdown by `markitdown` when the `markitdown` command is on PATH (optional)
  pandoc-gfm.md        GitHub Markdown of the saved page by `pandoc -f html -t gfm` when `pandoc` is on PATH
                       (Debian `pandoc`; optional): simple tables as Markdown, the others and the page's blocks
                       kept as HTML
  <pdf>.<library>.txt  the text of every PDF as the Python PDF libraries researchers use pull it
                       (`scripts/library_texts.py`), with `--extractors-python PY`: a Python with pypdf, PyMuPDF,
                       pymupdf4llm, pdfplumber and pdfminer.six installed (a throwaway virtualenv:
                       `python3 -m venv /tmp/ext && /tmp/ext/bin/pip install pypdf pymupdf pymupdf4llm
                       pdfplumber pdfminer.six`; none is a dependency of xxgk)

    uv run --frozen python scripts/make_forms.py --texts-only --extractors-python /tmp/ext/bin/python

remakes only the text forms, from the PDFs already here.

The outputs are committed; rerunning rewrites them (PDFs carry creation dates, so bytes differ).
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REPORTS = ROOT / "tests" / "data" / "reports"
SEED = ROOT / "tests" / "data" / "seeds" / "000_a506050fcd0660b0.txt"
FORMS = ROOT / "tests" / "data" / "forms"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
CHROMIUM_ARGS += ["--disable-component-update"]
# Chromium prints in a page's margins what a browser's print dialog prints by default; every form but
# `chromium-margins` is printed with blank margins.
NO_MARGINS = "--no-pdf-header-footer"


def sources() -> list[Path]:
    return [*sorted(p for p in REPORTS.iterdir() if p.suffix in {".html", ".docx", ".txt", ".pdf"}), SEED]


def soffice(src: Path, fmt: str, out_dir: Path, profile: Path, infilter: str | None = None) -> Path:
    cmd = ["soffice", f"-env:UserInstallation={profile.as_uri()}", "--headless"]
    if infilter:
        cmd.append(f"--infilter={infilter}")
    cmd += ["--convert-to", fmt, "--outdir", str(out_dir), str(src)]
    subprocess.run(cmd, check=True, capture_output=True, timeout=300)
    produced = out_dir / f"{src.stem}.{fmt.split(':')[0]}"
    if not produced.exists():
        raise RuntimeError(f"soffice produced nothing for {src} → {fmt}")
    return produced


def chromium_pdf(html: Path, target: Path, *, margins: bool = False) -> None:
    cmd = [
        CHROMIUM,
        *CHROMIUM_ARGS,
        *([] if margins else [NO_MARGINS]),
        f"--print-to-pdf={target}",
        html.as_uri(),
    ]
    subprocess.run(cmd, check=True, capture_output=True, timeout=300)


def cairo_pdf(pdf: Path, target: Path) -> None:
    subprocess.run(["pdftocairo", "-pdf", str(pdf), str(target)], check=True, timeout=300)


def turned_pdf(pdf: Path, target: Path, clockwise: int, pages: str = "1-z") -> None:
    """`pdf` looking the same, the content of `pages` drawn turned: qpdf turns the pages, writes the
    turn into their content (`--flatten-rotation`), then turns them back with `/Rotate`."""
    with tempfile.TemporaryDirectory() as tmp:
        turned, flat = Path(tmp, "turned.pdf"), Path(tmp, "flat.pdf")
        subprocess.run(["qpdf", f"--rotate=+{clockwise}:{pages}", str(pdf), str(turned)], check=True)
        subprocess.run(["qpdf", "--flatten-rotation", str(turned), str(flat)], check=True)
        subprocess.run(["qpdf", f"--rotate=-{clockwise}:{pages}", str(flat), str(target)], check=True)


def sideways_pdf(pdf: Path, target: Path) -> None:
    subprocess.run(["qpdf", "--rotate=+90", str(pdf), str(target)], check=True)


def redrawn(name: str) -> bool:
    """A form made by turning another PDF's pages: its text is that PDF's, so no text forms of it."""
    return "turned" in name or "sideways" in name


def without_css(html: str) -> str:
    html = re.sub(r"<script\b.*?</script>", "", html, flags=re.S | re.I)
    html = re.sub(r"<style\b.*?</style>", "", html, flags=re.S | re.I)
    html = re.sub(r"<link\b[^>]*>", "", html, flags=re.I)
    return re.sub(r"\sstyle=(\"[^\"]*\"|'[^']*')", "", html, flags=re.I)


# A narrow page: the tables' cells wrap their labels and numbers over lines.
A5 = "@page { size: A5 portrait; margin: 10mm }"
# Another paper and margins: the page breaks fall elsewhere in the tables.
LETTER = "@page { size: letter; margin: 25mm }"


def with_page(html: str, css: str) -> str:
    """The page with a print stylesheet setting the paper, before its own styles."""
    return re.sub(r"(<head\b[^>]*>)", lambda m: f"{m[1]}<style>{css}</style>", html, count=1, flags=re.I)


def without_borders(html: str) -> str:
    return re.sub(r"(<table\b[^>]*\sborder=)(\"[^\"]*\"|'[^']*'|\d+)", r'\1"0"', html, flags=re.I)


def library_text_forms(python: str, pdf: Path, out_dir: Path, name: str) -> None:
    args = [python, str(ROOT / "scripts" / "library_texts.py"), str(pdf), str(out_dir / name)]
    subprocess.run(args, check=True, capture_output=True, timeout=600)


def text_forms(pdf: Path, out_dir: Path, name: str, extractors_python: str | None) -> None:
    subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(pdf), str(out_dir / f"{name}.pdftotext.txt")], check=True
    )
    layout = out_dir / f"{name}.layout.txt"
    subprocess.run(["pdftotext", "-enc", "UTF-8", "-layout", str(pdf), str(layout)], check=True)
    if shutil.which("markitdown"):
        md = subprocess.run(["markitdown", str(pdf)], check=True, capture_output=True, timeout=300).stdout
        (out_dir / f"{name}.markitdown.md").write_bytes(md)
    if extractors_python:
        library_text_forms(extractors_python, pdf, out_dir, name)


def build(src: Path, work: Path, extractors_python: str | None, missing_only: bool = False) -> None:
    out = FORMS / src.stem
    out.mkdir(parents=True, exist_ok=True)
    profile = work / "lo-profile"
    makers: dict[str, Callable[[Path], None]] = {}
    if src.suffix == ".html":
        page = src.read_text(encoding="utf-8")
        makers["lo-html"] = lambda t: _move(
            soffice(src, "pdf:writer_pdf_Export", work, profile, "HTML (StarWriter)"), t
        )
        makers["lo-html-docx"] = lambda t: _move(
            soffice(
                soffice(src, "docx:MS Word 2007 XML", work, profile, "HTML (StarWriter)"),
                "pdf:writer_pdf_Export",
                work,
                profile,
            ),
            t,
        )
        makers["chromium-css"] = lambda t: chromium_pdf(src, t)
        makers["chromium-margins"] = lambda t: chromium_pdf(src, t, margins=True)
        makers["chromium-a5"] = lambda t: chromium_pdf(_written(work / "a5.html", with_page(page, A5)), t)
        makers["chromium-nocss"] = lambda t: chromium_pdf(_written(work / "nocss.html", without_css(page)), t)
        makers["chromium-letter"] = lambda t: chromium_pdf(
            _written(work / "letter.html", with_page(without_css(page), LETTER)), t
        )
        makers["chromium-noborder"] = lambda t: chromium_pdf(
            _written(work / "noborder.html", without_borders(without_css(page))), t
        )
    elif src.suffix == ".docx":
        makers["lo-docx"] = lambda t: _move(soffice(src, "pdf:writer_pdf_Export", work, profile), t)
        makers["lo-docx-cairo"] = lambda t: cairo_pdf(out / "lo-docx.pdf", t)
        if shutil.which("qpdf"):
            makers["lo-docx-turned"] = lambda t: turned_pdf(out / "lo-docx.pdf", t, 90)
            makers["lo-docx-turned-p3"] = lambda t: turned_pdf(out / "lo-docx.pdf", t, 270, "3")
            makers["lo-docx-cairo-turned"] = lambda t: turned_pdf(out / "lo-docx-cairo.pdf", t, 180)
            makers["lo-docx-sideways"] = lambda t: sideways_pdf(out / "lo-docx.pdf", t)
    elif src.suffix == ".pdf":
        if src.stem == "hongze-2024-qzf" and shutil.which("qpdf"):
            makers["turned"] = lambda t: turned_pdf(src, t, 90)
    else:
        text = work / f"{src.stem}.txt"
        shutil.copy(src, text)
        makers["lo-text"] = lambda t: _move(
            soffice(text, "pdf:writer_pdf_Export", work, profile, "Text (encoded):UTF8,LF,,,"), t
        )
        makers["lo-text-cairo"] = lambda t: cairo_pdf(out / "lo-text.pdf", t)
    pandoc = out / "pandoc-gfm.md"
    if src.suffix == ".html" and shutil.which("pandoc") and not (missing_only and pandoc.exists()):
        command = ["pandoc", "-f", "html", "-t", "gfm", str(src)]
        pandoc.write_bytes(subprocess.run(command, check=True, capture_output=True, timeout=300).stdout)
    pdfs = {"original": src} if src.suffix == ".pdf" else {}
    for name, make in makers.items():
        target = out / f"{name}.pdf"
        if not (missing_only and target.exists()):
            make(target)
        pdfs[name] = target
    for name, pdf in pdfs.items():
        if redrawn(name) or (missing_only and (out / f"{name}.layout.txt").exists()):
            continue
        text_forms(pdf, out, name, extractors_python)


def rebuild_texts(src: Path, extractors_python: str | None) -> None:
    """The text forms again, from the PDFs made before (and the real PDF itself)."""
    out = FORMS / src.stem
    pdfs = {"original": src} if src.suffix == ".pdf" else {p.stem: p for p in sorted(out.glob("*.pdf"))}
    for name, pdf in pdfs.items():
        if not redrawn(name):
            text_forms(pdf, out, name, extractors_python)


def _move(produced: Path, target: Path) -> None:
    """soffice names its output after the input; the form's name says how it was made."""
    shutil.move(produced, target)


def _written(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", help="the stem of one source")
    parser.add_argument("--texts-only", action="store_true", help="remake the text forms of the PDFs here")
    parser.add_argument("--extractors-python", help="a Python with the PDF libraries of library_texts.py")
    parser.add_argument("--missing-only", action="store_true", help="make only the forms not made yet")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        for src in sources():
            if args.only and src.stem != args.only:
                continue
            if args.texts_only:
                rebuild_texts(src, args.extractors_python)
            else:
                work = Path(tmp) / src.name
                work.mkdir()
                build(src, work, args.extractors_python, args.missing_only)
            print(src.stem, sorted(p.name for p in (FORMS / src.stem).iterdir()))


if __name__ == "__main__":
    main()
