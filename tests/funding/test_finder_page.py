"""The search page as the funding finder: its heading, the chosen filters with links that
remove them, the programmes' facts in the list and the notice about passed deadlines."""

import html as html_lib
import re

import pytest

pytestmark = pytest.mark.django_db


def finder(client, lang="de", **params):
    response = client.get(f"/{lang}/search/", {"type": "funding", "sort": "deadline", **params})
    assert response.status_code == 200
    return html_lib.unescape(response.content.decode())


def test_funding_topic_links_to_the_finder(client):
    html = client.get("/de/foerdermittel/").content.decode()
    assert 'href="/de/search/?type=funding&amp;sort=deadline"' in html


def test_finder_heading_count_in_title_and_programme_facts(client):
    html = finder(client)
    assert "<h1>Förderprogramme finden</h1>" in html
    assert re.search(r"<title>1 Treffer – Förderprogramme finden", html)
    facts = re.search(r'<dl class="facts programme-facts".*?</dl>', html, re.S).group()
    assert '<time datetime="2027-03-31">' in facts
    assert "500 bis 5.000 Euro" in facts and "10 %" in facts
    assert "Programme, deren Frist abgelaufen ist, werden nicht angezeigt." in html


def test_each_chosen_filter_has_a_link_that_removes_only_it(client):
    html = finder(client, region="berlin", eligible="verein")
    chosen = re.search(r'<ul class="chosen-filters".*?</ul>', html, re.S).group()
    links = dict((text.split("</span>")[-1].strip(" ×"), href) for href, text in
                 re.findall(r'<a href="\?([^"]*)">(.*?)<span aria-hidden', chosen, re.S))
    assert "region=berlin" not in links["Region: Berlin"]
    assert "eligible=verein" in links["Region: Berlin"]
    assert "region=berlin" in links["Antragsberechtigt: Eingetragener Verein (e. V.)"]
    reset = re.search(r'<a class="reset" href="\?([^"]*)">Alle Filter entfernen', chosen)
    assert reset.group(1) == "type=funding&sort=deadline"


def test_no_reset_link_when_only_the_finder_itself_is_chosen(client):
    assert "Alle Filter entfernen" not in finder(client)


def test_show_passed_deadlines_link_is_kept_by_the_form(client):
    html = finder(client, past="1")
    assert '<input type="hidden" name="past" value="1">' in html
    assert "werden nicht angezeigt" not in html


def test_nothing_matches_offers_to_remove_the_filters(client):
    html = finder(client, region="bayern", own_share="more")
    assert "Nichts passt zu allen diesen Filtern." in html


def test_plain_search_keeps_its_own_heading(client):
    html = client.get("/de/search/", {"q": "Satzung"}).content.decode()
    assert "<h1>Suchen</h1>" in html and "Gewählte Filter" not in html


@pytest.fixture
def passed_programme(db, django_capture_on_commit_callbacks):
    import datetime

    from cms.models import TopicPage
    from funding.models import FundingProgrammePage

    parent = TopicPage.objects.get(locale__language_code="de", slug="foerdermittel")
    page = FundingProgrammePage(
        title="Nachbarschaftsfonds Musterdorf", slug="nachbarschaftsfonds", funder="Musterdorf",
        summary="Zuschüsse für Nachbarschaftsfeste von Vereinen.", amount_min=100, amount_max=1_000,
        deadline=datetime.date(2026, 1, 31), programme_url="https://example.org/fonds",
        figures_are_examples=True,
    )
    with django_capture_on_commit_callbacks(execute=True):  # as a request commits it
        parent.add_child(instance=page)
        page.save_revision().publish()
    return page


def all_pages(client, **params) -> tuple[list[str], str]:
    """(every result title, page after page; the last page's HTML)."""
    titles, page = [], 1
    while True:
        html = html_lib.unescape(client.get("/de/search/", {**params, "page": page})
                                 .content.decode())
        titles += re.findall(r'<h2><a href="[^"]*">([^<]*)</a></h2>', html)
        if 'rel="next"' not in html:
            return titles, html
        page += 1


def test_a_search_lists_a_passed_programme_last_and_says_why(client, passed_programme):
    for words in ("Nachbarschaftsfonds", "Verein"):  # found alone, and after many others
        titles, html = all_pages(client, q=words)
        assert titles[-1] == "Nachbarschaftsfonds Musterdorf", words
        assert titles.count("Nachbarschaftsfonds Musterdorf") == 1
        assert len(titles) == int(re.search(r"(\d+) Ergebnis(?:se)? für", html).group(1))
        assert "(abgelaufen)" in html
        assert "Programme, deren Frist abgelaufen ist, kommen zuletzt" in html
        assert "werden nicht angezeigt" not in html
    assert len(all_pages(client, q="Verein")[0]) > 1


def test_the_finder_without_words_leaves_passed_programmes_out(client, passed_programme):
    html = finder(client)
    assert "Nachbarschaftsfonds Musterdorf" not in html
    notice = re.search(r'werden nicht angezeigt\. <a href="\?([^"]*)">', html)
    assert notice and "past=1" in notice.group(1)
    shown = html_lib.unescape(client.get("/de/search/?" + notice.group(1)).content.decode())
    assert "Nachbarschaftsfonds Musterdorf" in shown
