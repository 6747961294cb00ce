"""HEAD answers like GET, without the body, on every public address of the site (every URL
pattern of wegweiser.urls but the admin has an example here;
test_every_url_pattern_has_an_example says when a new one lacks it). Views that only show
something (search, robots.txt, document downloads) refuse the other methods with a 405 and
Allow; document downloads never carry Content-Encoding: None, and keep their collection's
view restrictions."""

from contextlib import suppress
from email.utils import parsedate_to_datetime

import pytest
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import Resolver404, URLPattern, URLResolver
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from cms.models import GlossaryPage
from funding.models import FundingProgrammePage
from tests.factories import UserFactory
from wegweiser import urls as site_urls

pytestmark = pytest.mark.django_db

# Read-only views with HTML pages, and the heading of their 405 page (the prefix's language)
READ_ONLY_PAGES = {"/de/search/": "Hier nicht möglich", "/ar/search/?q=x": "غير ممكن هنا",
                   "/robots.txt": "Hier nicht möglich",
                   "/de/foerderung/finden/": "Hier nicht möglich",
                   "/de/foerderung/fristen.ics": "Hier nicht möglich"}
NOT_READING = ["post", "put", "patch", "delete", "options", "trace"]
# Patterns no request reaches: Wagtail's document download is answered by ours, which comes
# first in wegweiser.urls with the same address.
UNREACHABLE = {"wagtaildocs_serve"}


