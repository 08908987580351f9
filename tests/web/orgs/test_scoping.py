"""Scoping: another agency's objects are 404; 监督 reads a subtree but cannot act; 管理员 acts only
in its own organisation."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from xxgk.web.audit.models import AuditEvent
from xxgk.web.audit.selectors import events_visible_to
from xxgk.web.demo import DemoContext
from xxgk.web.orgs import services
from xxgk.web.orgs.errors import NotVisible, RoleRequired
from xxgk.web.orgs.models import Membership, Organisation, Role
from xxgk.web.orgs.scoping import require_role, scope, visible_orgs


def _client_for(demo: DemoContext, username: str) -> Client:
    client = Client()
    client.force_login(demo.users[username])
    return client


def test_staff_see_only_their_own_organisation(demo: DemoContext) -> None:
    assert list(visible_orgs(demo.users["jgsw_chengban"])) == [demo.orgs["jgsw"]]


def test_another_agencys_organisation_page_is_404(demo: DemoContext) -> None:
    client = _client_for(demo, "jgsw_chengban")
    assert client.get(reverse("orgs:detail", args=[demo.orgs["jgsw"].pk])).status_code == 200
    response = client.get(reverse("orgs:detail", args=[demo.orgs["zrzy"].pk]))
    assert response.status_code == 404
    assert "宜春市自然资源局" not in response.content.decode()


def test_missing_and_foreign_objects_look_the_same(demo: DemoContext) -> None:
    client = _client_for(demo, "jgsw_chengban")
    missing = client.get(reverse("orgs:detail", args=[999_999]))
    foreign = client.get(reverse("orgs:detail", args=[demo.orgs["zrzy"].pk]))
    assert missing.status_code == foreign.status_code == 404


def test_organisation_list_shows_only_visible_ones(demo: DemoContext) -> None:
    page = _client_for(demo, "jgsw_chengban").get(reverse("orgs:list")).content.decode()
    assert "宜春市机关事务管理中心" in page
    assert "宜春市教育局" not in page


def test_supervisor_reads_the_whole_subtree(demo: DemoContext) -> None:
    city_supervisor = demo.users["zwgk_jiandu"]
    assert set(visible_orgs(city_supervisor)) == set(Organisation.objects.all())
    client = _client_for(demo, "zwgk_jiandu")
    assert client.get(reverse("orgs:detail", args=[demo.orgs["cihua"].pk])).status_code == 200


def test_district_supervisor_sees_its_district_only(demo: DemoContext) -> None:
    seen = set(visible_orgs(demo.users["yzq_jiandu"]))
    assert seen == {demo.orgs["yzq"], demo.orgs["cihua"], demo.orgs["lingquan"]}
    client = _client_for(demo, "yzq_jiandu")
    assert client.get(reverse("orgs:detail", args=[demo.orgs["jgsw"].pk])).status_code == 404


def test_supervisor_cannot_act(demo: DemoContext) -> None:
    client = _client_for(demo, "zwgk_jiandu")
    url = reverse("orgs:edit_contact", args=[demo.orgs["jgsw"].pk])
    assert client.get(url).status_code == 403
    assert client.post(url, {"phone": "0795-0000000"}).status_code == 403
    demo.orgs["jgsw"].refresh_from_db()
    assert demo.orgs["jgsw"].phone != "0795-0000000"
    with pytest.raises(RoleRequired):
        require_role(demo.users["zwgk_jiandu"], demo.orgs["jgsw"], Role.HANDLER)


def test_admin_of_one_agency_cannot_act_in_another(demo: DemoContext) -> None:
    client = _client_for(demo, "jgsw_admin")
    zrzy = demo.orgs["zrzy"]
    response = client.post(reverse("orgs:edit_contact", args=[zrzy.pk]), {"phone": "0795-0000000"})
    assert response.status_code == 404
    grant = client.post(
        reverse("orgs:grant_role", args=[zrzy.pk]), {"username": "jgsw_admin", "role": "admin"}
    )
    assert grant.status_code == 404
    foreign_membership = Membership.objects.filter(organisation=zrzy).first()
    assert client.post(reverse("orgs:revoke_role", args=[foreign_membership.pk])).status_code == 404
    assert Membership.objects.filter(pk=foreign_membership.pk).exists()
    with pytest.raises(NotVisible):
        services.update_organisation_contact(actor=demo.users["jgsw_admin"], organisation=zrzy, phone="1")
    assert not AuditEvent.objects.filter(organisation=zrzy, action__startswith="orgs.").exists()


def test_admin_of_a_parent_government_does_not_act_in_its_departments(demo: DemoContext) -> None:
    with pytest.raises(NotVisible):
        require_role(demo.users["szf_admin"], demo.orgs["jgsw"], Role.ADMIN)


def test_admin_edits_own_contact_details_and_the_change_is_audited(demo: DemoContext) -> None:
    client = _client_for(demo, "jgsw_admin")
    jgsw = demo.orgs["jgsw"]
    data = {field: getattr(jgsw, field) for field in services.CONTACT_FIELDS} | {"phone": "0795-3202299"}
    response = client.post(reverse("orgs:edit_contact", args=[jgsw.pk]), data)
    assert response.status_code == 302
    jgsw.refresh_from_db()
    assert jgsw.phone == "0795-3202299"
    event = AuditEvent.objects.get(action="orgs.update_contact")
    assert (event.organisation, event.actor) == (jgsw, demo.users["jgsw_admin"])
    assert event.before == {"phone": "0795-3202210"}
    assert event.after == {"phone": "0795-3202299"}
    page = client.get(reverse("orgs:detail", args=[jgsw.pk])).content.decode()
    assert "联系信息已保存" in page
    assert "变更记录" in page
    assert "0795-3202210</span> → 0795-3202299" in page
    assert "0795-3202299" in client.get(reverse("audit:list")).content.decode()


def test_bad_contact_input_is_answered_in_chinese(demo: DemoContext) -> None:
    client = _client_for(demo, "jgsw_admin")
    jgsw = demo.orgs["jgsw"]
    data = {field: getattr(jgsw, field) for field in services.CONTACT_FIELDS} | {"email": "不是邮箱"}
    response = client.post(reverse("orgs:edit_contact", args=[jgsw.pk]), data)
    assert response.status_code == 200
    assert "输入一个有效的 Email 地址" in response.content.decode()


def test_admin_grants_and_revokes_roles_in_own_organisation(demo: DemoContext) -> None:
    client = _client_for(demo, "jgsw_admin")
    jgsw = demo.orgs["jgsw"]
    client.post(reverse("orgs:grant_role", args=[jgsw.pk]), {"username": "jgsw_dengji", "role": "handler"})
    membership = Membership.objects.get(user=demo.users["jgsw_dengji"], organisation=jgsw, role=Role.HANDLER)
    client.post(reverse("orgs:revoke_role", args=[membership.pk]))
    assert not Membership.objects.filter(pk=membership.pk).exists()
    orgs_events = AuditEvent.objects.filter(organisation=jgsw, action__startswith="orgs.")
    assert list(orgs_events.values_list("action", flat=True)) == [
        "orgs.revoke_role",
        "orgs.grant_role",
    ]


def test_scope_filters_any_queryset_by_its_organisation_field(demo: DemoContext) -> None:
    memberships = scope(Membership.objects.all(), demo.users["jyj_chengban"])
    assert set(memberships.values_list("organisation", flat=True)) == {demo.orgs["jyj"].pk}


def test_audit_events_of_another_agency_are_not_visible(demo: DemoContext) -> None:
    services.update_organisation_contact(
        actor=demo.users["jgsw_admin"], organisation=demo.orgs["jgsw"], fax="1"
    )
    assert events_visible_to(demo.users["jgsw_chengban"]).filter(action="orgs.update_contact").exists()
    assert not events_visible_to(demo.users["jyj_chengban"]).filter(action="orgs.update_contact").exists()
    assert events_visible_to(demo.users["zwgk_jiandu"]).filter(action="orgs.update_contact").exists()


def test_superuser_sees_everything(demo: DemoContext) -> None:
    assert visible_orgs(demo.users["admin"]).count() == Organisation.objects.count()


def test_anonymous_users_are_sent_to_the_login_page(demo: DemoContext) -> None:
    response = Client().get(reverse("orgs:detail", args=[demo.orgs["jgsw"].pk]))
    assert response.status_code == 302
    assert response.url.startswith(reverse("ui:login"))
