"""Opening an attachment the way a reader would, and taking its text for the checks."""

from __future__ import annotations

import io
import logging
from pathlib import PurePath

log = logging.getLogger(__name__)
MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024
TEXT_SUFFIXES = {".txt", ".csv", ".html", ".htm", ".xml", ".json"}
IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".gif", ".bmp", ".tif", ".tiff"}


class UnreadableAttachment(Exception):
    """The file does not open as its name says; `reason_zh` is shown to the reviewer."""

    def __init__(self, reason_zh: str) -> None:
        super().__init__(reason_zh)
        self.reason_zh = reason_zh


def read_text(name: str, content: bytes) -> str:
    """The text of the file (empty for images), or UnreadableAttachment. The one content check
    of an attachment: run at upload (so a bad file never enters a draft) and again at submission."""
    suffix = PurePath(name).suffix.lower()
    if not content:
        raise UnreadableAttachment("文件为空")
    try:
        if suffix == ".pdf":
            return _pdf_text(content)
        if suffix == ".docx":
            import docx

            document = docx.Document(io.BytesIO(content))
            return "\n".join(paragraph.text for paragraph in document.paragraphs)
        if suffix == ".xlsx":
            import openpyxl

            workbook = openpyxl.load_workbook(io.BytesIO(content), read_only=True, data_only=True)
            return "\n".join(
                " ".join(str(cell) for cell in row if cell is not None)
                for sheet in workbook.worksheets
                for row in sheet.iter_rows(values_only=True)
            )
        if suffix in IMAGE_SUFFIXES:
            from PIL import Image

            with Image.open(io.BytesIO(content)) as image:
                image.verify()
            return ""
        if suffix in TEXT_SUFFIXES:
            return _decode(content)
    except UnreadableAttachment:
        raise
    except Exception as exc:  # any parser's failure means the reader cannot open it either
        log.info("attachment %s does not open: %s", suffix, type(exc).__name__)
        raise UnreadableAttachment(f"无法按「{suffix}」文件打开：文件已损坏，或内容与扩展名不符") from exc
    raise UnreadableAttachment(f"不支持的文件类型「{suffix or '无扩展名'}」，请转换为 PDF、DOCX、XLSX 或图片")


def _pdf_text(content: bytes) -> str:
    import pypdfium2

    pdf = pypdfium2.PdfDocument(content)
    try:
        return "\n".join(page.get_textpage().get_text_range() for page in pdf)
    finally:
        pdf.close()


def _decode(content: bytes) -> str:
    if b"\x00" in content:  # text never holds NUL bytes; a program renamed .txt does
        raise UnreadableAttachment("内容不是文本，与扩展名不符")
    for encoding in ("utf-8", "gb18030"):
        try:
            return content.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise UnreadableAttachment("文本文件编码无法识别")
