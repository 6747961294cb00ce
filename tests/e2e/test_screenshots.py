"""Screenshots of the main page types at phone and desktop width, in German and Arabic, saved to
docs/screenshots/ (the README shows a few; the rest are ignored by git). On the way, each page
must fit the phone's width: no sideways scrolling."""

from pathlib import Path

import pytest

from tests.e2e.conftest import DESKTOP, PHONE
from tests.e2e.pages import PAGE_TYPES

# How pages look and read in the browser: the same on every database, so CI checks it
# once (the SQLite pass; .ci/run).
pytestmark = pytest.mark.rendering

SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
MAIN_TYPES = [p for p in PAGE_TYPES if p.name != "not-found"]
WIDTHS = {"phone": PHONE, "desktop": DESKTOP}


@pytest.mark.parametrize("language", ["de", "ar"])
@pytest.mark.parametrize("width", list(WIDTHS))
@pytest.mark.parametrize("page_type", MAIN_TYPES, ids=[p.name for p in MAIN_TYPES])
def test_screenshot_fits_the_screen(browser, site, page_type, width, language):
    viewport = WIDTHS[width]
    context = browser.new_context(base_url=site.url, viewport=viewport, device_scale_factor=1)
    page = context.new_page()
    page.goto(page_type.url(language))
    overflow = page.evaluate("() => document.documentElement.scrollWidth - innerWidth")
    assert overflow <= 0, f"{overflow}px wider than a {viewport['width']}px screen"
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{page_type.name}-{language}-{viewport['width']}.png"
    page.screenshot(path=path)
    assert path.stat().st_size > 5000  # a blank page compresses to a few hundred bytes
    context.close()
