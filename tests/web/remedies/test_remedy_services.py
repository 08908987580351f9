"""Remedies: entering, deciding and voiding cases; who may; what the log keeps."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from xxgk.web.applications.models import Application
from xxgk.web.audit.models import AuditEvent
from xxgk.web.orgs.errors import NotVisible, RoleRequired
from xxgk.web.remedies import selectors, services
from xxgk.web.remedies.models import Remedy
from xxgk.web.remedies.services import EditConflict

D = dt.date
pytestmark = pytest.mark.django_db


def _register(demo, username="jgsw_chengban", **extra):
    fields = {
        "kind": "review",
        "filed_on": D(2025, 3, 1),
        "deciding_body": "宜春市人民政府",
        "claimant_name": "赵某某",
        "case_number": "宜府复〔2025〕12号",
        **extra,
    }
    return services.register_remedy(actor=demo.users[username], organisation=demo.orgs["jgsw"], **fields)


def test_a_case_is_entered_then_decided(demo) -> None:
    case = _register(demo)
    assert case.is_pending and case.status_label == "尚未审结"
    decided = services.update_remedy(
        actor=demo.users["jgsw_chengban"],
        remedy=case,
        version=case.version,
        decided_on=D(2025, 6, 1),
        result="corrected",
    )
    assert decided.version == 2 and decided.status_label == "结果纠正"
    events = AuditEvent.objects.filter(object_type="remedies.remedy", object_id=str(case.pk))
    assert [e.action for e in events.order_by("pk")] == ["remedies.register", "remedies.update"]
    assert all("赵某某" not in str(e.before) + str(e.after) for e in events)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"decided_on": D(2025, 6, 1)}, "须选择结果"),
        ({"result": "upheld"}, "须填写审结日期"),
        ({"decided_on": D(2025, 2, 1), "result": "upheld"}, "不能早于"),
    ],
)
def test_inconsistent_decisions_are_refused_in_chinese(demo, changes, message) -> None:
    case = _register(demo)
    with pytest.raises(ValidationError, match=message):
        services.update_remedy(actor=demo.users["jgsw_chengban"], remedy=case, version=1, **changes)
    assert Remedy.objects.get(pk=case.pk).version == 1


def test_a_stale_edit_is_refused(demo) -> None:
    case = _register(demo)
    services.update_remedy(actor=demo.users["jgsw_chengban"], remedy=case, version=1, note="补充材料")
    with pytest.raises(EditConflict):
        services.update_remedy(actor=demo.users["jgsw_chengban"], remedy=case, version=1, note="旧稿")


def test_a_voided_case_counts_nowhere_and_stays_on_record(demo) -> None:
    case = _register(demo)
    org = demo.orgs["jgsw"]
    assert selectors.table4_counts([org.pk], 2025)[org.pk]["review"]["pending"] == 1
    with pytest.raises(ValidationError, match="作废原因"):
        services.void_remedy(actor=demo.users["jgsw_chengban"], remedy=case, reason=" ")
    services.void_remedy(actor=demo.users["jgsw_chengban"], remedy=case, reason="重复登记")
    assert selectors.table4_counts([org.pk], 2025)[org.pk]["review"]["total"] == 0
    assert Remedy.objects.filter(pk=case.pk, voided=True).exists()
    with pytest.raises(ValidationError, match="已作废"):
        services.update_remedy(actor=demo.users["jgsw_chengban"], remedy=case, version=2, note="x")


def test_only_the_agencys_own_staff_enter_cases(demo) -> None:
    with pytest.raises(RoleRequired):
        _register(demo, "zwgk_jiandu")  # supervisor: read only
    with pytest.raises(NotVisible):
        _register(demo, "jyj_chengban")  # another agency
    assert not Remedy.objects.exists()


def _application(demo, org_key: str, number: str) -> Application:
    return Application.objects.create(
        organisation=demo.orgs[org_key],
        number=number,
        channel="online",
        submitted_at=timezone.now(),
        applicant_kind="natural_person",
        name="赵某某",
        id_type="id_card",
        id_number="x",
        phone="1",
        description="某文件",
        info_form="paper",
        delivery="post",
    )


def test_a_case_links_only_an_application_of_the_same_agency(demo) -> None:
    own, foreign = _application(demo, "jgsw", "R-1"), _application(demo, "jyj", "R-2")
    assert _register(demo, application=own).application == own
    with pytest.raises(ValidationError, match="本机关办理的申请"):
        _register(demo, application=foreign)


def test_other_agencies_cases_are_not_visible(demo) -> None:
    case = _register(demo)
    assert list(selectors.remedies_for(demo.users["zwgk_jiandu"])) == [case]  # supervisor of the city
    assert not selectors.remedies_for(demo.users["jyj_chengban"]).exists()
    with pytest.raises(NotVisible):
        selectors.remedy_for(demo.users["jyj_chengban"], case.pk)


def test_the_application_page_lists_the_remedies_about_it(demo) -> None:
    case = _application(demo, "jgsw", "R-3")
    client = Client()
    client.force_login(demo.users["jgsw_chengban"])
    url = reverse("applications:detail", args=[case.pk])
    assert "本申请没有登记行政复议或行政诉讼" in client.get(url).content.decode()
    remedy = _register(demo, application=case)
    page = client.get(url).content.decode()
    assert reverse("remedies:detail", args=[remedy.pk]) in page
    assert "2025-03-01 立案，尚未审结" in page
