"""Every DOCX the platform writes, as Word/WPS users see it: LibreOffice converts the reply letters,
the 通报 and the consolidated report; the consolidated report takes no more pages than the PDF
renderer needs for the same report plus its appendix, and table 三 no more pages than in the PDF;
the pages are kept as PNG in test-artefacts/."""

from __future__ import annotations

from pathlib import Path

from support.word_layout import keep_pngs, libreoffice_pdf, page_texts, pages_between
from xxgk.render import render
from xxgk.report import Report
from xxgk.web.applications.letter_docx import letter_bytes
from xxgk.web.applications.models import Letter, LetterKind
from xxgk.web.demo import DemoContext
from xxgk.web.rollup import demo as rollup_demo
from xxgk.web.rollup import documents, services
from xxgk.web.rollup.models import Campaign, Enrolment

TABLE3_FIRST, TABLE3_LAST = "本年新收政府信息公开申请数量", "结转下年度继续办理"
# The appendix of a consolidated report: its heading, the parts listed and one chart.
APPENDIX_PAGES = 2


def _joined(pdf: Path) -> str:
    return "".join("".join(page.split()) for page in page_texts(pdf))


def test_reply_letter_in_libreoffice(full_demo: DemoContext, tmp_path: Path) -> None:
    letter = Letter.objects.filter(kind=LetterKind.REPLY).select_related("application").first()
    assert letter is not None
    pdf = libreoffice_pdf(letter_bytes(letter), tmp_path, "letter")
    pages = page_texts(pdf)
    assert 1 <= len(pages) <= 2
    text = _joined(pdf)
    assert letter.application.number in text and "告知书" in text
    keep_pngs(pdf, list(range(1, len(pages) + 1)), "reply-letter-docx")


def test_consolidated_report_and_notice_in_libreoffice(full_demo: DemoContext, tmp_path: Path) -> None:
    supervisor = full_demo.users["zwgk_jiandu"]
    campaign = Campaign.objects.get(office=full_demo.orgs["office"], year=2025)
    city = Enrolment.objects.get(unit__name=rollup_demo.CITY, year=2025)
    region = services.generate_consolidated(actor=supervisor, campaign=campaign, enrolment=city)[-1]
    weasy = tmp_path / "weasyprint.pdf"
    weasy.write_bytes(render(Report.model_validate(region.report), "pdf"))
    writer = libreoffice_pdf(documents.consolidated_docx(region), tmp_path, "consolidated")
    assert len(page_texts(writer)) <= len(page_texts(weasy)) + APPENDIX_PAGES
    table_in_docx = pages_between(writer, TABLE3_FIRST, TABLE3_LAST)
    assert len(table_in_docx) <= len(pages_between(weasy, TABLE3_FIRST, TABLE3_LAST))
    keep_pngs(writer, table_in_docx, "consolidated-docx-table3")

    notice = services.generate_notice(actor=supervisor, campaign=campaign)
    pdf = libreoffice_pdf(bytes(notice.docx), tmp_path, "notice")
    text = _joined(pdf)
    assert "通报" in text and rollup_demo.LATE in text and "三、整改要求" in text
    keep_pngs(pdf, list(range(1, len(page_texts(pdf)) + 1)), "notice-docx")
