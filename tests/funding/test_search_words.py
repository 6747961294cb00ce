"""Words in the search text that name a funding criterion act as the finder's filters: shown as
chosen filters with a link that removes them for good (?as_text=<facet>), in every language,
and only where the search is one for funding (search/understanding.py,
funding/query_words.py)."""

import html as html_lib
import re
from urllib.parse import parse_qs

import pytest

from funding import query_words
from search.engines.base import SearchQuery
from search.expansion import unasked_in
from search.understanding import read, search, understood_query

from .programmes import programme

pytestmark = pytest.mark.django_db
API = "/api/v1/search/"


@pytest.fixture
def places(db, django_capture_on_commit_callbacks):
    """Besides the fixture site's programme (Berlin and nationwide, 10 % own share). Committed
    as an editor's request would be: the search's vocabulary then knows their words."""
    with django_capture_on_commit_callbacks(execute=True):
        return _places()


def _places():
    return {
        "leipzig": programme("fonds-leipzig", "14713", title="Fonds der Stadt Leipzig",
                             share=10, eligible=("verein",)),
        "sachsen": programme("fonds-sachsen", "sachsen", title="Integrative Maßnahmen Sachsen",
                             share=0),
        "bund": programme("fonds-bund", "bundesweit", title="Mikroförderung Engagement",
                          share=0, eligible=("initiative",)),
        "bremen": programme("fonds-bremen", "bremen", title="Selbsthilfefonds Bremen", share=0),
    }


def page(client, lang="de", **params):
    response = client.get(f"/{lang}/search/", params)
    assert response.status_code == 200
    return html_lib.unescape(response.content.decode())


def result_slugs(html):
    results = re.search(r'<ol class="card-list search-results".*?</ol>', html, re.S)
    return re.findall(r'<h2><a href="/\w+/[^"]*?([\w-]+)/">', results.group()) if results else []


def chosen_links(html) -> dict[str, str]:
    chosen = re.search(r'<ul class="chosen-filters".*?</ul>', html, re.S)
    if chosen is None:
        return {}
    return {re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", text)).strip(" ×"): href
            for href, text in re.findall(r'<a href="\?([^"]*)">(.*?)</a>', chosen.group(), re.S)}


def test_a_place_in_the_text_finds_the_programmes_for_it_nearest_first(client, places):
    html = page(client, q="Förderung Leipzig")
    found = result_slugs(html)
    assert found[0] == "fonds-leipzig"  # its own, then its Land's, then nationwide ones
    assert found.index("fonds-sachsen") < found.index("fonds-bund")
    assert {"fonds-sachsen", "fonds-bund", "test-foerderung"} <= set(found)
    assert "fonds-bremen" not in found
    links = chosen_links(html)
    label = next(text for text in links if "Leipzig" in text)
    assert "Region: Leipzig (" in label  # the facet's legend
    assert label.endswith(": Leipzig)")  # … and the reader's own words
    # The box holds what is still matched as text; the ticked box says Leipzig.
    assert re.search(r'id="search-page-q" type="search" name="q" value=""', html)
    assert re.search(r'name="region" value="14713" checked', html)


def test_removing_an_understood_filter_sticks(client, places):
    html = page(client, q="Förderung Leipzig")
    remove = next(href for text, href in chosen_links(html).items() if "Leipzig" in text)
    params = parse_qs(remove)
    assert params["q"] == ["Förderung Leipzig"] and params["as_text"] == ["region"]
    after = page(client, **{k: v for k, v in params.items()})
    assert not any("Leipzig" in text for text in chosen_links(after))
    assert re.search(r'name="q" value="Förderung Leipzig"', after)
    assert '<input type="hidden" name="as_text" value="region">' in after  # the form keeps it
    found = result_slugs(after)
    assert "fonds-bund" not in found and "fonds-sachsen" not in found  # words again


def test_reset_link_does_not_read_the_filters_again(client, places):
    html = page(client, q="Förderung Leipzig ohne Eigenanteil")
    reset = re.search(r'<a class="reset" href="\?([^"]*)"', html).group(1)
    assert parse_qs(reset)["as_text"] == ["all"]


def test_without_own_share(client, places):
    html = page(client, q="Förderung ohne Eigenanteil")
    found = result_slugs(html)
    assert set(found) == {"fonds-sachsen", "fonds-bund", "fonds-bremen"}
    assert any("ohne Eigenanteil" in text for text in chosen_links(html))
    # A phrase only a funding search writes counts without the word "Förderung".
    assert set(result_slugs(page(client, q="ohne Eigenanteil"))) == set(found)


