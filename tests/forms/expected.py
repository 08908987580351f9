"""What every real report prints (tests/data/reports and the seed), one place for all its forms.

The figures were read by hand off the sources (the saved pages, the text captures, the rendered PDF
pages `pdftoppm -png`), never from a parser's output. Every other form of a report (tests/data/forms:
LibreOffice and Chromium PDFs, pdftotext, Markdown, scans) must read to exactly these cells and year.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from xxgk.report import Report

Cells = dict[str, dict[str, dict[str, object]]]


def nz(person: int, total: int | None = None, **others: int) -> dict[str, int]:
    """A table 三 row with a natural-person count, organisation counts and the total."""
    return {
        "natural_person": person,
        **others,
        "total": person + sum(others.values()) if total is None else total,
    }


def block(upheld: int = 0, corrected: int = 0, other: int = 0, pending: int = 0, total: int = 0) -> dict:
    """A table 四 block (行政复议 or one kind of 行政诉讼) as printed."""
    return {"upheld": upheld, "corrected": corrected, "other": other, "pending": pending, "total": total}


def nested(flat: dict[tuple[str, str], object]) -> dict[str, dict[str, object]]:
    rows: dict[str, dict[str, object]] = {}
    for (row, col), value in flat.items():
        rows.setdefault(row, {})[col] = value
    return rows


# 平潭综合实验区 2024 (the page and the DOCX made from it print the same figures).
GUANWEIHUI_TABLE2 = {
    ("normative_documents", "issued"): 62,
    ("normative_documents", "repealed"): 33,
    ("normative_documents", "in_force"): 440,
    ("licensing", "decisions"): 4529,
    ("penalty", "decisions"): 1100,
    ("coercion", "decisions"): 65,
    ("fees", "amount"): Decimal("18651.06"),
}
GUANWEIHUI_TABLE3 = {
    ("new", "natural_person"): 217,
    ("new", "commercial"): 1,
    ("new", "total"): 218,
    ("granted", "natural_person"): 71,
    ("granted", "total"): 71,
    ("partial", "natural_person"): 29,
    ("partial", "total"): 29,
    ("denied.state_secret", "natural_person"): 4,
    ("denied.state_secret", "total"): 4,
    ("denied.third_party", "natural_person"): 3,
    ("denied.third_party", "total"): 3,
    ("denied.internal_affairs", "natural_person"): 32,
    ("denied.internal_affairs", "total"): 32,
    ("unavailable.not_held", "natural_person"): 75,
    ("unavailable.not_held", "total"): 75,
    ("not_processed.repeat", "natural_person"): 1,
    ("not_processed.repeat", "total"): 1,
    ("other.no_correction", "natural_person"): 1,
    ("other.no_correction", "total"): 1,
    ("other.other", "natural_person"): 1,
    ("other.other", "commercial"): 1,
    ("other.other", "total"): 2,
    ("total", "natural_person"): 217,
    ("total", "commercial"): 1,
    ("total", "total"): 218,
}
GUANWEIHUI_TABLE4 = {
    ("review", "upheld"): 2,
    ("review", "corrected"): 1,
    ("review", "other"): 3,
    ("review", "pending"): 1,
    ("review", "total"): 7,
    ("suit_after_review", "upheld"): 13,
    ("suit_after_review", "corrected"): 2,
    ("suit_after_review", "other"): 4,
    ("suit_after_review", "total"): 19,
}
GUOZIJU_TABLE2 = {
    ("normative_documents", "issued"): 6,
    ("normative_documents", "repealed"): 1,
    ("normative_documents", "in_force"): 26,
}


@dataclass(frozen=True)
class Expected:
    year: int
    organization: str
    template: str
    # 'short' (（六） printed as one row) or 'split' (its three sub-rows).
    other_row: str
    # The printed non-zero cells, table → row → column; every other printed cell reads 0.
    nonzero: Cells = field(default_factory=dict)
    # "table.row.column" cells the source prints unreadably (must be None in every form).
    empty: frozenset[str] = frozenset()


EXPECTED: dict[str, Expected] = {
    "pingtan-2024-guanweihui": Expected(
        2024,
        "平潭综合实验区",
        "2021",
        "split",
        {
            "table2": nested(GUANWEIHUI_TABLE2),
            "table3": nested(GUANWEIHUI_TABLE3),
            "table4": nested(GUANWEIHUI_TABLE4),
        },
    ),
    "pingtan-2023-guoziju": Expected(
        2023, "平潭综合实验区国有资产管理局", "2021", "split", {"table2": nested(GUOZIJU_TABLE2)}
    ),
    # All zeros; the fee amount is a decimal zero.
    "000_a506050fcd0660b0": Expected(2023, "宜春市机关事务管理中心", "2021", "short"),
    # 规章000 · 行政规范性文件002 · 行政处罚141 (one cell) · 一、本年新收…1000001 · 3.其他1000001 …
    "pingtan-2021-gonganju": Expected(
        2021,
        "平潭综合实验区公安局",
        "2021",
        "split",
        {
            "table2": {"normative_documents": {"in_force": 2}, "penalty": {"decisions": 141}},
            "table3": {"new": nz(1), "other.other": nz(1), "total": nz(1), "carried_out": nz(1)},
        },
    ),
    # 行政规范性文件101 · 行政许可3 · `10 0 0 0 01` rows · table 四 `0 00 0 0 0 00 0 0 0 00 00`.
    "pingtan-2021-supingpianqu": Expected(
        2021,
        "平潭综合实验区苏平片区管理局",
        "2021",
        "split",
        {
            "table2": {"normative_documents": {"issued": 1, "in_force": 1}, "licensing": {"decisions": 3}},
            "table3": {"new": nz(1), "partial": nz(1), "total": nz(1)},
        },
    ),
    # 规范性文件555 · 政府集中采购178810055 (采购项目数量 and 采购总金额 run together: 1788|10055,
    # 17881|0055 … cannot be told apart) → both cells empty.
    "pingtan-2020-jinjingpianqu": Expected(
        2020,
        "平潭综合实验区金井片区管理局",
        "2019",
        "short",
        {"table2": {"normative_documents": {"new_made": 5, "new_published": 5, "total_published": 5}}},
        frozenset({"table2.procurement.projects", "table2.procurement.amount"}),
    ),
    "hongze-2023-qzf": Expected(
        2023,
        "洪泽区人民政府",
        "2021",
        "short",
        {
            "table2": {
                "normative_documents": {"repealed": 5, "in_force": 5},
                "licensing": {"decisions": 550},
                "penalty": {"decisions": 4119},
                "coercion": {"decisions": 195},
                "fees": {"amount": Decimal("7730.28")},
            },
            "table3": {
                "new": nz(21),
                "partial": nz(4),
                "denied.state_secret": nz(1),
                "denied.process_info": nz(1),
                "denied.enforcement_file": nz(1),
                "unavailable.not_held": nz(10),
                "unavailable.needs_creation": nz(3),
                "not_processed.petition": nz(1),
                "total": nz(21),
            },
            # The page prints 10 · 1 · 0 · 0 · 总计 0 under 行政复议 and 5 · 0 · 0 · 0 · 总计 0 under
            # 复议后起诉: the agency's totals are wrong, and they are read as printed.
            "table4": {"review": block(upheld=10, corrected=1), "suit_after_review": block(upheld=5)},
        },
    ),
    "hongze-2024-qzf": Expected(
        2024,
        "淮安市洪泽区人民政府",
        "2021",
        "short",
        {
            "table2": {
                "normative_documents": {"issued": 3, "in_force": 8},
                "licensing": {"decisions": 9487},
                "penalty": {"decisions": 2776},
                "coercion": {"decisions": 84},
                "fees": {"amount": Decimal("7545")},
            },
            "table3": {
                "new": nz(95),
                "granted": nz(50),
                "partial": nz(9),
                "denied.security_stability": nz(1),
                "denied.process_info": nz(1),
                "denied.enforcement_file": nz(1),
                "unavailable.not_held": nz(31),
                "unavailable.needs_creation": nz(1),
                "not_processed.petition": nz(1),
                "total": nz(95),
            },
            "table4": {
                "review": block(upheld=1, corrected=1, total=2),
                "suit_direct": block(upheld=1, total=1),
                "suit_after_review": block(upheld=2, other=1, total=3),
            },
        },
    ),
    "huaian-2024-szf": Expected(
        2024,
        "淮安市人民政府",
        "2021",
        "split",
        {
            "table2": {
                "regulations": {"issued": 1, "in_force": 11},
                "normative_documents": {"issued": 8, "repealed": 26, "in_force": 66},
                "licensing": {"decisions": 447228},
                "penalty": {"decisions": 3985758},
                "coercion": {"decisions": 88283},
                "fees": {"amount": Decimal("96171.6")},
            },
            "table3": {
                "new": nz(3001, commercial=53, legal_service=61, other_org=4),
                "carried_in": nz(34),
                "granted": nz(1288, commercial=21, legal_service=50, other_org=3),
                "partial": nz(447, commercial=7),
                "denied.state_secret": nz(2),
                "denied.law_prohibited": nz(30, commercial=1),
                "denied.security_stability": nz(5),
                "denied.third_party": nz(6),
                "denied.internal_affairs": nz(7, commercial=1),
                "denied.process_info": nz(12),
                "denied.enforcement_file": nz(9),
                "denied.inquiry": nz(105),
                "unavailable.not_held": nz(746, commercial=12, legal_service=10, other_org=1),
                "unavailable.needs_creation": nz(11),
                "unavailable.unclear": nz(1),
                "not_processed.petition": nz(56, commercial=6),
                "not_processed.repeat": nz(25),
                "not_processed.confirmation": nz(1),
                "other.no_correction": nz(67, commercial=3, legal_service=1),
                "other.no_fee": nz(6),
                "other.other": nz(108, commercial=2),
                "total": nz(2932, commercial=53, legal_service=61, other_org=4),
                "carried_out": nz(103),
            },
            "table4": {
                "review": block(72, 64, 178, 37, 351),
                "suit_direct": block(13, 4, 8, 1, 26),
                "suit_after_review": block(12, 1, 1, 6, 20),
            },
        },
    ),
}


def differences(report: Report, stem: str) -> list[str]:
    """Every way `report` differs from what the source `stem` prints, one line per difference."""
    want = EXPECTED[stem]
    found = []
    for name in ("year", "organization", "template", "other_row"):
        if getattr(report, name) != getattr(want, name):
            found.append(f"{name}: expected {getattr(want, name)!r}, read {getattr(report, name)!r}")
    if report.template != want.template:
        return found  # other rows and columns: cell by cell makes no sense
    for table in report.spec.tables:
        for row in table.rows:
            for col in table.columns_of(row):
                where = f"{table.key}.{row.key}.{col.key}"
                value = report.cell(table.key, row.key, col.key)
                if where in want.empty or _unused(want.other_row, report, table.key, row.key):
                    expected = None
                else:
                    expected = want.nonzero.get(table.key, {}).get(row.key, {}).get(col.key, 0)
                if value != expected or (expected and type(value) is not type(expected)):
                    found.append(f"{where}: expected {expected!r}, read {value!r}")
    return found


def assert_reads_as(report: Report, stem: str) -> None:
    """The report reads to exactly the source's year, organisation and cells; names every difference."""
    found = differences(report, stem)
    assert not found, f"{report.source} differs from {stem} in {len(found)} places:\n" + "\n".join(found)


def _unused(other_row: str, report: Report, table: str, row: str) -> bool:
    """Rows the report's （六） form leaves out (never invented)."""
    if table != "table3":
        return False
    short = report.spec.table3.row("other")
    return row in short.collapses if other_row == "short" else row == "other"
