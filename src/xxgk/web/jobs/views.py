"""Staff pages of background jobs: the list and one job with its progress bar (the page reloads
itself while the job runs, so no script is needed)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from xxgk.web.jobs import selectors


@login_required
def job_list(request: HttpRequest) -> HttpResponse:
    page = Paginator(selectors.jobs_for(request.user), 50).get_page(request.GET.get("page"))
    return render(request, "jobs/list.html", {"page": page})


@login_required
def job_detail(request: HttpRequest, pk: int) -> HttpResponse:
    job = selectors.job_for(request.user, pk)
    return render(request, "jobs/detail.html", {"job": job})
