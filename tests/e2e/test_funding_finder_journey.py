"""Someone looking for money for their association: from the funding topic to the funding
finder, narrows it down by region, type of organisation and own share, sees the counts and the
programmes soonest deadline first (passed deadlines hidden), opens one and sees its deadline
and the "example figures" notice. With the mouse, without JavaScript and keyboard-only."""

import datetime
import re

import pytest
from playwright.sync_api import Page, expect

from search.params import PER_PAGE
from tests.e2e.pages import FUNDING_SEARCH_PATH
from tests.e2e.test_accessibility import focus_ring

APPLY = "Filter anwenden"
EXAMPLE_NOTICE = "Beispielangaben: Beträge und Frist auf dieser Seite sind Beispiele."
PAST_NOTICE = "Programme, deren Frist abgelaufen ist, werden nicht angezeigt."
# The demo programme whose example deadline (2026-09-30) has passed.
PAST_PROGRAMME = "BAMF – Projekte zur gesellschaftlichen und sozialen Integration"
ROLLING = "Antrag jederzeit möglich"


def option(page: Page, legend: str, label: str):
    """A checkbox or radio button inside the facet fieldset with that legend."""
    name = re.compile(rf"^\s*{re.escape(label)}")  # label text starts after the input
    return page.get_by_role("group", name=legend).get_by_label(name)


def shown_count(page: Page) -> int:
    return int(re.match(r"(\d+)", page.locator("#result-count").inner_text()).group(1))


def offered_count(page: Page, legend: str, label: str) -> int:
    """The number in brackets next to a facet value: what choosing it would leave."""
    text = option(page, legend, label).locator("xpath=..").inner_text()
    return int(re.search(r"\((\d+) Treffer\)", text).group(1))


def results(page: Page):
    return page.locator("#results > li")


def deadlines(page: Page) -> list:
    """Each listed programme's deadline as a date, or None for 'apply any time'."""
    found = []
    for cell in page.locator("#results .deadline").all():
        time = cell.locator("time")
        if time.count():
            found.append(datetime.date.fromisoformat(time.get_attribute("datetime")))
        else:
            assert cell.inner_text().strip() == ROLLING
            found.append(None)
    return found


def assert_soonest_first_and_none_passed(page: Page):
    found = deadlines(page)
    assert len(found) == results(page).count(), "every programme shows its deadline"
    dated = [d for d in found if d is not None]
    assert dated == sorted(dated), found
    assert found == dated + [None] * (len(found) - len(dated)), "'any time' comes last"
    assert all(d >= datetime.date.today() for d in dated), f"a passed deadline shows: {found}"
    expect(page.locator("#results").get_by_role("link", name=PAST_PROGRAMME)).to_have_count(0)


def narrow_down_and_open_a_programme(page: Page):
    """The journey after the finder is open: the part a mouse user and a reader without
    JavaScript do the same way."""
    expect(page.get_by_role("heading", level=1)).to_have_text("Förderprogramme finden")
    everything = shown_count(page)
    # The demo content has more open programmes than one page of results shows.
    assert results(page).count() == min(everything, PER_PAGE) >= 5

    option(page, "Region", "Berlin").check()
    option(page, "Antragsberechtigt", "Eingetragener Verein (e. V.)").check()
    page.get_by_role("button", name=APPLY).click()
    expect(page).to_have_url(re.compile(r"region=berlin.*eligible=verein|eligible=verein.*region=berlin"))
    chosen = page.get_by_role("list", name="Gewählte Filter")
    expect(chosen.get_by_role("link", name=re.compile("Region: Berlin"))).to_be_visible()
    expect(chosen.get_by_role("link", name=re.compile(r"Eingetragener Verein \(e\. V\.\)")))\
        .to_be_visible()
    count = shown_count(page)
    assert 0 < count == results(page).count() < everything
    expect(page.get_by_text(PAST_NOTICE)).to_be_visible()
    assert_soonest_first_and_none_passed(page)

    # "No own share": the count in brackets is what the list then shows.
    expected = offered_count(page, "Eigenanteil", "kein Eigenanteil")
    option(page, "Eigenanteil", "kein Eigenanteil").check()
    page.get_by_role("button", name=APPLY).click()
    expect(page).to_have_url(re.compile("own_share=none"))
    assert shown_count(page) == results(page).count() == expected >= 1
    for facts in page.locator("#results .programme-facts").all():
        expect(facts).to_contain_text(re.compile(r"Eigenanteil\s*keiner"))
    assert_soonest_first_and_none_passed(page)

    first = results(page).first.get_by_role("heading").inner_text()
    first_deadline = deadlines(page)[0]
    results(page).first.get_by_role("link").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(first)
    facts = page.locator(".funding .facts")
    expect(facts).to_contain_text("Frist")
    if first_deadline is None:
        expect(facts).to_contain_text(ROLLING)
    else:
        expect(facts.locator("time")).to_have_attribute("datetime", first_deadline.isoformat())
    expect(page.get_by_role("note").filter(has_text=EXAMPLE_NOTICE)).to_be_visible()

    # Back in the finder, one link takes every filter away again.
    page.go_back()
    page.get_by_role("link", name="Alle Filter entfernen").first.click()
    chosen = page.get_by_role("list", name="Gewählte Filter").get_by_role("link")
    expect(chosen).to_have_count(1)  # only "programmes", which the finder starts with
    expect(chosen).to_have_text(re.compile("Förderprogramm"))
    expect(page.get_by_role("link", name="Alle Filter entfernen")).to_have_count(0)
    assert shown_count(page) == everything


