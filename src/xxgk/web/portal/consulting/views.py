"""The public side of consultations: the 咨询 form (/ask/) and the answer page (/ask/track/).

Same rules as the application pages (`portal.applying`): the same throttle buckets, attachment
checks, one-time form tokens (`portal.once`: a refresh or a double click sends one question), and a
look-up by POST only that says the same for an unknown number as for a wrong secret.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from xxgk.web.applications import throttle
from xxgk.web.applications.masking import mask
from xxgk.web.consultations import selectors, services
from xxgk.web.consultations.errors import ApplicationError
from xxgk.web.consultations.forms import PublicQuestionForm
from xxgk.web.portal.applying.forms import TrackForm
from xxgk.web.portal.once import OneTimeForms
from xxgk.web.portal.selectors import public_agencies

NOT_FOUND_ZH = "咨询编号或查询码不正确。"


def _client(request: HttpRequest) -> str:
    return throttle.request_client(request)


FORMS = OneTimeForms("ask")


@never_cache
def ask(request: HttpRequest) -> HttpResponse:
    form = PublicQuestionForm(request.POST or None, request.FILES or None, agencies=public_agencies())

    def send(token: str, secret: str) -> object:
        return services.ask_online(
            organisation=form.cleaned_data["organisation"],
            question=form.cleaned_data["question"],
            asker=form.asker(),
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
        template="portal/consulting/form.html",
        done="portal:consulting:submitted",
    )


@never_cache
def submitted(request: HttpRequest) -> HttpResponse:
    """The number and secret of the question just sent."""
    return FORMS.sent_page(
        request,
        sent=services.submitted_with,
        template="portal/consulting/submitted.html",
        name="consultation",
        form="portal:consulting:form",
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
