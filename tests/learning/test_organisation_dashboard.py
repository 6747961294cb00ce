"""A coordinator sees the progress of the members who share it, on the page and as CSV; a
member who stops sharing disappears; other organisations see nothing."""

import csv
import io

import pytest
from django.test import Client

from cms.models import Membership, Organisation
from tests.factories import UserFactory

from .test_lesson_flow import pass_quiz

pytestmark = pytest.mark.django_db


def org(name, slug):
    return Organisation.objects.create(name=name, slug=slug, kind="migrant-organisation")


@pytest.fixture
def bruecke(lessons):
    organisation = org("Brücke e. V.", "bruecke")
    coordinator = UserFactory(username="coord", full_name="Coord Inator")
    Membership.make_coordinator(coordinator, organisation)
    people = {}
    for username, name, shares in (("amal", "=Amal Haddad", True), ("olena", "Olena K.", False)):
        user = UserFactory(username=username, full_name=name)
        Membership.objects.create(user=user, organisation=organisation, shares_progress=shares)
        learner = Client()
        learner.force_login(user)
        pass_quiz(learner, lessons[0])
        people[username] = user
    return organisation, coordinator, people


def test_the_coordinator_sees_only_members_who_share(client, bruecke):
    organisation, coordinator, _people = bruecke
    client.force_login(coordinator)
    html = client.get(f"/de/lernen/organisation/{organisation.pk}/").content.decode()
    assert "=Amal Haddad" in html and "Unser erster Förderantrag" in html
    assert "Olena" not in html
    assert "1 of 2" in html or "1 von 2" in html


def test_csv_download_is_safe_for_spreadsheets(client, bruecke):
    organisation, coordinator, _people = bruecke
    client.force_login(coordinator)
    response = client.get(f"/de/lernen/organisation/{organisation.pk}/?format=csv")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[1][:4] == ["'=Amal Haddad", "Unser erster Förderantrag", "1", "2"]
    assert len(rows) == 2


def test_stopping_to_share_removes_the_member_at_once(client, bruecke):
    organisation, coordinator, people = bruecke
    Membership.objects.filter(user=people["amal"]).update(shares_progress=False)
    client.force_login(coordinator)
    html = client.get(f"/de/lernen/organisation/{organisation.pk}/").content.decode()
    assert "Amal" not in html


def test_no_one_else_sees_an_organisations_progress(client, bruecke, lessons):
    organisation, _coordinator, people = bruecke
    other = org("Anderer Verein", "anderer")
    stranger = UserFactory(username="stranger")
    Membership.make_coordinator(stranger, other)
    client.force_login(stranger)
    assert client.get(f"/de/lernen/organisation/{organisation.pk}/").status_code == 404
    client.force_login(people["amal"])  # a member, not a coordinator
    assert client.get(f"/de/lernen/organisation/{organisation.pk}/").status_code == 404
    anonymous = Client().get(f"/de/lernen/organisation/{organisation.pk}/")
    assert anonymous.status_code == 302 and "/konto/anmelden/" in anonymous["Location"]
