"""The public side of applications: the online form (/apply/) and the status page (/apply/track/).

The form is post/redirect/get with a one-time token (`portal.once`): a refresh, a double click or
a replayed POST finds the case the token created (`services.submit_online` is idempotent on it)
and shows the same number and secret, never a second case.

The status page answers by POST only (the secret never appears in a URL or a log), counts failed
look-ups per client (`throttle`), and says the same thing for an unknown number as for a wrong
secret.
"""

from __future__ import annotations

import io

from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from xxgk.web.applications import selectors, services, throttle, tracking
from xxgk.web.applications.errors import ApplicationError
from xxgk.web.applications.letter_docx import letter_bytes
from xxgk.web.applications.masking import mask
from xxgk.web.applications.models import Application, LetterKind
from xxgk.web.portal.applying.forms import OnlineApplicationForm, TrackForm
from xxgk.web.portal.once import OneTimeForms
from xxgk.web.portal.selectors import public_agencies

NOT_FOUND_ZH = "受理编号或查询码不正确。"


def _client(request: HttpRequest) -> str:
    return throttle.request_client(request)


FORMS = OneTimeForms("apply")


@never_cache
def apply(request: HttpRequest) -> HttpResponse:
    form = OnlineApplicationForm(request.POST or None, request.FILES or None, agencies=public_agencies())

    def send(token: str, secret: str) -> object:
        return services.submit_online(
            organisation=form.cleaned_data["organisation"],
            data=form.applicant(),
            uploads=form.uploads(),
            client=_client(request),
            token=token,
            secret=secret,
        )

    return FORMS.form_page(
        request,
        form,
        sent=services.submitted_with,
        send=send,
        template="portal/applying/form.html",
        done="portal:applying:submitted",
    )


@never_cache
def submitted(request: HttpRequest) -> HttpResponse:
    """The number and secret of the submission just made (GET: a refresh shows them again)."""
    return FORMS.sent_page(
        request,
        sent=services.submitted_with,
        template="portal/applying/submitted.html",
        name="case",
        form="portal:applying:form",
    )


def _lookup(request: HttpRequest, form: TrackForm) -> Application | None:
    """The case if number and secret match; counts a failure otherwise (raises `Throttled` when used up)."""
    case = selectors.tracked(form.cleaned_data["number"], form.cleaned_data["secret"])
    throttle.lookup(_client(request), found=case is not None)
    return case


@never_cache
def track(request: HttpRequest) -> HttpResponse:
    form = TrackForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            case = _lookup(request, form)
        except ApplicationError as exc:
            form.add_error(None, exc.message_zh)
        else:
            if case is not None:
                return render(request, "portal/applying/status.html", _status(case, form))
            form.add_error(None, NOT_FOUND_ZH)
    return render(request, "portal/applying/track.html", {"form": form})


def _status(case: Application, form: TrackForm) -> dict[str, object]:
    reply = next((x for x in case.letters.all() if x.kind == "reply" and x.issued_on), None)
    deadline = selectors.case_deadline_of(case) if not case.is_concluded else None
    return {
        "case": case,
        "masked_name": mask("name", case.name),
        "deadline": deadline,
        "notices": tracking.notices_of(
            case, deadline.due if deadline else None, paused=deadline is not None and deadline.due is None
        ),
        "reply": reply,
        "form": form,
    }


@never_cache
@require_POST
def reply_letter(request: HttpRequest) -> HttpResponseBase:
    """An issued letter of the case (the reply unless `letter` names another), for the holder of
    the number and secret."""
    form = TrackForm(request.POST)
    if not form.is_valid():
        raise Http404(NOT_FOUND_ZH)
    try:
        case = _lookup(request, form)
    except ApplicationError as exc:
        return render(
            request, "portal/applying/track.html", {"form": form, "error": exc.message_zh}, status=429
        )
    if case is None:
        raise Http404(NOT_FOUND_ZH)
    issued = case.letters.filter(issued_on__isnull=False)
    wanted = request.POST.get("letter", "")
    letter = (
        issued.filter(pk=int(wanted)).first()
        if wanted.isdigit()
        else issued.filter(kind=LetterKind.REPLY).order_by("-id").first()
    )
    if letter is None:
        raise Http404(NOT_FOUND_ZH)
    name = letter.get_kind_display().removeprefix("政府信息公开申请")
    return FileResponse(
        io.BytesIO(letter_bytes(letter)), as_attachment=True, filename=f"{name}-{case.number}.docx"
    )
