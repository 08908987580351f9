"""Published attachments are downloaded from the public column: the right Content-Type, a
Content-Disposition with the Chinese file name (RFC 6266 / RFC 5987 `filename*=`), and 404 for
what readers may not have: drafts, withdrawn items, files a version did not carry."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from factories.publications import Agency, pdf_bytes
from xxgk.web.publishing import corrections, drafting, issuing
from xxgk.web.publishing.models import RevisionKind

pytestmark = pytest.mark.django_db
NAME = "2026年部门预算公开表.pdf"


def _publish(agency: Agency, publication) -> None:
    drafting.submit(actor=agency.drafter, publication=publication)
    agency.approve_all(publication)
    issuing.publish(actor=agency.drafter, publication=publication)


def _published_with_attachment(agency: Agency, content: bytes):
    draft = agency.draft()
    attachment = drafting.add_attachment(actor=agency.drafter, publication=draft, name=NAME, content=content)
    _publish(agency, draft)
    return draft, attachment


def test_a_published_attachment_downloads_with_its_type_and_chinese_name() -> None:
    agency, content = Agency(), pdf_bytes()
    item, attachment = _published_with_attachment(agency, content)
    page = Client().get(reverse("portal:publication", args=(agency.org.pk, item.pk))).content.decode()
    url = reverse("portal:attachment", args=(agency.org.pk, item.pk, attachment.pk))
    assert f'href="{url}"' in page
    response = Client().get(url)
    assert response.status_code == 200
    assert response.content == content
    assert response["Content-Type"] == "application/pdf"
    # Percent-encoded UTF-8 of the name, as RFC 5987 writes it.
    expected = "2026%E5%B9%B4%E9%83%A8%E9%97%A8%E9%A2%84%E7%AE%97%E5%85%AC%E5%BC%80%E8%A1%A8.pdf"
    assert response["Content-Disposition"].lower() == f"attachment; filename*=utf-8''{expected}".lower()


def test_draft_attachments_are_not_public() -> None:
    agency = Agency()
    draft = agency.draft()
    attachment = drafting.add_attachment(
        actor=agency.drafter, publication=draft, name=NAME, content=pdf_bytes()
    )
    url = reverse("portal:attachment", args=(agency.org.pk, draft.pk, attachment.pk))
    assert Client().get(url).status_code == 404


def test_withdrawn_items_keep_their_reason_but_not_their_files() -> None:
    agency = Agency()
    item, attachment = _published_with_attachment(agency, pdf_bytes())
    corrections.withdraw(actor=agency.approver, publication=item, reason="内容有误，予以撤回")
    assert (
        Client().get(reverse("portal:attachment", args=(agency.org.pk, item.pk, attachment.pk))).status_code
        == 404
    )
    page = Client().get(reverse("portal:publication", args=(agency.org.pk, item.pk))).content.decode()
    assert NAME not in page


def test_each_version_serves_only_the_files_it_carried() -> None:
    agency = Agency()
    item, first = _published_with_attachment(agency, pdf_bytes())
    corrections.start_correction(
        actor=agency.drafter, publication=item, kind=RevisionKind.CHANGE, reason="补充附件"
    )
    item.refresh_from_db()
    added = drafting.add_attachment(
        actor=agency.drafter, publication=item, name="补充说明.txt", content="说明".encode()
    )
    org, client = agency.org.pk, Client()
    # While the correction is a draft, its new file is not public; the published one still is.
    assert client.get(reverse("portal:attachment", args=(org, item.pk, added.pk))).status_code == 404
    assert client.get(reverse("portal:attachment", args=(org, item.pk, first.pk))).status_code == 200
    _publish(agency, item)
    response = client.get(reverse("portal:attachment", args=(org, item.pk, added.pk)))
    assert response.status_code == 200 and response["Content-Type"].startswith("text/plain")
    assert (
        client.get(reverse("portal:attachment_revision", args=(org, item.pk, 1, added.pk))).status_code == 404
    )
    assert (
        client.get(reverse("portal:attachment_revision", args=(org, item.pk, 1, first.pk))).status_code == 200
    )
    assert (
        client.get(reverse("portal:attachment_revision", args=(org, item.pk, 9, first.pk))).status_code == 404
    )
    old_page = client.get(reverse("portal:publication_revision", args=(org, item.pk, 1))).content.decode()
    assert reverse("portal:attachment_revision", args=(org, item.pk, 1, first.pk)) in old_page
    assert "补充说明.txt" not in old_page


def test_another_agencys_url_does_not_serve_the_file() -> None:
    agency, other = Agency(), Agency()
    item, attachment = _published_with_attachment(agency, pdf_bytes())
    assert (
        Client().get(reverse("portal:attachment", args=(other.org.pk, item.pk, attachment.pk))).status_code
        == 404
    )
