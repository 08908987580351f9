"""Registry writes: default 有效期, validity changes, the expiry run, 清理 batches; and the
SQL validity filter agreeing with each document's own rule."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase

from factories.publications import make_org, make_user
from xxgk.web.audit.models import AuditEvent
from xxgk.web.orgs.errors import RoleRequired
from xxgk.web.orgs.models import Role
from xxgk.web.publishing import registry
from xxgk.web.publishing.errors import TransitionRefused
from xxgk.web.publishing.models import (
    CleanupOutcome,
    DocumentKind,
    PublishingProfile,
    RegulatoryDocument,
    Validity,
)
from xxgk.web.publishing.selectors import registry_table2

pytestmark = pytest.mark.django_db


def _register(org, user, title="宜春市公共机构节能管理办法", kind=DocumentKind.NORMATIVE, n=1, **fields):
    values = {
        "kind": kind,
        "unified_number": f"YCJG-2026-{n:03d}",
        "title": title,
        "document_number": f"宜机管发〔2026〕{n}号",
        "issued_on": date(2026, 3, 1),
        "effective_from": date(2026, 4, 1),
    }
    values.update(fields)
    return registry.register_document(actor=user, organisation=org, **values)


def test_default_validity_five_years_or_two_for_provisional() -> None:
    org = make_org()
    user = make_user(org, Role.HANDLER)
    five = _register(org, user)
    two = _register(org, user, title="宜春市公务用车管理暂行办法", n=2)
    rule = _register(org, user, title="宜春市某规章", kind=DocumentKind.REGULATION, n=3)
    assert five.valid_until == date(2031, 3, 31)
    assert two.valid_until == date(2028, 3, 31)
    assert rule.valid_until is None


def test_agency_configures_its_validity_years() -> None:
    org = make_org()
    PublishingProfile.objects.create(organisation=org, validity_years=3, provisional_validity_years=1)
    user = make_user(org, Role.HANDLER)
    assert _register(org, user).valid_until == date(2029, 3, 31)
    assert _register(org, user, title="试行办法", n=2).valid_until == date(2027, 3, 31)


def test_only_registry_roles_register() -> None:
    org = make_org()
    with pytest.raises(RoleRequired):
        _register(org, make_user(org, Role.REVIEWER))
    assert not RegulatoryDocument.objects.exists()


def test_repeal_and_refusals_write_nothing() -> None:
    org = make_org()
    user = make_user(org, Role.HANDLER)
    doc = _register(org, user)
    events = AuditEvent.objects.count()
    with pytest.raises(TransitionRefused):
        registry.change_validity(
            actor=user, document=doc, status=Validity.REPEALED, on=date(2026, 6, 1), reason=""
        )
    with pytest.raises(TransitionRefused):
        registry.change_validity(
            actor=user, document=doc, status=Validity.EFFECTIVE, on=date(2026, 6, 1), reason="x"
        )
    assert AuditEvent.objects.count() == events
    registry.change_validity(
        actor=user, document=doc, status=Validity.REPEALED, on=date(2026, 6, 1), reason="宜机管发〔2026〕9号"
    )
    doc.refresh_from_db()
    assert (doc.status, doc.repealed_on) == (Validity.REPEALED, date(2026, 6, 1))
    with pytest.raises(TransitionRefused, match="already ended"):
        registry.change_validity(
            actor=user, document=doc, status=Validity.EXPIRED, on=date(2026, 7, 1), reason="x"
        )


def test_amendment_links_both_ways() -> None:
    org = make_org()
    user = make_user(org, Role.HANDLER)
    old = _register(org, user)
    new = _register(
        org,
        user,
        title="宜春市公共机构节能管理办法（修订）",
        n=2,
        issued_on=date(2026, 9, 1),
        effective_from=date(2026, 10, 1),
    )
    registry.change_validity(
        actor=user,
        document=old,
        status=Validity.AMENDED,
        on=date(2026, 10, 1),
        reason="已修订",
        replaced_by=new,
    )
    assert list(old.amended_by.all()) == [new]
    assert list(new.amends.all()) == [old]
    old.refresh_from_db()
    assert old.validity_on(date(2026, 9, 30)) == Validity.EFFECTIVE
    assert old.validity_on(date(2026, 10, 1)) == Validity.AMENDED


def test_past_validity_turns_expired_by_itself_and_the_run_records_it() -> None:
    org = make_org()
    user = make_user(org, Role.HANDLER)
    doc = _register(org, user, valid_until=date(2026, 5, 31))
    assert doc.validity_on(date(2026, 6, 1)) == Validity.EXPIRED
    assert doc.status == Validity.EFFECTIVE  # nothing written yet; readers already see 失效
    assert registry_table2([org.pk], 2026)["normative_documents"]["in_force"] == 0
    assert registry.expire_overdue(date(2026, 6, 1)) == 1
    doc.refresh_from_db()
    assert (doc.status, doc.lapsed_on) == (Validity.EXPIRED, date(2026, 6, 1))
    assert registry.expire_overdue(date(2026, 6, 2)) == 0
    assert AuditEvent.objects.filter(action="publishing.expire").count() == 1


def test_cleanup_batch_ends_documents_as_decided() -> None:
    org = make_org()
    user = make_user(org, Role.HANDLER)
    keep, repeal, lapse = (_register(org, user, n=n, title=f"文件{n}") for n in (1, 2, 3))
    batch = registry.publish_cleanup(
        actor=user,
        organisation=org,
        title="关于公布规范性文件清理结果的通知",
        decided_on=date(2026, 11, 1),
        outcomes=[
            (keep, CleanupOutcome.KEEP, ""),
            (repeal, CleanupOutcome.REPEAL, "已不适应"),
            (lapse, CleanupOutcome.EXPIRE, ""),
        ],
    )
    assert batch.entries.count() == 3
    statuses = {d.title: d.status for d in RegulatoryDocument.objects.filter(organisation=org)}
    assert statuses == {"文件1": Validity.EFFECTIVE, "文件2": Validity.REPEALED, "文件3": Validity.EXPIRED}
    assert registry_table2([org.pk], 2026)["normative_documents"] == {
        "issued": 3,
        "repealed": 1,
        "in_force": 1,
    }


_days = st.dates(min_value=date(2020, 1, 1), max_value=date(2028, 12, 31))


class ValidityFilterMatchesTheRule(TestCase):
    @settings(max_examples=30, deadline=None)
    @given(
        specs=st.lists(
            st.tuples(
                _days,
                st.sampled_from(["none", "repealed", "expired", "amended"]),
                st.integers(0, 1500),
                st.none() | st.integers(0, 1500),
            ),
            max_size=8,
        ),
        day=_days,
    )
    def test_with_validity_equals_validity_on(self, specs, day) -> None:
        org = make_org()
        docs = []
        for n, (issued, fate, end_after, period) in enumerate(specs):
            end = issued + timedelta(days=end_after)
            docs.append(
                RegulatoryDocument.objects.create(
                    organisation=org,
                    kind=DocumentKind.NORMATIVE,
                    unified_number=f"P-{n}",
                    title="x",
                    issuing_organ="x",
                    issued_on=issued,
                    effective_from=issued,
                    valid_until=None if period is None else issued + timedelta(days=period),
                    status={"none": Validity.EFFECTIVE}.get(fate, fate),
                    repealed_on=end if fate == "repealed" else None,
                    lapsed_on=end if fate in ("expired", "amended") else None,
                )
            )
        for validity in Validity:
            expected = {d.pk for d in docs if d.validity_on(day) == validity}
            got = set(
                RegulatoryDocument.objects.filter(organisation=org)
                .with_validity(validity, day)
                .values_list("pk", flat=True)
            )
            assert got == expected, validity
