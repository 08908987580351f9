"""Staff pages: per-role permissions (another agency's draft is a 404), the transitions from the
detail page with Chinese messages, registry and catalogue pages, exports."""

from __future__ import annotations

import io
import zipfile

import openpyxl
import pytest
from django.test import Client
from django.urls import reverse

from factories.publications import Agency
from xxgk.web.publishing import catalogue
from xxgk.web.publishing.chain import DEFAULT_CHAIN
from xxgk.web.publishing.models import CatalogueNode, Publication, State

pytestmark = pytest.mark.django_db


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_another_agencys_draft_is_404_everywhere() -> None:
    mine, other = Agency(), Agency()
    draft = mine.draft(title="本机关内部草稿")
    client = _client(other.drafter)
    for name in ("publishing:detail", "publishing:edit", "publishing:wechat"):
        assert client.get(reverse(name, args=[draft.pk])).status_code == 404
    response = client.post(reverse("publishing:transition", args=[draft.pk, "submit"]))
    assert response.status_code == 404
    assert Publication.objects.get(pk=draft.pk).state == State.DRAFT
    assert "本机关内部草稿" not in client.get(reverse("publishing:list")).content.decode()


def test_a_draft_is_never_public() -> None:
    agency = Agency()
    draft = agency.draft()
    assert Client().get(reverse("portal:publication", args=[agency.org.pk, draft.pk])).status_code == 404


