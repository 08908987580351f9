"""The indicators page in a real browser with 25+ units: one bar per unit with every label drawn,
the whole doughnut inside its box, the trend legend outside the chart and interactive, a data
table beside each chart; sizes read from the DOM and a screenshot kept in test-artefacts/."""

from __future__ import annotations

from typing import Any

import pytest

from factories.rollup import sample, send
from support.artefacts import screenshot
from support.browser import log_in
from xxgk.web.demo import load_demo
from xxgk.web.orgs.models import OrgKind
from xxgk.web.rollup import demo as rollup_demo
from xxgk.web.rollup import services
from xxgk.web.rollup.models import Campaign, ReportingUnit, Submission

pytestmark = pytest.mark.browser

EXTRA = [f"宜春市第{n}测试局" for n in range(1, 7)]


def _more_units(context: Any) -> Campaign:
    """The demo campaign with six more reporting units, so that more than 25 have reported."""
    office, actor = context.orgs["office"], context.users["zwgk_jiandu"]
    campaign = Campaign.objects.get(office=office, year=2025)
    city = ReportingUnit.objects.get(name=rollup_demo.CITY)
    for name in EXTRA:
        enrolment = services.register_unit(
            actor=actor, office=office, year=2025, name=name, kind=OrgKind.DEPARTMENT, parent=city
        )
        send(actor, Submission.objects.get(campaign=campaign, enrolment=enrolment), sample(name, 2025))
    return campaign


def test_charts_fit_more_than_25_units(staff_site: Any, browser_page: Any) -> None:
    context = load_demo()
    campaign = _more_units(context)
    reported = Submission.objects.filter(campaign=campaign, current__isnull=False).count()
    assert reported >= 25
    page = browser_page
    page.set_viewport_size({"width": 1280, "height": 900})
    log_in(page, staff_site.url, "zwgk_jiandu", context.password)
    page.goto(f"{staff_site.url}/staff/rollup/campaigns/{campaign.pk}/indicators/")
    page.wait_for_load_state("load")
    page.wait_for_function("Chart.getChart('chart-trends') !== undefined")

    bars = page.evaluate(
        """() => { const c = Chart.getChart('chart-distribution'); const y = c.scales.y;
        return {ticks: y.ticks.length, labels: c.data.labels.length, height: c.height,
                rows: y.height / c.data.labels.length}; }"""
    )
    assert bars["labels"] == reported and bars["ticks"] == reported  # no label skipped
    assert bars["rows"] >= 16, bars  # each bar row tall enough to read its label

    donut = page.evaluate(
        """() => { const c = Chart.getChart('chart-mix'); const a = c.chartArea;
        const arc = c.getDatasetMeta(0).data[0];
        return {r: arc.outerRadius, x: arc.x, y: arc.y, left: a.left, right: a.right, top: a.top,
                bottom: a.bottom, w: c.width, h: c.height}; }"""
    )
    assert donut["r"] >= 80, donut
    assert donut["x"] - donut["r"] >= 0 and donut["x"] + donut["r"] <= donut["w"], donut
    assert donut["y"] - donut["r"] >= 0 and donut["y"] + donut["r"] <= donut["h"], donut
    for canvas in ("chart-mix", "chart-distribution", "chart-trends"):
        inside = page.evaluate(
            """id => { const c = document.getElementById(id).getBoundingClientRect();
            const f = document.getElementById(id).closest('figure').getBoundingClientRect();
            return c.left >= f.left - 1 && c.right <= f.right + 1 && c.top >= f.top - 1 && c.bottom <= f.bottom + 1; }""",
            canvas,
        )
        assert inside, canvas

    legend = page.locator("#legend-trends button")
    units = page.evaluate("() => Chart.getChart('chart-trends').data.datasets.length")
    assert legend.count() == units >= 25
    assert page.evaluate("() => Chart.getChart('chart-trends').options.plugins.legend.display") is False
    overlap = page.evaluate(
        """() => { const c = document.getElementById('chart-trends').getBoundingClientRect();
        const l = document.getElementById('legend-trends').getBoundingClientRect();
        return l.top < c.bottom && l.bottom > c.top; }"""
    )
    assert not overlap
    legend.first.click()
    assert page.evaluate("() => Chart.getChart('chart-trends').isDatasetVisible(0)") is False
    assert legend.first.get_attribute("aria-pressed") == "false"
    legend.first.click()

    tables = page.locator("details.chart-table")
    assert tables.nth(0).locator("tbody tr").count() == reported
    assert tables.nth(2).locator("tbody tr").count() == units
    screenshot(page, "indicators-charts-25-units")
