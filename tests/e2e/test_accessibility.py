"""WCAG 2.1 A/AA with axe-core on every public page type in German and Arabic, a keyboard-only
journey, and focus that can be seen."""

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import NODE_MODULES
from tests.e2e.pages import GUIDE_PATH, GUIDE_TITLE, each_page_in_each_language

# How pages look and read in the browser: the same on every database, so CI checks it
# once (the SQLite pass; .ci/run).
pytestmark = pytest.mark.rendering

AXE = NODE_MODULES / "axe-core" / "axe.min.js"
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
FOCUS_RING_JS = (Path(__file__).parent / "focus_ring.js").read_text()


def run_axe(page: Page) -> dict:
    # Evaluated by the browser's tooling, not as a <script> the page's CSP would refuse.
    page.evaluate(AXE.read_text())
    return page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_21_AA)


def describe(violations: list) -> str:
    return "\n".join(
        f"{v['id']} ({v['impact']}): {v['help']} at "
        + "; ".join(" ".join(node["target"]) for node in v["nodes"][:5])
        for v in violations)


@pytest.mark.parametrize(("page_type", "language"), each_page_in_each_language())
def test_no_wcag_violations(page, page_type, language):
    response = page.goto(page_type.url(language))
    assert response.status == page_type.status
    result = run_axe(page)
    assert result["passes"], "axe checked nothing: the page is empty or axe did not run"
    assert not result["violations"], describe(result["violations"])


@pytest.mark.parametrize("language", ["de", "ar"])
def test_attendance_list_has_no_wcag_violations(browser, site, language):
    """Signed in as a coordinator of the organising organisation, on a phone."""
    from tests.e2e.conftest import PHONE
    from tests.e2e.event_steps import open_attendance, sign_in_as_coordinator

    context = browser.new_context(base_url=site.url, viewport=PHONE)
    page = context.new_page()
    sign_in_as_coordinator(page, language)
    open_attendance(page, language)
    result = run_axe(page)
    context.close()
    assert result["passes"], "axe checked nothing: the page is empty or axe did not run"
    assert not result["violations"], describe(result["violations"])


def focus_ring(page: Page) -> dict:
    """The focused element, whether a focus ring marks it and the ring's contrast."""
    return page.evaluate(FOCUS_RING_JS)


def tab(page: Page) -> dict:
    page.keyboard.press("Tab")
    return focus_ring(page)


SKIP_LINK = {"de": "Zum Inhalt springen", "ar": "الانتقال إلى المحتوى"}


@pytest.mark.parametrize("language", ["de", "ar"])
def test_tab_order_reaches_skip_link_search_languages_and_content(page, language):
    page.goto(f"/{language}/{GUIDE_PATH}")
    order = [tab(page) for _ in range(6)]
    skip, brand, search, button, switcher = order[:5]
    assert skip["text"] == SKIP_LINK[language]
    assert skip["inViewport"], "the skip link shows when it has focus"
    assert brand["text"] == "Wegweiser"
    assert search["id"] == "site-search"
    assert button["tag"] == "button"
    assert switcher["tag"] == "summary"
    assert order[5]["tag"] == "a", "then the breadcrumbs"
    for stop in order:
        assert stop["visible"], f"no visible focus on {stop}"

    # The skip link takes keyboard users past the header into the guide.
    page.goto(f"/{language}/{GUIDE_PATH}")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    expect(page.locator("main")).to_be_focused()
    nxt = tab(page)
    assert nxt["visible"]
    assert page.evaluate("() => document.querySelector('main').contains(document.activeElement)")


@pytest.mark.parametrize(("page_type", "language"), each_page_in_each_language())
def test_every_focus_stop_is_visible(page, page_type, language):
    """Tab through the whole page: each link, field and button shows where focus is, with a
    ring of at least 3:1 contrast."""
    page.goto(page_type.url(language))
    stops = []
    for _ in range(120):
        stop = tab(page)
        if stop["tag"] == "body" or (stops and stop == stops[0]):
            break
        stops.append(stop)
    assert len(stops) >= 5, stops
    hidden = [stop for stop in stops if not stop["visible"]]
    assert not hidden, f"focus not visible on: {hidden}"
    faint = [stop for stop in stops if stop["contrast"] is not None and stop["contrast"] < 3]
    assert not faint, f"focus ring below 3:1 against its background: {faint}"


def test_keyboard_only_reader_journey(page):
    """Search, open a result and switch language without touching the mouse."""
    page.goto("/de/")
    for _ in range(3):  # skip link, brand, search field
        page.keyboard.press("Tab")
    expect(page.locator("#site-search")).to_be_focused()
    page.keyboard.type("Verein gründen")
    page.keyboard.press("Enter")
    page.wait_for_url("**/de/search/**")

    result = page.locator("main").get_by_role("link", name=GUIDE_TITLE["de"]).first
    for _ in range(40):
        page.keyboard.press("Tab")
        if result.evaluate("el => el === document.activeElement"):
            break
    else:
        pytest.fail("Tab never reached the search result")
    assert focus_ring(page)["visible"]
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/de/{GUIDE_PATH}")

    switcher = page.locator(".language-switcher summary")
    for _ in range(10):
        page.keyboard.press("Tab")
        if switcher.evaluate("el => el === document.activeElement"):
            break
    page.keyboard.press("Enter")  # opens the <details>
    arabic = page.locator(".language-switcher").get_by_role("link", name="العربية")
    expect(arabic).to_be_visible()
    for _ in range(10):
        page.keyboard.press("Tab")
        if arabic.evaluate("el => el === document.activeElement"):
            break
    assert focus_ring(page)["visible"]
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/ar/{GUIDE_PATH}")
    expect(page.get_by_role("heading", level=1)).to_have_text(GUIDE_TITLE["ar"])
