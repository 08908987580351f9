"""Personal tokens: created and revoked by their owner in the staff UI, stored as a digest,
shown once; a revoked, malformed or read-only token is refused where it does not suffice."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client

from xxgk.web.api.models import ApiToken, Scope
from xxgk.web.api.services import MAX_ACTIVE_TOKENS, TokenError, create_token, revoke_token
from xxgk.web.api.tokens import digest_of
from xxgk.web.audit.models import AuditEvent
from xxgk.web.demo import DemoContext
from xxgk.web.orgs.errors import NotVisible


def _staff(demo: DemoContext, username: str) -> Client:
    client = Client()
    client.force_login(demo.users[username])
    return client


def test_token_is_shown_once_and_stored_only_as_a_digest(demo: DemoContext) -> None:
    client = _staff(demo, "jgsw_chengban")
    page = client.post("/staff/tokens/", {"name": "统计系统", "scope": "read"}).content.decode()
    token = ApiToken.objects.get(user=demo.users["jgsw_chengban"])
    shown = page.split('data-testid="new-token">')[1].split("<")[0]
    assert shown.startswith(f"xxgk_{token.prefix}_")
    assert token.digest == digest_of(shown) and shown not in token.digest
    again = client.get("/staff/tokens/").content.decode()
    assert shown not in again and f"xxgk_{token.prefix}_…" in again
    assert AuditEvent.objects.filter(action="api.token_created", object_id=str(token.pk)).exists()
    me = Client().get("/api/v1/me", headers={"Authorization": f"Bearer {shown}"}).json()
    assert me["username"] == "jgsw_chengban" and me["scope"] == "read"
    assert {(r["agency_id"], r["role"]) for r in me["roles"]} == {(demo.orgs["jgsw"].pk, "handler")}


def test_revoked_token_is_refused(demo: DemoContext) -> None:
    user = demo.users["jgsw_chengban"]
    token, text = create_token(actor=user, name="临时", scope=Scope.READ)
    client = _staff(demo, "jgsw_chengban")
    client.post(f"/staff/tokens/{token.pk}/revoke/")
    token.refresh_from_db()
    assert token.revoked_at is not None
    response = Client().get("/api/v1/me", headers={"Authorization": f"Bearer {text}"})
    assert response.status_code == 401
    assert response.json()["code"] == "unauthorized"
    assert "令牌" in response.json()["message"]


def test_another_users_token_cannot_be_revoked(demo: DemoContext) -> None:
    token, _ = create_token(actor=demo.users["jgsw_chengban"], name="甲", scope=Scope.READ)
    assert _staff(demo, "zwgk_jiandu").post(f"/staff/tokens/{token.pk}/revoke/").status_code == 404
    with pytest.raises(NotVisible):
        revoke_token(actor=demo.users["szf_admin"], token_id=token.pk)
    token.refresh_from_db()
    assert token.revoked_at is None


@pytest.mark.parametrize(
    "header", ["", "Bearer", "Bearer xxgk_nothing", "Bearer xxgk_0000abcd_forged", "Basic abc"]
)
def test_missing_or_forged_tokens_are_401(api: Client, demo: DemoContext, header: str) -> None:
    create_token(actor=demo.users["jgsw_chengban"], name="真", scope=Scope.READ)
    response = api.get("/api/v1/me", headers={"Authorization": header} if header else {})
    assert response.status_code == 401
    assert response.json()["code"] == "unauthorized"


def test_blank_name_and_too_many_tokens_are_refused(demo: DemoContext) -> None:
    user = demo.users["jyj_chengban"]
    with pytest.raises(TokenError):
        create_token(actor=user, name="  ", scope=Scope.READ)
    for i in range(MAX_ACTIVE_TOKENS):
        create_token(actor=user, name=f"第{i}个", scope=Scope.READ)
    page = (
        _staff(demo, "jyj_chengban")
        .post("/staff/tokens/", {"name": "多余", "scope": "read"})
        .content.decode()
    )
    assert f"最多保留 {MAX_ACTIVE_TOKENS} 个有效令牌" in page
    assert ApiToken.objects.filter(user=user).count() == MAX_ACTIVE_TOKENS


def test_token_page_needs_login(db: None) -> None:
    response = Client().get("/staff/tokens/")
    assert response.status_code == 302 and "/staff/login/" in response["Location"]


def test_inactive_user_token_is_refused(
    api: Client, demo: DemoContext, token_of: Callable[..., dict[str, str]]
) -> None:
    headers = token_of("jyj_chengban")
    user = demo.users["jyj_chengban"]
    user.is_active = False
    user.save(update_fields=["is_active"])
    assert api.get("/api/v1/me", headers=headers).status_code == 401


def test_every_new_token_is_accepted(api: Client, demo: DemoContext) -> None:
    # The secret is URL-safe base64, which may itself contain "_" (a bug once refused such tokens).
    for _ in range(20):
        _, text = create_token(actor=demo.users["szf_admin"], name="批量", scope=Scope.READ)
        assert api.get("/api/v1/me", headers={"Authorization": f"Bearer {text}"}).status_code == 200
        ApiToken.objects.filter(user=demo.users["szf_admin"]).update(revoked_at="2026-01-01T00:00Z")
