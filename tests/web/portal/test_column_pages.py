"""The public column: 指南 from the agency's data, detail pages with the metadata block,
withdrawn and corrected items, the registry with validity filters, 目录 exports."""

from __future__ import annotations

import json
from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from factories.publications import Agency
from xxgk.web.publishing import corrections, drafting, issuing, registry
from xxgk.web.publishing.models import DocumentKind, Genre, RevisionKind, Validity

pytestmark = pytest.mark.django_db


def _get(name: str, *args, **params) -> str:
    response = Client().get(reverse(f"portal:{name}", args=args), params)
    assert response.status_code == 200
    return response.content.decode()


def test_guide_is_generated_from_the_agencys_data() -> None:
    agency = Agency()
    org = agency.org
    org.address, org.phone, org.fax, org.email = (
        "宜春市宜阳大道1号",
        "0795-1234567",
        "0795-7654321",
        "gk@example.gov.cn",
    )
    org.save()
    page = _get("column_guide", org.pk)
    for text in (
        "宜春市宜阳大道1号",
        "0795-1234567",
        "0795-7654321",
        "gk@example.gov.cn",
        'href="/apply/"',
        "财政预算、决算信息",
        "20个工作日内予以公开",
        "第二十六条",
    ):
        assert text in page, text


def test_detail_page_shows_the_metadata_block() -> None:
    agency = Agency()
    document = registry.register_document(
        actor=agency.drafter,
        organisation=agency.org,
        kind=DocumentKind.NORMATIVE,
        unified_number="YC-2026-001",
        title="宜春市公共机构节能管理办法",
        document_number="宜机管发〔2026〕1号",
        issued_on=date(2026, 1, 5),
        effective_from=date(2026, 2, 1),
    )
    normative = agency.draft(
        title="宜春市公共机构节能管理办法",
        genre=Genre.NORMATIVE,
        document_number="宜机管发〔2026〕1号",
        registry_document=document,
        keywords="节能",
    )
    interpretation = agency.draft(
        title="《宜春市公共机构节能管理办法》政策解读", genre=Genre.INTERPRETATION, interprets=normative
    )
    for item in (interpretation, normative):
        drafting.submit(actor=agency.drafter, publication=item)
        agency.approve_all(item)
    issuing.publish(actor=agency.drafter, publication=normative)  # takes its 解读 along
    normative.refresh_from_db()
    interpretation.refresh_from_db()
    assert interpretation.index_number is not None
    page = _get("publication", agency.org.pk, normative.pk)
    for text in (
        normative.index_number,
        "宜机管发〔2026〕1号",
        "行政规范性文件",
        "主动公开",
        "有效",
        "《宜春市公共机构节能管理办法》政策解读",
    ):
        assert text in page, text
    assert "宜春市公共机构节能管理办法" in _get("publication", agency.org.pk, interpretation.pk)


def test_withdrawn_item_shows_its_reason_and_leaves_the_lists() -> None:
    agency = Agency()
    item = agency.published(title="重复发布的通知")
    corrections.withdraw(actor=agency.approver, publication=item, reason="与前一通知重复，予以撤回")
    page = _get("publication", agency.org.pk, item.pk)
    assert "已于" in page and "与前一通知重复，予以撤回" in page
    assert "重复发布的通知" not in _get("column_home", agency.org.pk)


def test_corrected_item_keeps_the_earlier_version_reachable() -> None:
    agency = Agency()
    item = agency.published(body="预算总额100万元。")
    corrections.start_correction(
        actor=agency.drafter, publication=item, kind=RevisionKind.CORRECTION, reason="金额有误"
    )
    item.refresh_from_db()
    drafting.update_draft(
        actor=agency.drafter, publication=item, expected_version=item.version, body="预算总额110万元。"
    )
    drafting.submit(actor=agency.drafter, publication=item)
    agency.approve_all(item)
    issuing.publish(actor=agency.drafter, publication=item)
    current = _get("publication", agency.org.pk, item.pk)
    assert "110万元" in current and "金额有误" in current
    old = _get("publication_revision", agency.org.pk, item.pk, 1)
    assert "100万元" in old and "此为历史版本" in old


def test_registry_filters_by_validity() -> None:
    agency = Agency()
    base = {"kind": DocumentKind.NORMATIVE, "issued_on": date(2020, 1, 1), "effective_from": date(2020, 1, 1)}
    registry.register_document(
        actor=agency.drafter,
        organisation=agency.org,
        unified_number="A",
        title="仍然有效的办法",
        valid_until=date(2099, 1, 1),
        **base,
    )
    registry.register_document(
        actor=agency.drafter,
        organisation=agency.org,
        unified_number="B",
        title="到期失效的办法",
        valid_until=date(2024, 12, 31),
        **base,
    )
    page = _get("column_registry", agency.org.pk, validity=Validity.EXPIRED)
    assert "到期失效的办法" in page and "仍然有效的办法" not in page
    page = _get("column_registry", agency.org.pk, validity=Validity.EFFECTIVE)
    assert "仍然有效的办法" in page and "到期失效的办法" not in page


def test_catalogue_exports() -> None:
    agency = Agency()
    item = agency.published(title="第一条公开信息")
    data = json.loads(Client().get(reverse("portal:catalogue_export", args=[agency.org.pk, "json"])).content)
    assert data[0]["索引号"] == item.index_number and data[0]["名称"] == "第一条公开信息"
    csv_text = (
        Client()
        .get(reverse("portal:catalogue_export", args=[agency.org.pk, "csv"]))
        .content.decode("utf-8-sig")
    )
    assert csv_text.splitlines()[0].startswith("索引号,名称,发布机构")
    assert Client().get(reverse("portal:catalogue_export", args=[agency.org.pk, "pdf"])).status_code == 404


def test_column_home_lists_catalogue_nodes_and_latest_items() -> None:
    agency = Agency()
    agency.published(title="2026年部门预算", nodes=[agency.node("财政预算、决算信息")])
    page = _get("column_home", agency.org.pk)
    assert "第二十条第（七）项" in page and "2026年部门预算" in page
    assert "/reports/" in page
    node_page = _get("column_node", agency.org.pk, agency.node("财政预算、决算信息").pk)
    assert "2026年部门预算" in node_page and "共 1 条" in node_page
