"""Builds the other published forms of every real report, with tools this project does not write.

    uv run --frozen python scripts/make_forms.py [--only STEM]

For each source in tests/data/reports and the seed, into tests/data/forms/<source-stem>/:
  lo-html.pdf          HTML page → PDF (LibreOffice Writer)
  lo-html-docx.pdf     HTML page → DOCX → PDF (LibreOffice Writer, twice)
  lo-docx.pdf          DOCX → PDF (LibreOffice Writer)
  lo-text.pdf          plain text → PDF (LibreOffice Writer, UTF-8 text filter)
  chromium-css.pdf     Chromium print-to-PDF of the saved page as it is (inline and <style> CSS)
  chromium-nocss.pdf   Chromium print-to-PDF of the page with every stylesheet, style attribute and script removed
  chromium-noborder.pdf  the same, the tables' `border` attribute set to 0 too (tables without rules)
  <pdf>.pdftotext.txt  `pdftotext` of every PDF (the real PDFs as `original.*`)
  <pdf>.layout.txt     `pdftotext -layout` of every PDF
  <pdf>.markitdown.md  Markdown by `markitdown` when the `markitdown` command is on PATH (optional)
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
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REPORTS = ROOT / "tests" / "data" / "reports"
SEED = ROOT / "tests" / "data" / "seeds" / "000_a506050fcd0660b0.txt"
FORMS = ROOT / "tests" / "data" / "forms"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
CHROMIUM_ARGS += ["--disable-component-update", "--no-pdf-header-footer"]


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


def chromium_pdf(html: Path, target: Path) -> None:
    cmd = [CHROMIUM, *CHROMIUM_ARGS, f"--print-to-pdf={target}", html.as_uri()]
    subprocess.run(cmd, check=True, capture_output=True, timeout=300)


def without_css(html: str) -> str:
    html = re.sub(r"<script\b.*?</script>", "", html, flags=re.S | re.I)
    html = re.sub(r"<style\b.*?</style>", "", html, flags=re.S | re.I)
    html = re.sub(r"<link\b[^>]*>", "", html, flags=re.I)
    return re.sub(r"\sstyle=(\"[^\"]*\"|'[^']*')", "", html, flags=re.I)


def without_borders(html: str) -> str:
    return re.sub(r"(<table\b[^>]*\sborder=)(\"[^\"]*\"|'[^']*'|\d+)", r'\1"0"', html, flags=re.I)


def library_text_forms(python: str, pdf: Path, out_dir: Path, name: str) -> None:
    args = [python, str(ROOT / "scripts" / "library_texts.py"), str(pdf), str(out_dir / name)]
    subprocess.run(args, check=True, capture_output=True, timeout=600)


def text_forms(pdf: Path, out_dir: Path, name: str) -> None:
    subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(pdf), str(out_dir / f"{name}.pdftotext.txt")], check=True
    )
    layout = out_dir / f"{name}.layout.txt"
    subprocess.run(["pdftotext", "-enc", "UTF-8", "-layout", str(pdf), str(layout)], check=True)
    if shutil.which("markitdown"):
        md = subprocess.run(["markitdown", str(pdf)], check=True, capture_output=True, timeout=300).stdout
        (out_dir / f"{name}.markitdown.md").write_bytes(md)


def build(src: Path, work: Path, extractors_python: str | None) -> None:
    out = FORMS / src.stem
    out.mkdir(parents=True, exist_ok=True)
    profile = work / "lo-profile"
    pdfs: dict[str, Path] = {}
    if src.suffix == ".pdf":
        pdfs["original"] = src
    elif src.suffix == ".html":
        pdfs["lo-html"] = _move(
            soffice(src, "pdf:writer_pdf_Export", work, profile, "HTML (StarWriter)"), out, "lo-html"
        )
        docx = soffice(src, "docx:MS Word 2007 XML", work, profile, "HTML (StarWriter)")
        pdfs["lo-html-docx"] = _move(
            soffice(docx, "pdf:writer_pdf_Export", work, profile), out, "lo-html-docx"
        )
        chromium_pdf(src, out / "chromium-css.pdf")
        pdfs["chromium-css"] = out / "chromium-css.pdf"
        bare = work / f"{src.stem}.nocss.html"
        bare.write_text(without_css(src.read_text(encoding="utf-8")), encoding="utf-8")
        chromium_pdf(bare, out / "chromium-nocss.pdf")
        pdfs["chromium-nocss"] = out / "chromium-nocss.pdf"
        bare.write_text(without_borders(without_css(src.read_text(encoding="utf-8"))), encoding="utf-8")
        chromium_pdf(bare, out / "chromium-noborder.pdf")
        pdfs["chromium-noborder"] = out / "chromium-noborder.pdf"
    elif src.suffix == ".docx":
        pdfs["lo-docx"] = _move(soffice(src, "pdf:writer_pdf_Export", work, profile), out, "lo-docx")
    else:
        text = work / f"{src.stem}.txt"
        shutil.copy(src, text)
        pdfs["lo-text"] = _move(
            soffice(text, "pdf:writer_pdf_Export", work, profile, "Text (encoded):UTF8,LF,,,"), out, "lo-text"
        )
    for name, pdf in pdfs.items():
        text_forms(pdf, out, name)
        if extractors_python:
            library_text_forms(extractors_python, pdf, out, name)


def rebuild_texts(src: Path, extractors_python: str | None) -> None:
    """The text forms again, from the PDFs made before (and the real PDF itself)."""
    out = FORMS / src.stem
    pdfs = {"original": src} if src.suffix == ".pdf" else {p.stem: p for p in sorted(out.glob("*.pdf"))}
    for name, pdf in pdfs.items():
        text_forms(pdf, out, name)
        if extractors_python:
            library_text_forms(extractors_python, pdf, out, name)


def _move(produced: Path, out: Path, name: str) -> Path:
    """soffice names its output after the input; the form's name says how it was made."""
    target = out / f"{name}.pdf"
    shutil.move(produced, target)
    return target


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", help="the stem of one source")
    parser.add_argument("--texts-only", action="store_true", help="remake the text forms of the PDFs here")
    parser.add_argument("--extractors-python", help="a Python with the PDF libraries of EXTRACTORS")
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
                build(src, work, args.extractors_python)
            print(src.stem, sorted(p.name for p in (FORMS / src.stem).iterdir()))


if __name__ == "__main__":
    main()
