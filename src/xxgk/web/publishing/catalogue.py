"""Writes on the catalogue: seeding it from the 条例, maintaining own items, and importing the
基层 standard catalogue's XLSX (columns named by the model's own field labels; `exports.py` writes
the same layout). A service module of its own concern: role check, transaction, audit event."""

from __future__ import annotations

import io

from django.db import transaction

from xxgk.web.audit.services import record
from xxgk.web.fields import concrete_field, field_label
from xxgk.web.orgs.actors import Actor
from xxgk.web.orgs.models import Organisation, Role
from xxgk.web.orgs.scoping import require_role
from xxgk.web.publishing import audit_codes, statute
from xxgk.web.publishing.errors import InvalidInput
from xxgk.web.publishing.models import STANDARD_COLUMNS, CatalogueNode, NodeSource

MAINTAINER_ROLES = (Role.ADMIN, Role.REGISTRAR, Role.HANDLER)
STANDARD_ROOT = "基层政务公开标准目录"
FIRST_LEVEL, SECOND_LEVEL = "一级事项", "二级事项"


def standard_headers() -> list[str]:
    return [FIRST_LEVEL, SECOND_LEVEL] + [field_label(CatalogueNode, f) for f in STANDARD_COLUMNS]


def seed_catalogue(*, actor: Actor, organisation: Organisation) -> list[CatalogueNode]:
    """Create the statutory items (idempotent): 第二十条's fifteen, 第二十一条's for the
    agency's level, and the own items every column has. `actor` None: the system (set-up, demo)."""
    if actor is not None:
        require_role(actor, organisation, MAINTAINER_ROLES)
    with transaction.atomic():
        nodes, created = [], 0
        specs: list[tuple[str, NodeSource, str, int | None]] = [
            (
                title,
                NodeSource.ARTICLE_20,
                statute.article_20_clause(i),
                statute.ARTICLE_20_UPDATE_DAYS.get(i),
            )
            for i, title in enumerate(statute.ARTICLE_20, start=1)
        ]
        specs += [
            (title, NodeSource.ARTICLE_21, "第二十一条", None)
            for title in statute.article_21_items(organisation)
        ]
        specs += [(title, NodeSource.OWN, "第二十二条", days) for title, days in statute.OWN_ITEMS]
        for position, (title, source, clause, days) in enumerate(specs, start=1):
            node, made = CatalogueNode.objects.get_or_create(
                organisation=organisation,
                parent=None,
                title=title,
                defaults={
                    "source": source,
                    "clause": clause,
                    "position": position,
                    "update_interval_days": days,
                },
            )
            nodes.append(node)
            created += made
        if created:
            record(
                actor=actor,
                action=audit_codes.CATALOGUE,
                organisation=organisation,
                object_type="publishing.catalogue",
                object_id=str(organisation.pk),
                after={"seeded": created},
            )
    return nodes


def add_node(
    *,
    actor: Actor,
    organisation: Organisation,
    title: str,
    parent: CatalogueNode | None = None,
    update_interval_days: int | None = None,
) -> CatalogueNode:
    """An own item (第二十二条) or a sub-item."""
    require_role(actor, organisation, MAINTAINER_ROLES)
    title = title.strip()
    if not title:
        raise InvalidInput("empty title", "请填写目录名称。")
    if parent is not None and parent.organisation_id != organisation.pk:
        raise InvalidInput("foreign parent", "上级目录不属于本机关。")
    with transaction.atomic():
        if CatalogueNode.objects.filter(organisation=organisation, parent=parent, title=title).exists():
            raise InvalidInput("duplicate", f"目录「{title}」已存在。")
        node = CatalogueNode.objects.create(
            organisation=organisation,
            parent=parent,
            title=title,
            source=NodeSource.OWN,
            clause="第二十二条",
            update_interval_days=update_interval_days,
            position=CatalogueNode.objects.filter(organisation=organisation, parent=parent).count() + 1,
        )
        record(
            actor=actor,
            action=audit_codes.CATALOGUE,
            obj=node,
            organisation=organisation,
            after={"title": title},
        )
    return node


def import_standard_xlsx(*, actor: Actor, organisation: Organisation, content: bytes) -> int:
    """Rows of a 基层政务公开标准目录 workbook into the catalogue (under 「基层政务公开标准目录」,
    一级事项 → 二级事项 with its columns). All rows or none; returns how many rows were read.
    A row whose items exist already updates their columns."""
    require_role(actor, organisation, MAINTAINER_ROLES)
    rows = _read_standard_rows(content)
    with transaction.atomic():
        root, _ = CatalogueNode.objects.get_or_create(
            organisation=organisation,
            parent=None,
            title=STANDARD_ROOT,
            defaults={"source": NodeSource.STANDARD, "clause": "国办发〔2019〕54号", "position": 900},
        )
        for position, (first_title, second_title, columns) in enumerate(rows, start=1):
            first, _ = CatalogueNode.objects.get_or_create(
                organisation=organisation,
                parent=root,
                title=first_title,
                defaults={"source": NodeSource.STANDARD, "position": position},
            )
            CatalogueNode.objects.update_or_create(
                organisation=organisation,
                parent=first,
                title=second_title,
                defaults={"source": NodeSource.STANDARD, "position": position, **columns},
            )
        record(
            actor=actor,
            action=audit_codes.IMPORT_CATALOGUE,
            obj=root,
            organisation=organisation,
            after={"rows": len(rows)},
        )
    return len(rows)


def _read_standard_rows(content: bytes) -> list[tuple[str, str, dict[str, str]]]:
    import openpyxl

    try:
        workbook = openpyxl.load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except Exception as exc:
        raise InvalidInput("unreadable workbook", "无法读取该文件，请上传 .xlsx 格式的工作簿。") from exc
    sheet = workbook.worksheets[0]
    values = [["" if v is None else str(v).strip() for v in row] for row in sheet.iter_rows(values_only=True)]
    if not values:
        raise InvalidInput("empty", "工作簿为空。")
    expected = standard_headers()
    header = values[0][: len(expected)]
    missing = [h for h in expected if h not in header]
    if missing:
        raise InvalidInput(
            "missing columns", "缺少列：" + "、".join(missing) + "。第一行应为：" + "、".join(expected)
        )
    index = {h: header.index(h) for h in expected}
    rows, errors = [], []
    for number, row in enumerate(values[1:], start=2):
        row = row + [""] * (len(header) - len(row))
        if not any(row):
            continue
        first, second = row[index[FIRST_LEVEL]], row[index[SECOND_LEVEL]]
        if not first or not second:
            errors.append(f"第{number}行缺少一级事项或二级事项")
            continue
        columns = {}
        for field in STANDARD_COLUMNS:
            column = concrete_field(CatalogueNode, field)
            columns[field] = row[index[str(column.verbose_name)]][: column.max_length or None]
        rows.append((first[:200], second[:200], columns))
    if errors:
        raise InvalidInput("bad rows", "；".join(errors) + "。未导入任何内容。")
    if not rows:
        raise InvalidInput("no rows", "工作簿中没有目录行。")
    return rows
