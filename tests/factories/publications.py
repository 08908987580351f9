"""Factories of the publishing tests: organisations, staff with roles and ready drafts, made on
the spot (no demo data needed)."""

from __future__ import annotations

import io
import itertools
from datetime import date
from typing import Any

import pypdfium2

from xxgk.web.orgs.demo import credit_code
from xxgk.web.orgs.models import Membership, Organisation, OrgKind, Role, User
from xxgk.web.publishing import catalogue, drafting, issuing, review
from xxgk.web.publishing.chain import DEFAULT_CHAIN
from xxgk.web.publishing.models import Genre, Publication

_SERIAL = itertools.count(1)


def make_org(
    name: str | None = None, kind: OrgKind = OrgKind.DEPARTMENT, parent: Organisation | None = None
) -> Organisation:
    n = next(_SERIAL)
    return Organisation.objects.create(
        name=name or f"测试机关{n}",
        credit_code=credit_code("360900", f"T{n:07d}"),
        kind=kind,
        parent=parent,
    )


def make_user(org: Organisation, *roles: Role, username: str | None = None) -> User:
    user = User.objects.create(username=username or f"user{next(_SERIAL)}")
    for role in roles:
        Membership.objects.create(user=user, organisation=org, role=role)
    return user


class Agency:
    """An agency with one 信息员 and one person for each step of the default chain."""

    def __init__(self, kind: OrgKind = OrgKind.DEPARTMENT) -> None:
        self.org = make_org(kind=kind)
        self.drafter = make_user(self.org, Role.REGISTRAR, Role.HANDLER)
        self.reviewers = [make_user(self.org, step.role) for step in DEFAULT_CHAIN]
        self.approver = self.reviewers[-1]
        self.nodes = catalogue.seed_catalogue(actor=None, organisation=self.org)

    def node(self, clause_or_title: str) -> Any:
        return next(n for n in self.nodes if clause_or_title in (n.clause, n.title))

    def draft(self, **fields: Any) -> Publication:
        values: dict[str, Any] = {
            "title": "关于做好有关工作的通知",
            "summary": "部署有关工作。",
            "body": "各单位：现将有关事项通知如下。",
            "formed_on": date(2026, 3, 2),
            "genre": Genre.NOTICE,
        }
        values.update(fields)
        nodes = values.pop("nodes", [self.nodes[0]])
        return drafting.create_draft(actor=self.drafter, organisation=self.org, nodes=nodes, **values)

    def approve_all(self, publication: Publication) -> Publication:
        for reviewer, step in zip(self.reviewers, DEFAULT_CHAIN, strict=True):
            publication = review.approve(
                actor=reviewer, publication=publication, checklist=dict.fromkeys(step.checklist, True)
            )
        return publication

    def published(self, **fields: Any) -> Publication:
        publication = self.draft(**fields)
        drafting.submit(actor=self.drafter, publication=publication)
        self.approve_all(publication)
        return issuing.publish(actor=self.drafter, publication=publication)


# An executable disguised by its name: attachments are checked by content.
EXE = (
    b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00"
    + b"\x00" * 48
    + b"This program cannot be run"
)


def pdf_bytes() -> bytes:
    document = pypdfium2.PdfDocument.new()
    document.new_page(200, 200)
    buffer = io.BytesIO()
    document.save(buffer)
    document.close()
    return buffer.getvalue()
