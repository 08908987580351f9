"""The demo loader: realistic, complete and idempotent."""

from __future__ import annotations

from django.contrib.auth import authenticate

from xxgk.web.audit.models import AuditEvent
from xxgk.web.demo import load_demo
from xxgk.web.orgs.credit_code import is_valid
from xxgk.web.orgs.models import Membership, Organisation, OrgKind, Role, User


def _counts() -> tuple[int, int, int, int]:
    return (
        Organisation.objects.count(),
        User.objects.count(),
        Membership.objects.count(),
        AuditEvent.objects.count(),
    )


def test_loading_twice_changes_nothing(db: None) -> None:
    first = load_demo()
    counts = _counts()
    second = load_demo()
    assert _counts() == counts
    assert first.created > 0
    assert second.created == 0
    assert [login.username for login in second.logins] == [login.username for login in first.logins]


def test_demo_covers_every_role_and_has_valid_codes(db: None) -> None:
    context = load_demo()
    assert set(Membership.objects.values_list("role", flat=True)) == set(Role.values)
    assert all(is_valid(code) for code in Organisation.objects.values_list("credit_code", flat=True))
    assert {OrgKind.CITY_GOVERNMENT, OrgKind.COUNTY_GOVERNMENT, OrgKind.TOWNSHIP} <= set(
        Organisation.objects.values_list("kind", flat=True)
    )
    assert Organisation.objects.get(name="宜春市机关事务管理中心").parent.name == "宜春市人民政府"
    assert authenticate(username="jgsw_chengban", password=context.password) is not None
