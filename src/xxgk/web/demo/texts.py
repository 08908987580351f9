"""Texts of the demo reports: sections 一 and 五 per unit and year, different from every other
unit's and year's, so that the copied-text check finds only the pair the demo plants. Used by the
annual-report demo (the drafts the agencies publish) and the campaign demo (units off the platform)."""

from __future__ import annotations

import random
import zlib

# Texts are built from short pieces (under the 8-character shingle of `xxgk.similarity`) picked
# independently, so two units, or two years of one unit, share no passage by chance.
_PIECES = {
    "verb": ("坚持", "着力", "持续", "围绕", "聚焦", "紧扣", "立足", "突出"),
    "aim": (
        "公开为常态",
        "法治政府建设",
        "群众关切",
        "中心工作",
        "标准化建设",
        "政策解读",
        "基层公开",
        "便民服务",
    ),
    "how": ("完善制度", "压实责任", "细化清单", "优化流程", "强化审核", "创新形式", "加强培训", "整合栏目"),
    "where": ("门户网站", "政务新媒体", "公开专栏", "公报", "便民窗口", "公开栏", "政务微信", "新闻发布会"),
    "kind": (
        "政策文件",
        "规划计划",
        "财政预决算",
        "重大项目",
        "行政执法",
        "民生事项",
        "公共服务",
        "人事信息",
    ),
    "lack": (
        "更新不及时",
        "解读较单一",
        "答复欠规范",
        "目录不完整",
        "互动不充分",
        "人员兼职多",
        "宣传不到位",
        "专栏待优化",
    ),
    "plan": ("健全机制", "规范答复", "丰富解读", "加密更新", "补齐目录", "加强保障", "深化培训", "拓宽渠道"),
    "self": ("本机关", "我单位", "本单位", "我们"),
}


def rng(*parts: object) -> random.Random:
    return random.Random(zlib.crc32("|".join(map(str, parts)).encode()))


def unit_texts(name: str, year: int, new_total: int) -> dict[int, str]:
    """Sections 一 and 五 of one unit and year, different from every other unit's and year's."""
    chooser = rng("text", name, year)

    def pick(kind: str) -> str:
        return chooser.choice(_PIECES[kind])

    one = (
        f"{year}年，{name}{pick('verb')}{pick('aim')}，{pick('how')}、{pick('how')}。"
        f"经{pick('where')}公开{pick('kind')}{chooser.randint(3, 90)}条，经{pick('where')}公开"
        f"{pick('kind')}{chooser.randint(3, 90)}条，{pick('where')}发布{pick('kind')}{chooser.randint(2, 40)}条。\n"
        f"{pick('self')}{pick('verb')}{pick('aim')}，收到申请{new_total}件，均按期答复；"
        f"{pick('self')}{pick('how')}，{pick('self')}{pick('how')}。"
    )
    five = (
        f"{pick('self')}仍有{pick('lack')}、{pick('lack')}、{pick('lack')}等不足。"
        f"{year + 1}年{pick('self')}将{pick('plan')}、{pick('plan')}，{pick('verb')}{pick('aim')}，"
        f"{pick('how')}、{pick('plan')}、{pick('how')}。"
        f"{pick('self')}还将{pick('plan')}，在{pick('where')}{pick('how')}，做好{pick('kind')}、{pick('kind')}公开，"
        f"确保{chooser.randint(2, 9)}项{pick('plan')}任务落地。"
    )
    return {1: one, 5: five}
