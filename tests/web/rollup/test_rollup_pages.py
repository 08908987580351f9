"""The pages: what a supervisor, a district supervisor and a unit see; another unit's page is a 404."""

from __future__ import annotations

import pytest
from django.urls import reverse

from factories.rollup import client_for, submission_of
from xxgk.web.demo import DemoContext
from xxgk.web.rollup import demo as rollup_demo
from xxgk.web.rollup import selectors
from xxgk.web.rollup.models import Campaign


def test_supervisor_board_lists_every_unit_and_marks_the_late_one(campaign: Campaign, supervisor) -> None:
    page = client_for(supervisor).get(reverse("rollup:board", args=[campaign.pk])).content.decode()
    assert page.count("<tr class=") >= 20
    late_row = page.split(f'data-unit="{rollup_demo.LATE}"')[0].rsplit("<tr", 1)[1]
    assert 'class="late"' in late_row


def test_dashboard_shows_formulas_and_chart_data(campaign: Campaign, supervisor) -> None:
    response = client_for(supervisor).get(
        reverse("rollup:dashboard", args=[campaign.pk]), {"indicator": "accepted"}
    )
    page = response.content.decode()
    assert "（予以公开 + 部分公开）÷ 办理结果总计" in page
    assert "rollup/vendor/chart.umd.min.js" in page
    assert 'id="chart-data"' in page
    assert "中位数" in page


def test_submission_page_shows_copied_passages_side_by_side(campaign: Campaign, supervisor) -> None:
    item = submission_of(campaign, rollup_demo.COPIED_PAIR[1])
    page = client_for(supervisor).get(reverse("rollup:submission", args=[item.pk])).content.decode()
    assert "X-COPIED-UNIT" in page
    assert 'class="passages"' in page


def test_unit_sees_only_itself(demo: DemoContext, campaign: Campaign) -> None:
    unit_user = demo.users["zrzy_chengban"]
    visible = {s.enrolment.unit.name for s in selectors.submissions_for(unit_user)}
    assert visible == {"宜春市自然资源局"}
    client = client_for(unit_user)
    own = submission_of(campaign, "宜春市自然资源局")
    other = submission_of(campaign, "宜春市教育局")
    assert client.get(reverse("rollup:submission", args=[own.pk])).status_code == 200
    assert client.get(reverse("rollup:submission", args=[other.pk])).status_code == 404
    assert client.get(reverse("rollup:board", args=[campaign.pk])).status_code == 200
    board = client.get(reverse("rollup:board", args=[campaign.pk])).content.decode()
    assert "宜春市教育局" not in board


def test_district_supervisor_sees_its_subtree_only(demo: DemoContext, campaign: Campaign) -> None:
    names = {s.enrolment.unit.name for s in selectors.submissions_for(demo.users["yzq_jiandu"], campaign)}
    assert names == {
        n
        for n, _k, parent, _o, _c in rollup_demo.UNITS
        if n == rollup_demo.YUANZHOU or parent == rollup_demo.YUANZHOU
    }


def test_district_supervisor_cannot_act_on_the_city_campaign(demo: DemoContext, campaign: Campaign) -> None:
    item = submission_of(campaign, "宜春市袁州区财政局")
    before = item.status
    client = client_for(demo.users["yzq_jiandu"])
    response = client.post(reverse("rollup:move", args=[item.pk]), {"action": "return", "reason": "测试"})
    assert response.status_code == 403
    item.refresh_from_db()
    assert item.status == before


@pytest.mark.parametrize("name", ["rollup:board", "rollup:dashboard"])
def test_a_user_without_roles_sees_no_campaign(demo: DemoContext, campaign: Campaign, name: str) -> None:
    from xxgk.web.orgs.models import User

    nobody = User.objects.create_user("nobody", password="x")
    assert client_for(nobody).get(reverse(name, args=[campaign.pk])).status_code == 404


def test_the_staff_dashboard_shows_the_campaign_counts(
    demo: DemoContext, campaign: Campaign, supervisor
) -> None:
    page = client_for(supervisor).get(reverse("ui:dashboard")).content.decode()
    assert "年度报告报送" in page and "2025年度（宜春市人民政府办公室）" in page
    assert "未报3" in page
