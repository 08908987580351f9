"""Staff endpoints (a personal token): cases, annual-report drafts, rollup campaigns and jobs,
each read through the owning app's scoped selectors, so a token sees exactly what its user sees
in the staff UI — another agency's object is a 404. Applicants' personal data are masked unless
the user is staff of the handling agency."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from ninja import Field, Query, Router, Schema

from xxgk.report import Report
from xxgk.web.annual import selectors as annual
from xxgk.web.annual import services as annual_services
from xxgk.web.annual.errors import EditConflict
from xxgk.web.annual.models import Draft
from xxgk.web.api.auth import READ, WRITE
from xxgk.web.api.errors import TOKEN_ERRORS, ApiError, ErrorBody
from xxgk.web.api.listing import ListQuery, Page, csv_openapi, ordering_of, respond
from xxgk.web.api.lookups import BIG_ID
from xxgk.web.applications import selectors as applications
from xxgk.web.applications.masking import PERSONAL_FIELDS, mask, may_see_personal
from xxgk.web.applications.models import Application
from xxgk.web.applications.models import State as CaseState
from xxgk.web.jobs import registry as job_registry
from xxgk.web.jobs import selectors as jobs
from xxgk.web.orgs.actors import Actor
from xxgk.web.orgs.scoping import scope
from xxgk.web.orgs.selectors import organisation_for
from xxgk.web.rollup import selectors as rollup

router = Router(tags=["工作人员（需令牌）"])


def _user(request: HttpRequest) -> Any:
    return request.auth.user  # type: ignore[attr-defined]


class Applicant(Schema):
    """Personal data: in clear for staff of the handling agency, masked for everyone else."""

    masked: bool
    name: str
    id_number: str
    contact_person: str
    phone: str
    email: str
    address: str
    postcode: str


class Case(Schema):
    id: int
    number: str = Field(description="受理编号")
    agency_id: int
    agency: str
    channel: str
    applicant_kind: str
    received_on: dt.date | None
    state: str
    state_zh: str
    outcome: str
    due_on: dt.date | None = Field(description="答复期限")
    concluded_on: dt.date | None
    applicant: Applicant


class CaseFilters(ListQuery):
    agency: int | None = Field(None, ge=1, le=BIG_ID)
    state: CaseState | None = None
    received_from: dt.date | None = None
    received_to: dt.date | None = None
    ordering: ordering_of("received_on", "due_on", "number") = "-received_on"  # type: ignore[valid-type]


def _cases(user: Actor, page: list[Application]) -> list[Case]:
    clear: dict[int, bool] = {}
    out = []
    for case in page:
        if case.organisation_id not in clear:
            clear[case.organisation_id] = may_see_personal(user, case.organisation)
        visible = clear[case.organisation_id]
        personal = {f: getattr(case, f) if visible else mask(f, getattr(case, f)) for f in PERSONAL_FIELDS}
        out.append(
            Case(
                id=case.pk,
                number=case.number,
                agency_id=case.organisation_id,
                agency=case.organisation.name,
                channel=case.channel,
                applicant_kind=case.applicant_kind,
                received_on=case.received_on,
                state=case.state,
                state_zh=CaseState(case.state).label,
                outcome=case.outcome,
                due_on=case.due_on,
                concluded_on=case.concluded_on,
                applicant=Applicant(masked=not visible, **personal),
            )
        )
    return out


@router.get(
    "/staff/cases",
    response={200: Page[Case], **TOKEN_ERRORS},
    auth=READ,
    openapi_extra=csv_openapi("依申请公开案件"),
    summary="依申请公开案件",
)
def list_cases(request: HttpRequest, filters: Query[CaseFilters]) -> dict | HttpResponse:
    user = _user(request)
    rows = applications.applications_for(user)
    if filters.agency is not None:
        rows = rows.filter(organisation_id=filters.agency)
    if filters.state is not None:
        rows = rows.filter(state=filters.state)
    if filters.received_from is not None:
        rows = rows.filter(received_on__gte=filters.received_from)
    if filters.received_to is not None:
        rows = rows.filter(received_on__lte=filters.received_to)
    return respond(
        rows,
        query=filters,
        ordering=filters.ordering,
        fields={"received_on": "received_on", "due_on": "due_on", "number": "number"},
        schema=Case,
        items=lambda page: _cases(user, page),
        filename="cases",
    )


@router.get("/staff/cases/{case_id}", response={200: Case, **TOKEN_ERRORS}, auth=READ, summary="一件案件")
def get_case(request: HttpRequest, case_id: int) -> Case:
    if not 0 < case_id < BIG_ID:
        raise ApiError(404, "not_found", "未找到该对象，或您无权查看。")
    user = _user(request)
    return _cases(user, [applications.application_for(user, case_id)])[0]


class DraftOut(Schema):
    agency_id: int
    agency: str
    year: int
    overview: str
    problems: str
    other_matters: str
    signed_on: dt.date | None
    version: int = Field(description="保存时须回传，用于防止覆盖他人的修改")
    updated_at: dt.datetime


class DraftIn(Schema):
    version: int = Field(ge=0, le=2**31)
    overview: str = Field("", max_length=20_000)
    problems: str = Field("", max_length=20_000)
    other_matters: str = Field("", max_length=20_000)
    signed_on: dt.date | None = None


class DraftFilters(ListQuery):
    agency: int | None = Field(None, ge=1, le=BIG_ID)
    year: int | None = Field(None, ge=2000, le=2100)
    ordering: ordering_of("year", "updated_at") = "-year"  # type: ignore[valid-type]


def _draft(d: Draft) -> DraftOut:
    return DraftOut(
        agency_id=d.organisation_id,
        agency=d.organisation.name,
        year=d.year,
        overview=d.overview,
        problems=d.problems,
        other_matters=d.other_matters,
        signed_on=d.signed_on,
        version=d.version,
        updated_at=d.updated_at,
    )


@router.get(
    "/staff/drafts",
    response={200: Page[DraftOut], **TOKEN_ERRORS},
    auth=READ,
    openapi_extra=csv_openapi("年度报告草稿"),
    summary="年度报告草稿",
)
def list_drafts(request: HttpRequest, filters: Query[DraftFilters]) -> dict | HttpResponse:
    # The annual app has per-agency selectors only; the list is scoped here with `scope()`.
    rows = scope(Draft.objects.select_related("organisation"), _user(request))
    if filters.agency is not None:
        rows = rows.filter(organisation_id=filters.agency)
    if filters.year is not None:
        rows = rows.filter(year=filters.year)
    return respond(
        rows,
        query=filters,
        ordering=filters.ordering,
        fields={"year": "year", "updated_at": "updated_at"},
        schema=DraftOut,
        items=lambda page: [_draft(d) for d in page],
        filename="drafts",
    )


def _visible_org(user: Actor, agency_id: int, year: int) -> Any:
    if not (0 < agency_id < BIG_ID and 2000 <= year <= 2100):
        raise ApiError(404, "not_found", "未找到该对象，或您无权查看。")
    return organisation_for(user, agency_id)


@router.get(
    "/staff/drafts/{agency_id}/{year}/report",
    response={200: Report, **TOKEN_ERRORS},
    auth=READ,
    summary="按现有数据汇总的年度报告（未公开）",
)
def assembled(request: HttpRequest, agency_id: int, year: int) -> Report:
    return annual.assembled_report(_visible_org(_user(request), agency_id, year), year)


@router.put(
    "/staff/drafts/{agency_id}/{year}",
    response={200: DraftOut, 409: ErrorBody, **TOKEN_ERRORS},
    auth=WRITE,
    summary="保存年度报告草稿的文字部分（需读写令牌）",
)
def save_draft(request: HttpRequest, agency_id: int, year: int, body: DraftIn) -> DraftOut:
    user = _user(request)
    org = _visible_org(user, agency_id, year)
    try:
        draft = annual_services.save_draft(actor=user, organisation=org, year=year, **body.dict())
    except ValidationError as exc:
        status, code = (409, "conflict") if isinstance(exc, EditConflict) else (400, "invalid_draft")
        raise ApiError(status, code, "；".join(exc.messages)) from None
    return _draft(draft)


class CampaignOut(Schema):
    id: int
    office_id: int
    office: str = Field(description="组织机关")
    year: int
    internal_deadline: dt.date | None
    status: dict[str, int] = Field(description="各状态的单位数")


@router.get(
    "/staff/campaigns", response={200: list[CampaignOut], **TOKEN_ERRORS}, auth=READ, summary="年报汇总"
)
def list_campaigns(request: HttpRequest) -> list[CampaignOut]:
    user = _user(request)
    return [
        CampaignOut(
            id=c.pk,
            office_id=c.office_id,
            office=c.office.name,
            year=c.year,
            internal_deadline=c.internal_deadline,
            status=dict(rollup.status_counts(rollup.board(user, c))),
        )
        for c in rollup.campaigns_for(user)
    ]


class JobOut(Schema):
    id: int
    kind: str
    label_zh: str
    status: str
    status_zh: str
    done: int
    total: int
    percent: int
    step_zh: str
    attempts: int
    error_zh: str
    result: Any


@router.get("/staff/jobs/{job_id}", response={200: JobOut, **TOKEN_ERRORS}, auth=READ, summary="后台任务进度")
def get_job(request: HttpRequest, job_id: int) -> JobOut:
    if not 0 < job_id < BIG_ID:
        raise ApiError(404, "not_found", "未找到该对象，或您无权查看。")
    job = jobs.job_for(_user(request), job_id)
    return JobOut(
        id=job.pk,
        kind=job.kind,
        label_zh=job_registry.label_of(job.kind),
        status=job.status,
        status_zh=job.get_status_display(),
        done=job.done,
        total=job.total,
        percent=job.percent,
        step_zh=job.step_zh,
        attempts=job.attempts,
        error_zh=job.error_zh,
        result=job.result,
    )
