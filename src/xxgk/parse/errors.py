"""Errors raised by the readers when the input cannot be read at all.

A file that can be opened but is not a report is *not* an error here: the reader returns what it
found and the mapper reports the missing tables as findings. `ReportReadError` is for inputs that
cannot be opened in the claimed format (a damaged DOCX, an encrypted PDF, …).
"""

from __future__ import annotations


class ReportReadError(Exception):
    """The input could not be read in its format.

    `message_zh` is shown to users (CLI, web UI, API); `str()` is English, for logs.
    """

    def __init__(self, message_zh: str, detail: str = "") -> None:
        self.message_zh = message_zh
        self.detail = detail
        super().__init__(message_zh, detail)

    def __str__(self) -> str:
        return f"cannot read the report: {self.detail}" if self.detail else "cannot read the report"

    def __repr__(self) -> str:
        return f"ReportReadError(message_zh={self.message_zh!r}, detail={self.detail!r})"


class NeedsOcr(ReportReadError):
    """The input is a scan or an image (no text layer), or a PDF whose text layer does not say what
    its pages print (`garbled_pages`), or whose tables are pictures (`pictured_pages`: its text layer
    leaves a table unread, those pages hold pictures as large as one; `pictures`: a DOCX or web page
    whose text leaves a table unread holds that many pictures), and was read with OCR turned off: a
    caller that cannot wait for OCR (a web request) reads it again with OCR in the background."""

    def __init__(
        self,
        source: str | None = None,
        garbled_pages: tuple[int, ...] = (),
        pictured_pages: tuple[int, ...] = (),
        pictures: int = 0,
    ) -> None:
        self.garbled_pages = garbled_pages
        if garbled_pages:
            why = garbled_zh(garbled_pages)
        elif pictured_pages:
            why = pictured_zh(pictured_pages)
        elif pictures:
            why = pictures_zh(pictures)
        else:
            why = "该文件是扫描件或图片（没有文字层）"
        super().__init__(f"{why}，需经 OCR 识别", f"needs OCR: {source or 'input'}")


class GarbledTextLayer(ReportReadError):
    """A PDF whose text layer maps many characters to letters its pages do not print (a font's
    character map written wrong, as Ghostscript writes some): its text cannot be trusted."""

    def __init__(self, pages: tuple[int, ...], source: str | None = None) -> None:
        self.pages = pages
        super().__init__(
            f"{garbled_zh(pages)}，无法读取",
            f"garbled text layer on pages {list(pages)} in {source or 'PDF'}",
        )


def pages_zh(pages: tuple[int, ...] | list[int]) -> str:
    return "、".join(str(n) for n in pages)


def garbled_zh(pages: tuple[int, ...]) -> str:
    """What is wrong with a PDF whose text layer was mapped wrong on `pages` (error and finding alike)."""
    return f"该 PDF 的文字层编码有误（第{pages_zh(pages)}页提取出的文字与页面上印的字不符）"


def pictured_zh(pages: tuple[int, ...]) -> str:
    """A PDF whose tables are printed as pictures on `pages` (error and finding alike)."""
    return f"该 PDF 第{pages_zh(pages)}页的表格以图片形式印出（文字层中没有这些表格）"


def pictures_zh(count: int) -> str:
    """A DOCX or web page whose tables are among the `count` pictures it holds (error and finding alike)."""
    return f"该文件的表格以图片形式插入（正文文字中没有这些表格，有 {count} 幅图片）"


def linked_pictures_zh(count: int) -> str:
    """A web page (or DOCX) whose tables may be pictures it links to but does not hold."""
    return (
        f"正文中未读到表格，而链接了 {count} 幅图片（不在所读文件中），表格可能以图片形式发布，"
        f"未能识别：请提供含图片的文件（如另存为 PDF 或 DOCX）后再核对"
    )
