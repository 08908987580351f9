"""Demo organisations of 宜春市 (Jiangxi) and one user for every role.

Addresses follow the real places; telephone numbers, e-mail boxes and credit codes are made up
(the codes carry correct GB 11714 and GB 32100 check characters).
"""

from __future__ import annotations

from xxgk.web.demo import DemoContext, DemoLogin
from xxgk.web.orgs.credit_code import check_char, organisation_code
from xxgk.web.orgs.models import Membership, Organisation, OrgKind, Role, User

CITY = "360900"  # 宜春市
YUANZHOU = "360902"  # 袁州区
OFFICE_HOURS = "工作日 上午8:30—12:00，下午14:30—17:30（法定节假日除外）"


def credit_code(region: str, body: str) -> str:
    """A 机关 code (登记管理部门 1, 机构类别 1) for `region` with the 8-character body `body`."""
    first17 = "11" + region + organisation_code(body)
    return first17 + check_char(first17)


# key, parent key, name, kind, region, code body, address, postcode, phone, fax, e-mail
ORGANISATIONS: list[tuple[str, str | None, str, OrgKind, str, str, str, str, str, str, str]] = [
    (
        "city",
        None,
        "宜春市人民政府",
        OrgKind.CITY_GOVERNMENT,
        CITY,
        "01445001",
        "江西省宜春市袁州区宜阳大道（市行政中心）",
        "336000",
        "0795-3202001",
        "0795-3202002",
        "szfxxgk@yichun.gov.cn",
    ),
    (
        "office",
        "city",
        "宜春市人民政府办公室",
        OrgKind.DEPARTMENT,
        CITY,
        "01445002",
        "江西省宜春市袁州区宜阳大道（市行政中心）",
        "336000",
        "0795-3202010",
        "0795-3202011",
        "zwgk@yichun.gov.cn",
    ),
    (
        "jgsw",
        "city",
        "宜春市机关事务管理中心",
        OrgKind.DEPARTMENT,
        CITY,
        "01445105",
        "江西省宜春市袁州区宜阳大道（市行政中心）3号楼",
        "336000",
        "0795-3202210",
        "0795-3202211",
        "jgsw@yichun.gov.cn",
    ),
    (
        "zrzy",
        "city",
        "宜春市自然资源局",
        OrgKind.DEPARTMENT,
        CITY,
        "01445237",
        "江西省宜春市袁州区宜阳大道666号",
        "336000",
        "0795-3207120",
        "0795-3207121",
        "zrzyj@yichun.gov.cn",
    ),
    (
        "jyj",
        "city",
        "宜春市教育局",
        OrgKind.DEPARTMENT,
        CITY,
        "01445149",
        "江西省宜春市袁州区明月北路",
        "336000",
        "0795-3256150",
        "0795-3256151",
        "jyj@yichun.gov.cn",
    ),
    (
        "kfq",
        "city",
        "宜春经济技术开发区管理委员会",
        OrgKind.DEVELOPMENT_ZONE,
        CITY,
        "70555408",
        "江西省宜春市袁州区宜春经济技术开发区春风路",
        "336000",
        "0795-3661010",
        "0795-3661011",
        "kfq@yichun.gov.cn",
    ),
    (
        "tax",
        "city",
        "国家税务总局宜春市税务局",
        OrgKind.VERTICAL,
        CITY,
        "MB173127",
        "江西省宜春市袁州区宜阳大道88号",
        "336000",
        "0795-12366",
        "0795-3288001",
        "swj@yichun.gov.cn",
    ),
    (
        "yzq",
        "city",
        "宜春市袁州区人民政府",
        OrgKind.COUNTY_GOVERNMENT,
        YUANZHOU,
        "01450001",
        "江西省宜春市袁州区袁山中路",
        "336000",
        "0795-3562001",
        "0795-3562002",
        "yzqxxgk@yzq.gov.cn",
    ),
    (
        "cihua",
        "yzq",
        "宜春市袁州区慈化镇人民政府",
        OrgKind.TOWNSHIP,
        YUANZHOU,
        "01450132",
        "江西省宜春市袁州区慈化镇慈化大道",
        "336002",
        "0795-3861001",
        "0795-3861002",
        "chz@yzq.gov.cn",
    ),
    (
        "lingquan",
        "yzq",
        "宜春市袁州区灵泉街道办事处",
        OrgKind.TOWNSHIP,
        YUANZHOU,
        "01450157",
        "江西省宜春市袁州区灵泉池路",
        "336000",
        "0795-3562301",
        "0795-3562302",
        "lqjd@yzq.gov.cn",
    ),
]

