"""Browser tests: Debian's chromium driven by Playwright against the site served by gunicorn
(see server.py).

The Playwright fixtures are package-scoped on purpose: Playwright's sync API keeps an asyncio
loop marked as running in the main thread while it is started, and Django refuses ORM calls
under a running loop. Stopping Playwright when this package is done keeps the rest of the
suite (which runs after tests/e2e) working.

Journeys still to come, each as its own test module here using the same fixtures: a learner
completes a lesson and its quiz (learning issue), someone registers for a workshop (the
funding finder's is test_funding_finder_journey.py). New public page types go into
pages.PAGE_TYPES, which gives them axe, HTML-validity, page-weight and screenshot checks at
once.
"""

import os
import shutil
from pathlib import Path

import pytest
from playwright.sync_api import Page, sync_playwright

from tests.e2e import server

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
NODE_MODULES = Path(__file__).resolve().parents[2] / "node_modules"

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}


def pytest_collection_modifyitems(config, items):
    """Say clearly why the browser tests cannot run, instead of failing on a missing file."""
    missing = [str(p) for p in (Path(CHROMIUM), NODE_MODULES / "axe-core")
               if not p.exists()]
    if shutil.which("java") is None:
        missing.append("java")
    if not missing:
        return
    skip = pytest.mark.skip(reason=f"browser test tools missing: {', '.join(missing)} "
                                   "(`make browser-deps` installs them)")
    for item in items:
        if "tests/e2e/" in str(item.path).replace(os.sep, "/"):
            item.add_marker(skip)


@pytest.fixture(scope="package")
def site():
    if os.environ.get("E2E_SITE_URL"):  # while writing tests: a server started by hand
        mail_dir = os.environ.get("E2E_MAIL_DIR")
        yield server.RunningSite(url=os.environ["E2E_SITE_URL"], process=None, log_path=None,
                                 mail_dir=Path(mail_dir) if mail_dir else None)
        return
    running, stop = server.start_site()
    yield running
    stop()


@pytest.fixture(scope="package")
def playwright():
    with sync_playwright() as pw:
        yield pw


@pytest.fixture(scope="package")
def browser_type(playwright):
    return playwright.chromium


@pytest.fixture(scope="package")
def browser_type_launch_args():
    return {"executable_path": CHROMIUM, "headless": True, "args": CHROMIUM_ARGS}


@pytest.fixture(scope="package")
def launch_browser(browser_type, browser_type_launch_args):
    def launch(**kwargs):
        return browser_type.launch(**{**browser_type_launch_args, **kwargs})

    return launch


@pytest.fixture(scope="package")
def browser(launch_browser):
    browser = launch_browser()
    yield browser
    browser.close()


@pytest.fixture(scope="package")
def browser_context_args(site):
    return {"base_url": site.url, "viewport": DESKTOP, "locale": "de-DE"}


@pytest.fixture
def page(context) -> Page:
    page = context.new_page()
    page.set_default_timeout(15_000)
    return page


def login(page: Page, username: str, password: str) -> None:
    page.goto("/admin/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/admin/")
