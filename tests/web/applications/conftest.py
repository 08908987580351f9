"""Fixtures of the applications tests: the demo agency 宜春市机关事务管理中心 and its staff."""

from __future__ import annotations

import pytest

from factories.applications import Staff
from xxgk.web.demo import DemoContext


@pytest.fixture
def staff(demo: DemoContext) -> Staff:
    u = demo.users
    return Staff(
        org=demo.orgs["jgsw"],
        registrar=u["jgsw_dengji"],
        handler=u["jgsw_chengban"],
        reviewer=u["jgsw_shenhe"],
        approver=u["jgsw_qianfa"],
        admin=u["jgsw_admin"],
        supervisor=u["zwgk_jiandu"],
        other_agency=u["zrzy_chengban"],
        superuser=u["admin"],
    )
