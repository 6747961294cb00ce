"""The legal pages: linked from every page's footer in the reader's language (the German page
under the reader's prefix where no translation is live), each with the sections the law asks
for, and the footer costs no query once its links are cached."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

pytestmark = pytest.mark.django_db


def footer(html: str) -> str:
    return html.split('<footer class="site-footer">', 1)[1]


def test_footer_links_in_german(client, legal_pages):
    body = footer(client.get("/de/verein-gruenden/test-guide/").content.decode())
    assert '<a href="/de/impressum/">Impressum</a>' in body
    assert '<a href="/de/datenschutz/">Datenschutzerklärung</a>' in body
    assert '<a href="/de/barrierefreiheit/">Erklärung zur Barrierefreiheit</a>' in body
    # The contact link names the page it was followed from.
    assert 'href="/de/kontakt/?page=%2Fde%2Fverein-gruenden%2Ftest-guide%2F"' in body
    order = [body.index(f"/de/{slug}/") for slug in ("impressum", "datenschutz",
                                                     "barrierefreiheit")]
    assert order == sorted(order)


def test_footer_links_in_arabic_translation_or_german_fallback(client, legal_pages):
    body = footer(client.get("/ar/").content.decode())
    # Translated: the Arabic page, in Arabic.
    assert '<a href="/ar/impressum/">بيانات الناشر (Impressum)</a>' in body
    # Not translated: the German page under /ar/, marked as German.
    assert ('<a href="/ar/datenschutz/" lang="de" hreflang="de">Datenschutzerklärung</a>'
            in body)
    assert '<a href="/ar/barrierefreiheit/" lang="de" hreflang="de">' in body
    fallback = client.get("/ar/datenschutz/")
    assert fallback.status_code == 200 and "Art" in fallback.content.decode()


def test_footer_is_there_without_legal_pages(client, fresh_cache):
    from legal.models import LegalPage

    LegalPage.objects.update(live=False)  # the fixture site has an Impressum
    body = footer(client.get("/de/").content.decode())
    assert 'href="/de/kontakt/?page=%2Fde%2F"' in body
    assert "impressum" not in body


def test_error_pages_ask_the_database_nothing_for_the_footer(client, legal_pages):
    with CaptureQueriesContext(connection) as queries:
        cold = footer(client.get("/de/gibt-es-nicht/").content.decode())
    assert 'href="/de/kontakt/"' in cold and "impressum" not in cold
    assert not any("legal_legalpage" in q["sql"] for q in queries)
    client.get("/de/")  # a page fills the cache; error pages then show the links too
    assert 'href="/de/impressum/"' in footer(client.get("/de/gibt-es-nicht/").content.decode())


def test_footer_costs_no_query_once_cached(client, legal_pages, settings):
    settings.PAGE_CACHE_ENABLED = False
    client.get("/de/glossar/")
    with CaptureQueriesContext(connection) as warm:
        client.get("/de/glossar/")
    from django.core.cache import cache

    cache.delete_many([f"legal:footer:{code}" for code, _ in settings.LANGUAGES])
    with CaptureQueriesContext(connection) as cold:
        client.get("/de/glossar/")
    assert 0 < len(cold) - len(warm) <= 3


def test_publishing_a_legal_page_refreshes_the_footer(client, legal_pages,
                                                      django_capture_on_commit_callbacks):
    client.get("/de/")  # fills the cache
    page = legal_pages["imprint"]
    page.title = "Impressum und Kontakt"
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    assert ">Impressum und Kontakt</a>" in footer(client.get("/de/").content.decode())


def headings(html: str) -> list[str]:
    return re.findall(r'<h2 id="[^"]*">([^<]+)</h2>', html)


def text(html: str) -> str:
    return re.sub(r"<[^>]+>", " ", html)


def test_impressum_names_provider_representative_contact_register_and_responsible(
        client, legal_pages):
    html = client.get("/de/impressum/").content.decode()
    assert headings(html)[:6] == ["Anbieter", "Vertreten durch", "Kontakt", "Registereintrag",
                              "Verantwortlich für den Inhalt", "Hinweis zu den Inhalten"]
    body = text(html)
    assert "§ 5 Digitale-Dienste-Gesetz (DDG)" in body
    assert "§ 18 Absatz 2 Medienstaatsvertrag (MStV)" in body
    assert "Musterstraße 1" in body and "E-Mail" in body
    assert "TMG" not in body  # replaced by the DDG in May 2024
    assert body.count("Platzhalter") >= 5  # every operator detail is marked as a placeholder


def test_privacy_policy_covers_article_13(client, legal_pages):
    html = client.get("/de/datenschutz/").content.decode()
    assert {"Verantwortlicher", "Beim Lesen: Server-Protokolle", "Cookies", "Kontaktformular",
            "Empfänger", "Ihre Rechte", "Beschwerde bei einer Aufsichtsbehörde"} \
        <= set(headings(html))
    body = text(html)
    for basis in ("Buchstabe b", "Buchstabe c", "Buchstabe f"):
        assert basis in body
    for article in ("Artikel 15", "(Artikel 16)", "(Artikel 17)", "(Artikel 18)",
                    "(Artikel 20)", "(Artikel 21)", "Artikel 77"):
        assert article in body
    assert "keine Cookies" in body
    assert "speichert Ihre Nachricht nicht" in body


def test_accessibility_statement_has_status_barriers_date_feedback_and_arbitration(
        client, legal_pages):
    html = client.get("/de/barrierefreiheit/").content.decode()
    assert {"Wie barrierefrei ist die Website?", "Welche Barrieren gibt es noch?",
            "Barriere melden", "Schlichtungsverfahren"} <= set(headings(html))
    body = text(html)
    assert "BITV 2.0" in body and "§ 12b" in body and "§ 16 BGG" in body
    assert "teilweise vereinbar" in body
    assert '<time datetime="2026-12-05">' in html
    assert 'href="https://www.schlichtungsstelle-bgg.de"' in html
    # The way to report a barrier: the contact form, barrier topic chosen, this page named.
    assert 'href="/de/kontakt/?topic=barrier&amp;page=%2Fde%2Fbarrierefreiheit%2F"' in html
    form = client.get("/de/kontakt/?topic=barrier&page=%2Fde%2Fbarrierefreiheit%2F")
    form_html = form.content.decode()
    assert re.search(r'<input type="radio" name="topic" value="barrier"[^>]*checked', form_html)
    assert 'value="/de/barrierefreiheit/"' in form_html


def test_one_page_of_each_kind_per_language(legal_pages):
    from django.core.exceptions import ValidationError

    from legal.models import LegalPage

    second = LegalPage(title="Noch ein Impressum", slug="impressum-2", kind="imprint",
                       locale=legal_pages["imprint"].locale)
    with pytest.raises(ValidationError, match="kind"):
        second.full_clean()
