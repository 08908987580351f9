"""Log-in with a temporary lockout after 5 failures; log-out; both audited."""

from __future__ import annotations

from datetime import timedelta

from django.test import Client
from django.urls import reverse
from django.utils import timezone

from xxgk.web.audit.models import AuditEvent
from xxgk.web.demo import DemoContext
from xxgk.web.orgs.models import LoginThrottle

LOGIN = reverse("ui:login")


def _try(client: Client, username: str, password: str) -> str:
    response = client.post(LOGIN, {"username": username, "password": password})
    return "ok" if response.status_code == 302 else response.content.decode()


def test_correct_password_logs_in_and_logout_ends_the_session(demo: DemoContext) -> None:
    client = Client()
    assert _try(client, "jgsw_chengban", demo.password) == "ok"
    assert client.get(reverse("ui:dashboard")).status_code == 200
    client.post(reverse("ui:logout"))
    assert client.get(reverse("ui:dashboard")).status_code == 302
    actions = AuditEvent.objects.filter(action__in=["orgs.login", "orgs.logout"]).values_list(
        "action", flat=True
    )
    assert list(actions) == ["orgs.logout", "orgs.login"]


def test_wrong_password_gets_a_chinese_message(demo: DemoContext) -> None:
    page = _try(Client(), "jgsw_chengban", "wrong")
    assert "用户名或密码不正确" in page


def test_five_failures_lock_the_account_even_for_the_right_password(demo: DemoContext) -> None:
    client = Client()
    for _ in range(4):
        assert "用户名或密码不正确" in _try(client, "jgsw_chengban", "wrong")
    assert "已被临时锁定" in _try(client, "jgsw_chengban", "wrong")
    page = _try(client, "JGSW_chengban", demo.password)
    assert "已被临时锁定" in page
    assert "15 分钟后再试" in page
    assert AuditEvent.objects.filter(
        action="orgs.locked_out", object_id=str(demo.users["jgsw_chengban"].pk)
    ).exists()


def test_the_lock_ends_after_fifteen_minutes(demo: DemoContext) -> None:
    client = Client()
    for _ in range(5):
        _try(client, "jgsw_chengban", "wrong")
    LoginThrottle.objects.update(locked_until=timezone.now() - timedelta(seconds=1))
    assert _try(client, "jgsw_chengban", demo.password) == "ok"
    assert not LoginThrottle.objects.exists()


def test_a_success_resets_the_failure_count(demo: DemoContext) -> None:
    for _ in range(4):
        _try(Client(), "jgsw_chengban", "wrong")
    assert _try(Client(), "jgsw_chengban", demo.password) == "ok"
    for _ in range(4):
        assert "用户名或密码不正确" in _try(Client(), "jgsw_chengban", "wrong")


def test_failures_older_than_the_window_are_forgotten(demo: DemoContext) -> None:
    for _ in range(4):
        _try(Client(), "jgsw_chengban", "wrong")
    LoginThrottle.objects.update(first_failure_at=timezone.now() - timedelta(minutes=16))
    assert "用户名或密码不正确" in _try(Client(), "jgsw_chengban", "wrong")
    assert LoginThrottle.objects.get().failures == 1


def test_unknown_user_names_are_throttled_too_but_not_logged(demo: DemoContext) -> None:
    for _ in range(5):
        _try(Client(), "nobody", "wrong")
    assert "已被临时锁定" in _try(Client(), "nobody", "x")
    assert not AuditEvent.objects.filter(action="orgs.locked_out").exists()


def test_empty_form_is_explained(demo: DemoContext) -> None:
    page = _try(Client(), "", "")
    assert "请输入用户名" in page
    assert "请输入密码" in page


def test_next_parameter_cannot_leave_the_site(demo: DemoContext) -> None:
    response = Client().post(
        LOGIN + "?next=https://evil.example/", {"username": "jgsw_chengban", "password": demo.password}
    )
    assert response.url == reverse("ui:dashboard")


def test_an_administrator_can_lift_a_lock_and_that_is_audited(demo: DemoContext) -> None:
    for _ in range(5):
        _try(Client(), "jgsw_chengban", "wrong")
    admin = Client()
    admin.force_login(demo.users["admin"])
    throttle = LoginThrottle.objects.get()
    admin.post(reverse("admin:orgs_loginthrottle_delete", args=[throttle.pk]), {"post": "yes"})
    assert _try(Client(), "jgsw_chengban", demo.password) == "ok"
    assert AuditEvent.objects.filter(action="admin.delete", object_type="orgs.loginthrottle").exists()


def test_the_lock_holds_only_for_the_address_that_failed(demo: DemoContext, settings) -> None:
    settings.XXGK_TRUSTED_PROXY_HEADER, settings.XXGK_TRUSTED_PROXIES = "X-Forwarded-For", 1
    attacker = Client(HTTP_X_FORWARDED_FOR="203.0.113.9")
    for _ in range(5):
        _try(attacker, "jgsw_chengban", "wrong")
    assert "已被临时锁定" in _try(attacker, "jgsw_chengban", demo.password)
    owner = Client(HTTP_X_FORWARDED_FOR="198.51.100.7")
    response = owner.post(LOGIN, {"username": "jgsw_chengban", "password": demo.password}, follow=True)
    page = response.content.decode()
    assert response.redirect_chain and "因连续登录失败被临时锁定" in page and "如非本人操作" in page
    # the owner's success does not lift the attacker's lock, and no address is stored in clear
    assert "已被临时锁定" in _try(attacker, "jgsw_chengban", demo.password)
    assert not LoginThrottle.objects.filter(username__contains="203.0.113.9").exists()


def test_no_lock_message_without_a_lock(demo: DemoContext) -> None:
    response = Client().post(LOGIN, {"username": "jgsw_chengban", "password": demo.password}, follow=True)
    assert "临时锁定" not in response.content.decode()
