"""A case letter as DOCX in 公文 style, with the page set-up and fonts of `xxgk.render.docx`."""

from __future__ import annotations

import io
from datetime import date

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt

from xxgk.render import docx as gongwen
from xxgk.render.document import chinese_date
from xxgk.web.applications.models import Application, Letter, LetterKind
from xxgk.web.orgs.models import Organisation


def render_letter(
    *, title: str, number: str, body: str, organisation: str, issued_on: date | None, contact: str = ""
) -> bytes:
    """`body`: the addressee line, then paragraphs separated by blank lines (as stored on the letter)."""
    doc = gongwen.new_document()  # the house 公文 page, styles and fonts
    heading = doc.add_paragraph()
    heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
    heading.paragraph_format.line_spacing = Pt(36)
    gongwen.set_run_font(heading.add_run(title), gongwen.TITLE_FONT, gongwen.TITLE_SIZE)
    ref = doc.add_paragraph()
    ref.alignment = WD_ALIGN_PARAGRAPH.CENTER
    ref.paragraph_format.space_after = Pt(16)
    gongwen.set_run_font(ref.add_run(f"（受理编号：{number}）"), gongwen.BODY_FONT, gongwen.BODY_SIZE)
    paragraphs = [p.strip() for p in body.replace("\r\n", "\n").split("\n\n") if p.strip()]
    for index, text in enumerate(paragraphs):
        paragraph = doc.add_paragraph()
        if index:  # the addressee line stands flush left
            paragraph.paragraph_format.first_line_indent = gongwen.BODY_SIZE * 2
        gongwen.set_run_font(
            paragraph.add_run(" ".join(text.split("\n"))), gongwen.BODY_FONT, gongwen.BODY_SIZE
        )
    if contact:
        paragraph = doc.add_paragraph()
        paragraph.paragraph_format.first_line_indent = gongwen.BODY_SIZE * 2
        gongwen.set_run_font(paragraph.add_run(contact), gongwen.BODY_FONT, gongwen.BODY_SIZE)
    doc.add_paragraph()
    for text in (organisation, chinese_date(issued_on) if issued_on else "年  月  日"):
        line = doc.add_paragraph()
        line.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        line.paragraph_format.right_indent = gongwen.BODY_SIZE * 4
        gongwen.set_run_font(line.add_run(text), gongwen.BODY_FONT, gongwen.BODY_SIZE)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def _contact_line(organisation: Organisation) -> str:
    parts = [
        f"联系电话：{organisation.phone}" if organisation.phone else "",
        f"通讯地址：{organisation.address}" if organisation.address else "",
    ]
    return "；".join(p for p in parts if p)


def render_for(letter: Letter, case: Application, issued_on: date | None) -> bytes:
    """`letter` of `case` as DOCX, dated `issued_on` (blank date line for a draft)."""
    return render_letter(
        title=LetterKind(letter.kind).label,
        number=case.number,
        body=letter.body,
        organisation=case.organisation.name,
        issued_on=issued_on,
        contact=_contact_line(case.organisation),
    )


def letter_bytes(letter: Letter) -> bytes:
    """The DOCX stored when the letter was issued, or a rendering of it (drafts, demo letters)."""
    if letter.docx:
        return bytes(letter.docx)
    return render_for(letter, letter.application, letter.issued_on)
