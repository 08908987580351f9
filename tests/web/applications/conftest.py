"""Fixtures of the applications tests: the demo agency 宜春市机关事务管理中心 and its staff."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

import pytest
from django.db import transaction

from xxgk.web.applications import services
from xxgk.web.applications.intake import ApplicantData
from xxgk.web.applications.models import Application
from xxgk.web.demo import DemoContext
from xxgk.web.orgs.demo import load as load_orgs

PERSON = ApplicantData(
    applicant_kind="natural_person",
    name="张小明",
    id_type="id_card",
    id_number="360902199001011234",
    phone="13907950000",
    email="zxm@example.com",
    address="江西省宜春市袁州区某路1号",
    description="2024年度市行政中心物业服务合同",
    info_form="electronic",
    delivery="email",
)


@dataclass
class Staff:
    org: Any
    registrar: Any
    handler: Any
    reviewer: Any
    approver: Any
    admin: Any
    supervisor: Any
    other_agency: Any
    superuser: Any

    def register(self, received_on: date = date(2025, 3, 3), **kwargs: Any) -> Application:
        intake = services.register(
            actor=self.registrar,
            organisation=self.org,
            channel=kwargs.pop("channel", "letter"),
            received_on=received_on,
            data=kwargs.pop("data", PERSON),
            handler=kwargs.pop("handler", self.handler),
            **kwargs,
        )
        return intake.application


@pytest.fixture
def orgs_demo(db: None) -> DemoContext:
    """Only the demo organisations and users (the other apps' demo data is not needed here)."""
    context = DemoContext()
    with transaction.atomic():
        load_orgs(context)
    return context


@pytest.fixture
def staff(orgs_demo: DemoContext) -> Staff:
    demo = orgs_demo
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


def fresh(case: Application) -> Application:
    return Application.objects.select_related("organisation", "handler").get(pk=case.pk)
