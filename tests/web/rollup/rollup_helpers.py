"""Helpers of the rollup tests."""

from __future__ import annotations

from django.test import Client

from xxgk.web.rollup.models import Campaign, Submission


def submission_of(campaign: Campaign, name: str) -> Submission:
    return Submission.objects.get(campaign=campaign, enrolment__unit__name=name)


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client