def test_a_guide_question_is_not_turned_into_a_programme_filter(client, places):
    for text in ("wie gründe ich einen Verein", "Verein gründen", "Leipzig", "Eigenanteil"):
        answer = client.get(API, {"q": text, "lang": "de"}).json()
        assert answer["understood"] == [] and answer["text"] == text
    html = page(client, q="wie gründe ich einen Verein")
    assert chosen_links(html) == {}
    assert "<h1>Förderprogramme finden</h1>" not in html  # not the funding finder


def test_who_can_apply_with_a_funding_word(client, places):
    answer = client.get(API, {"q": "Förderung für Initiativen", "lang": "de"}).json()
    assert [(u["facet"], u["value"]) for u in answer["understood"]] == [
        ("eligible", "initiative")]
    found = {r["slug"] for r in answer["results"]}
    assert "fonds-bund" in found and "fonds-leipzig" not in found


def test_only_criteria_are_the_filtered_list(client, places):
    answer = client.get(API, {"q": "Leipzig e. V.", "lang": "de"}).json()
    assert {(u["facet"], u["value"]) for u in answer["understood"]} == {
        ("region", "14713"), ("eligible", "verein")}
    assert answer["text"] == ""
    assert [r["slug"] for r in answer["results"]][0] == "fonds-leipzig"
    assert "fonds-bremen" not in {r["slug"] for r in answer["results"]}


@pytest.mark.parametrize(("text", "lang"), [
    ("تمويل في لايبزيغ", "ar"), ("funding in Leipzig", "en"), ("гранты в Лейпциге", "ru"),
    ("Leipzig'de hibe", "tr"), ("leipzigde hibe", "tr"), ("leipzigden hibe", "tr")])
def test_a_city_in_other_languages(client, places, text, lang):
    answer = client.get(API, {"q": text, "lang": lang}).json()
    assert [(u["facet"], u["value"]) for u in answer["understood"]] == [("region", "14713")]
    assert answer["text"] == ""
    slugs = [r["slug"] for r in answer["results"]]
    assert slugs[0] == "fonds-leipzig" and "fonds-bremen" not in slugs


@pytest.mark.parametrize("text", ["içinde hibe"])
def test_a_turkish_word_with_a_case_ending_is_no_place_unless_its_stem_is_one(client, places,
                                                                              text):
    answer = client.get(API, {"q": text, "lang": "tr"}).json()
    assert answer["understood"] == []


def test_arabic_page_shows_the_understood_place(client, places):
    html = page(client, lang="ar", q="تمويل في لايبزيغ")
    assert any("Leipzig" in text for text in chosen_links(html))
    assert result_slugs(html)[0] == "fonds-leipzig"


def test_the_api_says_what_it_understood_and_how_to_undo_it(client, places):
    answer = client.get(API, {"q": "Förderung in Sachsen ohne Eigenanteil",
                              "lang": "de"}).json()
    understood = {u["facet"]: u for u in answer["understood"]}
    assert understood["region"]["value"] == "sachsen"
    assert understood["region"]["words"] == "in Sachsen"
    assert understood["region"]["label"] == "Sachsen"
    assert understood["own_share"]["value"] == "none"
    assert answer["text"] == ""
    assert {r["slug"] for r in answer["results"]} == {"fonds-sachsen", "fonds-bund"}
    undone = client.get(API + "?" + understood["region"]["remove"]).json()
    assert [u["facet"] for u in undone["understood"]] == ["own_share"]
    assert undone["text"] == "in Sachsen"  # "Förderung" still says what "ohne …" is about
    assert [r["slug"] for r in undone["results"]] == ["fonds-sachsen"]  # the word, again


def test_a_value_the_reader_chose_is_kept(client, places):
    answer = client.get(API, {"q": "Förderung Leipzig", "region": "bremen",
                              "lang": "de"}).json()
    assert {r["slug"] for r in answer["results"]} >= {"fonds-bremen", "fonds-leipzig"}


@pytest.mark.parametrize("text", [
    "in in in für", "Förderung " * 60, ")(" * 40, "'", "Förderung ,,, ;",
    "bis 99999999999999999999 Euro", "Halle (", "Förderung Neustadt", "Frist im Dezember"])
def test_odd_text_is_searched(client, places, text):
    assert client.get(API, {"q": text, "lang": "de"}).status_code == 200
    assert client.get("/de/search/", {"q": text, "as_text": ["bogus", "region"]}
                      ).status_code == 200


