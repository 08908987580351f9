"""Staff pages: scoping (another agency → 404), supervisors read masked and act on nothing,
transitions through the page, refused ones explained in Chinese, the optimistic lock."""

from __future__ import annotations

from datetime import date

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from factories.applications import Staff, fresh
from xxgk.web.applications import services
from xxgk.web.applications.models import State

pytestmark = pytest.mark.django_db


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_other_agency_gets_404_everywhere(staff: Staff) -> None:
    case = staff.register()
    services.draft_reply(actor=staff.handler, application=case, version=case.version, outcome="granted")
    letter = case.letters.get()
    client = _client(staff.other_agency)
    assert client.get(reverse("applications:detail", args=[case.pk])).status_code == 404
    assert client.get(reverse("applications:letter", args=[letter.pk])).status_code == 404
    response = client.post(
        reverse("applications:transition", args=[case.pk, "withdraw"]),
        {"version": fresh(case).version, "withdraw-on": "2025-03-05"},
    )
    assert response.status_code == 404
    assert fresh(case).state == State.DRAFTED
    assert case.number not in client.get(reverse("applications:list") + "?list=all").content.decode()


def test_handling_staff_see_personal_data(staff: Staff) -> None:
    case = staff.register()
    page = _client(staff.handler).get(reverse("applications:detail", args=[case.pk])).content.decode()
    assert "张小明" in page and "360902199001011233" in page and "13907950000" in page


def test_supervisor_reads_masked_and_gets_no_actions(staff: Staff) -> None:
    case = staff.register()
    client = _client(staff.supervisor)
    page = client.get(reverse("applications:detail", args=[case.pk])).content.decode()
    assert case.number in page
    assert "张小明" not in page and "360902199001011233" not in page and "13907950000" not in page
    assert "张**" in page and "360*************33" in page
    assert "data-transition" not in page
    response = client.post(
        reverse("applications:transition", args=[case.pk, "withdraw"]),
        {"version": case.version, "withdraw-on": "2025-03-05"},
        follow=True,
    )
    assert "此操作需要" in response.content.decode()
    assert fresh(case).state == State.REGISTERED


def test_refused_transition_shows_chinese_message_and_writes_nothing(staff: Staff) -> None:
    case = staff.register()
    response = _client(staff.reviewer).post(
        reverse("applications:transition", args=[case.pk, "review"]), {"version": case.version}, follow=True
    )
    assert "「审核答复」只能在「答复已拟稿」状态下进行，本申请当前为「办理中」。" in response.content.decode()
    assert fresh(case).version == case.version


def test_stale_version_is_refused(staff: Staff) -> None:
    case = staff.register()
    stale = case.version
    services.assign_handler(actor=staff.registrar, application=case, version=stale, handler=staff.handler)
    response = _client(staff.handler).post(
        reverse("applications:transition", args=[case.pk, "withdraw"]),
        {"version": stale, "withdraw-on": "2025-03-05"},
        follow=True,
    )
    assert "本申请已被他人修改" in response.content.decode()
    case = fresh(case)
    assert case.state == State.REGISTERED and case.version == stale + 1


def test_page_transition_runs_the_service(staff: Staff) -> None:
    case = staff.register()
    client = _client(staff.handler)
    response = client.post(
        reverse("applications:transition", args=[case.pk, "draft_reply"]),
        {"version": case.version, "draft_reply-outcome": "denied.process_info"},
        follow=True,
    )
    page = response.content.decode()
    assert "已完成：拟写答复。" in page and "第十六条第二款" in page
    assert fresh(case).state == State.DRAFTED


def test_registration_page(staff: Staff) -> None:
    client = _client(staff.registrar)
    assert client.get(reverse("applications:register")).status_code == 200
    response = client.post(
        reverse("applications:register"),
        {
            "organisation": staff.org.pk,
            "channel": "letter",
            "received_on": "2025-04-01",
            "applicant_kind": "commercial",
            "name": "宜春某某物业有限公司",
            "id_type": "credit_code",
            "id_number": "91360900MA35XXXX0X",
            "phone": "0795-1234567",
            "address": "宜春市某路2号",
            "description": "物业招标文件",
            "info_form": "paper",
            "delivery": "post",
        },
        follow=True,
    )
    page = response.content.decode()
    assert "已登记，受理编号" in page and "查询码" in page
    assert "2025-04-01" in page


def test_supervisor_cannot_open_registration(staff: Staff) -> None:
    assert _client(staff.supervisor).get(reverse("applications:register")).status_code == 403


def test_work_list_and_widget(staff: Staff) -> None:
    case = staff.register(received_on=date(2025, 3, 3))
    client = _client(staff.handler)
    page = client.get(reverse("applications:list") + "?list=overdue").content.decode()
    assert case.number in page and "已逾期" in page
    dashboard = client.get(reverse("ui:dashboard")).content.decode()
    assert "依申请公开待办" in dashboard


def test_by_handler_list(staff: Staff) -> None:
    mine = staff.register(received_on=date(2025, 3, 3))
    unassigned = staff.register(received_on=date(2025, 3, 3), handler=None)
    client = _client(staff.registrar)
    overview = client.get(reverse("applications:list") + "?list=handlers").content.decode()
    assert "刘洋（jgsw_chengban）" in overview and "未指定承办人" in overview
    page = client.get(
        reverse("applications:list") + f"?list=handlers&handler={staff.handler.pk}"
    ).content.decode()
    assert mine.number in page and unassigned.number not in page
    page = client.get(reverse("applications:list") + "?list=handlers&handler=none").content.decode()
    assert unassigned.number in page and mine.number not in page


def test_consultation_shows_the_third_partys_time(staff: Staff) -> None:
    case = staff.register(received_on=date(2025, 3, 3))
    services.start_consultation(
        actor=staff.handler, application=case, version=case.version, on=date(2025, 3, 10), consulted="某公司"
    )
    page = _client(staff.handler).get(reverse("applications:detail", args=[case.pk])).content.decode()
    # 15 working days after Mon 3/10 → Mon 2025-03-31.
    assert "2025-03-31" in page and "第三十二条" in page


def test_export_view_is_a_workbook(staff: Staff) -> None:
    staff.register()
    response = _client(staff.supervisor).get(reverse("applications:export") + "?list=all")
    assert response.status_code == 200 and response.content.startswith(b"PK")


def test_letter_edit_page(staff: Staff) -> None:
    case = staff.register()
    services.draft_reply(actor=staff.handler, application=case, version=case.version, outcome="granted")
    letter = case.letters.get()
    client = _client(staff.handler)
    url = reverse("applications:letter_edit", args=[letter.pk])
    assert "第三十六条第（二）项" in client.get(url).content.decode()
    client.post(url, {"version": letter.version, "body": "张小明：\n\n已修改。"})
    letter.refresh_from_db()
    assert letter.body == "张小明：\n\n已修改。"
    stale = client.post(url, {"version": letter.version - 1, "body": "覆盖"}).content.decode()
    assert "已被他人修改" in stale


def test_due_within_n_working_days(staff: Staff) -> None:
    case = staff.register(received_on=timezone.localdate())  # due 20 working days from today
    client = _client(staff.handler)
    assert (
        case.number not in client.get(reverse("applications:list") + "?list=due_soon&days=5").content.decode()
    )
    assert case.number in client.get(reverse("applications:list") + "?list=due_soon&days=20").content.decode()
