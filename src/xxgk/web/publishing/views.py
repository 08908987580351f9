"""Staff pages of proactive disclosure: the work list, drafting, the review chain, the
registry, the catalogue, exports. Thin: reads through selectors, writes through services."""

from __future__ import annotations

from datetime import date
from typing import NoReturn

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from xxgk.web.orgs.models import Organisation, Role
from xxgk.web.orgs.scoping import get_visible, has_role, require_role, visible_orgs
from xxgk.web.publishing import (
    catalogue,
    chain,
    corrections,
    drafting,
    exports,
    issuing,
    prepublication,
    registry,
    review,
    scan,
    selectors,
    transitions,
)
from xxgk.web.publishing.chain import DRAFTER_ROLES
from xxgk.web.publishing.deadlines import publication_deadline_of
from xxgk.web.publishing.errors import InvalidInput, PublishingError
from xxgk.web.publishing.forms import (
    CorrectionForm,
    DocumentForm,
    NodeForm,
    PublicationForm,
    ReasonForm,
    ScheduleForm,
    UploadForm,
    ValidityForm,
)
from xxgk.web.publishing.models import CleanupOutcome, RevisionKind, State, Validity


def _org(request: HttpRequest, value: str | int | None) -> Organisation:
    return get_visible(Organisation.objects.all(), request.user, org_field="pk", pk=int(value or 0))


def _default_org(request: HttpRequest) -> Organisation:
    value = request.GET.get("org") or request.POST.get("org")
    if value and str(value).isdigit():
        return _org(request, value)
    first = selectors.drafting_orgs(request.user).first() or visible_orgs(request.user).first()
    if first is None:
        raise Http404("您尚未被授予任何机关的角色。")
    return first


@login_required
def work_list(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    rows = selectors.publications_for(request.user).exclude(state=State.WITHDRAWN)[:200]
    pending = [(p, publication_deadline_of(p, today=today)) for p in rows if p.index_number is None]
    context = {
        "pending": pending,
        "awaiting": selectors.awaiting(request.user),
        "published": [p for p in rows if p.index_number is not None][:50],
        "drafting_orgs": selectors.drafting_orgs(request.user),
    }
    return render(request, "publishing/work_list.html", context)


def _save_form(request: HttpRequest, form: PublicationForm, organisation: Organisation, publication=None):
    data = {name: form.cleaned_data.get(name) for name in drafting.EDITABLE_FIELDS}
    for name in ("summary", "body", "document_number", "keywords", "joint_issuers", "non_disclosure_ground"):
        data[name] = data[name] or ""
    nodes, channels = form.cleaned_data["nodes"], form.cleaned_data["channels"]
    if publication is None:
        return drafting.create_draft(
            actor=request.user, organisation=organisation, nodes=nodes, channels=channels, **data
        )
    return drafting.update_draft(
        actor=request.user,
        publication=publication,
        expected_version=int(request.POST.get("version", 0)),
        nodes=nodes,
        channels=channels,
        **data,
    )


@login_required
def create(request: HttpRequest) -> HttpResponse:
    organisation = _default_org(request)
    require_role(request.user, organisation, DRAFTER_ROLES)
    form = PublicationForm(request.POST or None, organisation=organisation)
    if request.method == "POST" and form.is_valid():
        try:
            publication = _save_form(request, form, organisation)
        except ValidationError as exc:
            _add_errors(form, exc)
        else:
            messages.success(request, "草稿已保存。")
            return redirect("publishing:detail", pk=publication.pk)
    return render(
        request, "publishing/form.html", {"form": form, "organisation": organisation, "publication": None}
    )


@login_required
def edit(request: HttpRequest, pk: int) -> HttpResponse:
    publication = selectors.publication_for(request.user, pk)
    require_role(request.user, publication.organisation, DRAFTER_ROLES)
    form = PublicationForm(request.POST or None, instance=publication, organisation=publication.organisation)
    if request.method == "POST" and form.is_valid():
        publication = selectors.publication_for(request.user, pk)  # the form wrote into its instance
        try:
            _save_form(request, form, publication.organisation, publication)
        except ValidationError as exc:
            _add_errors(form, exc)
        except PublishingError as exc:
            messages.error(request, exc.message_zh)
        else:
            messages.success(request, "草稿已保存。")
            return redirect("publishing:detail", pk=pk)
    context = {"form": form, "organisation": publication.organisation, "publication": publication}
    return render(request, "publishing/form.html", context)


def _add_errors(form, exc: ValidationError) -> None:
    if hasattr(exc, "error_dict"):
        for field, errors in exc.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc.messages)


