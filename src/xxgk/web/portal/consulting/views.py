"""The public side of consultations: the 咨询 form (/ask/) and the answer page (/ask/track/).

Same rules as the application pages (`portal.applying`): the same throttle buckets, attachment
checks, one-time form tokens (`portal.once`: a refresh or a double click sends one question), and a
look-up by POST only that says the same for an unknown number as for a wrong secret.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache

from xxgk.web.applications import throttle
from xxgk.web.applications.masking import mask
from xxgk.web.consultations import selectors, services
from xxgk.web.consultations.errors import ApplicationError
from xxgk.web.consultations.forms import PublicQuestionForm
from xxgk.web.portal.applying.forms import TrackForm
from xxgk.web.portal.once import EXPIRED_ZH, OneTimeForms
from xxgk.web.portal.selectors import public_agencies

NOT_FOUND_ZH = "咨询编号或查询码不正确。"


def _client(request: HttpRequest) -> str:
    return throttle.request_client(request)


FORMS = OneTimeForms("ask")


@never_cache
def ask(request: HttpRequest) -> HttpResponse:
    form = PublicQuestionForm(request.POST or None, request.FILES or None, agencies=public_agencies())
    if request.method == "POST":
        token, secret = FORMS.posted(request)
        if token and services.submitted_with(token) is not None:
            return _done(request, token)
        if secret is None:
            form.is_valid()
            form.add_error(None, EXPIRED_ZH)
        elif form.is_valid():
            try:
                services.ask_online(
                    organisation=form.cleaned_data["organisation"],
                    question=form.cleaned_data["question"],
                    asker=form.asker(),
                    uploads=form.uploads(),
                    client=_client(request),
                    token=token,
                    secret=secret,
                )
            except ApplicationError as exc:
                form.add_error(None, exc.message_zh)
            else:
                return _done(request, token)
        if secret is not None:  # the same token again: still one question however often it is sent
            return render(request, "portal/consulting/form.html", {"form": form, "form_token": token})
    return render(request, "portal/consulting/form.html", {"form": form, "form_token": FORMS.issue(request)})


def _done(request: HttpRequest, token: str) -> HttpResponse:
    FORMS.finish(request, token)
    return redirect("portal:consulting:submitted")


@never_cache
def submitted(request: HttpRequest) -> HttpResponse:
    """The number and secret of the question just sent (GET: a refresh shows them again)."""
    token, secret = FORMS.finished(request)
    consultation = services.submitted_with(token) if token else None
    if consultation is None:
        return redirect("portal:consulting:form")
    return render(
        request, "portal/consulting/submitted.html", {"consultation": consultation, "secret": secret}
    )


@never_cache
def track(request: HttpRequest) -> HttpResponse:
    form = TrackForm(request.POST or None)
    form.fields["number"].label = "咨询编号"
    if request.method == "POST" and form.is_valid():
        row = selectors.tracked(form.cleaned_data["number"], form.cleaned_data["secret"])
        try:
            throttle.lookup(_client(request), found=row is not None)
        except ApplicationError as exc:
            form.add_error(None, exc.message_zh)
        else:
            if row is not None:
                context = {"row": row, "masked_name": mask("name", row.name)}
                return render(request, "portal/consulting/status.html", context)
            form.add_error(None, NOT_FOUND_ZH)
    return render(request, "portal/consulting/track.html", {"form": form})
