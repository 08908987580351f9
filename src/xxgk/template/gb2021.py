"""The national 2021 annual-report format (国办公开办函〔2021〕30号) and the 2019 trial format
(国办公开办函〔2019〕60号), as data. Keys follow ../shared/spec/annual-report-2021.md.

This is the only place in xxgk that knows a printed label.
"""

from xxgk.template.model import Column, Row, Section, Table, Template

SECTIONS = (
    Section(1, "一、总体情况"),
    Section(2, "二、主动公开政府信息情况"),
    Section(3, "三、收到和处理政府信息公开申请情况"),
    Section(
        4,
        "四、政府信息公开行政复议、行政诉讼情况",
        (
            "四、因政府信息公开工作被申请行政复议、提起行政诉讼情况",
            "四、因政府信息公开工作被申请行政复议和提起行政诉讼情况",
            "四、政府信息公开行政复议和行政诉讼情况",
            "四、政府信息公开行政复议及行政诉讼情况",
            "四、政府信息公开行政复议行政诉讼情况",
        ),
    ),
    Section(5, "五、存在的主要问题及改进情况", ("五、政府信息公开工作存在的主要问题及改进情况",)),
    Section(6, "六、其他需要报告的事项"),
)

# --- table 二 -------------------------------------------------------------------------

_DOCS_2021 = (
    Column("issued", "本年制发件数"),
    Column("repealed", "本年废止件数", ("本年废纸件数",)),
    Column("in_force", "现行有效件数"),
)
_DECISIONS = (Column("decisions", "本年处理决定数量"),)
_FEE_AMOUNT = (Column("amount", "本年收费金额（单位：万元）", ("本年收费金额(万元)",), kind="amount"),)

TABLE2_2021 = Table(
    key="table2",
    title="二、主动公开政府信息情况",
    stub_heading="信息内容",
    rows=(
        Row("regulations", "规章", caption="第二十条第（一）项", columns=_DOCS_2021),
        Row(
            "normative_documents",
            "行政规范性文件",
            ("规范性文件",),
            caption="第二十条第（一）项",
            columns=_DOCS_2021,
        ),
        Row("licensing", "行政许可", caption="第二十条第（五）项", columns=_DECISIONS),
        Row("penalty", "行政处罚", caption="第二十条第（六）项", columns=_DECISIONS),
        Row("coercion", "行政强制", caption="第二十条第（六）项", columns=_DECISIONS),
        Row("fees", "行政事业性收费", caption="第二十条第（八）项", columns=_FEE_AMOUNT),
    ),
)

_DOCS_2019 = (
    Column("new_made", "本年新制作数量"),
    Column("new_published", "本年新公开数量"),
    Column("total_published", "对外公开总数量"),
)
_ITEMS_2019 = (
    Column("previous_items", "上一年项目数量"),
    Column("change", "本年增/减", ("本年增减",)),
    Column("decisions", "处理决定数量"),
)
_FEES_2019 = (
    Column("previous_items", "上一年项目数量"),
    Column("change", "本年增/减", ("本年增减",)),
)
_PROCUREMENT_2019 = (
    Column("projects", "采购项目数量"),
    Column("amount", "采购总金额", kind="amount"),
)

TABLE2_2019 = Table(
    key="table2",
    title="二、主动公开政府信息情况",
    stub_heading="信息内容",
    rows=(
        Row("regulations", "规章", caption="第二十条第（一）项", columns=_DOCS_2019),
        Row("normative_documents", "规范性文件", caption="第二十条第（一）项", columns=_DOCS_2019),
        Row("licensing", "行政许可", caption="第二十条第（五）项", columns=_ITEMS_2019),
        Row("other_services", "其他对外管理服务事项", caption="第二十条第（五）项", columns=_ITEMS_2019),
        Row("penalty", "行政处罚", caption="第二十条第（六）项", columns=_ITEMS_2019),
        Row("coercion", "行政强制", caption="第二十条第（六）项", columns=_ITEMS_2019),
        Row("fees", "行政事业性收费", caption="第二十条第（八）项", columns=_FEES_2019),
        Row("procurement", "政府集中采购", caption="第二十条第（九）项", columns=_PROCUREMENT_2019),
    ),
)

# --- table 三 -------------------------------------------------------------------------

_ORG = "法人或其他组织"
TABLE3_COLUMNS = (
    Column("natural_person", "自然人"),
    Column("commercial", "商业企业", group=_ORG),
    Column("research", "科研机构", group=_ORG),
    Column("social_welfare", "社会公益组织", group=_ORG),
    Column("legal_service", "法律服务机构", group=_ORG),
    Column("other_org", "其他", group=_ORG),
    Column("total", "总计"),
)

_RESULTS = "三、本年度办理结果"
_DENIED = "（三）不予公开"
_UNAVAILABLE = "（四）无法提供"
_NOT_PROCESSED = "（五）不予处理"
_OTHER = "（六）其他处理"
_OTHER_SUBROWS = ("other.no_correction", "other.no_fee", "other.other")


def _result(key: str, label: str, group: str, *variants: str, plain: str) -> Row:
    return Row(key, label, variants, group=group, is_result=True, plain=plain)