def test_a_null_character_is_refused_with_a_reason_in_the_readers_language(client, places):
    text = "\x00((( e. V. ''' "
    answer = client.get(API, {"q": text, "lang": "de"})
    assert answer.status_code == 400
    assert answer.json()["errors"]["q"] == ["Nullzeichen sind nicht erlaubt."]
    page = client.get("/de/search/", {"q": text, "as_text": ["bogus", "region"]})
    assert page.status_code == 400
    assert "Ungültige Anfrage" in page.content.decode()  # the error page, in German


@pytest.mark.parametrize(("text", "expected", "rest"), [
    ("Förderung Frankfurt am Main", [("region", "06412")], ""),
    ("funding Munich", [("region", "09162")], ""),
    ("Förderung München gGmbH", [("region", "09162"), ("eligible", "gemeinnuetzige-gmbh")], ""),
    ("Förderung bundesweit bis 5.000 Euro", [("region", "bundesweit"),
                                             ("amount", "upto-5000")], ""),
    ("Zuschuss Halle (Saale) Sport", [("region", "15002")], "Sport"),
    ("Förderung Neustadt", [], "Förderung Neustadt"),  # several Neustadts
    ("Zuschuss Essen", [], "Zuschuss Essen"),  # an everyday word
    ("Förderantrag Leipzig", [], "Förderantrag Leipzig"),  # writing one: the guide
    ("Förderung Frist im Dezember", [], "Förderung Frist im Dezember"),  # no facet fits
    ("Förderung ohne Frist", [("deadline", "rolling")], ""),
    ("Förderung Leipzig und Integration", [("region", "14713")], "Integration"),
])
def test_what_is_read(db, text, expected, rest):
    reading = read(text, "de", {})
    assert [(u.facet, u.value) for u in reading.understood] == expected
    assert reading.text == rest


def test_words_no_programme_has_give_way_to_the_place_they_name(client, places):
    # "Hausaufgabenhilfe" is in no programme: rather than nothing, the programmes for
    # Bremen, saying which words were left out.
    html = page(client, q="Förderung in Bremen Hausaufgabenhilfe")
    found = result_slugs(html)
    assert found and found[0] == "fonds-bremen" and "fonds-leipzig" not in found
    assert "Nichts mit allen Ihren Wörtern gefunden." in html
    assert "„Hausaufgabenhilfe“" in html
    assert "Region: Bremen" in " ".join(chosen_links(html))
    # Read as words only (the filter removed), nothing is left out.
    words_alone = page(client, q="Förderung in Bremen Hausaufgabenhilfe", as_text="region")
    assert "Weggelassen" not in words_alone
    api = client.get(API, {"q": "Förderung in Bremen Hausaufgabenhilfe"}).json()
    assert api["unmatched"] == "Hausaufgabenhilfe" and api["count"] == len(found)


@pytest.mark.parametrize(("text", "lang", "code"), [
    ("Förderung Frankfurt", "de", "06412"), ("frankfurtta hibe", "tr", "06412"),
    ("гранты во Франкфурте", "ru", "06412"), ("гранти в районі Баутцен", "uk", "14625"),
    ("гранты в Гёрлице", "ru", "14626"), ("грант Гейдельберг", "ru", "08221"),
    ("Förderung Frankfurt an der Oder", "de", "12053"), ("гранты Франкфурт-на-Одере", "ru",
                                                         "12053")])
def test_frankfurt_and_districts_in_cyrillic_letters(client, places, text, lang, code):
    """"Frankfurt" alone is the one on the Main; a district written in Cyrillic letters is
    found by its German letters."""
    answer = client.get(API, {"q": text, "lang": lang}).json()
    assert [(u["facet"], u["value"]) for u in answer["understood"]] == [("region", code)]


@pytest.mark.parametrize(("text", "lang"), [
    ("деньги на праздник в Лейпциге", "ru"), ("پول برای جشن در لایپزیگ", "fa"),
    ("Leipzig'de bayram için para", "tr"), ("Geld für ein Fest in Leipzig", "de"),
    ("Leipzig'de bayram desteği", "tr"),  # destek + -i: the k becomes ğ
    ("leipzigde bayram destegi", "tr")])  # … typed without Turkish letters
def test_everyday_money_words_beside_a_place_search_for_programmes(client, places, text,
                                                                    lang):
    answer = client.get(API, {"q": text, "lang": lang}).json()
    assert [(u["facet"], u["value"]) for u in answer["understood"]] == [("region", "14713")]
    assert [r["slug"] for r in answer["results"]][0] == "fonds-leipzig"


@pytest.mark.parametrize(("text", "lang"), [
    ("wie viel Geld braucht ein Verein", "de"), ("Geld zurückzahlen", "de"),
    ("скільки коштує реєстрація об'єднання в Берліні", "uk"), ("Para-Sport in Leipzig", "de")])