@login_required
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    publication = selectors.publication_for(request.user, pk)
    user, org = request.user, publication.organisation
    step = chain.current_step(publication)
    findings = (
        prepublication.findings_for(publication)
        if publication.state in (State.DRAFT, State.REVIEW, State.APPROVED)
        else []
    )
    context = {
        "p": publication,
        "step": step,
        "findings": findings,
        "overridable": [
            (code, prepublication.CODE_LABELS[code])
            for code in sorted(
                {f.code for f in findings if f.is_error and f.code in prepublication.OVERRIDABLE}
            )
        ],
        "decisions": publication.decisions.select_related("actor").order_by("pk"),
        "revisions": publication.revisions.order_by("number"),
        "deadline": publication_deadline_of(publication, today=timezone.localdate()),
        "can_draft": has_role(user, org, DRAFTER_ROLES),
        "can_review": step is not None and has_role(user, org, step.role),
        "can_publish": has_role(user, org, transitions.PUBLISHER_ROLES),
        "can_withdraw": has_role(user, org, Role.APPROVER),
        "correction_form": CorrectionForm(),
        "reason_form": ReasonForm(),
        "schedule_form": ScheduleForm(),
        "upload_form": UploadForm(),
        "attachments": publication.attachments.filter(is_active=True).only(
            "pk", "name", "size", "published_in"
        ),
        "interpretations": publication.interpretations.all(),
        "channels": [c.get_channel_display() for c in publication.channels.all()],
    }
    return render(request, "publishing/detail.html", context)


@login_required
@require_POST
def transition(request: HttpRequest, pk: int, name: str) -> HttpResponse:
    """One named transition of the review chain, from a button on the detail page."""
    publication = selectors.publication_for(request.user, pk)
    user, post = request.user, request.POST
    remarks = post.get("remarks", "")
    try:
        if name == "submit":
            overrides = {code: post.get(f"override_{code}", "") for code in prepublication.OVERRIDABLE}
            drafting.submit(actor=user, publication=publication, overrides=overrides)
            done = "已提交审核。"
        elif name == "approve":
            checklist = {item: True for item in post.getlist("checklist")}
            review.approve(actor=user, publication=publication, checklist=checklist, remarks=remarks)
            done = "已审核通过。"
        elif name == "reject":
            review.reject(actor=user, publication=publication, remarks=remarks)
            done = "已退回修改。"
        elif name in ("hold", "release"):
            held = name == "hold"
            review.set_hold(actor=user, publication=publication, held=held, remarks=remarks)
            done = "已暂缓。" if held else "已解除暂缓。"
        elif name == "publish":
            issuing.publish(actor=user, publication=publication)
            done = "已发布。"
        elif name == "schedule":
            form = ScheduleForm(post)
            if not form.is_valid():
                raise_invalid("请填写发布时间。")
            issuing.schedule(actor=user, publication=publication, at=form.cleaned_data["at"])
            done = "已设定定时发布。"
        elif name == "withdraw":
            corrections.withdraw(actor=user, publication=publication, reason=post.get("reason", ""))
            done = "已撤回。"
        elif name == "correct":
            corrections.start_correction(
                actor=user,
                publication=publication,
                kind=_revision_kind(post.get("kind", "")),
                reason=post.get("reason", ""),
            )
            done = "已转为更正草稿，修改后请重新提交审核。"
        elif name == "attach":
            upload = request.FILES.get("file")
            if upload is None:
                raise_invalid("请选择文件。")
            drafting.add_attachment(
                actor=user, publication=publication, name=upload.name or "", content=upload.read()
            )
            done = "附件已上传。"
        elif name == "detach":
            chosen = _int_or_none(post.get("attachment"))
            attachment = None if chosen is None else publication.attachments.filter(pk=chosen).first()
            if attachment is None:
                raise_invalid("没有该附件。")
            drafting.remove_attachment(actor=user, attachment=attachment)
            done = f"附件「{attachment.name}」已删除。"
        else:
            raise Http404("没有该操作。")
    except PublishingError as exc:  # Blocked included: its message lists the findings
        messages.error(request, exc.message_zh)
    else:
        messages.success(request, done)
    return redirect("publishing:detail", pk=pk)


