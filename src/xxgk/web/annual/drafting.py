"""Drafts of sections 一、五、六 made from the data, for staff to edit (Chinese text).

Each sentence starts with the report's own year, so the checks' stale-year rule never fires on a
draft, and the statement about applications matches table 三 (“未收到申请” only when none came).
"""

from __future__ import annotations

from decimal import Decimal

from xxgk.fees import yuan
from xxgk.template import GB2021, TOTAL

_T2, _T3, _T4 = GB2021.table2, GB2021.table3, GB2021.table4
# Names of the rows the overview speaks of, as the template prints them.
_REGULATIONS = _T2.row("regulations").label  # 规章
_DOCUMENTS = _T2.row("normative_documents").label  # 行政规范性文件
_REVIEW = _T4.row("review").label  # 行政复议
_SUIT = _T4.row("suit_direct").group  # 行政诉讼


def overview(
    org: str,
    year: int,
    table2: dict,
    table3: dict,
    table4: dict,
    channels: dict[str, int] | None = None,
    consultations: dict[str, dict[str, int]] | None = None,
) -> str:
    """Section 一. `channels`: items published in the year by channel name (政府网站 → 120);
    `consultations`: questions received in the year by channel and by outcome name (咨询答复)."""
    new, carried_in = table3["new"][TOTAL], table3["carried_in"][TOTAL]
    total, carried_out = table3[TOTAL][TOTAL], table3["carried_out"][TOTAL]
    regs, docs = table2["regulations"], table2["normative_documents"]
    if new:
        applications = (
            f"{year}年，本机关共收到政府信息公开申请{new}件，上年结转{carried_in}件；"
            f"办结{total}件，其中{_results(table3)}；结转下年度继续办理{carried_out}件。"
        )
    else:
        applications = (
            f"{year}年，本机关未收到新的政府信息公开申请；上年结转{carried_in}件，"
            f"办结{total}件，结转下年度继续办理{carried_out}件。"
        )
    review = table4["review"][TOTAL]
    suits = sum(table4[row.key][TOTAL] for row in _T4.rows if row.group == _SUIT)
    return (
        f"{year}年，{org}认真贯彻落实《中华人民共和国政府信息公开条例》，扎实推进政府信息公开工作。\n"
        f"（一）主动公开\n{_channels(year, channels or {})}"
        f"{year}年，本机关制发{_REGULATIONS}{regs['issued']}件、{_DOCUMENTS}{docs['issued']}件，"
        f"废止{_REGULATIONS}{regs['repealed']}件、{_DOCUMENTS}{docs['repealed']}件；"
        f"现行有效{_REGULATIONS}{regs['in_force']}件、{_DOCUMENTS}{docs['in_force']}件。\n"
        f"（二）依申请公开\n{applications}\n{_consultations(year, consultations)}"
        f"（三）{_REVIEW}、{_SUIT}\n"
        f"{year}年，本机关因政府信息公开工作被申请{_REVIEW}{review}件，被提起{_SUIT}{suits}件。"
    )


def _channels(year: int, channels: dict[str, int]) -> str:
    used = [f"{name}{count}条" for name, count in channels.items() if count]
    return f"{year}年，本机关通过{'、'.join(used)}主动公开政府信息。\n" if used else ""


def _consultations(year: int, counts: dict[str, dict[str, int]] | None) -> str:
    """咨询答复: not applications (not in table 三), reported here by channel and outcome."""
    if not counts or not sum(counts["channel"].values()):
        return ""
    total = sum(counts["channel"].values())
    channels = "、".join(f"{name}{n}件" for name, n in counts["channel"].items() if n)
    outcomes = "，".join(f"{name}{n}件" for name, n in counts["outcome"].items() if n)
    return f"{year}年，本机关共受理政府信息公开咨询{total}件，其中{channels}；{outcomes}。\n"


def _results(table3: dict) -> str:
    """予以公开3件、部分公开1件…: the non-zero result groups, labels from the template."""
    groups: dict[str, int] = {}
    for row in _T3.rows:
        if not row.is_result or row.collapses:
            continue
        # （三）不予公开 etc. stand for their numbered rows; （一）（二） are rows themselves.
        name = row.group if row.group and "." in row.key else row.label
        groups[name] = groups.get(name, 0) + (table3[row.key][TOTAL] or 0)
    parts = [f"{_short(name)}{count}件" for name, count in groups.items() if count]
    return "、".join(parts) if parts else "无办结结果"


def _short(label: str) -> str:
    """（二）部分公开（区分处理的…） → 部分公开."""
    head = label.split("）", 1)[-1] if label.startswith("（") else label
    return head.split("（", 1)[0]


def problems(year: int) -> str:
    return (
        f"{year}年，本机关政府信息公开工作仍存在主动公开内容不够全面、依申请公开答复规范性有待提高等问题。\n"
        f"{year + 1}年，本机关将进一步规范公开流程，加强业务培训，提升政府信息公开质量。"
    )


def other_matters(year: int, fee_count: int, fee_total: Decimal) -> str:
    if fee_count:
        fees = (
            f"依据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）收取信息处理费{fee_count}笔，"
            f"共计{yuan(fee_total)}元"
        )
    else:
        fees = "未收取信息处理费"
    return f"{year}年度，本机关{fees}。无其他需要报告的事项。"
