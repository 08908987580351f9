"""Demo data of publishing: a year of publications (2026) across the catalogue for three demo
agencies, documents of the registry in every validity state, 政策解读 linked to their
规范性文件, one withdrawn and one corrected item.

The routine items of the year are written in bulk, as the services would have left them
(review decisions of every step, 索引号 from the agency's counter, published version, channels,
search index), to keep `xxgk demo` and the test fixture fast; the items that show the workflow
(规范性文件 with their 解读, the withdrawn and the corrected one, a draft) go through the
services themselves. Idempotent: an agency that already has publications is left alone.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from xxgk.web.demo import DemoContext, DemoLogin
from xxgk.web.orgs.models import Membership, Organisation, Role, User
from xxgk.web.publishing import catalogue, corrections, drafting, issuing, registry, review, search
from xxgk.web.publishing.chain import DEFAULT_CHAIN
from xxgk.web.publishing.models import (
    Channel,
    DecisionOutcome,
    DocumentKind,
    Genre,
    Publication,
    PublicationChannel,
    PublicationRevision,
    PublishingProfile,
    RegulatoryDocument,
    ReviewDecision,
    RevisionKind,
    SearchEntry,
    State,
    Topic,
    Validity,
)

TZ = ZoneInfo("Asia/Shanghai")
YEAR = 2026

# Reviewers the demo adds for each step of the default chain: (suffix, family, given, role).
REVIEWERS = (
    ("chushen", "郑", "初审", Role.REVIEWER),
    ("fushen", "钱", "复审", Role.REVIEWER),
    ("baomi", "冯", "保密", Role.REVIEWER),
    ("zhongshen", "蒋", "终审", Role.APPROVER),
)
# (org key, its 信息员's username, short name used in titles)
AGENCIES = (
    ("jgsw", "jgsw_chengban", "市机关事务管理中心"),
    ("zrzy", "zrzy_chengban", "市自然资源局"),
    ("cihua", "cihua_chengban", "慈化镇"),
)
# Monthly items: (catalogue node title, genre, topic, title pattern, body)
MONTHLY = (
    (
        "工作动态",
        Genre.NEWS,
        Topic.GENERAL,
        "{short}{month}月工作动态",
        "{short}召开{month}月工作例会，部署重点工作。",
    ),
    (
        "财政预算、决算信息",
        Genre.BUDGET,
        Topic.FINANCE,
        "{short}{month}月财政预算执行情况",
        "本月预算支出按计划执行，“三公”经费支出同比下降。",
    ),
)
YEARLY = (
    (
        "机关职能、机构设置、办公地址、办公时间、联系方式、负责人姓名",
        Genre.OTHER,
        Topic.GENERAL,
        "{short}机构职能",
        "主要职责、内设机构及联系方式。",
    ),
    (
        "国民经济和社会发展统计信息",
        Genre.STATISTICS,
        Topic.ECONOMY,
        "{short}2026年上半年统计数据",
        "上半年主要指标运行平稳。",
    ),
    (
        "公务员招考的职位、名额、报考条件等事项以及录用结果",
        Genre.NOTICE,
        Topic.LABOUR,
        "{short}2026年公务员拟录用人员公示",
        "经考试、体检和考察，拟录用人员名单公示如下。",
    ),
    (
        "政府信息公开制度",
        Genre.OTHER,
        Topic.GENERAL,
        "{short}政府信息公开工作制度",
        "为规范政府信息公开工作，制定本制度。",
    ),
    (
        "社会救助",
        Genre.NOTICE,
        Topic.CIVIL,
        "{short}2026年第二季度社会救助资金发放情况",
        "本季度发放最低生活保障金。",
    ),
)


def _at(day: date) -> datetime:
    return datetime.combine(day, time(10, 0), tzinfo=TZ)


def _reviewers(context: DemoContext, key: str, org: Organisation) -> list[User]:
    users = []
    for suffix, family, given, role in REVIEWERS:
        username = f"{key}_{suffix}"
        user, created = User.objects.get_or_create(
            username=username, defaults={"last_name": family, "first_name": given}
        )
        if created:
            user.set_password(context.password)
            user.save(update_fields=["password"])
        context.logins.append(DemoLogin(username, f"{org.name} {given}（{Role(role).label}）"))
        context.count(created)
        _, made = Membership.objects.get_or_create(user=user, organisation=org, role=role)
        context.count(made)
        context.users[username] = user
        users.append(user)
    return users


class _Publisher:
    """Drafts and takes items through the whole chain for one agency."""

    def __init__(self, org: Organisation, drafter: User, reviewers: list[User]) -> None:
        self.org, self.drafter, self.reviewers = org, drafter, reviewers
        self.nodes = {node.title: node for node in catalogue.seed_catalogue(actor=None, organisation=org)}

    def draft(
        self, node: str, genre: Genre, topic: Topic, title: str, body: str, formed: date, **extra
    ) -> Publication:
        return drafting.create_draft(
            actor=self.drafter,
            organisation=self.org,
            nodes=[self.nodes[node]] if node in self.nodes else [self.nodes["工作动态"]],
            channels=extra.pop("channels", [Channel.WEBSITE]),
            title=title,
            summary=extra.pop("summary", title),
            body=body,
            formed_on=formed,
            written_on=formed,
            genre=genre,
            topic=topic,
            **extra,
        )

    def approve(self, publication: Publication, overrides: dict[str, str] | None = None) -> Publication:
        drafting.submit(actor=self.drafter, publication=publication, overrides=overrides)
        for reviewer, step in zip(self.reviewers, DEFAULT_CHAIN, strict=True):
            review.approve(
                actor=reviewer,
                publication=publication,
                checklist=dict.fromkeys(step.checklist, True),
                remarks="同意。",
            )
        return publication

    def publish(self, publication: Publication, on: date) -> Publication:
        return issuing.publish(actor=self.drafter, publication=publication, now=_at(on))

    def bulk(self, specs: list[tuple[str, Genre, Topic, str, str, date, date, list[Channel]]]) -> None:
        """Published items as the services would have left them, in a few bulk writes."""
        items = []
        for _node, genre, topic, title, body, formed, published, _ in specs:
            now = _at(published)
            items.append(
                Publication(
                    organisation=self.org,
                    title=title,
                    summary=title,
                    body=body,
                    formed_on=formed,
                    written_on=formed,
                    genre=genre,
                    topic=topic,
                    state=State.PUBLISHED,
                    created_by=self.drafter,
                    published_at=now,
                    index_number=issuing.allocate_index_number(self.org, now),
                    version=8,
                )
            )
        items = Publication.objects.bulk_create(items)
        through = Publication.nodes.through
        through.objects.bulk_create(
            through(publication_id=item.pk, cataloguenode_id=self.nodes[spec[0]].pk)
            for item, spec in zip(items, specs, strict=True)
        )
        PublicationChannel.objects.bulk_create(
            PublicationChannel(publication=item, channel=channel)
            for item, spec in zip(items, specs, strict=True)
            for channel in spec[7]
        )
        PublicationRevision.objects.bulk_create(
            PublicationRevision(
                publication=item,
                number=1,
                kind=RevisionKind.ORIGINAL,
                title=item.title,
                summary=item.summary,
                body=item.body,
                published_at=_at(spec[6]),
            )
            for item, spec in zip(items, specs, strict=True)
        )
        decisions = []
        for item in items:
            decisions.append(
                ReviewDecision(
                    publication=item,
                    round=1,
                    step=0,
                    step_name="提交",
                    outcome=DecisionOutcome.SUBMIT,
                    actor=self.drafter,
                )
            )
            decisions += [
                ReviewDecision(
                    publication=item,
                    round=1,
                    step=step.position,
                    step_name=step.name,
                    outcome=DecisionOutcome.APPROVE,
                    checklist=dict.fromkeys(step.checklist, True),
                    remarks="同意。",
                    actor=reviewer,
                )
                for reviewer, step in zip(self.reviewers, DEFAULT_CHAIN, strict=True)
            ]
        ReviewDecision.objects.bulk_create(decisions)
        SearchEntry.objects.bulk_create(
            SearchEntry(publication=item, grams=search.grams([item.title, item.summary, "", item.body]))
            for item in items
        )


def load(context: DemoContext) -> None:
    for key, drafter_name, short in AGENCIES:
        org = context.orgs[key]
        reviewers = _reviewers(context, key, org)
        PublishingProfile.objects.get_or_create(organisation=org, defaults={"sensitive_words": "绝密\n机密"})
        if Publication.objects.filter(organisation=org).exists():
            continue
        publisher = _Publisher(org, context.users[drafter_name], reviewers)
        _year_of_items(publisher, short)
        if key == "jgsw":
            _registry_and_policies(publisher)
            _withdrawn_and_corrected(publisher, short)
        context.count(True)
    _city_regulation(context)


def _year_of_items(publisher: _Publisher, short: str) -> None:
    specs = []
    for month in range(1, 12):
        for node, genre, topic, title, body in MONTHLY:
            formed = date(YEAR, month, 3)
            text = (title.format(short=short, month=month), body.format(short=short, month=month))
            specs.append((node, genre, topic, *text, formed, formed + timedelta(days=5), [Channel.WEBSITE]))
    for n, (node, genre, topic, title, body) in enumerate(YEARLY):
        if node not in publisher.nodes:
            continue
        formed = date(YEAR, 2 + 2 * n, 10)
        channels = [Channel.WEBSITE, Channel.BOARD, Channel.WECHAT]
        specs.append(
            (
                node,
                genre,
                topic,
                title.format(short=short),
                body,
                formed,
                formed + timedelta(days=7),
                channels,
            )
        )
    publisher.bulk(sorted(specs, key=lambda spec: spec[6]))
    # One draft still on its way (for the work list), its 20 working days already running.
    publisher.draft(
        "工作动态", Genre.NEWS, Topic.GENERAL, f"{short}12月工作动态（草稿）", "待审核。", date(YEAR, 11, 20)
    )


def _document(publisher: _Publisher, number: int, title: str, issued: date, **fields) -> RegulatoryDocument:
    return registry.register_document(
        actor=publisher.drafter,
        organisation=publisher.org,
        kind=DocumentKind.NORMATIVE,
        unified_number=f"YCJGSW-{issued.year}-{number:03d}",
        title=title,
        document_number=f"宜机管发〔{issued.year}〕{number}号",
        legality_review="经中心法规科合法性审核",
        collective_deliberation="经中心主任办公会议集体审议通过",
        issued_on=issued,
        effective_from=issued + timedelta(days=30),
        **fields,
    )


def _registry_and_policies(publisher: _Publisher) -> None:
    """Documents in every validity state; two published with their 政策解读 (同步发布)."""
    for number, title in ((1, "宜春市公共机构节能管理办法"), (2, "宜春市市直机关公务用车管理暂行办法")):
        document = _document(publisher, number, title, date(YEAR, 3 * number, 2))
        text = f"第一条 为加强{title[3:-2]}，根据有关规定，制定本办法。"
        normative = publisher.draft(
            "行政法规、规章和规范性文件",
            Genre.NORMATIVE,
            Topic.GENERAL,
            title,
            text,
            document.issued_on,
            document_number=document.document_number,
            registry_document=document,
            keywords="管理办法",
        )
        interpretation = publisher.draft(
            "政策解读",
            Genre.INTERPRETATION,
            Topic.GENERAL,
            f"《{title}》政策解读",
            f"一、起草背景。二、主要内容。三、{title}的施行时间。",
            document.issued_on,
            interprets=normative,
        )
        publisher.approve(interpretation)
        publisher.publish(publisher.approve(normative), document.issued_on + timedelta(days=3))
    expired = _document(
        publisher, 3, "宜春市机关食堂管理办法", date(2019, 5, 6), valid_until=date(2024, 5, 31)
    )
    past_period = _document(
        publisher, 4, "宜春市机关会议室管理办法", date(2021, 1, 4), valid_until=date(2026, 1, 31)
    )
    repealed = _document(publisher, 5, "宜春市机关办公用房维修管理办法", date(2020, 7, 1))
    amended = _document(publisher, 6, "宜春市公共机构节能考核办法", date(2022, 4, 1))
    replacement = _document(publisher, 7, "宜春市公共机构节能考核办法（修订）", date(YEAR, 8, 3))
    registry.change_validity(
        actor=publisher.drafter,
        document=expired,
        status=Validity.EXPIRED,
        on=date(2024, 6, 1),
        reason="有效期届满",
    )
    registry.change_validity(
        actor=publisher.drafter,
        document=repealed,
        status=Validity.REPEALED,
        on=date(YEAR, 6, 30),
        reason="宜机管发〔2026〕20号",
    )
    registry.change_validity(
        actor=publisher.drafter,
        document=amended,
        status=Validity.AMENDED,
        on=replacement.effective_from,
        reason="已修订",
        replaced_by=replacement,
    )
    assert past_period.validity_on(date(YEAR, 12, 1)) == Validity.EXPIRED  # 失效 by itself, not yet recorded


def _withdrawn_and_corrected(publisher: _Publisher, short: str) -> None:
    withdrawn = publisher.draft(
        "工作动态",
        Genre.NEWS,
        Topic.GENERAL,
        f"{short}关于调整办公时间的通知",
        "自即日起调整办公时间。",
        date(YEAR, 9, 1),
    )
    publisher.publish(publisher.approve(withdrawn), date(YEAR, 9, 2))
    corrections.withdraw(
        actor=publisher.reviewers[-1], publication=withdrawn, reason="通知内容有误，已重新发布"
    )
    corrected = publisher.draft(
        "财政预算、决算信息",
        Genre.BUDGET,
        Topic.FINANCE,
        f"{short}2025年部门决算",
        "2025年度支出决算总计1250万元。",
        date(YEAR, 7, 20),
    )
    publisher.publish(publisher.approve(corrected), date(YEAR, 7, 25))
    corrections.start_correction(
        actor=publisher.drafter,
        publication=corrected,
        kind=RevisionKind.CORRECTION,
        reason="支出总额数字有误",
    )
    corrected.refresh_from_db()
    drafting.update_draft(
        actor=publisher.drafter,
        publication=corrected,
        expected_version=corrected.version,
        body="2025年度支出决算总计1205万元。",
    )
    publisher.publish(publisher.approve(corrected), date(YEAR, 7, 28))


def _city_regulation(context: DemoContext) -> None:
    city = context.orgs["city"]
    if RegulatoryDocument.objects.filter(organisation=city).exists():
        return
    registry.register_document(
        actor=context.users["szf_admin"],
        organisation=city,
        kind=DocumentKind.REGULATION,
        unified_number="YCSZF-GZ-2025-001",
        title="宜春市城市绿化管理办法",
        document_number="宜春市人民政府令第12号",
        collective_deliberation="经市人民政府第45次常务会议审议通过",
        issued_on=date(2025, 6, 10),
        effective_from=date(2025, 8, 1),
    )
    context.count(True)
