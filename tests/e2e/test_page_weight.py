"""What a page costs a reader on a slow, metered phone connection: bytes as transferred
(compressed, headers included) and the number of requests, measured by the browser itself."""

import re

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.pages import GUIDE_PATH, LANGUAGES, PAGE_TYPES, each_page_in_each_language

# How pages look and read in the browser: the same on every database, so CI checks it
# once (the SQLite pass; .ci/run).
pytestmark = pytest.mark.rendering

GUIDE_BUDGET = {"bytes": 40 * 1024, "requests": 4}
# Every other public page type keeps to the same budget as the guide.
BUDGETS = {p.name: GUIDE_BUDGET for p in PAGE_TYPES}
ONE_YEAR = 31536000
HASHED_CSS = re.compile(r"^/static/css/site\.[0-9a-f]{12}\.css$")


def load_and_weigh(page: Page, url: str):
    """Load url in a fresh cache; returns (document response, [(url, bytes), ...])."""
    finished = []
    page.on("requestfinished", lambda request: finished.append(request))
    page.on("requestfailed", lambda request: finished.append(request))
    response = page.goto(url, wait_until="load")
    page.wait_for_load_state("networkidle")
    transfers = []
    for request in finished:
        sizes = request.sizes() if request.failure is None else {
            "responseBodySize": 0, "responseHeadersSize": 0}
        transfers.append((request.url, sizes["responseBodySize"] + sizes["responseHeadersSize"]))
    return response, transfers


@pytest.mark.parametrize(("page_type", "language"), each_page_in_each_language())
def test_page_weight_within_budget(page, page_type, language):
    response, transfers = load_and_weigh(page, page_type.url(language))
    assert response.status == page_type.status
    budget = BUDGETS[page_type.name]
    total = sum(size for _, size in transfers)
    listing = "\n".join(f"{size:>7} B  {url}" for url, size in transfers)
    assert len(transfers) <= budget["requests"], f"{len(transfers)} requests:\n{listing}"
    assert total <= budget["bytes"], f"{total} bytes transferred:\n{listing}"
    assert response.header_value("content-encoding") in ("gzip", "br"), "HTML not compressed"


@pytest.mark.parametrize("language", LANGUAGES)
def test_guide_is_readable_without_javascript(browser, site, language):
    context = browser.new_context(base_url=site.url, java_script_enabled=False)
    page = context.new_page()
    page.goto(f"/{language}/{GUIDE_PATH}")
    main = page.locator("main")
    expect(main.get_by_role("heading", level=1)).to_be_visible()
    # The body text, the numbered steps and the FAQ all show without a script.
    expect(main.locator(".prose p").first).to_be_visible()
    assert len(main.inner_text()) > 2000
    expect(main.locator(".steps li").first).to_be_visible()
    main.locator(".faq summary").first.click()  # <details> opens without a script
    expect(main.locator(".faq details[open] p").first).to_be_visible()
    context.close()


def test_static_files_have_hashed_names_and_far_future_caching(page):
    page.goto(f"/de/{GUIDE_PATH}")
    href = page.locator("link[rel=stylesheet]").get_attribute("href")
    assert HASHED_CSS.match(href), f"stylesheet URL without a content hash: {href}"
    response = page.request.get(href, headers={"Accept-Encoding": "gzip"})
    assert response.ok
    cache_control = response.headers["cache-control"]
    max_age = int(re.search(r"max-age=(\d+)", cache_control).group(1))
    assert max_age >= ONE_YEAR and "immutable" in cache_control, cache_control
    assert response.headers.get("content-encoding") == "gzip"


@pytest.mark.parametrize(("page_type", "language"), each_page_in_each_language())
def test_images_are_responsive_and_in_modern_formats(page, page_type, language):
    """No page type shows images yet; any image added later must come with a srcset in
    AVIF/WebP (Wagtail's {% picture %} with format-{avif,webp}) and an alt attribute."""
    page.goto(page_type.url(language))
    bad = page.evaluate("""() => [...document.images].filter(img => {
        const picture = img.closest('picture');
        const modern = picture && [...picture.querySelectorAll('source')]
            .some(s => /image\\/(avif|webp)/.test(s.type) && s.srcset);
        const srcset = img.srcset && /\\.(avif|webp)/.test(img.srcset);
        return !(modern || srcset) || !img.hasAttribute('alt');
    }).map(img => img.outerHTML)""")
    assert not bad, bad
