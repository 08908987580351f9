"""Reply letters per outcome (legal basis, remedy notice, DOCX in 公文 style, editable until
reviewed, frozen once sent) and the XLSX export with personal data masked for others."""

from __future__ import annotations

import io
from datetime import date

import pytest
from docx import Document
from docx.oxml.ns import qn
from openpyxl import load_workbook

from factories.applications import Staff, fresh
from xxgk.web.applications import case_letters, export, services
from xxgk.web.applications.errors import StaleVersion, TransitionRefused
from xxgk.web.applications.letter_docx import letter_bytes
from xxgk.web.applications.letters import REPLY_OUTCOMES, CaseFacts, remedy, reply_body
from xxgk.web.applications.models import OUTCOME_KEYS, Application

# The article each outcome must cite (条例 numbering).
BASIS = {
    "granted": "第三十六条第（二）项",
    "partial": "第三十七条",
    "denied.state_secret": "第十四条",
    "denied.law_prohibited": "第十四条",
    "denied.security_stability": "第十四条",
    "denied.third_party": "第十五条",
    "denied.internal_affairs": "第十六条第一款",
    "denied.process_info": "第十六条第二款",
    "denied.enforcement_file": "第十六条第二款",
    "denied.inquiry": "第三十六条第（七）项",
    "unavailable.not_held": "第三十六条第（四）项",
    "unavailable.needs_creation": "第三十八条",
    "unavailable.unclear": "第三十条",
    "not_processed.petition": "第三十九条第一款",
    "not_processed.repeat": "第三十六条第（六）项",
    "not_processed.publication": "第三十九条第二款",
    "not_processed.excessive": "第三十五条",
    "not_processed.confirmation": "第二条",
    "other.other": "",
}


def test_every_reply_outcome_has_its_basis_and_the_remedy_notice() -> None:
    assert set(REPLY_OUTCOMES) == OUTCOME_KEYS - {"other.no_correction", "other.no_fee"}
    facts = CaseFacts("王五", date(2025, 3, 3), "某文件")
    for outcome in REPLY_OUTCOMES:
        body = reply_body(facts, outcome)
        assert BASIS[outcome] in body, outcome
        assert body.startswith("王五：") and "2025年3月3日" in body
        assert remedy(facts) in body and "六十日内" in body and "六个月内" in body


def _through_review(staff: Staff, outcome: str = "granted") -> Application:
    case = staff.register()
    return services.draft_reply(actor=staff.handler, application=case, version=case.version, outcome=outcome)


@pytest.mark.django_db
def test_letter_is_editable_until_approved(staff: Staff) -> None:
    case = _through_review(staff)
    letter = case.letters.get()
    edited = case_letters.edit_letter(
        actor=staff.handler, letter=letter, version=letter.version, body="张小明：\n\n修改后的答复。"
    )
    with pytest.raises(StaleVersion):
        case_letters.edit_letter(actor=staff.reviewer, letter=letter, version=letter.version, body="x")
    case = services.review(actor=staff.reviewer, application=fresh(case), version=fresh(case).version)
    edited = case_letters.edit_letter(
        actor=staff.approver, letter=edited, version=edited.version, body="张小明：\n\n审核后修改。"
    )
    services.approve(actor=staff.approver, application=fresh(case), version=fresh(case).version)
    with pytest.raises(TransitionRefused):
        case_letters.edit_letter(actor=staff.handler, letter=edited, version=edited.version, body="再改")
    edited.refresh_from_db()
    assert edited.body == "张小明：\n\n审核后修改。"


@pytest.mark.django_db
def test_sent_letter_is_a_gongwen_docx_and_frozen(staff: Staff) -> None:
    case = _through_review(staff, "denied.third_party")
    case = services.review(actor=staff.reviewer, application=case, version=case.version)
    case = services.approve(actor=staff.approver, application=case, version=case.version)
    case = services.send_reply(
        actor=staff.handler, application=case, version=case.version, on=date(2025, 3, 25)
    )
    letter = case.letters.get()
    stored = bytes(letter.docx)
    doc = Document(io.BytesIO(stored))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "政府信息公开申请答复告知书" in text and "第十五条" in text and "2025年3月25日" in text
    assert staff.org.name in text and "六十日内" in text
    fonts = {r._r.rPr.find(qn("w:rFonts")).get(qn("w:eastAsia")) for p in doc.paragraphs for r in p.runs}
    assert "仿宋_GB2312" in fonts and "方正小标宋简体" in fonts
    assert letter_bytes(letter) == stored


@pytest.mark.django_db
def test_export_masks_personal_data_for_supervisors_only(staff: Staff) -> None:
    case = staff.register()

    def rows(user) -> list[list]:
        book = load_workbook(io.BytesIO(export.cases_xlsx(user=user, cases=Application.objects.all())))
        return [list(r) for r in book.active.iter_rows(values_only=True)]

    head, *body = rows(staff.handler)
    assert head[:5] == ["受理编号", "承办机关", "申请渠道", "申请人类型", "申请人姓名或名称"]
    assert body == [[*body[0]]] and body[0][0] == case.number
    assert "张小明" in body[0] and "360902199001011233" in body[0]
    _, masked = rows(staff.supervisor)
    assert "张小明" not in masked and "360902199001011233" not in masked and "13907950000" not in masked
    assert "张**" in masked and "360*************33" in masked


@pytest.mark.django_db
def test_abandonment_sends_its_notice(staff: Staff) -> None:
    case = staff.register()
    case = services.request_correction(
        actor=staff.handler,
        application=case,
        version=case.version,
        on=date(2025, 3, 5),
        what="写明文号",
        respond_by=date(2025, 3, 19),
    )
    case = services.abandon_uncorrected(
        actor=staff.handler, application=case, version=case.version, on=date(2025, 3, 20)
    )
    notice = case.letters.get(kind="reply")
    assert notice.outcome == "other.no_correction" and notice.issued_on == date(2025, 3, 20)
    assert "视为您放弃申请" in notice.body and "第三十条" in notice.body and "第五十一条" in notice.body
    assert (
        "向宜春市人民政府申请行政复议" in notice.body and "向宜春市袁州区人民法院提起行政诉讼" in notice.body
    )
