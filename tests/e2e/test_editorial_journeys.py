"""An editor writes and publishes a guide in the admin; a translator translates it into
Arabic in wagtail-localize's editor and publishes it; a reader then finds both versions.

The admin runs in English here (browser language en-GB) so the labels the test clicks are
Wagtail's own msgids rather than translations that may change."""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import login
from tests.e2e.server import EDITOR, TRANSLATOR

TITLE = "Die Kassenprüfung im Verein"
SUMMARY = "Wer die Kasse prüft, wann und was im Bericht steht."
TEXT = "Die Kassenprüferinnen prüfen einmal im Jahr Belege, Konto und Kassenbuch."
AR_TITLE = "تدقيق الصندوق في الجمعية"
AR_SUMMARY = "من يدقق الصندوق، ومتى، وماذا يتضمن التقرير."
AR_TEXT = "تدقق المدققات مرة في السنة الإيصالات والحساب ودفتر الصندوق."
# The slug the admin makes from the title as the editor types it: German spelling (cms.slugs).
PATH = "verein-gruenden/die-kassenpruefung-im-verein/"


@pytest.fixture(scope="module")
def admin_context_args(site):
    return {"base_url": site.url, "locale": "en-GB", "viewport": {"width": 1280, "height": 900}}


@pytest.fixture(scope="module")
def published_guide(browser, admin_context_args):
    """The editor's journey, shared by both tests: returns the new guide's admin id."""
    context = browser.new_context(**admin_context_args)
    page = context.new_page()
    login(page, *EDITOR)
    topic = page.request.get(
        "/api/v2/pages/?type=cms.TopicPage&slug=verein-gruenden&locale=de").json()["items"][0]
    page.goto(f"/admin/pages/{topic['id']}/")
    page.get_by_role("link", name="Add child page").click()
    page.get_by_role("link", name="Guide", exact=True).click()

    page.locator("#id_title").fill(TITLE)
    page.locator("#id_summary").fill(SUMMARY)
    page.get_by_role("button", name="Insert a block").first.click()
    page.get_by_role("option", name="Text", exact=True).click()
    editor = page.locator("#panel-child-content-body-section [contenteditable=true]").first
    editor.click()
    expect(editor).to_be_focused()
    page.keyboard.type(TEXT)
    # Draftail writes the form field a moment after the keystrokes: wait for it, as a
    # person would see the text before pressing Publish.
    expect(page.locator("input[name='body-0-value']")).to_have_value(re.compile("Belege"))
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Publish", exact=True).click()

    expect(page.locator(".messages")).to_contain_text(f"Page '{TITLE}' created and published")
    edit_link = page.get_by_role("link", name=TITLE, exact=True)
    page_id = re.search(r"/admin/pages/(\d+)/", edit_link.get_attribute("href")).group(1)
    context.close()
    return page_id


def test_editor_publishes_a_guide_readers_see_at_once(published_guide, page):
    response = page.goto(f"/de/{PATH}")
    assert response.status == 200
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect(page.locator("main")).to_contain_text(TEXT)
    # It is listed on its topic too.
    page.goto("/de/verein-gruenden/")
    expect(page.get_by_role("link", name=TITLE)).to_be_visible()


def test_translator_translates_and_publishes_in_arabic(published_guide, browser,
                                                       admin_context_args, page):
    # Before the translation, the Arabic address shows the German page with a notice.
    page.goto(f"/ar/{PATH}")
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect(page.get_by_role("note")).to_be_visible()

    context = browser.new_context(**admin_context_args)
    admin = context.new_page()
    login(admin, *TRANSLATOR)
    admin.goto(f"/admin/pages/{published_guide}/edit/")
    admin.get_by_role("button", name="Actions", exact=True).click()
    admin.get_by_role("link", name="Translate this page").click()
    admin.get_by_label("العربية").check()
    admin.get_by_role("button", name="Submit").click()

    expect(admin.get_by_role("button", name="Publish in العربية")).to_be_visible()
    for arabic in (AR_TITLE, AR_SUMMARY, AR_TEXT):
        admin.get_by_role("button", name="Translate", exact=True).first.click()
        admin.locator("textarea").fill(arabic)
        admin.get_by_role("button", name="Save", exact=True).click()
        expect(admin.locator("textarea")).to_have_count(0)
    expect(admin.get_by_role("button", name="Translate", exact=True)).to_have_count(0)
    admin.get_by_role("button", name="Publish in العربية").click()
    expect(admin.locator(".messages")).to_contain_text(f"Published '{AR_TITLE}'")
    context.close()

    response = page.goto(f"/ar/{PATH}")
    assert response.status == 200
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.get_by_role("heading", level=1)).to_have_text(AR_TITLE)
    expect(page.locator("main")).to_contain_text(AR_TEXT)
    expect(page.get_by_role("note")).to_have_count(0)
    # The German page now offers its Arabic translation in the language switcher.
    page.goto(f"/de/{PATH}")
    page.locator(".language-switcher summary").click()
    page.get_by_role("link", name="العربية").click()
    expect(page).to_have_url(re.compile(f"/ar/{PATH}$"))
