"""Reference-data changes through the Django admin are audited; the log itself is read-only there."""

from __future__ import annotations

from django.test import Client
from django.urls import reverse

from xxgk.web.audit.models import AuditEvent
from xxgk.web.demo import DemoContext


def _admin_client(demo: DemoContext) -> Client:
    client = Client()
    client.force_login(demo.users["admin"])
    return client


def test_changing_an_organisation_in_the_admin_is_audited(demo: DemoContext) -> None:
    org = demo.orgs["jyj"]
    url = reverse("admin:orgs_organisation_change", args=[org.pk])
    client = _admin_client(demo)
    form = client.get(url).context["adminform"].form
    data = {name: value for name, value in form.initial.items() if value is not None and name != "path"}
    data |= {"short_name": "市教育局", "is_active": "on"}
    response = client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    event = AuditEvent.objects.get(action="admin.change")
    assert (event.organisation, event.after) == (org, {"short_name": "市教育局"})


def test_the_audit_log_cannot_be_edited_in_the_admin(demo: DemoContext) -> None:
    client = _admin_client(demo)
    assert client.get(reverse("admin:audit_auditevent_changelist")).status_code == 200
    assert client.get(reverse("admin:audit_auditevent_add")).status_code == 403
