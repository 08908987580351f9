"""What the 条例 says an agency must publish: 第二十条 (every agency) and 第二十一条 (by level).
The catalogue is seeded from here."""

from __future__ import annotations

from xxgk.web.orgs.models import Organisation, OrgKind

ARTICLE_20 = (
    "行政法规、规章和规范性文件",
    "机关职能、机构设置、办公地址、办公时间、联系方式、负责人姓名",
    "国民经济和社会发展规划、专项规划、区域规划及相关政策",
    "国民经济和社会发展统计信息",
    "办理行政许可和其他对外管理服务事项的依据、条件、程序以及办理结果",
    "实施行政处罚、行政强制的依据、条件、程序以及本行政机关认为具有一定社会影响的行政处罚决定",
    "财政预算、决算信息",
    "行政事业性收费项目及其依据、标准",
    "政府集中采购项目的目录、标准及实施情况",
    "重大建设项目的批准和实施情况",
    "扶贫、教育、医疗、社会保障、促进就业等方面的政策、措施及其实施情况",
    "突发公共事件的应急预案、预警信息及应对情况",
    "环境保护、公共卫生、安全生产、食品药品、产品质量的监督检查情况",
    "公务员招考的职位、名额、报考条件等事项以及录用结果",
    "法律、法规、规章和国家有关规定规定应当主动公开的其他政府信息",
)
"""第二十条 (一)–(十五), in order."""

# 第二十一条: 设区的市级、县级人民政府及其部门 / 乡（镇）人民政府.
ARTICLE_21_CITY_COUNTY = ("市政建设", "公共服务", "公益事业", "土地征收", "房屋征收", "治安管理", "社会救助")
ARTICLE_21_TOWNSHIP = (
    "贯彻落实农业农村政策",
    "农田水利工程建设运营",
    "农村土地承包经营权流转",
    "宅基地使用情况审核",
    "土地征收",
    "房屋征收",
    "筹资筹劳",
    "社会救助",
)

# Items of 第二十条 that go stale: days without a new publication before the scan says so.
ARTICLE_20_UPDATE_DAYS = {4: 93, 7: 366}

# The agency's own items (第二十二条) seeded with the catalogue; the first is the 制度 page.
RULES_TITLE = "政府信息公开制度"
INTERPRETATION_TITLE = "政策解读"
NEWS_TITLE = "工作动态"
NEWS_UPDATE_DAYS = 14
OWN_ITEMS = ((RULES_TITLE, None), (INTERPRETATION_TITLE, None), (NEWS_TITLE, NEWS_UPDATE_DAYS))

_NUMERALS = "一二三四五六七八九十"


def chinese_number(n: int) -> str:
    """1–99 in Chinese numerals (十五, 二十一)."""
    tens, ones = divmod(n, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else _NUMERALS[tens - 1] + "十")
    return head + (_NUMERALS[ones - 1] if ones else "")


def article_20_clause(item: int) -> str:
    return f"第二十条第（{chinese_number(item)}）项"


def article_21_items(organisation: Organisation) -> tuple[str, ...]:
    """The 第二十一条 items that apply to `organisation` by its level."""
    kind = organisation.kind
    if kind == OrgKind.TOWNSHIP:
        return ARTICLE_21_TOWNSHIP
    local_governments = (OrgKind.CITY_GOVERNMENT, OrgKind.COUNTY_GOVERNMENT)
    if kind in local_governments:
        return ARTICLE_21_CITY_COUNTY
    parent = organisation.parent
    if (
        kind in (OrgKind.DEPARTMENT, OrgKind.DEVELOPMENT_ZONE)
        and parent is not None
        and parent.kind in local_governments
    ):
        return ARTICLE_21_CITY_COUNTY
    return ()
