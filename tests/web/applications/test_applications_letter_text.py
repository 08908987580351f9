"""The reply letter as the applicant reads it: plain outcome names, no doubled punctuation, the
remedy bodies named (条例第五十一条), and no letter signed or sent with a 【请填写】 place."""

from __future__ import annotations

import re
from datetime import date

import pytest

from factories.applications import Staff
from xxgk.fees import fee_by_pages
from xxgk.web.applications import case_letters, services
from xxgk.web.applications.errors import InvalidInput
from xxgk.web.applications.letters import (
    FILL_IN,
    REPLY_OUTCOMES,
    CaseFacts,
    abandonment_body,
    correction_body,
    extension_body,
    fee_body,
    remedy,
    reply_body,
)
from xxgk.web.applications.models import OUTCOME_KEYS, PLAIN_OUTCOMES, Application, State

# Two marks in a row that Chinese typesetting never puts together ("。”。", "。，", "；。").
DOUBLED = re.compile(r"[。，；：！？、][”’]?[。，；：！？、]")
# Descriptions and reasons as people type them: with their own full stop, spaces and line breaks.
FACTS = CaseFacts(
    "王五", date(2025, 3, 3), "2024年度物业服务合同。\n", "宜春市人民政府", "宜春市袁州区人民法院"
)


def _all_letter_texts(facts: CaseFacts) -> dict[str, str]:
    texts = {outcome: reply_body(facts, outcome) for outcome in REPLY_OUTCOMES}
    texts |= {o: abandonment_body(facts, o) for o in ("other.no_correction", "other.no_fee")}
    texts["correction"] = correction_body(facts, "请写明文件的文号。", date(2025, 3, 19))
    texts["correction-bare"] = correction_body(facts, "请写明文件的文号", date(2025, 3, 19))
    texts["extension"] = extension_body(facts, 10, "需调取多年档案。", date(2025, 4, 10))
    texts["fee"] = fee_body(facts, fee_by_pages(250), date(2025, 4, 1))
    return texts


@pytest.mark.parametrize("facts", [FACTS, CaseFacts("李四", None, "某文件")])
def test_no_letter_has_doubled_punctuation(facts: CaseFacts) -> None:
    for name, text in _all_letter_texts(facts).items():
        assert not DOUBLED.search(text), (name, DOUBLED.search(text).group())
        assert "。”" not in text, name


def test_the_remedy_names_the_review_body_and_the_court() -> None:
    text = remedy(FACTS)
    assert text == (
        "如对本答复不服，根据《中华人民共和国政府信息公开条例》第五十一条的规定，可以自收到本告知书之日起"
        "六十日内向宜春市人民政府申请行政复议，或者自收到本告知书之日起六个月内依法向宜春市袁州区人民法院"
        "提起行政诉讼。"
    )
    generic = remedy(CaseFacts("李四", None, "某文件"))
    assert "六十日内依法申请行政复议" in generic and "依法向人民法院提起行政诉讼" in generic


def test_citizens_read_plain_outcomes_derived_from_the_template() -> None:
    assert set(PLAIN_OUTCOMES) == OUTCOME_KEYS
    assert PLAIN_OUTCOMES["partial"] == "部分公开" and PLAIN_OUTCOMES["granted"] == "予以公开"
    assert PLAIN_OUTCOMES["denied.state_secret"] == "不予公开（属于国家秘密）"
    for plain in PLAIN_OUTCOMES.values():
        assert "只计" not in plain and not re.match(r"[（(]?[一二三四五六七1-9]", plain), plain


@pytest.mark.django_db
def test_a_letter_with_a_placeholder_is_neither_signed_nor_sent(staff: Staff) -> None:
    case = staff.register()
    case = services.draft_reply(
        actor=staff.handler, application=case, version=case.version, outcome="partial"
    )
    letter = case.letters.get(kind="reply")
    assert FILL_IN in letter.body
    case = services.review(actor=staff.reviewer, application=case, version=case.version)
    with pytest.raises(InvalidInput) as refused:
        services.approve(actor=staff.approver, application=case, version=case.version)
    assert "【请填写】" in refused.value.message_zh
    assert Application.objects.get(pk=case.pk).state == State.REVIEWED
    case_letters.edit_letter(
        actor=staff.handler,
        letter=letter,
        version=letter.version,
        body=letter.body.replace(FILL_IN, "该部分涉及第三方个人信息"),
    )
    case = services.approve(actor=staff.approver, application=case, version=case.version)
    case = services.send_reply(
        actor=staff.handler, application=case, version=case.version, on=date(2025, 3, 10)
    )
    assert case.outcome == "partial" and case.plain_outcome == "部分公开"
    body = case.letters.get(kind="reply").body
    assert "向宜春市人民政府申请行政复议" in body and "向宜春市袁州区人民法院提起行政诉讼" in body


@pytest.mark.django_db
def test_the_demo_agencies_name_their_review_body_and_court(demo) -> None:
    for org in demo.orgs.values():
        assert org.review_body and org.court, org.name
