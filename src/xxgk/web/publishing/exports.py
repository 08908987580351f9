"""Exports (reads only): the 目录 (XLSX/CSV/JSON), the 基层 standard catalogue in the layout its
import reads (`catalogue.py`), the yearly transfer bundle for the 国家档案馆 and 公共图书馆
(第二十五条), and a WeChat article body."""

from __future__ import annotations

import csv
import html
import io
import json
import zipfile
from datetime import datetime

from django.utils import timezone

from xxgk.render.spreadsheet_text import safe_row
from xxgk.web.fields import field_label
from xxgk.web.orgs.models import Organisation
from xxgk.web.publishing import portal_selectors
from xxgk.web.publishing.catalogue import STANDARD_ROOT, standard_headers
from xxgk.web.publishing.models import STANDARD_COLUMNS, CatalogueNode, Publication

CATALOGUE_FORMATS = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "csv": "text/csv; charset=utf-8",
    "json": "application/json; charset=utf-8",
}
_FIELDS = (
    "index_number",
    "title",
    "organisation",
    "joint_issuers",
    "document_number",
    "written_on",
    "formed_on",
    "published_at",
    "topic",
    "genre",
    "keywords",
    "disclosure",
    "state",
)


def _label(field: str) -> str:
    return field_label(Publication, field)


def _value(publication: Publication, field: str) -> str:
    display = getattr(publication, f"get_{field}_display", None)
    if display is not None:
        return display()
    value = getattr(publication, field)
    if isinstance(value, datetime):
        return timezone.localtime(value).strftime("%Y-%m-%d")
    return "" if value is None else str(value)


def _rows(publications) -> tuple[list[str], list[list[str]]]:
    header = [_label(f) for f in _FIELDS] + ["所属目录", "公开渠道", "有效性"]
    today = timezone.localdate()
    rows = []
    for p in publications:
        nodes = "；".join(n.title for n in p.nodes.all())
        channels = "、".join(c.get_channel_display() for c in p.channels.all())
        validity = p.registry_document.validity_on(today).label if p.registry_document else ""
        rows.append([_value(p, f) for f in _FIELDS] + [nodes, channels, validity])
    return header, rows


def _catalogue_rows(organisation: Organisation):
    return (
        portal_selectors.public_publications()
        .filter(organisation=organisation)
        .select_related("organisation", "registry_document")
        .prefetch_related("nodes", "channels")
        .order_by("index_number")
    )


def catalogue(organisation: Organisation, fmt: str) -> tuple[bytes, str]:
    """The agency's 政府信息公开目录 in `fmt` (a key of CATALOGUE_FORMATS)."""
    header, rows = _rows(_catalogue_rows(organisation))
    return _tabular(header, rows, fmt), CATALOGUE_FORMATS[fmt]


def _tabular(header: list[str], rows: list[list[str]], fmt: str) -> bytes:
    if fmt == "json":
        return json.dumps(
            [dict(zip(header, row, strict=True)) for row in rows], ensure_ascii=False, indent=1
        ).encode()
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(header)
        writer.writerows(safe_row(row) for row in rows)
        return ("\ufeff" + buffer.getvalue()).encode()  # BOM: Excel opens UTF-8 CSV correctly
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "政府信息公开目录"
    sheet.append(header)
    for row in rows:
        sheet.append(safe_row(row))
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def export_standard_xlsx(organisation: Organisation) -> bytes:
    """The agency's standard catalogue rows as a workbook in the import's own layout."""
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "标准目录"
    sheet.append(standard_headers())
    root = CatalogueNode.objects.filter(organisation=organisation, parent=None, title=STANDARD_ROOT).first()
    if root is not None:
        for first in root.children.order_by("position", "pk"):
            for second in first.children.order_by("position", "pk"):
                sheet.append(
                    safe_row([first.title, second.title] + [getattr(second, f) for f in STANDARD_COLUMNS])
                )
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def transfer_bundle(organisation: Organisation, year: int) -> bytes:
    """A ZIP of the year's public publications for 移交 (第二十五条): 目录.csv and 目录.json with
    the metadata, and per item its text (every published version) and attachments."""
    tz = timezone.get_current_timezone()
    items = _catalogue_rows(organisation).filter(
        published_at__gte=datetime(year, 1, 1, tzinfo=tz),
        published_at__lt=datetime(year + 1, 1, 1, tzinfo=tz),
    )
    header, rows = _rows(items)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as bundle:
        bundle.writestr("目录.csv", _tabular(header, rows, "csv"))
        bundle.writestr("目录.json", _tabular(header, rows, "json"))
        for publication in items:
            folder = publication.index_number.replace("/", "_")
            for revision in publication.revisions.order_by("number"):
                text = f"{revision.title}\n{revision.document_number}\n\n{revision.body}\n"
                if revision.reason:
                    text += f"\n（{revision.get_kind_display()}原因：{revision.reason}）\n"
                bundle.writestr(f"{folder}/正文-第{revision.number}版.txt", text)
            for attachment in publication.attachments.filter(is_active=True):
                bundle.writestr(f"{folder}/附件/{attachment.name}", bytes(attachment.content))
    return out.getvalue()


_P = "margin:0 0 1em;font-size:16px;line-height:1.75;color:#333;text-indent:2em;text-align:justify;"
_H = "margin:0 0 .8em;font-size:20px;line-height:1.4;font-weight:bold;color:#222;text-align:center;"
_META = "margin:0 0 1.2em;font-size:13px;color:#888;text-align:center;"


def wechat_article(publication: Publication) -> str:
    """The current public text as a WeChat article body: inline styles only (the editor strips
    classes and style sheets), no scripts, escaped text."""
    revision = publication.revisions.get(is_current=True)
    meta = " ".join(
        html.escape(part) for part in (publication.organisation.name, revision.document_number) if part
    )
    paragraphs = "".join(
        f'<p style="{_P}">{html.escape(line.strip())}</p>'
        for line in revision.body.splitlines()
        if line.strip()
    )
    return (
        f'<section style="padding:0 8px;">'
        f'<h1 style="{_H}">{html.escape(revision.title)}</h1>'
        f'<p style="{_META}">{meta}</p>{paragraphs}</section>'
    )