def test_drafting_through_the_form_and_the_chain_through_buttons() -> None:
    agency = Agency()
    client = _client(agency.drafter)
    node = agency.node("财政预算、决算信息")
    response = client.post(
        f"{reverse('publishing:create')}?org={agency.org.pk}",
        {
            "org": agency.org.pk,
            "title": "2026年部门预算",
            "summary": "部门预算公开。",
            "body": "收入预算总计100万元。",
            "formed_on": "2026-02-02",
            "topic": "finance",
            "genre": "budget",
            "disclosure": "proactive",
            "nodes": [node.pk],
            "channels": ["website", "gazette"],
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    publication = Publication.objects.get(title="2026年部门预算")
    assert set(publication.channels.values_list("channel", flat=True)) == {"website", "gazette"}
    page = client.post(
        reverse("publishing:transition", args=[publication.pk, "submit"]), follow=True
    ).content.decode()
    assert "已提交审核。" in page
    reviewer = _client(agency.reviewers[0])
    refused = reviewer.post(
        reverse("publishing:transition", args=[publication.pk, "approve"]),
        {"checklist": [DEFAULT_CHAIN[0].checklist[0]]},
        follow=True,
    ).content.decode()
    assert "请逐项核对" in refused
    for user, step in zip(agency.reviewers, DEFAULT_CHAIN, strict=True):
        ok = _client(user).post(
            reverse("publishing:transition", args=[publication.pk, "approve"]),
            {"checklist": list(step.checklist)},
            follow=True,
        )
        assert "已审核通过。" in ok.content.decode()
    client.post(reverse("publishing:transition", args=[publication.pk, "publish"]))
    publication.refresh_from_db()
    assert publication.state == State.PUBLISHED
    public = (
        Client().get(reverse("portal:publication", args=[agency.org.pk, publication.pk])).content.decode()
    )
    assert (
        publication.index_number in public and "政府网站、政府公报" in public
    ) or "政府公报、政府网站" in public


def test_a_reviewer_cannot_open_the_drafting_form() -> None:
    agency = Agency()
    assert (
        _client(agency.reviewers[0]).get(f"{reverse('publishing:create')}?org={agency.org.pk}").status_code
        == 403
    )


def test_not_disclosed_without_ground_is_a_form_error() -> None:
    agency = Agency()
    response = _client(agency.drafter).post(
        f"{reverse('publishing:create')}?org={agency.org.pk}",
        {
            "org": agency.org.pk,
            "title": "内部事项",
            "formed_on": "2026-02-02",
            "topic": "general",
            "genre": "other",
            "disclosure": "not_disclosed",
            "nodes": [agency.nodes[0].pk],
            "channels": ["website"],
        },
    )
    assert response.status_code == 200
    assert "不予公开须选择法定依据" in response.content.decode()
    assert not Publication.objects.filter(title="内部事项").exists()


def test_wechat_export_is_inline_styled_and_escaped() -> None:
    agency = Agency()
    publication = agency.published(title="关于<开展>活动的通知", body="第一段。\n第二段。")
    body = _client(agency.drafter).get(reverse("publishing:wechat", args=[publication.pk])).context["body"]
    assert "&lt;开展&gt;" in body and "<开展>" not in body
    assert "class=" not in body and "<script" not in body
    assert body.count('<p style="') == 3  # the meta line and two paragraphs


def test_standard_catalogue_xlsx_round_trip_and_bad_files() -> None:
    agency = Agency()
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(catalogue.standard_headers())
    sheet.append(
        [
            "社会救助",
            "最低生活保障",
            "保障对象、标准",
            "《社会救助暂行办法》",
            "信息形成或变更之日起20个工作日内",
            "县级民政部门",
            "政府网站、公开栏",
            "全社会",
            "主动",
            "县级、乡级",
        ]
    )
    buffer = io.BytesIO()
    workbook.save(buffer)
    client = _client(agency.drafter)
    page = client.post(
        reverse("publishing:catalogue_import"),
        {"org": agency.org.pk, "file": _upload(buffer.getvalue())},
        follow=True,
    )
    assert "已导入 1 行标准目录。" in page.content.decode()
    row = CatalogueNode.objects.get(organisation=agency.org, title="最低生活保障")
    assert (row.parent.title, row.time_limit, row.level) == (
        "社会救助",
        "信息形成或变更之日起20个工作日内",
        "县级、乡级",
    )
    exported = openpyxl.load_workbook(
        io.BytesIO(client.get(f"{reverse('publishing:catalogue_export')}?org={agency.org.pk}").content)
    )
    assert list(exported.active.iter_rows(values_only=True))[1][:2] == ("社会救助", "最低生活保障")
    bad = client.post(
        reverse("publishing:catalogue_import"),
        {"org": agency.org.pk, "file": _upload(b"not a workbook")},
        follow=True,
    )
    assert "无法读取该文件" in bad.content.decode()


def _upload(content: bytes):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile("目录.xlsx", content)


def test_transfer_bundle_holds_metadata_and_every_version() -> None:
    agency = Agency()
    publication = agency.published(title="年度工作要点")
    year = publication.published_at.year
    content = (
        _client(agency.drafter)
        .get(f"{reverse('publishing:transfer', args=[year])}?org={agency.org.pk}")
        .content
    )
    with zipfile.ZipFile(io.BytesIO(content)) as bundle:
        names = bundle.namelist()
        assert "目录.csv" in names and "目录.json" in names
        assert f"{publication.index_number.replace('/', '_')}/正文-第1版.txt" in names
        assert "年度工作要点" in bundle.read("目录.json").decode()


def test_dashboard_shows_the_scan_widget() -> None:
    agency = Agency()
    page = _client(agency.drafter).get(reverse("ui:dashboard")).content.decode()
    assert "主动公开巡检" in page and "超过93天未更新" in page


def test_channel_counts_for_the_annual_report() -> None:
    from xxgk.web.publishing.selectors import channel_counts

    agency = Agency()
    first = agency.published(channels=["website", "wechat"])
    agency.published(channels=["website"])
    Agency().published(channels=["website"])  # another agency
    counts = channel_counts([agency.org.pk], first.published_at.year)
    assert (counts["website"], counts["wechat"], counts["gazette"]) == (2, 1, 0)
    assert channel_counts([agency.org.pk], first.published_at.year - 1)["website"] == 0


def test_registry_pages_are_scoped_and_register_with_the_default_period() -> None:
    mine, other = Agency(), Agency()
    client = _client(mine.drafter)
    response = client.post(
        f"{reverse('publishing:registry_create')}?org={mine.org.pk}",
        {
            "org": mine.org.pk,
            "kind": "normative_documents",
            "unified_number": "YC-1",
            "title": "某某管理暂行办法",
            "issued_on": "2026-03-02",
            "effective_from": "2026-04-01",
        },
        follow=True,
    )
    assert "文件已登记。" in response.content.decode()
    from xxgk.web.publishing.models import RegulatoryDocument

    document = RegulatoryDocument.objects.get(unified_number="YC-1")
    assert (document.issuing_organ, str(document.valid_until)) == (mine.org.name, "2028-03-31")
    assert (
        _client(other.drafter).get(reverse("publishing:registry_validity", args=[document.pk])).status_code
        == 404
    )
    foreign = _client(other.drafter).get(f"{reverse('publishing:registry')}?org={mine.org.pk}")
    assert foreign.status_code == 404
    changed = client.post(
        reverse("publishing:registry_validity", args=[document.pk]),
        {
            "status": "repealed",
            "on": "2026-10-01",
            "reason": "宜机管发〔2026〕9号",
            "version": document.version,
        },
        follow=True,
    )
    assert "有效性已变更。" in changed.content.decode()
    public_page = (
        Client().get(reverse("portal:registry_document", args=[mine.org.pk, document.pk])).content.decode()
    )
    assert "该文件废止" in public_page


def test_scan_command_records_expiry_with_expire(full_demo) -> None:
    from typer.testing import CliRunner

    from xxgk.cli.main import app
    from xxgk.web.publishing.models import RegulatoryDocument, Validity

    result = CliRunner().invoke(
        app, ["scan", "--org", str(full_demo.orgs["jgsw"].pk), "--date", "2026-12-01", "--expire"]
    )
    assert result.exit_code == 0, result.output
    assert "已登记失效 1 件。" in result.output  # the demo's 会议室管理办法, past its 有效期 since February
    assert RegulatoryDocument.objects.get(title="宜春市机关会议室管理办法").status == Validity.EXPIRED


def test_detail_page_in_every_state_offers_the_right_actions() -> None:
    agency = Agency()
    publication = agency.draft()
    drafter, reviewer, approver = (
        _client(agency.drafter),
        _client(agency.reviewers[0]),
        _client(agency.approver),
    )
    url = reverse("publishing:detail", args=[publication.pk])
    page = drafter.get(url).content.decode()
    assert "提交审核" in page and "审核通过" not in page
    services_submit = reverse("publishing:transition", args=[publication.pk, "submit"])
    drafter.post(services_submit)
    page = reviewer.get(url).content.decode()
    assert "初审" in page and "审核通过" in page and "文字表述准确规范" in page
    assert "审核通过" not in drafter.get(url).content.decode()
    agency.approve_all(Publication.objects.get(pk=publication.pk))
    page = drafter.get(url).content.decode()
    assert "立即发布" in page and "定时发布" in page
    drafter.post(reverse("publishing:transition", args=[publication.pk, "publish"]))
    page = approver.get(url).content.decode()
    assert "撤回" in page and "导出微信公众号正文" in page
    approver.post(reverse("publishing:transition", args=[publication.pk, "withdraw"]), {"reason": "重复"})
    page = drafter.get(url).content.decode()
    assert "已撤回" in page and "重复" in page
    assert drafter.get(reverse("publishing:list")).status_code == 200
    assert drafter.get(reverse("publishing:scan")).status_code == 200
    assert drafter.get(f"{reverse('publishing:catalogue')}?org={agency.org.pk}").status_code == 200


def test_cleanup_batch_from_the_staff_page_is_published() -> None:
    from datetime import date

    from xxgk.web.publishing import registry
    from xxgk.web.publishing.models import CleanupBatch, Validity

    agency = Agency()
    base = {"kind": "normative_documents", "issued_on": date(2021, 1, 4), "effective_from": date(2021, 2, 1)}
    keep = registry.register_document(
        actor=agency.drafter, organisation=agency.org, unified_number="K", title="保留的办法", **base
    )
    drop = registry.register_document(
        actor=agency.drafter, organisation=agency.org, unified_number="D", title="废止的办法", **base
    )
    client = _client(agency.drafter)
    url = f"{reverse('publishing:registry_cleanup')}?org={agency.org.pk}"
    bad = client.post(url, {"org": agency.org.pk, "title": "清理结果", "decided_on": ""}, follow=True)
    assert "请填写决定日期。" in bad.content.decode() and not CleanupBatch.objects.exists()
    page = client.post(
        url,
        {
            "org": agency.org.pk,
            "title": "2026年规范性文件清理结果",
            "decided_on": "2026-11-02",
            f"outcome_{keep.pk}": "keep",
            f"outcome_{drop.pk}": "repeal",
            f"note_{drop.pk}": "已不适应",
        },
        follow=True,
    ).content.decode()
    assert "2026年规范性文件清理结果" in page and "继续有效" in page and "已不适应" in page
    drop.refresh_from_db()
    assert (drop.status, str(drop.repealed_on)) == (Validity.REPEALED, "2026-11-02")
