"""PDF rendering: the standalone HTML page printed by WeasyPrint with an embedded CJK font.

System packages (Debian 12): `libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0` for WeasyPrint
(without harfbuzz-subset a PDF takes ~25× longer) and a CJK font, `fonts-noto-cjk` (Noto Serif /
Sans CJK SC) or `fonts-wqy-zenhei`; `fontconfig` finds it. Without a CJK font WeasyPrint silently
prints empty boxes, so `render_pdf` refuses to run instead.
"""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from xxgk.render.html import render_page
from xxgk.report import Report

# Preferred families, best first; any other font covering zh-cn is the last resort.
_SERIF = (
    "Noto Serif CJK SC",
    "Source Han Serif SC",
    "AR PL UMing CN",
    "Noto Sans CJK SC",
    "WenQuanYi Zen Hei",
)
_SANS = ("Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Zen Hei", "Noto Serif CJK SC")


class MissingCJKFontError(RuntimeError):
    """No font covering Simplified Chinese is installed; the PDF would print boxes."""

    message_zh = "未找到中文字体，无法生成PDF。请安装 fonts-noto-cjk（或 fonts-wqy-zenhei）后重试。"

    def __init__(self) -> None:
        super().__init__("no CJK font for zh-cn found by fontconfig (install fonts-noto-cjk)")


@dataclass(frozen=True)
class Font:
    family: str
    style: str
    # PostScript name: what `local()` matches exactly (a family name alone may pick the bold face).
    postscript_name: str
    file: Path

    @property
    def bold(self) -> bool:
        return "bold" in self.style.lower()


@dataclass(frozen=True)
class CJKFonts:
    serif: Font
    sans: Font
    serif_bold: Font | None = None
    sans_bold: Font | None = None


def _installed_cjk_fonts() -> list[Font]:
    if shutil.which("fc-list") is None:
        return []
    out = subprocess.run(
        ["fc-list", ":lang=zh-cn", "--format=%{file}\t%{family[0]}\t%{style[0]}\t%{postscriptname}\n"],
        capture_output=True,
        text=True,
        check=False,
    ).stdout
    fonts = []
    for line in out.splitlines():
        parts = line.split("\t")
        if len(parts) == 4 and parts[1]:
            path, family, style, postscript = parts
            fonts.append(
                Font(family.strip(), style.strip(), postscript.strip() or family.strip(), Path(path))
            )
    return fonts


def _pick(fonts: list[Font], preferred: tuple[str, ...], *, bold: bool) -> Font | None:
    faces = [font for font in fonts if font.bold == bold]
    by_family: dict[str, Font] = {}
    for font in faces:
        by_family.setdefault(font.family, font)
    for family in preferred:
        if family in by_family:
            return by_family[family]
    return faces[0] if faces else None


@cache
def find_cjk_fonts() -> CJKFonts:
    """The serif and sans CJK faces fontconfig offers (Noto CJK SC when installed)."""
    fonts = _installed_cjk_fonts()
    if not fonts:
        raise MissingCJKFontError
    serif = _pick(fonts, _SERIF, bold=False) or fonts[0]
    sans = _pick(fonts, _SANS, bold=False) or serif
    return CJKFonts(
        serif=serif,
        sans=sans,
        serif_bold=_pick(fonts, (serif.family, *_SERIF), bold=True),
        sans_bold=_pick(fonts, (sans.family, *_SANS), bold=True),
    )


def font_face_css(fonts: CJKFonts) -> str:
    """`@font-face` rules binding report.css's `xxgk-serif` / `xxgk-sans` to the installed faces."""
    faces = (
        ("xxgk-serif", 400, fonts.serif),
        ("xxgk-serif", 700, fonts.serif_bold),
        ("xxgk-sans", 400, fonts.sans),
        ("xxgk-sans", 700, fonts.sans_bold),
    )
    return "\n".join(
        f'@font-face {{ font-family: "{name}"; font-weight: {weight}; '
        f'src: local("{font.postscript_name}"), local("{font.family}"); }}'
        for name, weight, font in faces
        if font is not None
    )


def render_pdf(report: Report) -> bytes:
    """The report as an A4 PDF (bytes) with its Chinese text embedded as real glyphs."""
    from weasyprint import HTML  # heavy import: only when a PDF is asked for

    html = render_page(report, extra_css=font_face_css(find_cjk_fonts()))
    return HTML(string=html, base_url=".").write_pdf()
