"""Pre-publication checks: personal information in text and attachments, sensitive words,
missing metadata, broken internal links, attachments that do not open, 规范性文件 without 解读."""

from __future__ import annotations

import io

import docx
import pytest

from factories.publications import Agency
from xxgk.web.publishing import drafting, prepublication
from xxgk.web.publishing.models import Attachment, Genre, PublishingProfile

pytestmark = pytest.mark.django_db


def _codes(publication) -> list[str]:
    return [f.code for f in prepublication.findings_for(publication)]


def _docx(text: str) -> bytes:
    document = docx.Document()
    document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_a_clean_draft_has_no_findings() -> None:
    assert prepublication.findings_for(Agency().draft()) == []


def test_id_number_in_an_attachment_is_found_with_its_place() -> None:
    agency = Agency()
    publication = agency.draft()
    drafting.add_attachment(
        actor=agency.drafter,
        publication=publication,
        name="名单.docx",
        content=_docx("李某 11010519491231002X"),
    )
    [finding] = prepublication.findings_for(publication)
    assert finding.code == prepublication.PII and finding.is_error
    assert finding.place.report == "附件「名单.docx」"
    assert "110***********002X" in finding.message_zh


def test_an_attachment_that_does_not_open() -> None:
    agency = Agency()
    publication = agency.draft()
    # Upload refuses such files now; ones stored before that (or by a loader) are still caught.
    for name, content in (("报告.pdf", b"%PDF-1.4 truncated"), ("数据.exe", b"MZ")):
        Attachment.objects.create(publication=publication, name=name, content=content, size=len(content))
    messages = [
        f.message_zh for f in prepublication.findings_for(publication) if f.code == prepublication.ATTACHMENT
    ]
    assert len(messages) == 2 and "不支持的文件类型「.exe」" in messages[1]


def test_sensitive_words_are_configurable() -> None:
    agency = Agency()
    publication = agency.draft(body="此件为机密文件摘录。")
    assert prepublication.SENSITIVE not in _codes(publication)
    PublishingProfile.objects.create(organisation=agency.org, sensitive_words="机密")
    [finding] = prepublication.findings_for(publication)
    assert (finding.code, finding.place.line, finding.place.excerpt) == (prepublication.SENSITIVE, 1, "机密")


def test_missing_metadata_for_a_normative_document() -> None:
    agency = Agency()
    publication = agency.draft(genre=Genre.NORMATIVE, summary="")
    messages = [
        f.message_zh for f in prepublication.findings_for(publication) if f.code == prepublication.METADATA
    ]
    assert messages == ["未填写内容概述", "未填写文号", "未填写规章、规范性文件登记"]
    assert prepublication.INTERPRETATION in _codes(publication)


def test_broken_internal_links() -> None:
    agency = Agency()
    target = agency.published()
    body = (
        f"详见 /gk/{agency.org.pk}/p/{target.pk}/ 和 /gk/{agency.org.pk}/p/999999/，"
        "以及 http://127.0.0.1/gk/nothing-here/ 与 https://www.gov.cn/zhengce/。"
    )
    publication = agency.draft(body=body)
    broken = [
        f.place.excerpt for f in prepublication.findings_for(publication) if f.code == prepublication.LINK
    ]
    assert broken == [f"/gk/{agency.org.pk}/p/999999/", "http://127.0.0.1/gk/nothing-here/"]
