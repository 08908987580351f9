"""Steps the browser tests share: signing in and out of the staff site, a publication's draft,
the public application form and the tracking page."""

from __future__ import annotations

from typing import Any

# The password the browser tests give the users they sign in as.
PASSWORD = "浏览器测试-2026"
AGENCY = "宜春市机关事务管理中心"


def log_in(page: Any, base: str, username: str, password: str = PASSWORD) -> None:
    page.context.clear_cookies()
    page.goto(f"{base}/staff/login/")
    page.get_by_label("用户名").fill(username)
    page.get_by_label("密码").fill(password)
    page.get_by_role("button", name="登录").click()
    page.wait_for_url("**/staff/")


def log_out(page: Any) -> None:
    page.get_by_role("button", name="退出登录").click()
    page.wait_for_url("**/staff/login/")


def draft_publication(
    page: Any, base: str, org_pk: int, fields: dict[str, str], selects: dict[str, str], node: str
) -> None:
    page.goto(f"{base}/staff/publishing/new/?org={org_pk}")
    for label, value in fields.items():
        page.get_by_label(label).fill(value)
    for label, option in selects.items():
        page.get_by_label(label).select_option(label=option)
    page.get_by_label(node, exact=True).check()
    page.get_by_role("button", name="保存草稿").click()
    page.get_by_text("草稿已保存。").wait_for()


def fill_application(page: Any, base: str) -> None:
    """The public form of /apply/, filled for the demo agency (not sent)."""
    page.goto(f"{base}/apply/")
    page.get_by_label("向哪个机关申请").select_option(label=AGENCY)
    page.get_by_label("申请人类型").select_option("natural_person")
    page.get_by_label("姓名或名称").fill("赵六")
    page.get_by_label("身份证明号码").fill("360902199202023337")
    page.get_by_label("联系电话").fill("0795-3202210")
    page.get_by_label("电子邮箱").fill("zhaoliu@example.com")
    page.get_by_label("所需政府信息的名称、文号或者便于查询的其他特征性描述").fill("2025年机关食堂采购合同。")
    page.get_by_label("信息的指定提供形式").select_option("electronic")
    page.get_by_label("获取信息的方式").select_option("email")
    page.get_by_label("本人承诺所填信息真实有效").check()


def track(page: Any, base: str, number: str, secret: str) -> str:
    """The tracking page's text for a case, the secret typed without dashes."""
    page.goto(f"{base}/apply/track/")
    page.get_by_label("受理编号").fill(number)
    page.get_by_label("查询码").fill(secret.replace("-", "").lower())
    page.get_by_role("button", name="查询").click()
    page.wait_for_selector("#public-state")
    return page.locator("main").inner_text()


def case_step(page: Any, transition: str, **selects: str) -> None:
    """Run a transition from the staff case page, choosing its selects, and wait for the page."""
    form = page.locator(f'form[data-transition="{transition}"]')
    for name, value in selects.items():
        form.locator(f'select[name="{transition}-{name}"]').select_option(value)
    form.get_by_role("button").click()
    page.wait_for_load_state()