_TABLE3_HEAD = (
    Row("new", "一、本年新收政府信息公开申请数量"),
    Row("carried_in", "二、上年结转政府信息公开申请数量"),
    _result("granted", "（一）予以公开", _RESULTS, plain="予以公开"),
    _result(
        "partial",
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
        _RESULTS,
        "（二）部分公开",
        plain="部分公开",
    ),
    _result("denied.state_secret", "1.属于国家秘密", _DENIED, plain="不予公开（属于国家秘密）"),
    _result(
        "denied.law_prohibited",
        "2.其他法律行政法规禁止公开",
        _DENIED,
        plain="不予公开（法律、行政法规禁止公开）",
    ),
    _result(
        "denied.security_stability",
        "3.危及“三安全一稳定”",
        _DENIED,
        plain="不予公开（危及国家安全、公共安全、经济安全、社会稳定）",
    ),
    _result("denied.third_party", "4.保护第三方合法权益", _DENIED, plain="不予公开（保护第三方合法权益）"),
    _result(
        "denied.internal_affairs", "5.属于三类内部事务信息", _DENIED, plain="不予公开（属于内部事务信息）"
    ),
    _result("denied.process_info", "6.属于四类过程性信息", _DENIED, plain="不予公开（属于过程性信息）"),
    _result(
        "denied.enforcement_file", "7.属于行政执法案卷", _DENIED, plain="不予公开（属于行政执法案卷信息）"
    ),
    _result("denied.inquiry", "8.属于行政查询事项", _DENIED, plain="不予公开（属于行政查询事项）"),
    _result(
        "unavailable.not_held",
        "1.本机关不掌握相关政府信息",
        _UNAVAILABLE,
        plain="无法提供（本机关不掌握相关政府信息）",
    ),
    _result(
        "unavailable.needs_creation",
        "2.没有现成信息需要另行制作",
        _UNAVAILABLE,
        plain="无法提供（没有现成信息，需要另行制作）",
    ),
    _result(
        "unavailable.unclear",
        "3.补正后申请内容仍不明确",
        _UNAVAILABLE,
        plain="无法提供（补正后申请内容仍不明确）",
    ),
    _result(
        "not_processed.petition",
        "1.信访举报投诉类申请",
        _NOT_PROCESSED,
        plain="不予处理（信访、举报、投诉类申请）",
    ),
    _result("not_processed.repeat", "2.重复申请", _NOT_PROCESSED, plain="不予处理（重复申请）"),
    _result(
        "not_processed.publication",
        "3.要求提供公开出版物",
        _NOT_PROCESSED,
        plain="不予处理（要求提供公开出版物）",
    ),
    _result(
        "not_processed.excessive",
        "4.无正当理由大量反复申请",
        _NOT_PROCESSED,
        plain="不予处理（无正当理由大量反复申请）",
    ),
    _result(
        "not_processed.confirmation",
        "5.要求行政机关确认或重新出具已获取信息",
        _NOT_PROCESSED,
        plain="不予处理（要求确认或重新出具已获取的信息）",
    ),
)
_TABLE3_OTHER_SPLIT = (
    _result(
        "other.no_correction",
        "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        _OTHER,
        plain="视为放弃申请（逾期未补正）",
    ),
    _result(
        "other.no_fee",
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        _OTHER,
        plain="视为放弃申请（逾期未缴纳信息处理费）",
    ),
    _result("other.other", "3.其他", _OTHER, plain="其他处理"),
)
_TABLE3_OTHER_SHORT = Row("other", _OTHER, group=_RESULTS, is_result=True, collapses=_OTHER_SUBROWS)
_TABLE3_TAIL = (
    Row("total", "（七）总计", group=_RESULTS),
    Row("carried_out", "四、结转下年度继续办理"),
)
TABLE3_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"


def _table3(rows: tuple[Row, ...]) -> Table:
    return Table(
        key="table3",
        title="三、收到和处理政府信息公开申请情况",
        rows=rows,
        columns=TABLE3_COLUMNS,
        note=TABLE3_NOTE,
        columns_heading="申请人情况",
    )


# The 2021 table 三 holds both forms of （六）: a report fills either the three sub-rows or the
# one short row, and the other stays null. The 2019 trial format has the short row only.
TABLE3_2021 = _table3((*_TABLE3_HEAD, *_TABLE3_OTHER_SPLIT, _TABLE3_OTHER_SHORT, *_TABLE3_TAIL))
TABLE3_2019 = _table3((*_TABLE3_HEAD, _TABLE3_OTHER_SHORT, *_TABLE3_TAIL))

# --- table 四 -------------------------------------------------------------------------

TABLE4_COLUMNS = (
    Column("upheld", "结果维持"),
    Column("corrected", "结果纠正"),
    Column("other", "其他结果"),
    Column("pending", "尚未审结"),
    Column("total", "总计"),
)
TABLE4 = Table(
    key="table4",
    title="四、政府信息公开行政复议、行政诉讼情况",
    rows=(
        Row("review", "行政复议"),
        Row("suit_direct", "未经复议直接起诉", group="行政诉讼"),
        Row("suit_after_review", "复议后起诉", group="行政诉讼"),
    ),
    columns=TABLE4_COLUMNS,
)

GB2021 = Template(
    key="2021",
    name="政府信息公开工作年度报告格式（2021年）",
    issued_by="国办公开办函〔2021〕30号",
    sections=SECTIONS,
    table2=TABLE2_2021,
    table3=TABLE3_2021,
    table4=TABLE4,
    fingerprints=("本年制发件数", "本年收费金额", "现行有效件数"),
)

GB2019 = Template(
    key="2019",
    name="政府信息公开工作年度报告格式（试行，2019年）",
    issued_by="国办公开办函〔2019〕60号",
    sections=SECTIONS,
    table2=TABLE2_2019,
    table3=TABLE3_2019,
    table4=TABLE4,
    fingerprints=(
        "本年新制作数量",
        "其他对外管理服务事项",
        "第二十条第（九）项",
        "政府集中采购",
        "对外公开总数量",
    ),
)
