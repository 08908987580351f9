"""A unit may upload a scan or a photo of its report: it is read by OCR, the page says so, and the
cells OCR could not read are marked unread, never filled with a guess."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from factories.rollup import PARTS, client_for, mini
from xxgk.web.rollup import services
from xxgk.web.rollup.errors import RollupError

REPORTS = Path(__file__).resolve().parents[2] / "data" / "reports"


@pytest.mark.django_db
def test_a_file_named_as_an_image_must_be_one() -> None:
    m = mini()
    item = m.submission(PARTS[0])
    with pytest.raises(RollupError, match="不是 PNG 或 JPEG 图片"):
        services.prepare_file(
            actor=m.supervisor, submission=item, data=b"<html>2025</html>", filename="年报.png"
        )
    item.refresh_from_db()
    assert item.draft is None


@pytest.mark.django_db
def test_a_photo_of_a_table_page_is_read_by_ocr_and_marks_what_it_could_not_read(tmp_path: Path) -> None:
    # Page 4 of the 淮安 report (table 三) as a 150 dpi PNG, made by poppler's pdftoppm.
    subprocess.run(
        ["pdftoppm", "-r", "150", "-gray", "-png", "-f", "4", "-l", "4", "-singlefile",
         str(REPORTS / "huaian-2024-szf.pdf"), str(tmp_path / "page")],
        check=True,
    )  # fmt: skip
    m = mini()
    item = m.submission(PARTS[0])
    upload = SimpleUploadedFile(
        "报告第4页.png", (tmp_path / "page.png").read_bytes(), content_type="image/png"
    )
    response = client_for(m.supervisor).post(
        reverse("rollup:upload", args=[item.pk]), {"file": upload}, follow=True
    )
    assert response.status_code == 200
    assert "文件已经 OCR 识别，读取" in response.content.decode()
    item.refresh_from_db()
    assert item.draft["source_format"] == "scan"
    assert item.draft_filename == "报告第4页.png"
    # Printed on the page: 本年新收 自然人 3001, 总计 3119 (hand-read). OCR gives that or nothing.
    new = item.draft["table3"]["new"]
    assert new["natural_person"] in (3001, None)
    assert new["total"] in (3119, None)
    for column in ("natural_person", "total"):
        if new[column] is None:
            assert f"table3.new.{column}" in item.draft_unread
