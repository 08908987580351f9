"""The audit log: written in the change's transaction, append-only, free of personal data."""

from __future__ import annotations

import pytest
from django.db import DatabaseError, connection, transaction

from xxgk.web.audit.audit_codes import define, label
from xxgk.web.audit.models import AppendOnlyError, AuditEvent
from xxgk.web.audit.services import PersonalDataInAuditError, record
from xxgk.web.demo import DemoContext
from xxgk.web.orgs import services
from xxgk.web.orgs.models import Organisation

TEST_ACTION = define("tests.touch", "测试操作")


class Boom(Exception):
    pass


def test_event_is_rolled_back_with_the_change(demo: DemoContext) -> None:
    jgsw = demo.orgs["jgsw"]
    before = AuditEvent.objects.count()
    with pytest.raises(Boom), transaction.atomic():
        services.update_organisation_contact(actor=demo.users["jgsw_admin"], organisation=jgsw, fax="0795-1")
        assert AuditEvent.objects.count() == before + 1
        raise Boom
    assert AuditEvent.objects.count() == before
    assert Organisation.objects.get(pk=jgsw.pk).fax == "0795-3202211"


def test_event_commits_with_the_change(demo: DemoContext) -> None:
    services.update_organisation_contact(
        actor=demo.users["jgsw_admin"], organisation=demo.orgs["jgsw"], fax="0795-1"
    )
    event = AuditEvent.objects.get(action="orgs.update_contact")
    assert event.object_type == "orgs.organisation"
    assert event.object_id == str(demo.orgs["jgsw"].pk)
    assert event.actor_name == "jgsw_admin"
    assert event.action_label == "修改机关联系信息"
    assert event.changes == [("fax", "0795-3202211", "0795-1")]


def test_an_unchanged_save_writes_no_event(demo: DemoContext) -> None:
    jgsw = demo.orgs["jgsw"]
    services.update_organisation_contact(actor=demo.users["jgsw_admin"], organisation=jgsw, fax=jgsw.fax)
    assert not AuditEvent.objects.filter(action="orgs.update_contact").exists()


@pytest.fixture
def event(demo: DemoContext) -> AuditEvent:
    with transaction.atomic():
        return record(actor=demo.users["jgsw_admin"], action=TEST_ACTION, organisation=demo.orgs["jgsw"])


def test_stored_events_cannot_be_saved_again(event: AuditEvent) -> None:
    event.action = "orgs.login"
    with pytest.raises(AppendOnlyError):
        event.save()


def test_events_cannot_be_deleted(event: AuditEvent) -> None:
    with pytest.raises(AppendOnlyError):
        event.delete()
    with pytest.raises(AppendOnlyError):
        AuditEvent.objects.filter(pk=event.pk).delete()
    with pytest.raises(AppendOnlyError):
        AuditEvent.objects.filter(pk=event.pk).update(action="orgs.login")


@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE audit_auditevent SET action = 'orgs.login' WHERE id = %s",
        "DELETE FROM audit_auditevent WHERE id = %s",
    ],
)
def test_the_database_refuses_raw_updates_and_deletes(event: AuditEvent, sql: str) -> None:
    with (
        pytest.raises(DatabaseError, match="append-only"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute(sql, [event.pk])
    assert AuditEvent.objects.get(pk=event.pk).action == TEST_ACTION


@pytest.mark.parametrize(
    "payload",
    [
        {"applicant_name": "张三"},
        {"id_number": "360902199001011234"},
        {"fields": [{"applicant": {"phone": "13800000000"}}]},
        {"password": "x"},
    ],
)
def test_personal_data_is_refused(demo: DemoContext, payload: dict[str, object]) -> None:
    with pytest.raises(PersonalDataInAuditError), transaction.atomic():
        record(actor=None, action=TEST_ACTION, after=payload)


def test_undeclared_actions_are_refused(demo: DemoContext) -> None:
    with pytest.raises(ValueError, match="undeclared"), transaction.atomic():
        record(actor=None, action="tests.never_declared")


def test_action_codes_have_one_label() -> None:
    assert label(TEST_ACTION) == "测试操作"
    with pytest.raises(ValueError):
        define("tests.touch", "另一个名称")
    with pytest.raises(ValueError):
        define("NoDot", "无效")


@pytest.mark.django_db(transaction=True)
def test_record_outside_a_transaction_is_a_programming_error() -> None:
    with pytest.raises(RuntimeError, match=r"transaction\.atomic"):
        record(actor=None, action=TEST_ACTION)
