"""Mixed-direction titles as a reader sees them: a Latin part such as "(e. V.)" in an Arabic
heading keeps its own order, and German titles shown on Arabic pages read left to right."""

import pytest
from playwright.sync_api import Page

from tests.e2e.pages import GUIDE_PATH, GUIDE_TITLE

# How pages look and read in the browser: the same on every database, so CI checks it
# once (the SQLite pass; .ci/run).
pytestmark = pytest.mark.rendering

# x of the middle of each character of `part` as drawn inside the element.
CHARACTER_POSITIONS = """([el, part]) => {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    const pieces = [];
    let text = '';
    for (let node; (node = walker.nextNode());) {
        pieces.push([node, text.length]);
        text += node.data;
    }
    const start = text.lastIndexOf(part);
    if (start < 0) return null;
    const xs = [];
    for (let i = start; i < start + part.length; i++) {
        const [node, offset] = pieces.filter(([, at]) => at <= i).pop();
        const range = document.createRange();
        range.setStart(node, i - offset);
        range.setEnd(node, i - offset + 1);
        const box = range.getBoundingClientRect();
        xs.push(box.left + box.width / 2);
    }
    return xs;
}"""


def positions(page: Page, selector: str, part: str) -> list[float]:
    xs = page.locator(selector).first.evaluate(
        f"(el, part) => ({CHARACTER_POSITIONS})([el, part])", part)
    assert xs is not None, f"{part!r} not in {selector}"
    return [x for x, char in zip(xs, part, strict=True) if not char.isspace()]


def positions_in(locator, part: str) -> list[float]:
    xs = locator.evaluate(f"(el, part) => ({CHARACTER_POSITIONS})([el, part])", part)
    assert xs is not None, f"{part!r} not in the element"
    return [x for x, char in zip(xs, part, strict=True) if not char.isspace()]


def reads_left_to_right(xs: list[float]) -> bool:
    return all(a < b for a, b in zip(xs, xs[1:], strict=False))


def test_latin_part_of_an_arabic_heading_keeps_its_order(page):
    page.goto(f"/ar/{GUIDE_PATH}")
    heading = page.get_by_role("heading", level=1)
    assert heading.inner_text() == GUIDE_TITLE["ar"]
    xs = positions(page, "h1", "(e. V.)")
    assert reads_left_to_right(xs), f"'(e. V.)' drawn out of order: {xs}"
    # ... and it ends the right-to-left line: it stands left of the Arabic words.
    arabic = positions(page, "h1", "مسجلة")
    assert max(xs) < min(arabic)


@pytest.mark.parametrize(("path", "selector", "part"), [
    # The Arabic label of a facet value, and the breadcrumb and list entry of the guide.
    ("search/?type=funding&sort=deadline", ".search-facets label", "(e. V.)"),
    ("verein-gruenden/", ".card-list h3 a", "(e. V.)"),
    (f"{GUIDE_PATH}", ".breadcrumbs [aria-current]", "(e. V.)"),
])
def test_latin_parts_in_arabic_links_and_labels(page, path, selector, part):
    page.goto(f"/ar/{path}")
    target = page.locator(selector).filter(has_text=part).first
    assert target.count(), f"no {selector} with {part!r} on /ar/{path}"
    xs = target.evaluate(f"(el, part) => ({CHARACTER_POSITIONS})([el, part])", part)
    xs = [x for x, char in zip(xs, part, strict=True) if not char.isspace()]
    assert reads_left_to_right(xs), f"{part!r} drawn out of order: {xs}"


def test_german_name_on_an_arabic_page_reads_left_to_right(page):
    """An organisation keeps its German name in the Arabic directory (with "(مثال)" after
    it): the German part stays in its own order, full stops and brackets in place."""
    page.goto("/ar/organisationen/?region=hamburg")
    part = "Netzwerk Nord der Migrant*innenorganisationen"
    name = page.locator(".organisation h2").filter(has_text=part).first
    assert name.count(), "no Netzwerk Nord in the Arabic directory"
    xs = name.evaluate(f"(el, part) => ({CHARACTER_POSITIONS})([el, part])", part)
    assert reads_left_to_right([x for x, c in zip(xs, part, strict=True) if not c.isspace()])


@pytest.mark.parametrize("language", ["ar", "fa"])
@pytest.mark.parametrize(("term", "part"), [
    ("eingetragener-verein", "(§ 21 BGB)"),
    ("eingetragener-verein", "e. V."),
    ("eigenanteil", "500 €"),
])
def test_latin_parts_of_right_to_left_body_text_keep_their_order(page, language, term, part):
    """Body text (rich text, isolated when it is rendered): a legal reference, an abbreviation
    and an amount in an Arabic or Persian paragraph read as written, each at its place."""
    page.goto(f"/{language}/glossar/")
    paragraph = page.locator(f"#{term} + dd p").filter(has_text=part).first
    assert paragraph.count(), f"no paragraph with {part!r} for {term} on /{language}/glossar/"
    xs = paragraph.evaluate(f"(el, part) => ({CHARACTER_POSITIONS})([el, part])", part)
    xs = [x for x, char in zip(xs, part, strict=True) if not char.isspace()]
    assert reads_left_to_right(xs), f"{part!r} drawn out of order in {language}: {xs}"


def test_latin_parts_of_an_arabic_search_snippet_keep_their_order(page):
    """A result's snippet is body text too: "e. V." in an Arabic snippet reads as written."""
    page.goto("/ar/search/?q=e.V.")
    snippet = page.locator(".search-results li > p").filter(has_text="e. V.").first
    assert snippet.count(), "no Arabic snippet with 'e. V.'"
    xs = snippet.evaluate(f"(el, part) => ({CHARACTER_POSITIONS})([el, part])", "e. V.")
    xs = [x for x, char in zip(xs, "e. V.", strict=True) if not char.isspace()]
    assert reads_left_to_right(xs), f"'e. V.' drawn out of order in a snippet: {xs}"


@pytest.mark.parametrize("language", ["ar", "fa"])
def test_a_marked_word_in_a_legal_reference_of_a_snippet_keeps_its_order(page, language):
    """The search marks "BGB" inside "(§ 21 BGB)": the reference still reads as written,
    brackets at its ends, not "(BGB § 21)"."""
    page.goto(f"/{language}/search/?q=BGB")
    snippet = page.locator(".search-results li > p").filter(has_text="(§ 21 BGB)").first
    assert snippet.count(), f"no {language} snippet with '(§ 21 BGB)'"
    assert snippet.locator("mark").filter(has_text="BGB").count()
    xs = positions_in(snippet, "(§ 21 BGB)")
    assert reads_left_to_right(xs), f"'(§ 21 BGB)' drawn out of order: {xs}"


@pytest.mark.parametrize("language", ["ar", "fa"])
def test_a_german_name_with_an_abbreviation_in_brackets_keeps_its_order(page, language):
    """A funder named in German in an Arabic or Persian snippet, with its abbreviation in
    brackets inside the name: one run, not "als Bewilligungsstelle (SAB) … Aufbaubank"."""
    page.goto(f"/{language}/search/?q=SAB")
    part = "Sächsische Aufbaubank (SAB) als Bewilligungsstelle"
    snippet = page.locator(".search-results li > p").filter(has_text=part).first
    assert snippet.count(), f"no {language} snippet with {part!r}"
    xs = positions_in(snippet, "Aufbaubank (SAB) als")
    assert reads_left_to_right(xs), f"'Aufbaubank (SAB) als' drawn out of order: {xs}"
