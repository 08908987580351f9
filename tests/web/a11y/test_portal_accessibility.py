"""Every public page of the demo passes axe-core (vendored, run in real Chromium) with no serious or
critical violation, in the standard and the 长者模式 display; the forms work from the keyboard with
errors tied to their fields; the phone layout (360 px) has no horizontal scroll. Screenshots at 360 px
and in 长者模式 are kept in test-artefacts/ (git-ignored)."""

from __future__ import annotations

from typing import Any

import pytest

from support.artefacts import screenshot
from support.axe import blocking_violations, describe
from xxgk.web.annual.models import PublishedVersion
from xxgk.web.demo import load_demo
from xxgk.web.publishing.models import Publication
from xxgk.web.publishing.models import State as PublicationState

pytestmark = pytest.mark.browser
PHONE = {"width": 360, "height": 740}


def _public_pages() -> dict[str, str]:
    context = load_demo()
    org = context.orgs["jgsw"]
    publication = Publication.objects.filter(organisation=org, state=PublicationState.PUBLISHED).first()
    report = PublishedVersion.objects.order_by("-year").first()
    assert publication is not None and report is not None, "the demo publishes both"
    return {
        "home": "/",
        "column-index": "/gk/",
        "column": f"/gk/{org.pk}/",
        "guide": f"/gk/{org.pk}/guide/",
        "publication": f"/gk/{org.pk}/p/{publication.pk}/",
        "search": "/gk/search/?q=公开",
        "apply": "/apply/",
        "apply-track": "/apply/track/",
        "ask": "/ask/",
        "ask-track": "/ask/track/",
        "reports": "/reports/",
        "report": f"/reports/{report.organisation_id}/{report.year}/",
    }


def _no_horizontal_scroll(page: Any) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth + 1")


def test_every_public_page_passes_axe_in_both_modes_and_fits_a_phone(staff_site: Any, browser: Any) -> None:
    pages = _public_pages()
    found: dict[str, list[dict[str, Any]]] = {}
    for mode in ("standard", "elder"):
        context = browser.new_context(locale="zh-CN", viewport=PHONE)
        page = context.new_page()
        page.set_default_timeout(15_000)
        page.goto(f"{staff_site.url}/mode/?mode={mode}&next=/")
        for name, path in pages.items():
            page.goto(f"{staff_site.url}{path}")
            assert page.locator("h1").count() >= 1, name
            found[f"{mode}:{name}"] = blocking_violations(page)
            assert _no_horizontal_scroll(page), f"{name} ({mode}) scrolls sideways at 360 px"
            screenshot(page, f"{mode}-360-{name}")
        # The page a citizen reaches after sending a question (post/redirect/get: /ask/submitted/).
        page.goto(f"{staff_site.url}/ask/")
        page.get_by_label("向哪个机关咨询").select_option(index=1)
        page.get_by_label("咨询内容").fill("贵单位的政府信息公开指南在哪里可以查到？")
        page.get_by_role("button", name="提交咨询").click()
        page.wait_for_url("**/ask/submitted/")
        found[f"{mode}:ask-submitted"] = blocking_violations(page)
        assert _no_horizontal_scroll(page), f"ask-submitted ({mode}) scrolls sideways at 360 px"
        screenshot(page, f"{mode}-360-ask-submitted")
        if mode == "elder":
            base = page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)")
            assert base >= 18, f"长者模式 base text {base}px"
        context.close()
    total = sum(len(v) for v in found.values())
    print(f"axe: {len(found)} page views, {total} serious/critical violations")
    assert total == 0, "\n".join(f"{key}\n{describe(v)}" for key, v in found.items() if v)


def test_mode_switch_and_forms_work_from_the_keyboard_and_tie_errors_to_fields(
    staff_site: Any, browser_page: Any
) -> None:
    load_demo()
    page = browser_page
    page.goto(f"{staff_site.url}/ask/")
    page.keyboard.press("Tab")  # the skip link first
    assert page.evaluate("document.activeElement.textContent") == "跳到正文"
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "长者模式 / 无障碍"
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none", "focus is visible"
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "elder" in page.evaluate("document.body.className")
    # Submit the empty form from the keyboard: each error is announced and tied to its field.
    page.get_by_role("button", name="提交咨询").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    page.wait_for_selector(".field-error")
    question = page.get_by_label("咨询内容")
    assert question.get_attribute("aria-invalid") == "true"
    described = (question.get_attribute("aria-describedby") or "").split()
    assert "id_question_error" in described and "id_question_helptext" in described
    assert "必填" in page.locator("#id_question_error").inner_text()
    assert blocking_violations(page) == []