def _int_or_none(value: str | None) -> int | None:
    return int(value) if value and value.isdigit() else None


def _revision_kind(value: str) -> RevisionKind:
    """An unknown kind becomes ORIGINAL, which start_correction refuses with its own message."""
    return RevisionKind(value) if value in RevisionKind.values else RevisionKind.ORIGINAL


def raise_invalid(message_zh: str) -> NoReturn:
    raise InvalidInput("invalid form", message_zh)


@login_required
def wechat(request: HttpRequest, pk: int) -> HttpResponse:
    publication = selectors.publication_for(request.user, pk)
    if not publication.revisions.exists():
        raise Http404("尚未发布。")
    body = exports.wechat_article(publication)
    return render(request, "publishing/wechat.html", {"p": publication, "body": body})


# --- registry -----------------------------------------------------------------------------


@login_required
def registry_list(request: HttpRequest) -> HttpResponse:
    organisation = _default_org(request)
    context = {
        "organisation": organisation,
        "documents": selectors.registry_for(request.user, organisation)[:500],
        "today": timezone.localdate(),
        "orgs": visible_orgs(request.user),
    }
    return render(request, "publishing/registry_list.html", context)


@login_required
def registry_create(request: HttpRequest) -> HttpResponse:
    organisation = _default_org(request)
    require_role(request.user, organisation, registry.REGISTRY_ROLES)
    form = DocumentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if v not in (None, "") or k == "valid_until"}
        if data.get("valid_until") is None:
            data.pop("valid_until", None)
        try:
            registry.register_document(actor=request.user, organisation=organisation, **data)
        except ValidationError as exc:
            _add_errors(form, exc)
        else:
            messages.success(request, "文件已登记。")
            return redirect(f"{_url('publishing:registry')}?org={organisation.pk}")
    return render(request, "publishing/registry_form.html", {"form": form, "organisation": organisation})


def _url(name: str, *args: object) -> str:
    return reverse(name, args=args)


@login_required
def registry_validity(request: HttpRequest, pk: int) -> HttpResponse:
    document = selectors.document_for(request.user, pk)
    form = ValidityForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            registry.change_validity(
                actor=request.user,
                document=document,
                expected_version=int(request.POST.get("version", 0)) or None,
                **form.cleaned_data,
            )
        except (PublishingError, ValidationError) as exc:
            messages.error(
                request, getattr(exc, "message_zh", None) or "；".join(getattr(exc, "messages", []))
            )
        else:
            messages.success(request, "有效性已变更。")
            return redirect(f"{_url('publishing:registry')}?org={document.organisation_id}")
    return render(request, "publishing/registry_validity.html", {"form": form, "document": document})


