"""The supervisor's dashboard counts the consultations of the campaign's units on the platform, by
channel and outcome, for the campaign's year (issue 19: counts feed the supervisor's indicators)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from factories.rollup import CITY, PARTS, client_for, mini
from xxgk.web.consultations import services as consultations
from xxgk.web.consultations.models import Channel
from xxgk.web.rollup import selectors

pytestmark = pytest.mark.django_db
ASKER = consultations.Asker(name="张三丰", phone="13812345678", email="")


def _log(context, user: str, org: str, channel: str, on: dt.date) -> consultations.Asked:
    return consultations.log(
        actor=context.users[user],
        organisation=context.orgs[org],
        channel=channel,
        question="政府信息公开指南在哪里查阅？",
        asker=ASKER,
        received_on=on,
    )


def test_counts_by_unit_channel_and_outcome_for_the_campaign_year() -> None:
    world = mini()
    context = world.context
    answered = _log(context, "jgsw_dengji", "jgsw", Channel.PHONE, dt.date(2025, 3, 3)).consultation
    consultations.answer(
        actor=context.users["jgsw_chengban"],
        consultation=answered,
        version=answered.version,
        text="已在专栏公开。",
        on=dt.date(2025, 3, 4),
    )
    _log(context, "jgsw_dengji", "jgsw", Channel.PHONE, dt.date(2025, 6, 1))
    _log(context, "jgsw_dengji", "jgsw", Channel.IN_PERSON, dt.date(2025, 12, 31))
    _log(context, "zrzy_chengban", "zrzy", Channel.LETTER, dt.date(2025, 1, 2))
    _log(context, "jgsw_dengji", "jgsw", Channel.PHONE, dt.date(2024, 12, 31))  # another year
    _log(context, "jyj_chengban", "jyj", Channel.PHONE, dt.date(2025, 5, 5))  # not in the campaign

    figures = selectors.consultation_figures(world.supervisor, world.campaigns[2025])

    by_unit = {row.unit: row for row in figures.rows}
    assert set(by_unit) == {CITY, PARTS[0], PARTS[1]}  # 财政局 is not on the platform
    channel = {key: i for i, key in enumerate(Channel.values)}
    jgsw = by_unit[PARTS[0]]
    assert jgsw.total == 3
    assert jgsw.by_channel[channel[Channel.PHONE]] == 2 and jgsw.by_channel[channel[Channel.IN_PERSON]] == 1
    assert jgsw.by_outcome == [1, 0, 2]  # answered, converted, pending
    assert by_unit[PARTS[1]].total == 1 and by_unit[CITY].total == 0
    assert figures.total.total == 4 and sum(figures.total.by_channel) == 4
    assert figures.off_platform == 1

    page = client_for(world.supervisor).get(reverse("rollup:dashboard", args=[world.campaigns[2025].pk]))
    html = page.content.decode()
    assert "咨询答复情况" in html and "另有 1 个单位未使用本平台" in html
    assert f'<th scope="row">{PARTS[0]}</th>' in html


def test_a_unit_sees_only_its_own_questions(db) -> None:
    world = mini()
    _log(world.context, "jgsw_dengji", "jgsw", Channel.PHONE, dt.date(2025, 3, 3))
    _log(world.context, "zrzy_chengban", "zrzy", Channel.PHONE, dt.date(2025, 3, 3))
    figures = selectors.consultation_figures(world.context.users["zrzy_chengban"], world.campaigns[2025])
    assert [row.unit for row in figures.rows] == [PARTS[1]] and figures.total.total == 1
