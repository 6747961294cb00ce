"""The HTML search page at /<lang>/search/: results, facets as a plain form, German results
labelled, and bad input answered in the reader's language."""

import re

import pytest

pytestmark = pytest.mark.django_db


def page(client, lang="de", **params):
    return client.get(f"/{lang}/search/", params)


def test_results_with_highlighted_snippets(client):
    response = page(client, q="Satzung")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<a href="/de/verein-gruenden/test-guide/">' in html
    assert "<mark>Satzung</mark>" in html
    assert 'role="status"' in html


def test_facets_are_an_accessible_get_form(client):
    html = page(client, q="Zuschüsse").content.decode()
    assert '<form method="get"' in html
    assert html.count("<fieldset") >= 3 and html.count("<legend>") == html.count("<fieldset")
    assert re.search(r'<input type="checkbox" name="region" value="berlin">\s*Berlin', html)
    assert "(1 Treffer)" in html or "(1 result)" in html


def test_filter_choice_is_kept_checked(client):
    html = page(client, q="Zuschüsse", region="berlin").content.decode()
    assert 'name="region" value="berlin" checked' in html


def test_german_results_labelled_for_other_languages(client):
    html = page(client, lang="ar", q="Widerspruch").content.decode()
    item = re.search(r'<li class="card" lang="de" dir="ltr">.*?</li>', html, re.S)
    assert item and "zweiter-leitfaden" in item.group()
    assert 'lang="ar" dir="rtl"' in item.group()  # the label itself is in Arabic


def test_did_you_mean(client):
    html = page(client, q="Satznug").content.decode()
    assert '<a href="?q=satzung">satzung</a>' in html


def test_unknown_filter_value_is_a_400_in_the_readers_language(client):
    german = page(client, q="Satzung", eligible="atlantis")
    english = page(client, lang="en", q="Satzung", eligible="atlantis")
    assert german.status_code == english.status_code == 400
    for response in (german, english):
        assert 'role="alert"' in response.content.decode()
        assert "atlantis" in response.content.decode()
    assert "Bitte" in german.content.decode() or "gültig" in german.content.decode()
    assert "Select a valid choice" in english.content.decode()
    # Regions are resolved by name or key: an unknown one is said so, with candidates.
    region = page(client, lang="en", q="Satzung", region="atlantis")
    assert region.status_code == 400
    assert "There is no region “atlantis”." in region.content.decode()


@pytest.mark.parametrize("value", ["abc", "-1", "0", "99999999"])
def test_broken_page_number_shows_the_first_page(client, value):
    response = page(client, q="Satzung", page=value)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'role="note"' in html and "<mark>Satzung</mark>" in html


@pytest.mark.parametrize("q", ["x" * 2000, '" * : ( ) ~ ^ \\ /', "'; DROP TABLE x; --",
                               "مرحبا Satzung", ""])
def test_odd_queries_are_answered(client, q):
    assert page(client, q=q).status_code == 200


def test_long_query_is_shortened_with_a_notice(client):
    html = page(client, q="Satzung " * 300).content.decode()
    assert 'role="note"' in html


def test_pagination_links_keep_the_filters(client):
    from cms.models import GuidePage

    parent = GuidePage.objects.get(slug="test-guide", locale__language_code="de").get_parent()
    for n in range(11):
        parent.add_child(instance=GuidePage(title=f"Satzung Beispiel {n}", slug=f"satzung-{n}"))
    html = page(client, q="Satzung", type="guide").content.decode()
    assert 'rel="next"' in html
    href = re.search(r'href="\?([^"]+)" rel="next"', html).group(1)
    assert "type=guide" in href and "page=2" in href


def test_works_without_javascript(client):
    html = page(client, q="Satzung").content.decode()
    assert "<script" not in html.split("<main", 1)[1].split("</main>", 1)[0]