@login_required
def registry_cleanup(request: HttpRequest) -> HttpResponse:
    """A 清理 batch: an outcome for each document reviewed, published as such."""
    organisation = _default_org(request)
    require_role(request.user, organisation, registry.REGISTRY_ROLES)
    documents = list(selectors.registry_for(request.user, organisation).filter(status=Validity.EFFECTIVE))
    if request.method == "POST":
        outcomes = [
            (doc, CleanupOutcome(request.POST[f"outcome_{doc.pk}"]), request.POST.get(f"note_{doc.pk}", ""))
            for doc in documents
            if request.POST.get(f"outcome_{doc.pk}") in CleanupOutcome.values
        ]
        try:
            decided_on = date.fromisoformat(request.POST.get("decided_on", ""))
            batch = registry.publish_cleanup(
                actor=request.user,
                organisation=organisation,
                title=request.POST.get("title", ""),
                decided_on=decided_on,
                outcomes=outcomes,
            )
        except ValueError:
            messages.error(request, "请填写决定日期。")
        except (PublishingError, ValidationError) as exc:
            messages.error(
                request, getattr(exc, "message_zh", None) or "；".join(getattr(exc, "messages", []))
            )
        else:
            messages.success(request, "清理结果已公布。")
            return redirect("portal:column_cleanup", org=organisation.pk, pk=batch.pk)
    context = {"organisation": organisation, "documents": documents, "outcomes": CleanupOutcome.choices}
    return render(request, "publishing/registry_cleanup.html", context)


# --- catalogue and exports ----------------------------------------------------------------


@login_required
def catalogue_page(request: HttpRequest) -> HttpResponse:
    organisation = _default_org(request)
    form = NodeForm(request.POST or None, organisation=organisation)
    if request.method == "POST" and "title" in request.POST and form.is_valid():
        try:
            catalogue.add_node(actor=request.user, organisation=organisation, **form.cleaned_data)
        except PublishingError as exc:
            messages.error(request, exc.message_zh)
        else:
            messages.success(request, "目录已添加。")
            return redirect(f"{_url('publishing:catalogue')}?org={organisation.pk}")
    context = {
        "organisation": organisation,
        "nodes": selectors.nodes_for(request.user, organisation),
        "form": form,
        "upload_form": UploadForm(),
    }
    return render(request, "publishing/catalogue.html", context)


@login_required
@require_POST
def catalogue_seed(request: HttpRequest) -> HttpResponse:
    organisation = _default_org(request)
    catalogue.seed_catalogue(actor=request.user, organisation=organisation)
    messages.success(request, "已按条例第二十条、第二十一条生成目录。")
    return redirect(f"{_url('publishing:catalogue')}?org={organisation.pk}")


@login_required
@require_POST
def catalogue_import(request: HttpRequest) -> HttpResponse:
    organisation = _default_org(request)
    upload = request.FILES.get("file")
    try:
        if upload is None:
            raise_invalid("请选择 .xlsx 文件。")
        count = catalogue.import_standard_xlsx(
            actor=request.user, organisation=organisation, content=upload.read()
        )
    except PublishingError as exc:
        messages.error(request, exc.message_zh)
    else:
        messages.success(request, f"已导入 {count} 行标准目录。")
    return redirect(f"{_url('publishing:catalogue')}?org={organisation.pk}")


@login_required
def catalogue_export(request: HttpRequest) -> HttpResponse:
    organisation = _default_org(request)
    response = HttpResponse(
        exports.export_standard_xlsx(organisation),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="standard-catalogue-{organisation.pk}.xlsx"'
    return response


@login_required
def transfer(request: HttpRequest, year: int) -> HttpResponse:
    organisation = _default_org(request)
    if not 2000 <= year <= date.today().year:
        raise Http404("年份不正确。")
    response = HttpResponse(exports.transfer_bundle(organisation, year), content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="transfer-{organisation.pk}-{year}.zip"'
    return response


@login_required
def scan_page(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    results = [(org, scan.scan(org, today=today)) for org in visible_orgs(request.user).order_by("path")[:50]]
    return render(request, "publishing/scan.html", {"results": results, "today": today})
