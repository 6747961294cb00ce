"""A reader searches in German, opens the guide from the results and switches to Arabic."""

import re
from urllib.parse import quote

from playwright.sync_api import expect

from tests.e2e.pages import GUIDE_PATH, GUIDE_TITLE


def test_reader_finds_guide_in_german_and_reads_it_in_arabic(page):
    page.goto("/de/")
    page.get_by_role("searchbox", name="Leitfäden durchsuchen").fill("Verein gründen")
    page.get_by_role("button", name="Suchen").first.click()
    expect(page).to_have_url(re.compile(r"/de/search/\?q=Verein"))

    results = page.locator("main")
    results.get_by_role("link", name=GUIDE_TITLE["de"]).first.click()
    expect(page).to_have_url(re.compile(f"/de/{GUIDE_PATH}$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(GUIDE_TITLE["de"])
    expect(page.locator("html")).to_have_attribute("lang", "de")

    page.locator(".language-switcher summary").click()
    page.get_by_role("link", name="العربية").click()
    expect(page).to_have_url(re.compile(f"/ar/{GUIDE_PATH}$"))
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.locator("html")).to_have_attribute("lang", "ar")
    expect(page.get_by_role("heading", level=1)).to_have_text(GUIDE_TITLE["ar"])
    # A real translation: no "shown in German" notice.
    expect(page.get_by_role("note")).to_have_count(0)


def test_search_in_arabic_stays_in_arabic(page):
    page.goto(f"/ar/search/?q={quote('النظام الأساسي')}")
    link = page.locator("main").get_by_role("link", name="كتابة النظام الأساسي")
    expect(link).to_have_attribute("href", re.compile(r"^/ar/verein-gruenden/satzung-schreiben/"))