def test_region_count_is_what_choosing_it_lists(page):
    page.goto(f"/de/{FUNDING_SEARCH_PATH}")
    offered = offered_count(page, "Region", "Berlin")
    option(page, "Region", "Berlin").check()
    page.get_by_role("button", name=APPLY).click()
    assert shown_count(page) == offered


def test_funding_topic_leads_to_the_finder_and_a_programme(page):
    page.goto("/de/foerdermittel/")
    page.get_by_role("link", name="Förderprogramme finden").click()
    expect(page).to_have_url(re.compile(r"/de/search/\?type=funding&sort=deadline$"))
    narrow_down_and_open_a_programme(page)


def test_home_page_links_to_the_finder(page):
    page.goto("/de/")
    page.get_by_role("link", name="Förderprogramme finden").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Förderprogramme finden")


def test_finder_works_without_javascript(browser, site):
    context = browser.new_context(base_url=site.url, java_script_enabled=False)
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.goto(f"/de/{FUNDING_SEARCH_PATH}")
    assert page.locator("form.search-page").get_attribute("method") == "get"
    narrow_down_and_open_a_programme(page)
    context.close()


def tab_to(page: Page, locator, limit: int = 80) -> dict:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if locator.evaluate("el => el === document.activeElement"):
            ring = focus_ring(page)
            assert ring["visible"], f"no visible focus on {ring}"
            return ring
    pytest.fail(f"Tab never reached {locator}")


def test_finder_facets_keyboard_only(page):
    page.goto(f"/de/{FUNDING_SEARCH_PATH}")
    berlin = option(page, "Region", "Berlin")
    tab_to(page, berlin)
    page.keyboard.press("Space")
    expect(berlin).to_be_checked()
    association = option(page, "Antragsberechtigt", "Eingetragener Verein (e. V.)")
    tab_to(page, association)
    page.keyboard.press("Space")
    apply = page.get_by_role("button", name=APPLY)
    tab_to(page, apply)
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile("region=berlin"))
    expect(page.get_by_role("list", name="Gewählte Filter")).to_contain_text("Berlin")

    # A radio group is one Tab stop; the arrow keys choose inside it.
    expected = offered_count(page, "Eigenanteil", "kein Eigenanteil")
    tab_to(page, option(page, "Eigenanteil", "alle"))
    page.keyboard.press("ArrowDown")
    expect(option(page, "Eigenanteil", "kein Eigenanteil")).to_be_checked()
    tab_to(page, apply)
    page.keyboard.press("Space")
    expect(page).to_have_url(re.compile("own_share=none"))
    assert shown_count(page) == results(page).count() == expected

    # The link past the facets takes keyboard users straight to the programmes.
    tab_to(page, page.get_by_role("link", name="Zu den Ergebnissen"), limit=40)
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    assert page.evaluate(
        "() => document.getElementById('results').contains(document.activeElement)")
