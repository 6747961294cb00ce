"""Reports → Page feedback and Readers' notes: numbers as voted, for users with the
permission, scoped to the pages a partner's editors may change."""

import datetime

import pytest
from django.test import Client
from django.utils import timezone

from feedback.models import FeedbackNote, PageFeedback
from partners.onboarding import onboard_partner
from tests.admin_refusals import assert_permission_denied
from tests.factories import UserFactory

from .conftest import answer

pytestmark = pytest.mark.django_db
URL = "/admin/reports/page-feedback/"
NOTES = "/admin/reports/page-feedback/notes/"


@pytest.fixture
def votes(guide, arabic_guide):
    second = guide.__class__.objects.get(locale__language_code="de", slug="zweiter-leitfaden")
    plan = [(guide, "de", "yes"), (guide, "de", "yes"), (guide, "de", "no"),
            (arabic_guide, "ar", "no"), (arabic_guide, "ar", "no"), (second, "de", "yes")]
    for number, (page, language, value) in enumerate(plan):
        answer(Client(REMOTE_ADDR=f"10.2.0.{number}"), page, {"helpful": value},
               language=language)
    answer(Client(REMOTE_ADDR="10.2.0.3"), arabic_guide, {"missing": "أين النموذج؟"},
           language="ar")
    return guide, arabic_guide, second


def rows(response):
    return {(row["title"], row["language"]): (row["yes"], row["no"], row["share"], row["notes"])
            for row in response.context["object_list"]}


def test_report_numbers_match_the_votes_most_no_first(admin_client, votes):
    guide, arabic_guide, second = votes
    response = admin_client.get(URL)
    assert response.status_code == 200
    assert rows(response) == {
        (arabic_guide.title, "العربية"): (0, 2, 0, 1),
        (guide.title, "Deutsch"): (2, 1, 67, 0),
        (second.title, "Deutsch"): (1, 0, 100, 0),
    }
    assert [row["no"] for row in response.context["object_list"]] == [2, 1, 0]
    assert f"/admin/pages/{guide.pk}/edit/" in response.content.decode()


def test_languages_together_per_german_original(admin_client, votes):
    guide, _arabic, second = votes
    response = admin_client.get(URL, {"languages": "together"})
    assert rows(response) == {(guide.title, ""): (2, 3, 40, 1),
                              (second.title, ""): (1, 0, 100, 0)}


def test_period_and_language_filters(admin_client, votes):
    guide = votes[0]
    PageFeedback.objects.filter(page=guide).update(date=datetime.date(2020, 5, 1))
    assert (guide.title, "Deutsch") not in rows(admin_client.get(URL))  # last 30 days
    chosen = admin_client.get(URL, {"date_from": "2020-04-01", "date_to": "2020-05-31"})
    assert rows(chosen) == {(guide.title, "Deutsch"): (2, 1, 67, 0)}
    arabic = admin_client.get(URL, {"language": "ar"})
    assert [key[1] for key in rows(arabic)] == ["العربية"]


def test_sortable_by_share(admin_client, votes):
    response = admin_client.get(URL, {"ordering": "-share"})
    assert [row["share"] for row in response.context["object_list"]] == [100, 67, 0]


def test_csv_export(admin_client, votes):
    response = admin_client.get(URL, {"export": "csv"})
    text = b"".join(response.streaming_content).decode()
    assert response.status_code == 200
    assert text.splitlines()[0].count(",") == 6
    assert f"{votes[0].title},Deutsch,Deutsch,2,1,67,0" in text


def test_editor_sees_it_user_without_permission_does_not(client, votes):
    editor = UserFactory(groups=["Editors"])
    client.force_login(editor)
    assert client.get(URL).status_code == 200
    assert URL in client.get("/admin/").content.decode()
    assert client.get(NOTES).status_code == 200

    from django.contrib.auth.models import Permission

    plain = UserFactory()  # may use the admin, nothing else
    plain.user_permissions.add(Permission.objects.get(codename="access_admin"))
    outsider = Client()
    outsider.force_login(plain)
    assert_permission_denied(outsider.get(URL))
    assert_permission_denied(outsider.get(NOTES))
    assert URL not in outsider.get("/admin/").content.decode()


def test_partner_editors_see_their_section_only(client, votes):
    from django.contrib.auth.models import Permission

    guide, arabic_guide, second = votes  # second lives under /behoerden/
    partner = onboard_partner("Brücke Leipzig e. V.", "/verein-gruenden/", "ar")
    partner.editors.permissions.add(Permission.objects.get(codename="view_pagefeedback"))
    client.force_login(UserFactory(groups=[partner.editors.name]))
    titles = {title for title, _language in rows(client.get(URL))}
    assert titles == {guide.title, arabic_guide.title}
    assert second.title not in titles


def test_notes_report_lists_the_notes(admin_client, votes):
    response = admin_client.get(NOTES)
    assert "أين النموذج؟" in response.content.decode()
    FeedbackNote.objects.update(date=timezone.localdate() - datetime.timedelta(days=40))
    assert "أين النموذج؟" not in admin_client.get(NOTES).content.decode()
