"""Scans of the report PDFs, made with tools this project does not write, and how a scan read compares.

A variant is rasterised by `pdftoppm` (poppler-utils) at its resolution in grey, then blurred and
rotated with Pillow, and saved back as an image-only PDF (Pillow) or as one PNG per page. Expected
figures are those of the source report (`forms.expected`), never the reader's output.
"""

from __future__ import annotations

import io
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image, ImageFilter

from forms.expected import EXPECTED, _unused
from support.report_strategies import all_cells
from xxgk.report import Report

DATA = Path(__file__).resolve().parents[1] / "data"


@dataclass(frozen=True)
class Variant:
    dpi: int
    blur: float = 0.0
    # Degrees, counter-clockwise (Pillow's sense); within ±1.
    rotation: float = 0.0
    # Quarter turns counter-clockwise after that: a page fed to the scanner sideways or upside down.
    turns: int = 0
    # "pdf": one image-only PDF; "png": one PNG per page.
    container: str = "pdf"

    @property
    def name(self) -> str:
        parts = [f"{self.dpi}dpi", "grey"]
        if self.blur:
            parts.append(f"blur{self.blur:g}")
        if self.rotation:
            parts.append(f"rot{self.rotation:+g}")
        if self.turns:
            parts.append(f"turned{90 * self.turns}")
        return "-".join([*parts, self.container])


def source_pdf(stem: str, form: str = "original") -> Path:
    """The real PDF (`original`) or a form made by scripts/make_forms.py."""
    if form == "original":
        return DATA / "reports" / f"{stem}.pdf"
    return DATA / "forms" / stem / f"{form}.pdf"


def page_images(pdf: Path, variant: Variant, workdir: Path) -> list[Image.Image]:
    prefix = workdir / f"{pdf.parent.name}-{pdf.stem}-{variant.dpi}"
    if not list(workdir.glob(f"{prefix.name}-*.png")):
        subprocess.run(
            ["pdftoppm", "-r", str(variant.dpi), "-gray", "-png", str(pdf), str(prefix)], check=True
        )
    images = []
    for path in sorted(workdir.glob(f"{prefix.name}-*.png"), key=lambda p: int(p.stem.rsplit("-", 1)[1])):
        image = Image.open(path).convert("L")
        if variant.blur:
            image = image.filter(ImageFilter.GaussianBlur(variant.blur))
        if variant.rotation:
            image = image.rotate(variant.rotation, resample=Image.Resampling.BICUBIC, fillcolor=255)
        if variant.turns:
            image = image.rotate(90 * variant.turns, expand=True)
        images.append(image)
    return images


def scan_bytes(pdf: Path, variant: Variant, workdir: Path) -> list[bytes]:
    """The scan as files: one image-only PDF, or one PNG per page."""
    images = page_images(pdf, variant, workdir)
    if variant.container == "png":
        out = []
        for image in images:
            buffer = io.BytesIO()
            image.save(buffer, "PNG", dpi=(variant.dpi, variant.dpi))
            out.append(buffer.getvalue())
        return out
    buffer = io.BytesIO()
    images[0].save(buffer, "PDF", save_all=True, append_images=images[1:], resolution=variant.dpi)
    return [buffer.getvalue()]


@dataclass
class Outcome:
    exact: int = 0
    null: int = 0
    wrong: list[str] = field(default_factory=list)
    # Cells left null with no finding pointing at them (or at their row or table).
    unexplained: list[str] = field(default_factory=list)

    @property
    def share_read(self) -> float:
        total = self.exact + self.null + len(self.wrong)
        return self.exact / total if total else 0.0


def compare(report: Report, stem: str, *, cells: set[str] | None = None) -> Outcome:
    """Every cell the source prints (or only `cells`): read exactly, null, or wrong."""
    want = EXPECTED[stem]
    expected: dict[tuple[str, str, str], object] = {}
    for table in report.spec.tables:
        for row in table.rows:
            if _unused(want.other_row, report, table.key, row.key):
                continue
            for col in table.columns_of(row):
                where = f"{table.key}.{row.key}.{col.key}"
                if where in want.empty or (cells is not None and where not in cells):
                    continue
                expected[table.key, row.key, col.key] = (
                    want.nonzero.get(table.key, {}).get(row.key, {}).get(col.key, 0)
                )
    return _tally(report, expected)


def compare_with(report: Report, source: Report) -> Outcome:
    """Every cell `source` holds, as `report` read it back."""
    return _tally(
        report, {key: source.cell(*key) for key in all_cells(source) if source.cell(*key) is not None}
    )


def _tally(report: Report, expected: dict[tuple[str, str, str], object]) -> Outcome:
    outcome = Outcome()
    for (table, row, col), want in expected.items():
        where = f"{table}.{row}.{col}"
        value = report.cell(table, row, col)
        if value is None:
            outcome.null += 1
            if not _explained(report, table, row, col):
                outcome.unexplained.append(where)
        elif value == want:
            outcome.exact += 1
        else:
            outcome.wrong.append(f"{where}: expected {want!r}, read {value!r}")
    return outcome


def _explained(report: Report, table: str, row: str, column: str) -> bool:
    for finding in report.findings:
        place = finding.place
        if place.table == table and place.row in (None, row) and place.column in (None, column):
            return True
    return False
