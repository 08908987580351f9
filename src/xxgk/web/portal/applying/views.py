"""The public side of applications: the online form (/apply/) and the status page (/apply/track/).

The status page answers by POST only (the secret never appears in a URL or a log), counts failed
look-ups per client (`throttle`), and says the same thing for an unknown number as for a wrong
secret.
"""

from __future__ import annotations

import io

from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from xxgk.web.applications import selectors, services, throttle
from xxgk.web.applications.errors import ApplicationError
from xxgk.web.applications.letter_docx import letter_bytes
from xxgk.web.applications.masking import mask
from xxgk.web.applications.models import Application
from xxgk.web.portal.applying.forms import OnlineApplicationForm, TrackForm
from xxgk.web.portal.selectors import public_agencies

NOT_FOUND_ZH = "受理编号或查询码不正确。"


def _client(request: HttpRequest) -> str:
    return throttle.client_key(request.META.get("REMOTE_ADDR", ""))


@never_cache
def apply(request: HttpRequest) -> HttpResponse:
    form = OnlineApplicationForm(request.POST or None, request.FILES or None, agencies=public_agencies())
    if request.method == "POST" and form.is_valid():
        try:
            intake = services.submit_online(
                organisation=form.cleaned_data["organisation"],
                data=form.applicant(),
                uploads=form.uploads(),
                client=_client(request),
            )
        except ApplicationError as exc:
            form.add_error(None, exc.message_zh)
        else:
            return render(request, "portal/applying/submitted.html", {"intake": intake})
    return render(request, "portal/applying/form.html", {"form": form})


def _lookup(request: HttpRequest, form: TrackForm) -> Application | None:
    """The case if number and secret match; counts a failure otherwise (raises `Throttled` when used up)."""
    client = _client(request)
    throttle.check("track", client)
    case = selectors.tracked(form.cleaned_data["number"], form.cleaned_data["secret"])
    if case is None:
        throttle.note("track", client)
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
    return {
        "case": case,
        "masked_name": mask("name", case.name),
        "deadline": selectors.deadline_of(case) if not case.is_concluded else None,
        "reply": reply,
        "form": form,
    }


@never_cache
@require_POST
def reply_letter(request: HttpRequest) -> HttpResponse:
    """The issued reply letter, for the holder of the number and secret."""
    form = TrackForm(request.POST)
    if not form.is_valid():
        raise Http404(NOT_FOUND_ZH)
    try:
        case = _lookup(request, form)
    except ApplicationError as exc:
        return render(
            request, "portal/applying/track.html", {"form": form, "error": exc.message_zh}, status=429
        )
    reply = case and case.letters.filter(kind="reply", issued_on__isnull=False).order_by("-id").first()
    if not reply:
        raise Http404(NOT_FOUND_ZH)
    return FileResponse(
        io.BytesIO(letter_bytes(reply)), as_attachment=True, filename=f"答复告知书-{case.number}.docx"
    )
