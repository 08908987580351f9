"""Two publishers at the same instant get two different 索引号 (PostgreSQL, real concurrent
transactions on separate connections)."""

from __future__ import annotations

import threading

import pytest
from django.db import connection, connections, transaction
from django.utils import timezone

from factories.publications import Agency
from xxgk.web.publishing import drafting, issuing
from xxgk.web.publishing.models import IndexCounter, Publication

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="SQLite serialises all writers with one database lock, so concurrent transactions "
        "cannot race here; run with XXGK_DATABASE_URL=postgresql://… to exercise the row lock",
    ),
]


def _in_threads(count: int, work) -> list:
    barrier = threading.Barrier(count)
    results: list = [None] * count
    errors: list[BaseException] = []

    def run(i: int) -> None:
        try:
            barrier.wait()
            results[i] = work(i)
        except BaseException as exc:  # reported below, in the test's thread
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert not errors, errors
    return results


def test_two_concurrent_publications_get_two_numbers() -> None:
    agency = Agency()
    drafts = []
    for _ in range(2):
        publication = agency.draft()
        drafting.submit(actor=agency.drafter, publication=publication)
        drafts.append(agency.approve_all(publication))
    now = timezone.now()

    def publish(i: int) -> str:
        return issuing.publish(actor=agency.drafter, publication=drafts[i], now=now).index_number

    numbers = _in_threads(2, publish)
    year = timezone.localtime(now).year
    assert sorted(numbers) == [
        f"{agency.org.credit_code}/{year}-00001",
        f"{agency.org.credit_code}/{year}-00002",
    ]
    assert set(Publication.objects.values_list("index_number", flat=True)) == set(numbers)


def test_many_allocations_racing_on_a_new_year_never_repeat() -> None:
    org = Agency().org
    now = timezone.now()

    def allocate_ten(i: int) -> list[str]:
        numbers = []
        for _ in range(10):
            with transaction.atomic():
                numbers.append(issuing.allocate_index_number(org, now))
        return numbers

    numbers = [n for batch in _in_threads(4, allocate_ten) for n in batch]
    serials = sorted(int(n.rsplit("-", 1)[1]) for n in numbers)
    assert serials == list(range(1, 41))
    assert IndexCounter.objects.get(organisation=org).last_serial == 40