# username, family name, given name, [(org key, role)], description printed by `xxgk demo`
USERS: list[tuple[str, str, str, list[tuple[str, Role]], str]] = [
    ("szf_admin", "李", "建国", [("city", Role.ADMIN)], "宜春市人民政府 管理员"),
    ("zwgk_jiandu", "周", "敏", [("city", Role.SUPERVISOR)], "市政府办公室（政务公开）监督：全市只读"),
    ("jgsw_dengji", "王", "芳", [("jgsw", Role.REGISTRAR)], "宜春市机关事务管理中心 登记"),
    ("jgsw_chengban", "刘", "洋", [("jgsw", Role.HANDLER)], "宜春市机关事务管理中心 承办"),
    ("jgsw_shenhe", "陈", "静", [("jgsw", Role.REVIEWER)], "宜春市机关事务管理中心 审核"),
    ("jgsw_qianfa", "杨", "志强", [("jgsw", Role.APPROVER)], "宜春市机关事务管理中心 签发"),
    ("jgsw_admin", "黄", "丽", [("jgsw", Role.ADMIN)], "宜春市机关事务管理中心 管理员"),
    (
        "zrzy_chengban",
        "赵",
        "磊",
        [("zrzy", Role.REGISTRAR), ("zrzy", Role.HANDLER)],
        "宜春市自然资源局 登记、承办",
    ),
    ("jyj_chengban", "吴", "婷", [("jyj", Role.REGISTRAR), ("jyj", Role.HANDLER)], "宜春市教育局 登记、承办"),
    (
        "yzq_jiandu",
        "徐",
        "斌",
        [("yzq", Role.SUPERVISOR), ("yzq", Role.ADMIN)],
        "袁州区人民政府 管理员、监督：全区只读",
    ),
    (
        "cihua_chengban",
        "孙",
        "丽娟",
        [("cihua", Role.REGISTRAR), ("cihua", Role.HANDLER)],
        "慈化镇人民政府 登记、承办",
    ),
]


_CITY_GOV, _YUANZHOU_GOV = "宜春市人民政府", "宜春市袁州区人民政府"
_INTERMEDIATE_COURT, _BASIC_COURT = "宜春市中级人民法院", "宜春市袁州区人民法院"
# key → (行政复议机关, 管辖法院) named in reply letters. A department's review body is the
# government at its level (行政复议法 第二十四条), a vertical unit's its superior authority;
# suits against a county-level or higher government go to the intermediate court
# (行政诉讼法 第十五条), others to the basic court of the seat. Demo data: check locally.
REMEDY_BODIES: dict[str, tuple[str, str]] = {
    "city": ("江西省人民政府", _INTERMEDIATE_COURT),
    "office": (_CITY_GOV, _BASIC_COURT),
    "jgsw": (_CITY_GOV, _BASIC_COURT),
    "zrzy": (_CITY_GOV, _BASIC_COURT),
    "jyj": (_CITY_GOV, _BASIC_COURT),
    "kfq": (_CITY_GOV, _BASIC_COURT),
    "tax": ("国家税务总局江西省税务局", _BASIC_COURT),
    "yzq": (_CITY_GOV, _INTERMEDIATE_COURT),
    "cihua": (_YUANZHOU_GOV, _BASIC_COURT),
    "lingquan": (_YUANZHOU_GOV, _BASIC_COURT),
}


FEE_PAYMENT = (
    "凭收费通知书到本机关政府信息公开受理窗口刷卡缴纳，或通过江西省非税收入网上缴款平台缴纳（演示数据）"
)


def load(context: DemoContext) -> None:
    for key, parent_key, name, kind, region, body, address, postcode, phone, fax, email in ORGANISATIONS:
        org, created = Organisation.objects.get_or_create(
            credit_code=credit_code(region, body),
            defaults={
                "name": name,
                "kind": kind,
                "parent": context.orgs[parent_key] if parent_key else None,
                "address": address,
                "postcode": postcode,
                "phone": phone,
                "fax": fax,
                "email": email,
                "office_hours": OFFICE_HOURS,
                "review_body": REMEDY_BODIES[key][0],
                "court": REMEDY_BODIES[key][1],
                "fee_payment": FEE_PAYMENT,
            },
        )
        context.count(created)
        context.orgs[key] = org

    admin, created = User.objects.get_or_create(
        username="admin", defaults={"is_staff": True, "is_superuser": True, "last_name": "系统管理员"}
    )
    _set_password_once(admin, created, context)
    context.users["admin"] = admin
    context.logins.append(DemoLogin("admin", "系统管理员（可进入“系统管理”）"))

    for username, family, given, roles, description in USERS:
        user, created = User.objects.get_or_create(
            username=username, defaults={"last_name": family, "first_name": given}
        )
        _set_password_once(user, created, context)
        context.users[username] = user
        for org_key, role in roles:
            _, created = Membership.objects.get_or_create(
                user=user, organisation=context.orgs[org_key], role=role
            )
            context.count(created)
        context.logins.append(DemoLogin(username, description))


def _set_password_once(user: User, created: bool, context: DemoContext) -> None:
    if created:
        user.set_password(context.password)
        user.save(update_fields=["password"])
    context.count(created)
