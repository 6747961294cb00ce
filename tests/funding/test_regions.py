"""Programmes at every level: choosing a city lists its own programmes, its Land's and the
nationwide ones, each labelled with its level, and the facet counts say what the list shows.
The search API takes a region by key or name and answers an unknown one with candidates."""

import re

import pytest

from cms.models import Region, TopicPage
from funding.models import FundingProgrammePage

pytestmark = pytest.mark.django_db
API = "/api/v1/search/"


def programme(slug, title, *codes):
    parent = TopicPage.objects.get(locale__language_code="de", slug="foerdermittel")
    page = FundingProgrammePage(
        title=title, slug=slug, funder="Beispiel", summary="Zuschüsse für Vereine.",
        amount_min=500, amount_max=5_000, cofunding_percent=0, deadline=None,
        programme_url="https://example.org/", figures_are_examples=True)
    parent.add_child(instance=page)
    page.regions.set(Region.objects.filter(code__in=codes))
    page.save_revision().publish()
    return page


@pytest.fixture
def levels(db):
    """The fixture site's programme is for Berlin and nationwide; these add Leipzig (the
    city), the Landkreis Leipzig, Sachsen and Bautzen."""
    return [programme("fonds-leipzig", "Fonds der Stadt Leipzig", "14713"),
            programme("fonds-lk-leipzig", "Fonds des Landkreises Leipzig", "14729"),
            programme("fonds-sachsen", "Integrative Maßnahmen Sachsen", "sachsen"),
            programme("fonds-bautzen", "Integrationsfonds Bautzen", "14625")]


def api(client, **params):
    return client.get(API, {"type": "funding", **params})


def test_choosing_leipzig_lists_its_land_and_nationwide_programmes(client, levels):
    data = api(client, region="14713").json()
    assert {r["slug"] for r in data["results"]} == {
        "fonds-leipzig", "fonds-sachsen", "test-foerderung"}
    counts = {v["value"]: v["count"] for v in data["facets"]["region"]}
    assert counts["14713"] == data["count"] == 3


def test_the_name_the_landkreis_and_the_key_give_the_same_lists(client, levels):
    by_name = api(client, region="leipzig").json()
    assert by_name["count"] == 3
    district = api(client, region="landkreis-leipzig").json()
    assert {r["slug"] for r in district["results"]} == {
        "fonds-lk-leipzig", "fonds-sachsen", "test-foerderung"}
    assert api(client, region="bund").json()["count"] == 1  # nationwide ones only


def test_facet_counts_are_what_choosing_each_value_lists(client, levels):
    facets = api(client, q="Zuschüsse").json()["facets"]["region"]
    listed = {v["value"]: v["count"] for v in facets}
    # Bund, Länder, and only the districts with programmes of their own.
    assert {"14713", "14729", "14625", "sachsen", "bundesweit", "bayern"} <= set(listed)
    assert "14612" not in listed  # Dresden: nothing of its own, same as Sachsen
    for value, count in listed.items():
        assert api(client, q="Zuschüsse", region=value).json()["count"] == count, value


def test_an_unknown_region_is_a_400_with_candidates(client, levels):
    response = api(client, region="xyz")
    assert response.status_code == 400
    data = response.json()
    assert data["errors"]["region"]
    assert {"value": "sachsen", "label": "Sachsen"} in data["candidates"]["region"]
    typo = api(client, region="leipzg", lang="en").json()
    assert [c["value"] for c in typo["candidates"]["region"]] == ["14713", "14729"]
    assert typo["candidates"]["region"][0]["label"] == "Leipzig (independent city, Saxony)"
    ambiguous = api(client, region="frankfurt").json()
    assert {c["value"] for c in ambiguous["candidates"]["region"]} == {"06412", "12053"}


def test_the_list_labels_each_programme_with_its_level(client, levels):
    html = client.get("/de/search/", {"type": "funding", "region": "leipzig"}).content.decode()
    places = re.findall(r'<dd class="places">(.*?)</dd>', html, re.S)
    text = [re.sub(r"<[^>]+>", "", p).strip() for p in places]
    assert sorted(text) == ["Berlin (Bundesland), Bundesweit", "Leipzig (kreisfreie Stadt)",
                            "Sachsen (Bundesland)"]
    # The chosen region is checked under its code, whichever way the link wrote it.
    assert 'name="region" value="14713" checked' in html


def test_an_unknown_region_on_the_page_offers_the_candidates(client, levels):
    response = client.get("/de/search/", {"type": "funding", "region": "leipzg"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "region=14713" in html and "region=14729" in html