@pytest.fixture
def documents_on_disk(settings, tmp_path):
    """Documents kept on the file system, as in production (the test settings keep files in
    memory, where Wagtail's download looks for them on disk and answers 404). Wagtail serves
    them through its sendfile code, which is where Content-Encoding: None came from."""
    settings.STORAGES = {**settings.STORAGES, "default": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": str(tmp_path)}}}

    def make(name, content=b"Kasse;Betrag\nBar;12,50\n", collection=None):
        document = get_document_model()(
            title=name, collection=collection or Collection.get_first_root_node())
        document.file.save(name, ContentFile(content))
        document.save()
        assert document.file.path.startswith(str(tmp_path))
        return document

    return make


@pytest.fixture
def document(documents_on_disk):
    return documents_on_disk("kassenbericht.csv")


@pytest.fixture
def restrictions(guide, document):
    page = PageViewRestriction.objects.create(page=guide, restriction_type="password",
                                              password="geheim")
    private = Collection.get_first_root_node().add_child(name="Intern")
    collection = CollectionViewRestriction.objects.create(collection=private,
                                                          restriction_type="password",
                                                          password="geheim")
    return page, collection


def public_addresses(guide, document, restrictions):
    """An address for every public URL pattern (the admin aside), with the answers that
    matter: pages in several languages and types, errors, redirects, JSON and files."""
    page_restriction, collection_restriction = restrictions
    funding = FundingProgrammePage.objects.live().filter(locale__language_code="de").first()
    glossary = GlossaryPage.objects.live().filter(locale__language_code="de").first()
    return [
        "/", "/de/", "/ar/", "/de/verein-gruenden/", "/fa/verein-gruenden/test-guide/",
        funding.url, glossary.url, "/de/gibt-es-nicht/", "/xx/", "/verein-gruenden/",
        "/de/search/", "/de/search/?q=Satzung", "/ar/search/?q=الجمعية",
        "/de/search/?type=spaceship", "/de/search/?type=funding&sort=deadline",
        "/de/organisationen/", "/de/organisationen/?region=atlantis",
        "/de/kontakt/", "/ar/kontakt/?topic=barrier&page=/ar/barrierefreiheit/",
        "/fa/kontakt/danke/",
        "/api/v1/search/?q=Satzung", "/api/v1/search/?q=Satzung&page=abc",
        "/api/v1/search/autocomplete/?q=Satz", "/api/v1/search/autocomplete/?lang=zz",
        "/robots.txt", "/sitemap.xml", "/healthz/", "/healthz/live/", "/healthz/ready/",
        "/api/v2/pages/", "/api/v2/pages/?type=cms.GuidePage&last_reviewed=x",
        f"/api/v2/pages/{guide.get_parent().pk}/", f"/api/v2/pages/find/?id={guide.pk}",
        "/api/v2/images/", "/api/v2/images/1/", "/api/v2/images/find/?id=1",
        "/api/v2/documents/", f"/api/v2/documents/{document.pk}/",
        f"/api/v2/documents/find/?id={document.pk}",
        document.url, "/documents/999999/nichts.txt", f"/documents/{document.pk}/falsch.txt",
        f"/documents/authenticate_with_password/{collection_restriction.pk}/",
        f"/de/_util/authenticate_with_password/{page_restriction.pk}/{guide.pk}/",
        "/de/_util/login/", f"/de/_feedback/{guide.pk}/",  # POST only: 405, Allow: POST
        # Learner accounts (cms/learners/urls.py), as an anonymous reader meets them
        "/de/konto/anmelden/", "/ar/konto/registrieren/", "/de/konto/abmelden/",
        "/de/konto/gesperrt/", "/de/konto/bestaetigen/", "/de/konto/bestaetigen/falsch/",
        "/de/konto/passwort/aendern/", "/uk/konto/passwort/vergessen/",
        "/de/konto/passwort/vergessen/gesendet/", "/de/konto/passwort/neu/1-falsch/",
        "/de/konto/passwort/neu/fertig/", "/de/konto/profil/", "/de/konto/profil/adresse/",
        "/de/konto/profil/daten/", "/de/konto/profil/loeschen/", "/fa/konto/einladung/falsch/",
        "/de/konto/organisationen/1/", "/de/konto/organisationen/1/mitglieder/",
        # Learning (learning/urls.py): actions are POST only (405), the rest as a reader meets it
        "/de/lernen/mein-lernen/", "/ar/lernen/organisation/1/",
        f"/de/lernen/modul/{guide.translation_key}/beginnen/",
        f"/de/lernen/lektion/{guide.translation_key}/antwort/",
        f"/de/lernen/lektion/{guide.translation_key}/neuer-versuch/",
        f"/de/lernen/lektion/{guide.translation_key}/erledigt/",
        "/de/lernen/zertifikat/?code=abcd", "/ar/lernen/zertifikat/ABCD-EFGH-JKLM/",
        "/de/lernen/zertifikat/ABCD-EFGH-JKLM/pdf/",
        # Events (events/urls.py)
        "/de/veranstaltungen/", "/ar/veranstaltungen/archiv/", "/de/veranstaltungen/feed.ics",
        "/de/veranstaltungen/meine/", "/de/veranstaltungen/kalender/falsch.ics",
        f"/de/veranstaltungen/{guide.translation_key}.ics",
        f"/de/veranstaltungen/{guide.translation_key}/anmelden/",
        f"/de/veranstaltungen/{guide.translation_key}/abmelden/",
        "/de/veranstaltungen/bestaetigen/falsch/", "/de/veranstaltungen/platz/falsch/",
        "/de/veranstaltungen/absagen/falsch/",
        f"/de/veranstaltungen/{guide.translation_key}/anwesenheit/",
        f"/de/veranstaltungen/{guide.translation_key}/anwesenheit.csv",
        # Funding alerts (funding/alerts/urls.py): follows are POST only (405), links refused
        f"/de/foerderung/benachrichtigung/programm/{funding.translation_key}/",
        "/ar/foerderung/benachrichtigung/suche/",
        "/de/foerderung/benachrichtigung/bestaetigen/falsch/",
        "/ar/foerderung/benachrichtigung/abbestellen/falsch/",
        "/de/foerderung/benachrichtigung/1/beenden/",
        # Funding advice (funding/urls.py): guided finder, deadlines, archive, feed
        "/de/foerderung/finden/", "/ar/foerderung/finden/?region=Leipzig&amount=-1",
        "/de/foerderung/finden/?legal_form=verein&region=sachsen",
        "/de/foerderung/fristen/", "/ar/foerderung/fristen/archiv/",
        "/de/foerderung/fristen.ics", "/de/foerderung/fristen.ics?region=atlantis",
    ]


# Headers that carry the clock: GET and HEAD may be answered in different seconds
CLOCK_HEADERS = ("Expires", "Date", "Last-Modified")


def answer(response):
    """What HEAD must repeat from GET: status, headers and the names of cookies set. Clock
    headers are compared by presence only (and parsed, so a malformed one still fails)."""
    headers = dict(response.headers)
    for name in CLOCK_HEADERS:
        if name in headers:
            headers[name] = parsedate_to_datetime(headers[name]) is not None
    return response.status_code, headers, sorted(response.cookies)


def body(response) -> bytes:
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


def url_patterns(patterns=None, namespace=""):
    """The view name of every URL pattern of wegweiser.urls, the admin aside."""
    names = set()
    for pattern in site_urls.urlpatterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            if str(pattern.pattern) == "admin/":
                continue
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            names |= url_patterns(pattern.url_patterns, inner)
        elif isinstance(pattern, URLPattern):
            names.add(f"{namespace}{pattern.name}" if pattern.name else pattern.lookup_str)
    return names


def test_every_url_pattern_has_an_example(client, guide, document, restrictions):
    reached = set()
    for address in public_addresses(guide, document, restrictions):
        with suppress(Resolver404):  # answered by a middleware (the redirect to /de/)
            reached.add(client.get(address).resolver_match.view_name)
    assert url_patterns() - UNREACHABLE - reached == set()


def test_head_answers_like_get_without_a_body(guide, document, restrictions):
    failures = []
    for address in public_addresses(guide, document, restrictions):
        get, head = Client().get(address), Client().head(address)
        if answer(head) != answer(get):
            failures.append((address, answer(get), answer(head)))
        elif body(head) != b"":
            failures.append((address, "HEAD has a body"))
    assert failures == []


@pytest.mark.parametrize("address", ["/de/search/?q=Satzung", "/robots.txt",
                                     "/api/v1/search/?q=Satzung",
                                     "/api/v1/search/autocomplete/?q=Satz"])
def test_head_is_answered_where_it_was_a_405(client, address):
    response = client.head(address)
    assert response.status_code == 200
    assert response.content == b""


def test_head_on_the_search_is_not_logged_as_a_search(client):
    from search.models import SearchLogEntry

    client.head("/de/search/?q=Satzung")
    client.head("/api/v1/search/?q=Satzung")
    assert not SearchLogEntry.objects.filter(query_string="satzung").exists()
    client.get("/de/search/?q=Satzung")
    assert SearchLogEntry.objects.get(query_string="satzung").searches == 1


@pytest.mark.parametrize("address", ["/de/verein-gruenden/test-guide/", "/de/search/?q=Satzung",
                                     "/api/v1/search/?q=Satzung"])
def test_head_answers_like_get_from_the_page_cache_too(settings, address):
    from cms.caching.invalidation import advance_generation
    from search.models import SearchLogEntry

    settings.PAGE_CACHE_ENABLED = True
    advance_generation()
    head_first, get = Client().head(address), Client().get(address)  # HEAD stores nothing
    head_hit = Client().head(address)
    assert (get["X-Page-Cache"], head_first["X-Page-Cache"], head_hit["X-Page-Cache"]) == (
        "miss", "miss", "hit")
    for head in (head_first, head_hit):
        assert head["Cache-Control"] == get["Cache-Control"]
        assert head["Content-Length"] == get["Content-Length"]
        assert body(head) == b""
    # one search, by the GET: neither HEAD counts, not even when answered from the cache
    assert sum(SearchLogEntry.objects.values_list("searches", flat=True)) == (
        0 if "test-guide" in address else 1)


@pytest.mark.parametrize("method", NOT_READING)
@pytest.mark.parametrize(("address", "heading"), READ_ONLY_PAGES.items())
def test_read_only_views_refuse_other_methods_with_the_own_405_page(client, address, heading,
                                                                    method):
    response = getattr(client, method)(address)
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD"
    assert f"<h1>{heading}</h1>" in response.content.decode()


@pytest.mark.parametrize("method", NOT_READING)
@pytest.mark.parametrize("address", ["/api/v1/search/?q=Satzung",
                                     "/api/v1/search/autocomplete/?q=Satz"])
def test_search_api_refuses_other_methods(client, address, method):
    response = getattr(client, method)(address)
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD"


# --- Document downloads ---------------------------------------------------------------------


@pytest.mark.parametrize("method", NOT_READING)
def test_document_download_refuses_other_methods(client, document, method):
    for address in (document.url, "/documents/999999/nichts.txt"):
        response = getattr(client, method)(address)
        assert response.status_code == 405, address
        assert response["Allow"] == "GET, HEAD"
        assert "<h1>Hier nicht möglich</h1>" in response.content.decode()


def test_document_download_answers_get_and_head(client, document):
    get, head = client.get(document.url), client.head(document.url)
    assert get.status_code == 200
    assert body(get) == b"Kasse;Betrag\nBar;12,50\n"
    assert answer(head) == answer(get)
    assert body(head) == b""


def test_document_download_has_no_bogus_content_encoding(client, document,
                                                         documents_on_disk):
    for response in (client.get(document.url), client.head(document.url)):
        assert response.status_code == 200
        assert "Content-Encoding" not in response
        assert response["Content-Type"].startswith("text/csv")
    assert body(client.get(document.url)) == b"Kasse;Betrag\nBar;12,50\n"
    # a real encoding stays (a browser unpacks it while downloading)
    packed = documents_on_disk("kassenbericht.csv.gz", content=b"\x1f\x8b")
    assert client.get(packed.url)["Content-Encoding"] == "gzip"


def test_private_documents_stay_private_for_get_and_head(documents_on_disk):
    members = Group.objects.create(name="Vorstand")
    private = Collection.get_first_root_node().add_child(name="Vorstand intern")
    restriction = CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.GROUPS)
    restriction.groups.add(members)
    document = documents_on_disk("protokoll.txt", b"vertraulich", collection=private)

    anonymous, outsider, member = Client(), Client(), Client()
    outsider.force_login(UserFactory())
    member.force_login(UserFactory(groups=["Vorstand"]))
    login = f"/de/_util/login/?next={document.url}"
    for client in (anonymous, outsider):
        for response in (client.get(document.url), client.head(document.url)):
            assert response.status_code == 302
            assert response["Location"] == login
        assert client.post(document.url).status_code == 405
    get, head = member.get(document.url), member.head(document.url)
    assert (get.status_code, body(get)) == (200, b"vertraulich")
    assert answer(head) == answer(get) and body(head) == b""
    assert member.delete(document.url).status_code == 405
    assert get_document_model().objects.filter(pk=document.pk).exists()
