"""The public directory: a newcomer finds an association near them that speaks their
language; filters work without JavaScript and bad values never break the page."""

import re

import pytest
from wagtail.models import Locale

from cms.models import Organisation, Region, SpokenLanguage, TopicPage

pytestmark = pytest.mark.django_db


def organisation(name, slug, region, languages, topics=(), shown=True, **fields):
    org = Organisation.objects.create(
        name=name, slug=slug, kind="migrant-organisation", region=Region.objects.get(code=region),
        show_in_directory=shown, locale=Locale.get_default(), **fields)
    org.languages.set(SpokenLanguage.objects.filter(code__in=languages))
    org.topics.set(TopicPage.objects.filter(locale__language_code="de", slug__in=topics))
    org.save()
    return org


@pytest.fixture
def organisations():
    return [
        organisation("Beispielverein Leipzig", "leipzig", "sachsen", ["ar", "fa"],
                     ["foerdermittel"], city="Leipzig", email="kontakt@example.org",
                     phone="+49 341 000000", contact_person="Beispielperson A"),
        organisation("Beispielnetzwerk Köln", "koeln", "nordrhein-westfalen", ["tr", "ru"],
                     ["behoerden"], city="Köln"),
        organisation("Verborgener Verein", "verborgen", "sachsen", ["ar"], shown=False),
    ]


def names(response):
    body = response.content.decode()
    return [n for n in ("Beispielverein Leipzig", "Beispielnetzwerk Köln", "Verborgener Verein")
            if n in body]


def test_directory_lists_only_organisations_shown_in_directory_with_contact_data(
        client, organisations):
    response = client.get("/de/organisationen/")
    assert response.status_code == 200
    assert names(response) == ["Beispielverein Leipzig", "Beispielnetzwerk Köln"]
    body = response.content.decode()
    assert 'href="mailto:kontakt@example.org"' in body
    assert "+49 341 000000" in body and "Beispielperson A" in body
    assert '<label for="id_region">' in body and 'method="get"' in body
    assert '<option value="fa" lang="fa">فارسی</option>' in body


@pytest.mark.parametrize(("query", "expected"), [
    ({"region": "sachsen"}, ["Beispielverein Leipzig"]),
    ({"language": "tr"}, ["Beispielnetzwerk Köln"]),
    ({"topic": "foerdermittel"}, ["Beispielverein Leipzig"]),
    ({"region": "sachsen", "language": "tr"}, []),
])
def test_filters(client, organisations, query, expected):
    response = client.get("/de/organisationen/", query)
    assert response.status_code == 200
    assert names(response) == expected


@pytest.mark.parametrize("query", [{"region": "atlantis"}, {"language": "<script>"},
                                   {"topic": "x" * 500}])
def test_bad_filter_values_give_a_clear_message_not_an_error(client, organisations, query):
    response = client.get("/de/organisationen/", query)
    assert response.status_code == 200
    body = response.content.decode()
    assert "Einer der Filter hat einen Wert, den wir nicht kennen" in body
    assert "<script>" not in body.split("<main")[1]


def test_a_nul_character_in_a_filter_gets_the_sites_own_400_page(client, organisations):
    # Refused by the request guard before any database query (PostgreSQL rejects NUL).
    response = client.get("/de/organisationen/", {"language": "de\x00"})
    assert response.status_code == 400
    assert '<html lang="de"' in response.content.decode()
    assert "Ungültige Anfrage" in response.content.decode()


def test_arabic_directory_is_right_to_left_and_shows_translations(client, organisations):
    arabic = organisations[0].copy_for_translation(Locale.objects.get(language_code="ar"))
    arabic.name = "جمعية مثال لايبزيغ"
    arabic.save()
    response = client.get("/ar/organisationen/", {"language": "ar"})
    body = response.content.decode()
    assert response.status_code == 200 and 'dir="rtl"' in body
    assert '<h2 lang="ar">جمعية مثال لايبزيغ</h2>' in body
    assert '<h2 lang="de">Beispielnetzwerk Köln</h2>' not in body  # filtered out: no Arabic


def test_demo_organisations_load_twice_without_duplicates_and_are_marked_as_examples(client):
    from pathlib import Path

    from django.conf import settings

    from cms.directory.demo import load_demo_organisations

    folder = Path(settings.BASE_DIR) / "content" / "organisations"
    count = load_demo_organisations(folder)
    assert count >= 4
    before = Organisation.objects.count()
    load_demo_organisations(folder)
    assert Organisation.objects.count() == before
    for org in Organisation.objects.filter(locale__language_code="de"):
        assert "(Beispiel)" in org.name and org.email.endswith("example.org")
    response = client.get("/ar/organisationen/", {"language": "ar"})
    assert "جسر لايبزيغ (مثال)" in response.content.decode()


def test_a_logo_comes_in_modern_formats_and_two_sizes(client):
    from wagtail_factories import ImageFactory

    org = organisation("Verein mit Logo", "logo", "berlin", ["de"])
    org.logo = ImageFactory(file__width=400, file__height=300)
    org.save()
    body = client.get("/de/organisationen/").content.decode()
    picture = body[body.index("<picture>"):body.index("</picture>")]
    sources = re.findall(r"<source [^>]*>", picture)
    assert [re.search(r'type="([^"]+)"', s).group(1) for s in sources] == ["image/avif",
                                                                           "image/webp"]
    assert " 96w" in picture and " 192w" in picture and 'sizes="96px"' in picture
    assert 'loading="lazy"' in picture and 'alt=""' in picture  # decorative: the name follows
