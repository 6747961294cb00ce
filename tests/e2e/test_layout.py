"""Layout a reader notices: reflow at 320 px (WCAG 1.4.10), text at 200 % (1.4.4), mirrored
header in Arabic, and a print version without the site's navigation."""

import pytest
from playwright.sync_api import expect

from tests.e2e.pages import GUIDE_PATH, each_page_in_each_language

# How pages look and read in the browser: the same on every database, so CI checks it
# once (the SQLite pass; .ci/run).
pytestmark = pytest.mark.rendering


@pytest.mark.parametrize(("page_type", "language"), each_page_in_each_language())
def test_reflows_at_320_px_without_sideways_scrolling(browser, site, page_type, language):
    context = browser.new_context(base_url=site.url, viewport={"width": 320, "height": 640})
    page = context.new_page()
    page.goto(page_type.url(language))
    overflow = page.evaluate("() => document.documentElement.scrollWidth - innerWidth")
    context.close()
    assert overflow <= 0, f"{overflow}px wider than a 320px screen"


@pytest.mark.parametrize(("page_type", "language"), each_page_in_each_language())
def test_text_at_200_percent_loses_nothing(page, page_type, language):
    """WCAG 1.4.4: with text twice as large (as a reader's browser setting would make it),
    nothing is cut off or pushed sideways at desktop width."""
    page.goto(page_type.url(language))
    # Through the CSSOM, as a browser setting would: a <style> tag is refused by the CSP.
    page.evaluate("""() => document.documentElement.style.setProperty(
        'font-size', '200%', 'important')""")
    assert page.evaluate("() => getComputedStyle(document.documentElement).fontSize") == "32px"
    overflow = page.evaluate("() => document.documentElement.scrollWidth - innerWidth")
    assert overflow <= 0, f"{overflow}px sideways scrolling with 200 % text"
    clipped = page.evaluate("""() => [...document.querySelectorAll('main *')].filter(el => {
        const style = getComputedStyle(el);
        // visually-hidden text (1 px boxes) is clipped on purpose
        return style.overflow === 'hidden' && el.clientWidth > 1
            && el.scrollHeight > el.clientHeight + 1;
    }).map(el => el.tagName)""")
    assert not clipped, clipped


@pytest.mark.parametrize(("language", "brand_side"), [("de", "left"), ("ar", "right")])
def test_header_follows_the_reading_direction(page, language, brand_side):
    page.goto(f"/{language}/{GUIDE_PATH}")
    brand = page.locator(".brand").bounding_box()
    search = page.locator("#site-search").bounding_box()
    brand_is_left = brand["x"] < search["x"]
    assert brand_is_left == (brand_side == "left")


@pytest.mark.parametrize("language", ["de", "ar"])
def test_print_version_shows_the_guide_without_navigation(page, language):
    page.goto(f"/{language}/{GUIDE_PATH}")
    page.emulate_media(media="print")
    for chrome in (".site-header", ".site-footer", ".breadcrumbs", ".toc", ".step-nav"):
        expect(page.locator(chrome)).to_be_hidden()
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    expect(page.locator(".step-position")).to_be_visible()  # "Step 1 of 5" stays on paper
    expect(page.locator(".legal")).to_be_visible()


@pytest.mark.parametrize("language", ["de", "ar"])
def test_printed_funding_programme_keeps_the_funders_address(page, language):
    from tests.e2e.pages import PAGE_TYPES

    funding = next(p for p in PAGE_TYPES if p.name == "funding")
    page.goto(funding.url(language))
    page.emulate_media(media="print")
    link = page.locator("main a.button[rel~=external]")
    expect(link).to_be_visible()
    address = link.get_attribute("href")
    after = link.evaluate("el => getComputedStyle(el, '::after').content")
    assert address.startswith("http") and address in after
