"""A file that does not open as its name says is refused in Chinese, without the library's error name."""

from __future__ import annotations

import pytest

from xxgk.web.publishing.attachments import UnreadableAttachment, read_text


@pytest.mark.parametrize("name", ["通知.pdf", "附件.docx", "表格.xlsx", "图片.png"])
def test_a_broken_file_is_refused_without_an_exception_name(name: str) -> None:
    with pytest.raises(UnreadableAttachment) as refused:
        read_text(name, b"this is not the format its name says" * 10)
    reason = refused.value.reason_zh
    assert "文件打开" in reason and "已损坏" in reason
    assert not any(word in reason for word in ("Error", "Exception", "Pdfium", "BadZipFile"))
