"""The guided funding finder on a phone (390 px): one question per page, answered by keyboard
alone and without JavaScript; an ambiguous place answered by choosing a candidate; the result
shows the first programme without scrolling, and its address holds every answer.

Buttons and links are found by their place in the form, not their text: the finder's new
strings are English until the catalogues have them."""

import re
from urllib.parse import parse_qs, urlsplit

from playwright.sync_api import Page, expect

from tests.e2e.conftest import PHONE
from tests.e2e.pages import GUIDED_RESULT_PATH
from tests.e2e.test_funding_finder_journey import tab_to

START = "/de/foerderung/finden/"


def submit(page: Page):
    return page.locator("form.guided-step button[type=submit]")


def skip(page: Page):
    return page.locator("form.guided-step .step-actions a").first


def question(page: Page) -> str:
    return page.locator("form.guided-step input[type=radio], #answer").first.get_attribute(
        "name")


def answers_in(page: Page) -> dict:
    return {k: v[0] for k, v in parse_qs(urlsplit(page.url).query,
                                         keep_blank_values=True).items()}


def first_result_is_on_screen(page: Page):
    first = page.locator(".guided-results > li").first
    expect(first).to_be_visible()
    box = first.get_by_role("link").first.bounding_box()
    assert box["y"] >= 0 and box["y"] + box["height"] <= PHONE["height"], box
    assert page.evaluate("window.scrollY") == 0


def test_guided_finder_by_keyboard_only_on_a_phone(page):
    page.set_viewport_size(PHONE)
    page.goto(START)
    assert question(page) == "legal_form"
    verein = page.locator("input[name=legal_form][value=verein]")
    tab_to(page, verein)
    page.keyboard.press("Space")
    expect(verein).to_be_checked()
    tab_to(page, submit(page))
    page.keyboard.press("Enter")

    expect(page.locator("#answer")).to_have_attribute("name", "region")
    tab_to(page, page.locator("#answer"))
    page.keyboard.type("Leipzig")
    page.keyboard.press("Enter")  # submits the form: the <datalist> is only a help

    expect(page.locator("input[name=topic]").first).to_be_attached()
    tab_to(page, skip(page))
    page.keyboard.press("Enter")

    for name, value in (("amount", "5000"), ("own_share", "10")):
        expect(page.locator("#answer")).to_have_attribute("name", name)
        tab_to(page, page.locator("#answer"))
        page.keyboard.type(value)
        page.keyboard.press("Enter")

    expect(page.locator("#answer")).to_have_attribute("name", "start")
    tab_to(page, skip(page))
    page.keyboard.press("Enter")

    expect(page.locator(".guided-results")).to_be_visible()
    assert answers_in(page) == {"legal_form": "verein", "region": "Leipzig", "topic": "",
                                "amount": "5000", "own_share": "10", "start": ""}
    first_result_is_on_screen(page)
    expect(page.locator(".guided-results .reasons").first).to_contain_text(re.compile(r"\S"))


def test_guided_finder_without_javascript_with_an_ambiguous_place(browser, site):
    context = browser.new_context(base_url=site.url, java_script_enabled=False,
                                  viewport=PHONE, locale="de-DE")
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.goto(START)
    assert page.locator("form.guided-step").get_attribute("method") == "get"
    page.locator("input[name=legal_form][value=initiative]").check()
    submit(page).click()
    page.locator("#answer").fill("Neustadt")
    response_status = []
    page.on("response", lambda r: response_status.append(r.status)
            if r.request.resource_type == "document" else None)
    submit(page).click()

    # Three Neustadts: the question again, the message beside it, the candidates as links.
    expect(page.locator("#answer-error")).to_be_visible()
    expect(page.locator("#answer")).to_have_attribute("aria-invalid", "true")
    assert response_status[-1] == 400
    assert answers_in(page)["legal_form"] == "initiative"
    candidates = page.locator("ul.candidates a")
    expect(candidates).to_have_count(3)
    candidates.first.click()
    assert answers_in(page)["region"] == "07316"
    while page.locator("form.guided-step").count():
        skip(page).click()

    expect(page.locator("h1")).to_be_visible()
    assert answers_in(page)["legal_form"] == "initiative"
    feed = page.locator('link[rel=alternate][type="text/calendar"]')
    assert "region=07316" in feed.get_attribute("href")
    context.close()


def test_first_result_visible_at_390_px_in_german_and_arabic(browser, site):
    context = browser.new_context(base_url=site.url, viewport=PHONE)
    page = context.new_page()
    for language in ("de", "ar"):
        page.goto(f"/{language}/{GUIDED_RESULT_PATH}")
        first_result_is_on_screen(page)
    context.close()
