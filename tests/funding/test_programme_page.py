"""A funding programme's page, its place below the funding topic and its editor."""

import pytest
from wagtail.models import Page

from cms.models import GuidePage, HomePage, TopicPage
from funding.models import FundingProgrammePage
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_funding_page_shows_facts_and_example_notice(client):
    body = client.get("/de/foerdermittel/test-foerderung/").content.decode()
    assert "Beispielangaben" in body
    assert "500 bis 5.000 Euro" in body
    assert "10 %" in body
    assert "Berlin" in body
    assert 'href="https://www.example.org/foerderung"' in body


@pytest.mark.parametrize(("lang", "amount"), [("de", "500 bis 5.000 Euro"),
                                              ("en", "500 to 5,000 euros")])
def test_amounts_are_written_the_way_the_reader_writes_numbers(client, lang, amount):
    assert amount in client.get(f"/{lang}/foerdermittel/test-foerderung/").content.decode()


def test_funding_topic_lists_its_programmes_with_the_finder_link(client):
    body = client.get("/de/foerdermittel/").content.decode()
    section = body[body.index('<section aria-labelledby="programmes-heading">'):]
    assert '<h2 id="programmes-heading">Förderprogramme</h2>' in section
    assert 'href="/de/foerdermittel/test-foerderung/"' in section
    # under /ar/ the German programme, marked as German
    body = client.get("/ar/foerdermittel/").content.decode()
    assert 'href="/ar/foerdermittel/test-foerderung/" lang="de"' in body


def test_other_topics_list_no_programmes(client):
    body = client.get("/de/verein-gruenden/").content.decode()
    assert "programmes-heading" not in body


def test_programmes_live_below_topics_only():
    assert FundingProgrammePage.can_create_at(TopicPage.objects.first())
    for parent in (HomePage.objects.first(), GuidePage.objects.first(), Page.get_first_root_node()):
        assert not FundingProgrammePage.can_create_at(parent), parent
    assert {GuidePage, FundingProgrammePage} <= set(TopicPage.allowed_subpage_models())


def test_editor_opens_the_programme_in_the_admin(client):
    client.force_login(UserFactory(groups=["Editors"]))
    programme = FundingProgrammePage.objects.get(slug="test-foerderung")
    response = client.get(f"/admin/pages/{programme.pk}/edit/")
    assert response.status_code == 200
    assert "Testförderung Integration" in response.content.decode()
    topic = programme.get_parent()
    assert client.get(f"/admin/pages/add/funding/fundingprogrammepage/{topic.pk}/"
                      ).status_code == 200
