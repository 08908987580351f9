"""The demo data of publishing: a year across the catalogue, every validity state, 解读
links, one withdrawn and one corrected item; loading twice changes nothing."""

from __future__ import annotations

from datetime import date

import pytest
from django.db.models.functions import ExtractMonth

from xxgk.web.demo import load_demo
from xxgk.web.publishing import portal_selectors
from xxgk.web.publishing.models import Genre, Publication, RegulatoryDocument, State, Validity

pytestmark = pytest.mark.django_db


def test_demo_data(full_demo) -> None:
    jgsw = full_demo.orgs["jgsw"]
    published = Publication.objects.filter(organisation=jgsw, index_number__isnull=False)
    months = set(published.annotate(m=ExtractMonth("published_at")).values_list("m", flat=True))
    assert len(months) >= 10
    assert published.values("nodes").distinct().count() >= 6
    assert Publication.objects.filter(organisation=jgsw, state=State.WITHDRAWN).count() == 1
    corrected = [p for p in published if p.revisions.count() == 2]
    assert len(corrected) == 1 and corrected[0].revisions.get(number=2).reason == "支出总额数字有误"
    interpretations = Publication.objects.filter(
        organisation=jgsw, genre=Genre.INTERPRETATION, state=State.PUBLISHED
    )
    assert interpretations.count() == 2 and all(
        i.interprets.genre == Genre.NORMATIVE for i in interpretations
    )
    assert {p.organisation_id for p in Publication.objects.all()} >= {
        full_demo.orgs[k].pk for k in ("jgsw", "zrzy", "cihua")
    }

    # The registry, in every validity state.
    today = date(2026, 12, 1)
    seen = {
        doc.validity_on(today)
        for doc in RegulatoryDocument.objects.filter(organisation=full_demo.orgs["jgsw"])
    }
    assert seen == set(Validity)
    assert (
        RegulatoryDocument.objects.filter(organisation=full_demo.orgs["city"], kind="regulations").count()
        == 1
    )

    # Found by the public search; loading again changes nothing.
    assert portal_selectors.find(
        portal_selectors.Filters(query="预算", organisation=full_demo.orgs["jgsw"].pk),
        today=date(2026, 12, 1),
    ).exists()
    count = Publication.objects.count()
    assert load_demo().created == 0
    assert Publication.objects.count() == count