def test_money_words_without_a_place_stay_words(client, places, text, lang):
    """Without a place, and a verb for "to cost" or "para" outside Turkish even beside one."""
    answer = client.get(API, {"q": text, "lang": lang}).json()
    assert answer["understood"] == [] and answer["text"] == text


def test_the_places_own_programme_is_listed_without_the_other_words(client, places):
    """The nationwide programme has the word, Leipzig's own has not: both are listed, the
    place's own first (the reader named Leipzig); Sachsen's, which neither is the place's own
    nor has the word, is not."""
    answer = client.get(API, {"q": "Förderung Leipzig Engagement", "lang": "de"}).json()
    slugs = [r["slug"] for r in answer["results"]]
    assert slugs[:2] == ["fonds-leipzig", "fonds-bund"] and answer["count"] == len(slugs)
    assert "fonds-sachsen" not in slugs
    assert answer["unmatched"] == ""
    assert {f["value"]: f["count"] for f in answer["facets"]["type"]} == {"funding": len(slugs)}
    query, understood = understood_query(SearchQuery(text="Förderung Leipzig Engagement",
                                                     locale="de", offset=1, limit=1))
    second = search(query, understood)
    assert [h.slug for h in second.hits] == ["fonds-bund"] and second.count == len(slugs)


def test_the_places_programmes_with_the_words_come_nearest_first(
        client, django_capture_on_commit_callbacks):
    """All have the word; the nationwide one's short title scores highest as text, yet a
    reader who names Leipzig gets Leipzig's own first, then Sachsen's."""
    with django_capture_on_commit_callbacks(execute=True):
        programme("integration-bund", "bundesweit", title="Integration")
        programme("integration-sachsen", "sachsen", title="Integration in Sachsen und Umgebung")
        programme("integration-leipzig", "14713",
                  title="Stadt Leipzig: Fonds für Integration, Teilhabe und Nachbarschaft")
    answer = client.get(API, {"q": "Förderung Leipzig Integration", "lang": "de"}).json()
    slugs = [r["slug"] for r in answer["results"]]
    assert slugs[:2] == ["integration-leipzig", "integration-sachsen"], slugs
    assert "integration-bund" in slugs  # nationwide ones follow


def test_a_question_without_funding_words_gets_the_guide_before_a_programme(
        client, django_capture_on_commit_callbacks):
    """A programme's conditions share a how-to question's words; without a word for funding
    ("Zuschuss", "grant") the question asks for the guide. With one, the programme leads."""
    with django_capture_on_commit_callbacks(execute=True):
        strong = programme("starke-vereine", "bundesweit", title="Starke Vereine")
        strong.summary = "Für Vereine, die ihre Satzung und ihre Mitglieder stärken."
        strong.save_revision().publish()
    asked = [r["slug"] for r in client.get(API, {"q": "Satzung und Mitglieder"}).json()["results"]]
    assert asked[:2] == ["test-guide", "starke-vereine"]
    funding = client.get(API, {"q": "Zuschuss Satzung Mitglieder"}).json()["results"]
    assert funding[0]["slug"] == "starke-vereine"


@pytest.mark.parametrize(("text", "unasked"), [
    ("Satzung und Mitglieder", {"funding"}),
    ("Zuschuss Satzung Mitglieder", set()),
    ("Projektförderung Satzung Mitglieder", set()),
    ("Anschubfinanzierung für den Verein", set()),
])
def test_a_compound_naming_funding_keeps_programmes_weight(text, unasked):
    """"Projektförderung" is no word the finder reads places by ("Sprachförderung" is teaching),
    but it names funding: programmes are not weighed down as for a how-to question (the test
    above shows what the weight does)."""
    assert unasked_in(text, "de") == unasked
    assert not read(text, "de", {}).understood  # and nothing was read as a filter


@pytest.mark.parametrize(("text", "named"), [
    ("Mikroförderung", True), ("Projektzuschüsse", True), ("Sprachförderung", True),
    ("Beförderung von Mitgliedern", False), ("Zuwendungsbestätigung", False),
    ("Finanzierungsplan", False), ("Förderverein gründen", False),
])
def test_which_words_name_funding_without_being_filter_words(text, named):
    assert query_words.names_funding(text, "de") is named


def test_among_the_places_own_programmes_those_with_the_words_come_first(
        client, places, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        programme("engagement-leipzig", "14713", title="Engagement in Leipzig")
    answer = client.get(API, {"q": "Förderung Leipzig Engagement", "lang": "de"}).json()
    slugs = [r["slug"] for r in answer["results"]]
    assert slugs[:3] == ["engagement-leipzig", "fonds-leipzig", "fonds-bund"]
