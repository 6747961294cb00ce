"""Every page type renders in German and in Arabic (right to left), with what a reader needs."""

import re

import pytest

pytestmark = pytest.mark.django_db

PAGES = {
    "home": "/{lang}/",
    "topic": "/{lang}/verein-gruenden/",
    "guide": "/{lang}/verein-gruenden/test-guide/",
    "funding": "/{lang}/foerdermittel/test-foerderung/",
    "glossary": "/{lang}/glossar/",
}


def html_tag(response):
    return re.search(r"<html[^>]*>", response.content.decode()).group(0)


@pytest.mark.parametrize("kind", PAGES)
@pytest.mark.parametrize(("lang", "direction"), [("de", "ltr"), ("ar", "rtl"), ("fa", "rtl"),
                                                  ("en", "ltr")])
def test_every_page_type_renders_with_language_and_direction(client, kind, lang, direction):
    response = client.get(PAGES[kind].format(lang=lang))
    assert response.status_code == 200
    assert html_tag(response) == f'<html lang="{lang}" dir="{direction}">'
    body = response.content.decode()
    assert '<main id="main"' in body and 'href="#main"' in body  # landmark and skip link


def test_guide_shows_all_its_parts(client):
    body = client.get("/de/verein-gruenden/test-guide/").content.decode()
    assert "<h1>Testleitfaden Vereinsgründung</h1>" in body
    assert "Lesezeit: 1 Minute" in body
    assert 'datetime="2026-11-01"' in body
    # four sections make a table of contents with working anchors
    assert 'href="#bevor-sie-anfangen"' in body and 'id="bevor-sie-anfangen"' in body
    assert '<h4 class="step-title">Satzung schreiben</h4>' in body
    assert "<li>Protokoll</li>" in body
    assert "callout-tip" in body and "callout-warning" in body
    assert "<summary>Kostet das Geld?</summary>" in body
    assert re.search(r'<a href="/documents/\d+/muster[^"]*" download>Mustersatzung', body)
    assert "Ihr Amtsgericht – Registergericht" in body
    assert "§ 56 BGB" in body
    assert 'href="/de/glossar/#satzung"' in body
    assert 'href="/de/behoerden/zweiter-leitfaden/"' in body  # related guide
    assert 'aria-current="page">Testleitfaden' in body  # breadcrumbs


def test_arabic_guide_is_the_translation_with_arabic_ui(client):
    body = client.get("/ar/verein-gruenden/test-guide/").content.decode()
    assert "دليل اختبار تأسيس الجمعية" in body
    assert "هكذا تتصرفون" in body
    assert "هذه الصفحة غير متوفرة" not in body  # no fallback notice on a real translation
    assert 'href="/ar/glossar/#satzung"' in body  # the Arabic glossary entry
    # the related guide has no Arabic translation: linked under /ar/, marked as German
    assert 'href="/ar/behoerden/zweiter-leitfaden/" lang="de"' in body


def switcher_links(body) -> dict[str, str]:
    """{language: the link's visible text} of the language switcher."""
    import re

    switcher = body[body.index('class="language-switcher"'):body.index("</details>")]
    return {code: re.sub(r"<[^>]+>", "", text).strip() for code, text in re.findall(
        r'<a href="/([a-z]{2})/[^"]*"[^>]*>(.*?)</a>', switcher)}


def test_language_switcher_marks_the_languages_without_translation(client):
    links = switcher_links(client.get("/de/verein-gruenden/test-guide/").content.decode())
    assert list(links) == ["de", "en", "ar", "fa", "ru", "uk", "tr", "vi"]
    assert links["ar"] == "العربية" and links["de"] == "Deutsch"  # translated
    assert links["fa"] == "فارسی (متن آلمانی)"  # said in the language it offers
    assert links["en"] == "English (German text)"


@pytest.mark.parametrize("path", ["/de/behoerden/zweiter-leitfaden/",
                                  "/fa/behoerden/zweiter-leitfaden/"])
def test_no_language_dead_end_on_a_german_only_page(client, path):
    """A reader who got a link to a page only in German can still switch the interface, and
    then reads the notice in their language."""
    links = switcher_links(client.get(path).content.decode())
    assert len(links) == 8
    arabic = client.get("/ar/behoerden/zweiter-leitfaden/").content.decode()
    assert "هذه الصفحة غير متوفرة بلغتك بعد" in arabic


def test_untranslated_page_falls_back_to_german_with_notice_in_readers_language(client):
    response = client.get("/ar/foerdermittel/test-foerderung/")
    assert response.status_code == 200
    body = response.content.decode()
    assert html_tag(response) == '<html lang="ar" dir="rtl">'
    assert "هذه الصفحة غير متوفرة بلغتك بعد" in body
    assert '<article class="funding" lang="de" dir="ltr">' in body
    assert "Testförderung Integration" in body


def test_missing_page_is_a_404_with_own_page_in_readers_language(client):
    response = client.get("/ar/gibt-es-nicht/")
    assert response.status_code == 404
    assert html_tag(response) == '<html lang="ar" dir="rtl">'
    assert "Traceback" not in response.content.decode()


def test_unpublished_guide_is_not_served(client, guide):
    guide.unpublish()
    assert client.get("/de/verein-gruenden/test-guide/").status_code == 404


def test_robots_and_sitemap_list_pages_in_every_language(client):
    robots = client.get("/robots.txt").content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in robots
    sitemap = client.get("/sitemap.xml").content.decode()
    assert "/de/verein-gruenden/test-guide/" in sitemap
    assert "/ar/verein-gruenden/test-guide/" in sitemap


def test_search_page_finds_guides_in_readers_language(client):
    body = client.get("/de/search/", {"q": "Testleitfaden"}).content.decode()
    assert 'href="/de/verein-gruenden/test-guide/"' in body
    body = client.get("/ar/search/", {"q": "دليل"}).content.decode()
    assert 'href="/ar/verein-gruenden/test-guide/"' in body


@pytest.mark.parametrize("query", ["", "x" * 2000, '" * : ( ) ~ ^', "'; DROP TABLE x;--"])
def test_search_page_survives_odd_queries(client, query):
    assert client.get("/de/search/", {"q": query, "page": "abc"}).status_code == 200


def test_reading_time_counts_the_words_of_the_body(client):
    from tests.factories import GuidePageFactory

    text = "<p>" + "Wort " * 900 + "</p>"
    page = GuidePageFactory(body=[{"type": "text", "value": text}])
    page.save_revision().publish()
    page.refresh_from_db()
    assert page.reading_time == 5  # 900 words at 180 per minute
    assert "Lesezeit: 5 Minuten" in client.get(page.url).content.decode()


@pytest.mark.parametrize(("lang", "title"), [
    ("de", "Wegweiser – Leitfäden für Migrantenorganisationen in Deutschland"),
    ("ar", "Wegweiser – أدلة لمنظمات المهاجرين في ألمانيا"),
])
def test_the_home_page_title_says_what_the_site_is(client, lang, title):
    body = client.get(f"/{lang}/").content.decode()
    assert f"<title>{title}</title>" in body


@pytest.mark.parametrize("lang", ["de", "ar"])
def test_the_home_page_leads_to_the_glossary(client, guide, lang):
    """The glossary was reachable only from links inside guides."""
    from cms.models import GlossaryPage

    glossary = GlossaryPage.objects.live().get(locale__language_code="de")
    html = client.get(f"/{lang}/").content.decode()
    assert 'id="glossary-heading"' in html
    assert f'href="/{lang}/{glossary.slug}/"' in html
