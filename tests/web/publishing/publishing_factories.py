"""Factories of the publishing tests: organisations made on the spot (no demo data needed)."""

from __future__ import annotations

import itertools

from xxgk.web.orgs.demo import credit_code
from xxgk.web.orgs.models import Organisation, OrgKind

_SERIAL = itertools.count(1)


def make_org(
    name: str | None = None, kind: OrgKind = OrgKind.DEPARTMENT, parent: Organisation | None = None
) -> Organisation:
    n = next(_SERIAL)
    return Organisation.objects.create(
        name=name or f"测试机关{n}",
        credit_code=credit_code("360900", f"T{n:07d}"),
        kind=kind,
        parent=parent,
    )
