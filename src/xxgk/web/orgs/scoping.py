"""Who may see what. Every read of agency data goes through `scope()`; every write checks
`require_role()` first.

Rules: a user sees the organisations where they hold any role, plus the whole subtree below
each organisation where they hold 监督 (supervisor, read-only). Operational roles (登记, 承办,
审核, 签发, 管理员) act only in their own organisation. Superusers see everything. An object of
an organisation the user may not see raises `NotVisible` (404), never a 403 that confirms it.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import reduce
from operator import or_
from typing import Any, TypeGuard, TypeVar

from django.core.exceptions import ObjectDoesNotExist
from django.db.models import Model, Q, QuerySet

from xxgk.web.orgs.actors import Actor
from xxgk.web.orgs.errors import NotVisible, RoleRequired
from xxgk.web.orgs.models import Membership, Organisation, Role, User

M = TypeVar("M", bound=Model)


def _is_staff_user(user: Actor) -> TypeGuard[User]:
    return isinstance(user, User) and user.is_authenticated and user.is_active


def visible_orgs(user: Actor) -> QuerySet[Organisation]:
    """The organisations `user` may see (read)."""
    if not _is_staff_user(user):
        return Organisation.objects.none()
    if user.is_superuser:
        return Organisation.objects.all()
    memberships = list(Membership.objects.filter(user=user).values_list("organisation__path", "role"))
    conditions = [
        Q(path__startswith=path) if role == Role.SUPERVISOR else Q(path=path) for path, role in memberships
    ]
    if not conditions:
        return Organisation.objects.none()
    return Organisation.objects.filter(reduce(or_, conditions))


def scope(queryset: QuerySet[M], user: Actor, *, org_field: str = "organisation") -> QuerySet[M]:
    """`queryset` limited to rows whose `org_field` is a visible organisation
    (`org_field="pk"` for a queryset of organisations themselves)."""
    if _is_staff_user(user) and user.is_superuser:
        return queryset
    return queryset.filter(**{f"{org_field}__in": visible_orgs(user).values("pk")})


def get_visible(queryset: QuerySet[M], user: Actor, *, org_field: str = "organisation", **lookup: Any) -> M:
    """One object by `lookup`, or `NotVisible` whether it is missing or belongs to another agency."""
    try:
        return scope(queryset, user, org_field=org_field).get(**lookup)
    except ObjectDoesNotExist:  # the model's DoesNotExist, which the stubs do not see on type[M]
        raise NotVisible() from None


def roles_in(user: Actor, org: Organisation) -> set[str]:
    """The roles `user` holds directly in `org`, plus 监督 inherited from an ancestor."""
    if not _is_staff_user(user):
        return set()
    ancestor_paths = _ancestor_paths(org.path)
    roles: set[str] = set()
    for path, role in Membership.objects.filter(user=user, organisation__path__in=ancestor_paths).values_list(
        "organisation__path", "role"
    ):
        if path == org.path or role == Role.SUPERVISOR:
            roles.add(role)
    return roles


def can_see(user: Actor, org: Organisation) -> bool:
    return _is_staff_user(user) and (user.is_superuser or bool(roles_in(user, org)))


def has_role(user: Actor, org: Organisation, role: Role | Iterable[Role]) -> TypeGuard[User]:
    """Whether `user` is a signed-in, active staff user with `role` at `org` (superusers have every role)."""
    wanted = {role} if isinstance(role, str) else set(role)
    return _is_staff_user(user) and (user.is_superuser or bool(wanted & roles_in(user, org)))


def require_role(user: Actor, org: Organisation, role: Role | Iterable[Role]) -> None:
    """Raise `NotVisible` if `user` may not see `org`, `RoleRequired` if they lack `role` there.

    Superusers pass. 监督 grants reading only: ask for it to check read access to a subtree."""
    if not can_see(user, org):
        raise NotVisible()
    if not has_role(user, org, role):
        wanted = [role] if isinstance(role, str) else list(role)
        raise RoleRequired("或".join(Role(r).label for r in wanted))


def _ancestor_paths(path: str) -> list[str]:
    ids = [part for part in path.split("/") if part]
    return ["/" + "/".join(ids[: i + 1]) + "/" for i in range(len(ids))]
