"""Shared fixtures of the web tests: fast password hashing, demo data, and a real browser
(Debian chromium through playwright) on a live server, for every app's browser tests."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.db import connection, transaction

from xxgk.web.demo import DemoContext, load_demo

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
]


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings: Any) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def demo(db: None) -> DemoContext:
    """Only the demo organisations and users (password: `demo.password`), not the other apps'
    demo data: the counts a test asserts are its own, and it loads in a fraction of the time."""
    from xxgk.web.orgs.demo import load as load_orgs

    context = DemoContext()
    with transaction.atomic():
        load_orgs(context)
    return context


@pytest.fixture
def full_demo(db: None) -> DemoContext:
    """Everything `xxgk demo` loads: cases, publications, reports, the campaign."""
    return load_demo()


@pytest.fixture
def staff_site(transactional_db: None, live_server: Any) -> Iterator[Any]:
    """The live server; afterwards removes the audit events the test wrote, which the test
    database flush could not delete through the append-only triggers."""
    yield live_server
    from xxgk.web.audit import db_guard

    with transaction.atomic():
        db_guard.uninstall(connection)
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {db_guard.TABLE}")
        db_guard.install(connection)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not Path(CHROMIUM).exists():
        pytest.skip("未安装 chromium（apt-get install chromium）")
    # Playwright's sync API keeps an event loop in this thread; Django's ORM must still run here.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield instance
        instance.close()


@pytest.fixture
def browser_page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(locale="zh-CN")
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()
