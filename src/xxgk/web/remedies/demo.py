"""Demo remedies: a few 行政复议 and 行政诉讼 cases of the demo agencies with applications, some
decided, one pending over the end of 2025 (counted as 尚未审结 in 2025 and decided in 2026)."""

from __future__ import annotations

from datetime import date

from xxgk.web.applications.models import Application
from xxgk.web.demo import DemoContext
from xxgk.web.remedies.models import Remedy

# org key, kind, case number, deciding body, filed, decided, result, claimant
CASES = (
    (
        "jgsw",
        "review",
        "宜府复〔2025〕31号",
        "宜春市人民政府",
        date(2025, 4, 8),
        date(2025, 6, 2),
        "upheld",
        "刘某",
    ),
    (
        "jgsw",
        "suit_direct",
        "（2025）赣0902行初88号",
        "宜春市袁州区人民法院",
        date(2025, 10, 20),
        date(2026, 4, 15),
        "corrected",
        "陈某某",
    ),
    (
        "zrzy",
        "review",
        "宜府复〔2025〕57号",
        "宜春市人民政府",
        date(2025, 7, 1),
        date(2025, 8, 29),
        "corrected",
        "黄某",
    ),
    (
        "zrzy",
        "suit_after_review",
        "（2025）赣0902行初121号",
        "宜春市袁州区人民法院",
        date(2025, 9, 12),
        date(2025, 12, 5),
        "other",
        "黄某",
    ),
    ("zrzy", "review", "宜府复〔2026〕9号", "宜春市人民政府", date(2026, 3, 3), None, "", "周某某"),
    (
        "jyj",
        "review",
        "宜府复〔2026〕22号",
        "宜春市人民政府",
        date(2026, 5, 18),
        date(2026, 7, 10),
        "upheld",
        "孙某",
    ),
)


def load(context: DemoContext) -> None:
    for key, kind, number, body, filed, decided, result, claimant in CASES:
        org = context.orgs[key]
        concerned = (
            Application.objects.filter(organisation=org, received_on__lt=filed, outcome__startswith="denied")
            .order_by("received_on")
            .first()
        )
        _, created = Remedy.objects.get_or_create(
            organisation=org,
            case_number=number,
            defaults={
                "kind": kind,
                "deciding_body": body,
                "filed_on": filed,
                "decided_on": decided,
                "result": result,
                "claimant_name": claimant,
                "application": concerned,
            },
        )
        context.count(created)
