"""'Was this page helpful?' in a real browser with JavaScript off: the buttons post, the page
comes back at the form with the thanks and the note field, in German and in Arabic (right to
left); a 390 px screenshot of the form in each (docs/screenshots/feedback-<lang>-390.png).
axe and the HTML checker see the form with every guide (test_accessibility.py,
test_html_validity.py)."""

import pytest

from tests.e2e.conftest import PHONE
from tests.e2e.pages import GUIDE_PATH
from tests.e2e.test_screenshots import SCREENSHOTS

BUTTONS = {"de": ("Nein", "Was hat Ihnen gefehlt? (freiwillig)"),
           "ar": ("لا", "ما الذي كان ناقصًا؟ (اختياري)")}


@pytest.mark.parametrize("language", ["de", "ar"])
def test_no_then_a_note_without_javascript(browser, site, language):
    context = browser.new_context(base_url=site.url, viewport=PHONE, device_scale_factor=1,
                                  java_script_enabled=False)
    page = context.new_page()
    page.goto(f"/{language}/{GUIDE_PATH}")
    form = page.locator("#feedback")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    form.screenshot(path=SCREENSHOTS / f"feedback-{language}-{PHONE['width']}.png")
    no, missing = BUTTONS[language]
    page.get_by_role("button", name=no, exact=True).click()
    assert page.url.endswith(f"/{language}/{GUIDE_PATH}?feedback=no#feedback")
    assert page.get_by_role("status").is_visible()
    page.get_by_label(missing).fill("Ein Muster für die Satzung")
    page.locator("#feedback button[type=submit]").click()
    assert page.url.endswith("?feedback=thanks#feedback")
    assert page.get_by_role("status").is_visible()
    assert context.cookies() == []
    context.close()
