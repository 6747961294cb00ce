"""The guided finder at /<lang>/foerderung/finden/: one question per page with the earlier
answers carried along, the result with reasons and "nearly", and bad answers shown beside
their question (400, as the search page) with the other answers kept. In English (/en/):
the new strings are msgids until the catalogues have them."""

import datetime
import html as html_lib
import re

import pytest
from django.utils import timezone

from .programmes import programme

pytestmark = pytest.mark.django_db
URL = "/en/foerderung/finden/"


def get(client, status=200, **params):
    response = client.get(URL, params)
    assert response.status_code == status
    return html_lib.unescape(response.content.decode())


def hidden(html):
    return dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)">', html))


def test_first_question_without_answers(client):
    html = get(client)
    assert '<h1 id="question">What kind of organisation are you?</h1>' in html
    assert "Question 1 of 6" in html
    assert hidden(html) == {"step": "region"}
    assert 'value="verein"' in html and 'value="einzelperson"' in html


def test_each_step_carries_the_earlier_answers_and_names_the_next(client):
    html = get(client, legal_form="verein", step="region")
    assert hidden(html) == {"legal_form": "verein", "step": "topic"}
    assert '<datalist id="region-names">' in html and '<option value="Leipzig">' in html
    assert '<option value="Sachsen" label="Saxony">' in html
    assert 'href="?legal_form=verein&step=legal_form">Back' in html
    assert 'href="?legal_form=verein&region=&step=topic">Skip this question' in html


def test_the_last_question_leads_to_the_result(client):
    html = get(client, legal_form="verein", region="Leipzig", topic="", amount="5000",
               own_share="10", step="start")
    assert "step" not in hidden(html)
    assert "Show programmes" in html


def test_result_lists_fits_with_reasons_and_near_misses_with_the_one_reason(client):
    programme("fonds-sachsen", "sachsen", eligible=("verein",), share=10, title="Fonds Sachsen")
    programme("fonds-bayern", "bayern", title="Fonds Bayern")
    html = get(client, legal_form="verein", region="Leipzig", own_share="10")
    fits, near = html.split('<h2 id="near-heading">')
    assert "2 programmes fit" in fits
    assert fits.index("Fonds Sachsen") < fits.index("Testförderung Integration")
    assert "fits:</strong> for registered associations in Saxony" in fits
    assert "fits:</strong> for registered associations, nationwide" in fits
    assert "Nearly" in near and "Fonds Bayern" in near
    assert "does not fit:</strong> only in Bavaria" in near


def test_result_summary_has_change_links_and_a_filtered_feed(client):
    html = get(client, legal_form="verein", region="14713", topic="", amount="5.000 €")
    summary = re.search(r'<ul class="answers".*?</ul>', html, re.S).group()
    assert "Leipzig" in summary and "5,000 €" in summary
    assert ('href="?legal_form=verein&region=14713&topic=&amount=5000&own_share=&start='
            '&step=region">change') in summary
    feed = "/en/foerderung/fristen.ics?legal_form=verein&region=14713&amount=5000"
    assert f'<link rel="alternate" type="text/calendar" title="Deadlines of these programmes ' \
           f'(calendar)" href="{feed}">' in html
    # The header's search box stays empty: the answers are not a search text.
    assert 'name="q" value=""' in html


def test_an_initiative_is_shown_how_to_found_a_verein(client):
    programme("nur-vereine", eligible=("verein",), title="Nur für Vereine")
    html = get(client, legal_form="initiative")
    near = html.split('<h2 id="near-heading">')[1]
    assert ('only for registered associations: <a href="/en/verein-gruenden/">how to found '
            'one</a>') in near


def test_nothing_fits_says_so(client):
    html = get(client, region="bayern", own_share="0")
    assert "0 programmes fit" in html and "No programme fits all your answers." in html


@pytest.mark.parametrize(("params", "step", "message"), [
    ({"amount": "-500"}, "amount", "The amount must be more than 0 euros."),
    ({"amount": "1000000000"}, "amount", "Please give an amount up to 10,000,000 euros."),
    ({"own_share": "150"}, "own_share", "The own share is a percentage between 0 and 100."),
    ({"start": "1900-01-01"}, "start", "Please give a start between"),
    ({"start": "morgen"}, "start", "Please give the date as year-month-day"),
    ({"region": "Atlantis"}, "region", "We do not know the place “Atlantis”."),
    ({"legal_form": "<script>"}, "legal_form", "Please choose one of the legal forms listed."),
])
def test_a_bad_answer_is_shown_beside_its_question_and_the_others_are_kept(client, params,
                                                                          step, message):
    html = get(client, 400, **{"legal_form": "verein", "topic": "foerdermittel", **params})
    assert re.search(r'<p class="field-error" id="answer-error">' + re.escape(message), html)
    assert f'name="{step}"' in html
    kept = {"legal_form": "verein", "topic": "foerdermittel"}
    kept.pop(step, None)
    assert {k: v for k, v in hidden(html).items() if k in kept} == kept
    if step not in ("legal_form", "topic"):
        assert 'aria-invalid="true"' in html


def test_an_ambiguous_place_offers_the_candidates(client):
    html = get(client, 400, region="Neustadt", step="topic")
    candidates = re.search(r'<ul class="candidates">.*?</ul>', html, re.S).group()
    assert 'href="?region=07316&step=topic">Neustadt an der Weinstraße' in candidates
    assert len(re.findall("<li>", candidates)) == 3


def test_a_chosen_candidate_and_a_translated_land_name_are_understood(client):
    html = get(client, region="Saxony")
    assert "Where: <bdi>Saxony</bdi>" in html
    assert "Where: <bdi>Neustadt a.d.Waldnaab</bdi>" in get(client, region="09374")


def test_a_deadline_after_the_project_start_is_a_near_miss(client):
    today = timezone.localdate()
    programme("spaete-frist", deadline=today + datetime.timedelta(days=60), title="Späte Frist")
    start = (today + datetime.timedelta(days=30)).isoformat()
    near = get(client, start=start).split('<h2 id="near-heading">')[1]
    assert "Späte Frist" in near and "after your project start" in near


def test_the_finder_is_linked_from_the_search_finder_and_the_funding_topic(client):
    search = client.get("/de/search/", {"type": "funding", "sort": "deadline"}).content.decode()
    assert 'href="/de/foerderung/finden/"' in search
    topic = client.get("/de/foerdermittel/").content.decode()
    assert 'href="/de/foerderung/finden/"' in topic
    assert ('<link rel="alternate" type="text/calendar" title="Förderfristen (Kalender)" '
            'href="/de/foerderung/fristen.ics">') in topic
