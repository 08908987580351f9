"""The texts of a case's letters (告知书): one paragraph of legal basis per outcome, the remedy
notice, and the notices of 补正, 延期 and 收费. Texts are drafts the handler edits before approval.

The articles quoted are those of 《中华人民共和国政府信息公开条例》 (国务院令第711号, 2019).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from xxgk.fees import BASIS_ZH, FeeQuote, yuan
from xxgk.render.document import chinese_date

REGULATION = "《中华人民共和国政府信息公开条例》"
FILL_IN = "【请填写】"

# Sentence-ending and pausing punctuation: a quoted text's own full stop is dropped before the
# letter's, so no "。”。" or "。，".
_TRAILING_PUNCTUATION = "。．.，,；;：:！!？? \n\t"

# Outcome key → the paragraph stating the decision and its legal basis.
_DECISIONS: dict[str, str] = {
    "granted": (
        f"您申请获取的政府信息属于公开范围。根据{REGULATION}第三十六条第（二）项的规定，本机关予以公开，"
        "现按您要求的形式和方式提供（见附件）。"
    ),
    "partial": (
        f"您申请获取的政府信息中含有不应当公开或者不属于政府信息的内容，但能够作区分处理。根据{REGULATION}"
        f"第三十七条的规定，本机关向您提供可以公开的部分（见附件）；不予公开的部分，理由如下：{FILL_IN}。"
    ),
    "denied.state_secret": (
        f"您申请获取的政府信息已依法确定为国家秘密。根据{REGULATION}第十四条“依法确定为国家秘密的政府信息"
        "……不予公开”及第三十六条第（三）项的规定，本机关不予公开。"
    ),
    "denied.law_prohibited": (
        f"您申请获取的政府信息属于法律、行政法规禁止公开的政府信息（依据：{FILL_IN}）。根据{REGULATION}"
        "第十四条及第三十六条第（三）项的规定，本机关不予公开。"
    ),
    "denied.security_stability": (
        f"您申请获取的政府信息公开后可能危及国家安全、公共安全、经济安全、社会稳定。根据{REGULATION}"
        "第十四条及第三十六条第（三）项的规定，本机关不予公开。"
    ),
    "denied.third_party": (
        f"您申请获取的政府信息涉及商业秘密、个人隐私等，公开会对第三方合法权益造成损害。根据{REGULATION}"
        "第十五条、第三十二条及第三十六条第（三）项的规定，本机关不予公开。"
    ),
    "denied.internal_affairs": (
        f"您申请获取的政府信息属于行政机关的内部事务信息（人事管理、后勤管理、内部工作流程等）。根据{REGULATION}"
        "第十六条第一款及第三十六条第（三）项的规定，本机关不予公开。"
    ),
    "denied.process_info": (
        f"您申请获取的政府信息属于行政机关在履行行政管理职能过程中形成的讨论记录、过程稿、磋商信函、请示报告等"
        f"过程性信息。根据{REGULATION}第十六条第二款及第三十六条第（三）项的规定，本机关不予公开。"
    ),
    "denied.enforcement_file": (
        f"您申请获取的政府信息属于行政执法案卷信息。根据{REGULATION}第十六条第二款及第三十六条第（三）项的规定，"
        "本机关不予公开。"
    ),
    "denied.inquiry": (
        f"您申请获取的信息属于行政查询事项，有关法律、行政法规对信息的获取有特别规定。根据{REGULATION}"
        f"第三十六条第（七）项的规定，请您依照{FILL_IN}的规定办理。"
    ),
    "unavailable.not_held": (
        f"经检索，本机关没有您所申请公开的信息。根据{REGULATION}第三十六条第（四）项的规定，告知您该政府信息"
        f"不存在。{FILL_IN}（如属于其他行政机关负责公开的，依第三十六条第（五）项告知该机关的名称、联系方式）"
    ),
    "unavailable.needs_creation": (
        f"本机关没有您所申请的现成信息，提供该信息需要对现有政府信息进行加工、分析。根据{REGULATION}"
        "第三十八条的规定，本机关不予提供。"
    ),
    "unavailable.unclear": (
        f"本机关已依照{REGULATION}第三十条的规定告知您补正，您补正后的申请内容仍不明确，本机关无法确定"
        "您所申请的政府信息，无法提供。"
    ),
    "not_processed.petition": (
        f"您以政府信息公开申请的形式进行信访、投诉、举报等活动。根据{REGULATION}第三十九条第一款的规定，"
        f"本机关不作为政府信息公开申请处理，您可以通过{FILL_IN}提出。"
    ),
    "not_processed.repeat": (
        f"本机关已就您提出的相同政府信息公开申请作出答复（{FILL_IN}）。根据{REGULATION}第三十六条第（六）项的规定，"
        "本机关不予重复处理。"
    ),
    "not_processed.publication": (
        f"您申请获取的是政府公报、报刊、书籍等公开出版物。根据{REGULATION}第三十九条第二款的规定，"
        f"告知您获取的途径：{FILL_IN}。"
    ),
    "not_processed.excessive": (
        f"您申请公开政府信息的数量、频次明显超过合理范围，本机关已要求您说明理由，经审查认为申请理由不合理。"
        f"根据{REGULATION}第三十五条的规定，本机关不予处理。"
    ),
    "not_processed.confirmation": (
        "您要求本机关确认或者重新出具您已获取的信息，不属于获取政府信息的申请"
        f"（{REGULATION}第二条、第二十七条）。本机关不作为政府信息公开申请处理。"
    ),
    "other.other": f"{FILL_IN}（处理情况及依据）。",
}

REPLY_OUTCOMES: tuple[str, ...] = tuple(_DECISIONS)
"""Outcomes a drafted reply can state; 逾期不补正 and 逾期不缴费 conclude by `abandonment_body`."""

_ABANDONED: dict[str, str] = {
    "other.no_correction": (
        "本机关已告知您对申请作出补正，您无正当理由逾期未补正。根据{regulation}第三十条的规定，视为您放弃申请，"
        "本机关不再处理该政府信息公开申请。"
    ),
    "other.no_fee": (
        "本机关已向您发出收费通知，您逾期未按收费通知要求缴纳信息处理费。根据{regulation}第四十二条和{basis}的规定，"
        "视为您放弃申请，本机关不再处理该政府信息公开申请。"
    ),
}


@dataclass(frozen=True)
class CaseFacts:
    """What the letters say about a case (the applicant's name is the letter's addressee), and
    the handling agency's 行政复议机关 and court named in the remedy notice."""

    name: str
    received_on: date | None
    description: str
    review_body: str = ""
    court: str = ""
    fee_payment: str = ""


