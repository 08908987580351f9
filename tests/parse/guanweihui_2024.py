"""Figures of the 平潭综合实验区 2024 report (pingtan-2024-guanweihui), read by hand from the page.

The HTML page and the DOCX made from it print the same figures; both readers' tests use these.
"""

from __future__ import annotations

from decimal import Decimal

# Every non-zero figure of the report (the same as pingtan-2024-guanweihui.html).
TABLE2 = {
    ("normative_documents", "issued"): 62,
    ("normative_documents", "repealed"): 33,
    ("normative_documents", "in_force"): 440,
    ("licensing", "decisions"): 4529,
    ("penalty", "decisions"): 1100,
    ("coercion", "decisions"): 65,
    ("fees", "amount"): Decimal("18651.06"),
}
TABLE3 = {
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
TABLE4 = {
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


def cells(
    data: dict[str, dict[str, object]], skip_rows: tuple[str, ...] = ()
) -> dict[tuple[str, str], object]:
    return {
        (row, col): v for row, values in data.items() if row not in skip_rows for col, v in values.items()
    }
