"""Document (any format) → Report: recognises the template, reads the tables and the text."""

from __future__ import annotations

from xxgk.findings import Finding, Place
from xxgk.parse.errors import ReportReadError
from xxgk.parse.grid import Document
from xxgk.parse.limits import check_text_chars
from xxgk.parse.tables import all_text, read_tables
from xxgk.parse.text_parts import read_text_parts
from xxgk.report import Report
from xxgk.template import GB2019, GB2021, Template
from xxgk.template.labels import key_form

# Governments' own (consolidated) reports are due 3月31日, not 1月31日. A report titled with a
# bare place name (平潭综合实验区, 淮安市) is the government's report for that area too; 乡/镇/街道
# are left out: they report by 1月31日 like departments.
_GOVERNMENT_SUFFIXES = ("人民政府", "管理委员会", "管委会")
_AREA_SUFFIXES = ("省", "市", "自治区", "区", "县", "旗", "州", "盟")


def detect_template(doc: Document) -> tuple[Template, list[Finding]]:
    text = key_form("".join(all_text(doc)))
    old = [f for f in GB2019.fingerprints if key_form(f) in text]
    new = [f for f in GB2021.fingerprints if key_form(f) in text]
    if old and not new:
        return GB2019, [
            Finding(
                "P-TEMPLATE-2019",
                "info",
                f"按《政府信息公开工作年度报告格式（试行）》（国办公开办函〔2019〕60号）识别（见“{old[0]}”）",
            )
        ]
    findings = []
    if old and new:
        findings.append(
            Finding(
                "P-TEMPLATE-MIXED",
                "warning",
                f"表格同时出现2021年格式（“{new[0]}”）与2019年试行格式（“{old[0]}”）的栏目，按2021年格式读取",
            )
        )
    return GB2021, findings


def map_document(doc: Document) -> Report:
    # Every reader's text under one bound (text and HTML check theirs while reading).
    check_text_chars(sum(map(len, all_text(doc))))
    template, findings = detect_template(doc)
    tables = read_tables(doc, template)
    text = read_text_parts(doc.lines, template)
    if tables.matched_rows == 0 and len(text.sections) < 2:
        raise ReportReadError(
            "输入的内容不是政府信息公开工作年度报告：未找到年报格式的表格和章节",
            f"no template rows and {len(text.sections)} section headings in {doc.source or 'input'}",
        )
    findings.extend(doc.findings)
    findings.extend(text.findings)
    findings.extend(tables.findings)
    findings.extend(_label_variants(doc, template))
    organization = text.organization
    return Report(
        organization=organization,
        year=text.year,
        title=text.title,
        signed_on=text.signed_on,
        template=template.key,
        consolidated=_is_government(organization),
        other_row=tables.other_row,  # type: ignore[arg-type]
        preamble=text.preamble,
        sections=text.sections,
        table2=tables.data["table2"],
        table3=tables.data["table3"],
        table4=tables.data["table4"],
        provenance=tables.provenance,
        source=doc.source,
        source_format=doc.source_format,  # type: ignore[arg-type]
        findings=findings,
    )


def _label_variants(doc: Document, template: Template) -> list[Finding]:
    """Table 二 labels printed in an older or non-standard wording (e.g. 规范性文件)."""
    # Texts first: numbers repeat from cell to cell, and each text is folded once.
    cells = {key_form(text) for text in {c.text for table in doc.tables for row in table.rows for c in row}}
    findings = []
    for row in template.table2.rows:
        if key_form(row.label) in cells:
            continue
        for variant in row.variants:
            if key_form(variant) in cells:
                findings.append(
                    Finding(
                        "P-LABEL-VARIANT",
                        "info",
                        f"表二使用了「{variant}」，{template.name}规定的栏目名称为「{row.label}」",
                        Place(table="table2", row=row.key),
                    )
                )
    return findings


def _is_government(organization: str | None) -> bool:
    return bool(organization and organization.endswith(_GOVERNMENT_SUFFIXES + _AREA_SUFFIXES))