def remedy(facts: CaseFacts) -> str:
    """The remedy notice. 条例第五十一条 opens 行政复议 and 行政诉讼; 行政复议法 (2023) 第二十条 gives
    六十日, 行政诉讼法 第四十六条 六个月. The bodies are named where the agency's settings give them."""
    review = f"向{facts.review_body}" if facts.review_body.strip() else "依法"
    court = facts.court.strip() or "人民法院"
    return (
        f"如对本答复不服，根据{REGULATION}第五十一条的规定，可以自收到本告知书之日起六十日内{review}申请行政复议，"
        f"或者自收到本告知书之日起六个月内依法向{court}提起行政诉讼。"
    )


def has_placeholder(body: str) -> bool:
    """Whether a letter still holds a 【请填写】 place the handler has to complete."""
    return FILL_IN in body


def _clause(text: str) -> str:
    """`text` to be quoted or followed by the letter's own punctuation: its trailing marks dropped."""
    return " ".join(text.split()).rstrip(_TRAILING_PUNCTUATION)


def _opening(facts: CaseFacts) -> str:
    received = chinese_date(facts.received_on) if facts.received_on else FILL_IN
    return f"本机关于{received}收到您提出的政府信息公开申请，申请获取“{_short(facts.description)}”。"


def _short(text: str, limit: int = 120) -> str:
    text = _clause(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _join(facts: CaseFacts, *paragraphs: str) -> str:
    return "\n\n".join((f"{facts.name}：", *paragraphs))


def reply_body(facts: CaseFacts, outcome: str) -> str:
    """The draft reply for `outcome`: opening, decision with legal basis, remedy notice."""
    decision = _DECISIONS.get(outcome)
    if decision is None:
        raise ValueError(f"no reply text for outcome {outcome!r}")
    return _join(facts, _opening(facts) + "经审查，现答复如下：", decision, remedy(facts))


def correction_body(facts: CaseFacts, what: str, respond_by: date) -> str:
    return _join(
        facts,
        _opening(facts) + f"经审查，您的申请内容不明确，需要补正：{_clause(what)}。",
        f"根据{REGULATION}第三十条的规定，请您于{chinese_date(respond_by)}前向本机关补正。答复期限自本机关"
        "收到补正后的申请之日起计算。申请人无正当理由逾期不补正的，视为放弃申请，本机关不再处理该政府信息公开申请。",
    )


def extension_body(facts: CaseFacts, days: int, reason: str, due: date | None) -> str:
    until = f"，本机关将于{chinese_date(due)}前作出答复" if due else ""
    return _join(
        facts,
        _opening(facts),
        f"因{_clause(reason)}，本机关不能在规定期限内作出答复。经本机关政府信息公开工作机构负责人同意，"
        f"根据{REGULATION}第三十三条第二款的规定，答复期限延长{days}个工作日{until}。",
    )


def fee_body(facts: CaseFacts, quote: FeeQuote, pay_by: date) -> str:
    breakdown = "；".join(quote.breakdown_zh())
    return _join(
        facts,
        _opening(facts),
        f"您申请公开政府信息的数量、频次明显超过合理范围。根据{REGULATION}第四十二条和{BASIS_ZH}的规定，"
        f"本机关决定收取信息处理费{yuan(quote.amount)}元。计算方法：{breakdown}。",
        f"请您于{chinese_date(pay_by)}前（收到本通知次日起20个工作日内）缴纳"
        + (f"，缴纳方式：{_clause(facts.fee_payment)}" if facts.fee_payment.strip() else "")
        + "。发出收费通知至您缴纳费用的期间"
        "不计算在答复期限内。逾期未缴纳的，视为放弃申请，本机关不再处理该政府信息公开申请。",
    )


def abandonment_body(facts: CaseFacts, outcome: str) -> str:
    """The notice that an application is deemed abandoned (other.no_correction, other.no_fee)."""
    text = _ABANDONED[outcome].format(regulation=REGULATION, basis=BASIS_ZH)
    return _join(facts, _opening(facts), text, remedy(facts))
