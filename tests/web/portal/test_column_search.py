"""Portal search: two-character words and 文号 fragments anywhere in title, summary, 文号 or
body, with filters and pagination, on SQLite and PostgreSQL alike."""

from __future__ import annotations

from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from factories.publications import Agency
from xxgk.web.publishing import corrections, drafting, issuing, portal_selectors
from xxgk.web.publishing.portal_selectors import Filters

pytestmark = pytest.mark.django_db


@pytest.fixture
def published() -> dict[str, object]:
    agency = Agency()
    items = {
        "budget": agency.published(
            title="宜春市机关事务管理中心2026年部门预算",
            summary="公开部门收支总体情况。",
            body="一、收入总体情况",
        ),
        "land": agency.published(
            title="关于集体土地征收补偿标准的公告",
            document_number="宜府办发〔2026〕3号",
            body="依据《土地管理法》，现将征收补偿标准公告如下。",
        ),
        "news": agency.published(
            title="召开全体干部大会", summary="会议部署全年工作。", body="会上传达了有关精神。"
        ),
    }
    return {"agency": agency, **items}


def _titles(query: str, **filters) -> set[str]:
    rows = portal_selectors.find(Filters(query=query, **filters), today=date(2026, 12, 1))
    return {p.title for p in rows}


def test_two_character_words_are_found_inside_longer_text(published) -> None:
    assert _titles("预算") == {"宜春市机关事务管理中心2026年部门预算"}
    assert _titles("征收") == {"关于集体土地征收补偿标准的公告"}
    assert _titles("收支") == {"宜春市机关事务管理中心2026年部门预算"}  # from the summary
    assert _titles("传达") == {"召开全体干部大会"}  # from the body


def test_document_number_fragments(published) -> None:
    land = {"关于集体土地征收补偿标准的公告"}
    assert _titles("宜府办发") == land
    assert _titles("〔2026〕3号") == land
    assert _titles("[2026]3号") == land  # other bracket forms and full width alike
    assert _titles("（２０２６）3号") == land
    assert _titles("〔2026〕4号") == set()


def test_terms_are_and_combined_and_substrings_must_be_contiguous(published) -> None:
    assert _titles("土地 公告") == {"关于集体土地征收补偿标准的公告"}
    assert _titles("土地 预算") == set()
    assert _titles("预征") == set()


def test_one_character_query(published) -> None:
    assert _titles("征") == {"关于集体土地征收补偿标准的公告"}
    assert "召开全体干部大会" in _titles("会")


def test_filters_by_agency_and_year(published) -> None:
    other = Agency()
    other.published(title="另一机关的部门预算")
    assert _titles("预算", organisation=published["agency"].org.pk) == {
        "宜春市机关事务管理中心2026年部门预算"
    }
    assert len(_titles("预算")) == 2
    year = published["budget"].published_at.year
    assert _titles("预算", year=year - 1) == set()


def test_drafts_and_withdrawn_items_are_not_found(published) -> None:
    agency = published["agency"]
    agency.draft(title="尚未审核的预算调整方案")
    corrections.withdraw(actor=agency.approver, publication=published["budget"], reason="数据有误，另行发布")
    assert _titles("预算") == set()


def test_a_correction_is_found_by_its_new_text_only_once_published(published) -> None:
    from xxgk.web.publishing.models import RevisionKind

    agency, news = published["agency"], published["news"]
    corrections.start_correction(
        actor=agency.drafter, publication=news, kind=RevisionKind.CHANGE, reason="补充会议内容"
    )
    news.refresh_from_db()
    drafting.update_draft(
        actor=agency.drafter, publication=news, expected_version=news.version, body="会议通报了防汛工作。"
    )
    assert _titles("防汛") == set()
    drafting.submit(actor=agency.drafter, publication=news)
    agency.approve_all(news)
    issuing.publish(actor=agency.drafter, publication=news)
    assert _titles("防汛") == {"召开全体干部大会"}
    assert _titles("传达") == set()


def test_search_page_paginates(published) -> None:
    agency = published["agency"]
    for n in range(21):
        agency.published(title=f"预算执行情况第{n}期")
    client = Client()
    url = reverse("portal:column_org_search", args=[agency.org.pk])
    first = client.get(url, {"q": "预算"}).content.decode()
    assert "共 22 条，第 1/2 页" in first
    second = client.get(url, {"q": "预算", "page": 2}).content.decode()
    assert second.count("预算执行情况第") + second.count("部门预算") == 2


@pytest.mark.parametrize("order_driven_from", [0, 10**9])
def test_both_query_plans_give_the_same_results(published, monkeypatch, order_driven_from) -> None:
    from xxgk.web.publishing import search

    monkeypatch.setattr(
        search, "_ORDER_DRIVEN_FROM", {"sqlite": order_driven_from, "postgresql": order_driven_from}
    )
    results = portal_selectors.search_results(Filters(query="征收"), today=date(2026, 12, 1))
    assert results.count() == 1
    assert [p.title for p in results[0:20]] == ["关于集体土地征收补偿标准的公告"]
    filtered = portal_selectors.search_results(
        Filters(query="公告", organisation=published["agency"].org.pk), today=date(2026, 12, 1)
    )
    assert [p.title for p in filtered[0:20]] == ["关于集体土地征收补偿标准的公告"]


def test_an_exact_index_number_or_document_number_finds_the_item(published) -> None:
    land = published["land"]
    # The 索引号 is not in the text index: only the exact match finds it.
    assert _titles(land.index_number) == {land.title}
    assert _titles(f"  {land.index_number} ") == {land.title}
    assert _titles("宜府办发〔2026〕3号") == {land.title}
    page = Client().get(reverse("portal:column_search"), {"q": land.index_number}).content.decode()
    assert land.title in page and "宜春市机关事务管理中心2026年部门预算" not in page
