"""Table 二 第（一）项 from the registry: issued / repealed / in force on 31 December."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase

from factories.publications import make_org
from xxgk.web.publishing.models import DocumentKind, RegulatoryDocument, Validity
from xxgk.web.publishing.selectors import registry_table2

_serial = iter(range(1, 10**9))


def _doc(
    org, kind=DocumentKind.NORMATIVE, *, issued, valid_until=None, repealed=None, lapsed=None, status=None
):
    if status is None:
        status = Validity.REPEALED if repealed else Validity.EFFECTIVE
    return RegulatoryDocument.objects.create(
        organisation=org,
        kind=kind,
        unified_number=f"TEST-{next(_serial)}",
        title="测试文件",
        issuing_organ=org.name,
        issued_on=issued,
        effective_from=issued,
        valid_until=valid_until,
        status=status,
        repealed_on=repealed,
        lapsed_on=lapsed,
    )


@pytest.mark.django_db
def test_hand_counted_registry() -> None:
    org, other = make_org(), make_org()
    _doc(org, issued=date(2025, 3, 1))  # issued in the year, in force
    _doc(org, issued=date(2023, 3, 1), repealed=date(2025, 6, 1))  # repealed in the year
    _doc(org, issued=date(2025, 2, 1), repealed=date(2026, 1, 5))  # issued; repealed next year: in force
    _doc(org, issued=date(2020, 1, 1), valid_until=date(2025, 12, 30))  # lapsed by 有效期 on 12-31
    _doc(org, issued=date(2020, 1, 1), valid_until=date(2025, 12, 31))  # still in force on its last day
    _doc(org, issued=date(2021, 1, 1), lapsed=date(2025, 5, 1), status=Validity.AMENDED)  # superseded
    _doc(org, issued=date(2026, 1, 2))  # next year: nothing
    _doc(org, DocumentKind.REGULATION, issued=date(2019, 5, 1))  # a 规章 in force
    _doc(other, issued=date(2025, 3, 1))  # another agency
    assert registry_table2([org.pk], 2025) == {
        "regulations": {"issued": 0, "repealed": 0, "in_force": 1},
        "normative_documents": {"issued": 2, "repealed": 1, "in_force": 3},
    }


@pytest.mark.django_db
def test_one_query_and_zeros_for_an_empty_registry(django_assert_num_queries) -> None:
    org = make_org()
    with django_assert_num_queries(1):
        table = registry_table2([org.pk], 2025)
    assert table == {
        "regulations": {"issued": 0, "repealed": 0, "in_force": 0},
        "normative_documents": {"issued": 0, "repealed": 0, "in_force": 0},
    }


_days = st.dates(min_value=date(2018, 1, 1), max_value=date(2027, 12, 31))


@st.composite
def _documents(draw):
    kind = draw(st.sampled_from(list(DocumentKind)))
    issued = draw(_days)
    fate = draw(st.sampled_from(["none", "repealed", "lapsed", "amended"]))
    valid_until = draw(st.none() | st.integers(0, 2000).map(lambda n: issued + timedelta(days=n)))
    end = draw(st.integers(0, 2000).map(lambda n: issued + timedelta(days=n)))
    return kind, issued, fate, valid_until, end


class RegistryMatchesValidity(TestCase):
    """For random registries the grouped query agrees with each document's own 有效性 rule."""

    @settings(max_examples=40, deadline=None)
    @given(docs=st.lists(_documents(), max_size=12), year=st.integers(2018, 2027))
    def test_counts_equal_per_document_rule(self, docs, year) -> None:
        org = make_org()
        made = []
        for kind, issued, fate, valid_until, end in docs:
            made.append(
                _doc(
                    org,
                    kind,
                    issued=issued,
                    valid_until=valid_until,
                    repealed=end if fate == "repealed" else None,
                    lapsed=end if fate in ("lapsed", "amended") else None,
                    status={"lapsed": Validity.EXPIRED, "amended": Validity.AMENDED}.get(fate),
                )
            )
        last = date(year, 12, 31)
        expected = {k.value: {"issued": 0, "repealed": 0, "in_force": 0} for k in DocumentKind}
        for doc in made:
            row = expected[doc.kind]
            row["issued"] += doc.issued_on.year == year
            row["repealed"] += doc.repealed_on is not None and doc.repealed_on.year == year
            row["in_force"] += doc.issued_on <= last and doc.validity_on(last) == Validity.EFFECTIVE
        assert registry_table2([org.pk], year) == expected


def test_validity_turns_expired_after_its_period() -> None:
    doc = RegulatoryDocument(
        kind=DocumentKind.NORMATIVE,
        issued_on=date(2021, 1, 1),
        effective_from=date(2021, 2, 1),
        valid_until=date(2026, 1, 31),
    )
    assert doc.validity_on(date(2026, 1, 31)) == Validity.EFFECTIVE
    assert doc.validity_on(date(2026, 2, 1)) == Validity.EXPIRED
    assert doc.validity_on(date(2026, 2, 1)).label == "失效"


def test_repeal_wins_over_expiry() -> None:
    doc = RegulatoryDocument(
        issued_on=date(2021, 1, 1),
        effective_from=date(2021, 1, 1),
        valid_until=date(2026, 1, 31),
        status=Validity.REPEALED,
        repealed_on=date(2024, 1, 1),
    )
    assert doc.validity_on(date(2023, 12, 31)) == Validity.EFFECTIVE
    assert doc.validity_on(date(2027, 1, 1)) == Validity.REPEALED
