"""Test data of the annual report: cases and remedies written straight to the tables (the
services are tested on their own), and a year's figures and sections entered through them."""

from __future__ import annotations

import datetime as dt
import itertools
from typing import Any

from django.utils import timezone

from xxgk.web.annual import services
from xxgk.web.applications.models import Application
from xxgk.web.orgs.models import Organisation, OrgKind
from xxgk.web.remedies.models import Remedy

_numbers = itertools.count(1)


def organisation(name: str = "测试市统计局", code: str = "11360900014451050X") -> Organisation:
    return Organisation.objects.create(name=name, credit_code=code, kind=OrgKind.DEPARTMENT)


def application(
    org: Organisation,
    *,
    kind: str = "natural_person",
    received: dt.date | None,
    concluded: dt.date | None = None,
    outcome: str = "",
    save: bool = True,
) -> Application:
    number = next(_numbers)
    app = Application(
        organisation=org,
        number=f"T{number:08d}",
        channel="online",
        submitted_at=timezone.now(),
        received_on=received,
        applicant_kind=kind,
        name="张三",
        id_type="id_card",
        id_number="360902199001011234",
        phone="13800000000",
        description="某文件",
        info_form="electronic",
        delivery="email",
        state="closed" if outcome else "registered",
        outcome=outcome if concluded else "",
        concluded_on=concluded if outcome else None,
    )
    if save:
        app.save()
    return app


def remedy(
    org: Organisation,
    *,
    kind: str = "review",
    filed: dt.date,
    decided: dt.date | None = None,
    result: str = "",
    voided: bool = False,
    save: bool = True,
) -> Remedy:
    case = Remedy(
        organisation=org,
        kind=kind,
        deciding_body="宜春市人民政府",
        claimant_name="李四",
        filed_on=filed,
        decided_on=decided if result else None,
        result=result if decided else "",
        voided=voided,
        void_reason="登记有误" if voided else "",
    )
    if save:
        case.save()
    return case


def figures_and_draft(
    demo: Any, org: Organisation, year: int, *, licensing: int = 0, penalty: int = 0, signed_on: dt.date
) -> None:
    """Table 二's yearly figures and empty sections 一/五/六, as the agency's 承办 enters them."""
    handler = demo.users["jgsw_chengban"]
    services.save_figures(
        actor=handler,
        organisation=org,
        year=year,
        version=0,
        licensing=licensing,
        penalty=0,
        coercion=0,
        fees=0,
    )
    services.save_draft(
        actor=handler,
        organisation=org,
        year=year,
        version=0,
        overview="",
        problems="",
        other_matters="",
        signed_on=signed_on,
    )
