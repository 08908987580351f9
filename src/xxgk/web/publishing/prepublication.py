"""Pre-publication checks: each problem a `Finding` with its place and explanation.

Errors block submission and publication. Some may be passed with a logged reason
(`OVERRIDABLE`); personal information and missing metadata never can.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from django.conf import settings
from django.urls import Resolver404, resolve

from xxgk.findings import Finding, Place
from xxgk.pii import find_pii
from xxgk.web.publishing.attachments import UnreadableAttachment, read_text
from xxgk.web.publishing.models import Genre, Publication, PublishingProfile, State

PII = "PUB-PII"
SENSITIVE = "PUB-SENSITIVE"
METADATA = "PUB-METADATA"
LINK = "PUB-LINK"
ATTACHMENT = "PUB-ATTACHMENT"
INTERPRETATION = "PUB-INTERPRETATION"

OVERRIDABLE = frozenset({SENSITIVE, LINK, ATTACHMENT, INTERPRETATION})
CODE_LABELS = {
    PII: "个人信息",
    SENSITIVE: "敏感词",
    METADATA: "元数据缺失",
    LINK: "内部链接失效",
    ATTACHMENT: "附件无法打开",
    INTERPRETATION: "规范性文件未同步解读",
}

_URL_CHARS = r"[A-Za-z0-9\-._~:/?#@!$&*+,;=%]"
_LINK = re.compile(rf"(?:https?://{_URL_CHARS}+|(?<![\w/.])/(?:gk|apply|reports)/{_URL_CHARS}*)")


def findings_for(publication: Publication, *, at_publication: bool = False) -> list[Finding]:
    """Every finding on the working copy of `publication` (and its attachments)."""
    profile = PublishingProfile.objects.filter(organisation_id=publication.organisation_id).first()
    words = profile.sensitive_word_list if profile else []
    texts = [("名称", publication.title), ("内容概述", publication.summary), ("正文", publication.body)]
    findings: list[Finding] = []
    for attachment in publication.attachments.filter(is_active=True):
        part = f"附件「{attachment.name}」"
        try:
            texts.append((part, read_text(attachment.name, bytes(attachment.content))))
        except UnreadableAttachment as exc:
            findings.append(Finding(ATTACHMENT, "error", f"{part}{exc.reason_zh}", Place(report=part)))
    for part, text in texts:
        findings += _personal_information(part, text)
        findings += _sensitive_words(part, text, words)
    findings += _missing_metadata(publication)
    findings += _broken_links(publication.body)
    findings += _interpretation(publication, at_publication=at_publication)
    return findings


def blocking(findings: list[Finding], overridden: set[str]) -> list[Finding]:
    return [f for f in findings if f.is_error and not (f.code in OVERRIDABLE and f.code in overridden)]


def _line_of(text: str, index: int) -> int:
    return text.count("\n", 0, index) + 1


def _personal_information(part: str, text: str) -> list[Finding]:
    return [
        Finding(
            PII,
            "error",
            f"含{match.kind}（{match.masked}），公开前须删除或作去标识化处理（个人信息保护法）",
            Place(report=part, line=_line_of(text, match.start), excerpt=match.masked),
        )
        for match in find_pii(text)
    ]


def _sensitive_words(part: str, text: str, words: list[str]) -> list[Finding]:
    return [
        Finding(
            SENSITIVE,
            "error",
            f"含敏感词「{word}」，请核实表述",
            Place(report=part, line=_line_of(text, text.index(word)), excerpt=word),
        )
        for word in words
        if word in text
    ]


def _missing_metadata(publication: Publication) -> list[Finding]:
    missing = []
    if not publication.summary.strip():
        missing.append("内容概述")
    if not publication.body.strip() and not publication.attachments.filter(is_active=True).exists():
        missing.append("正文或附件")
    if not publication.pk or not publication.nodes.exists():
        missing.append("所属目录")
    if not publication.pk or not publication.channels.exists():
        missing.append("公开渠道")
    if publication.genre in (Genre.NORMATIVE, Genre.REGULATION):
        if not publication.document_number.strip():
            missing.append("文号")
        if publication.registry_document_id is None:
            missing.append("规章、规范性文件登记")
    return [Finding(METADATA, "error", f"未填写{field}", Place(report="元数据")) for field in missing]


def _is_internal(url: str) -> bool:
    host = urlsplit(url).hostname
    return host is None or host in {
        h for h in settings.ALLOWED_HOSTS if h and not h.startswith(".") and h != "*"
    }


def _broken_links(body: str) -> list[Finding]:
    findings = []
    for match in _LINK.finditer(body):
        url = match.group().rstrip("。，；.,;")
        if not _is_internal(url):
            continue
        if not _resolves(urlsplit(url).path or "/"):
            findings.append(
                Finding(
                    LINK,
                    "error",
                    f"内部链接「{url}」打不开",
                    Place(report="正文", line=_line_of(body, match.start()), excerpt=url),
                )
            )
    return findings


def _resolves(path: str) -> bool:
    try:
        match = resolve(path)
    except Resolver404:
        return False
    if match.url_name == "publication" and "pk" in match.kwargs:
        return Publication.objects.filter(pk=match.kwargs["pk"], index_number__isnull=False).exists()
    return True


def _interpretation(publication: Publication, *, at_publication: bool) -> list[Finding]:
    """同步起草、同步审签、同步发布: a 规范性文件 goes with its 政策解读."""
    if publication.genre != Genre.NORMATIVE or not publication.pk:
        return []
    ready = (
        (State.APPROVED, State.PUBLISHED)
        if at_publication
        else (State.DRAFT, State.REVIEW, State.APPROVED, State.PUBLISHED)
    )
    if publication.interpretations.filter(state__in=ready).exists():
        return []
    message = (
        "规范性文件的政策解读尚未审核通过，应同步发布" if at_publication else "规范性文件未同步起草政策解读"
    )
    return [Finding(INTERPRETATION, "error", message, Place(report="政策解读"))]
