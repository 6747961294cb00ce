"""The organiser's attendance list on a phone: who may see it (the event's editors, the
organiser's coordinators; not another partner's editor, not a reader who is not signed in),
one POST saves the ticks, the CSV is spreadsheet-safe, and ticking completes the lesson."""

import csv
import datetime
import io

import pytest
from django.utils import timezone

from cms.models import Membership
from events.models import Registration
from partners.onboarding import onboard_partner
from tests.factories import UserFactory
from tests.learning.conftest import module  # noqa: F401 (fixture)

from .conftest import make_event

pytestmark = pytest.mark.django_db


@pytest.fixture
def partners(db):
    return (onboard_partner("Brücke Leipzig e. V.", "/verein-gruenden/", "ar"),
            onboard_partner("Netzwerk Nord", "/behoerden/", "ar"))


@pytest.fixture
def editor(partners):
    return UserFactory(username="editor_a", groups=[partners[0].editors.name])


@pytest.fixture
def other_editor(partners):
    return UserFactory(username="editor_b", groups=[partners[1].editors.name])


@pytest.fixture
def today_event(db):
    now = timezone.now()
    return make_event(title="Netzwerktreffen", slug="netzwerktreffen",
                      start=now - datetime.timedelta(minutes=30),
                      end=now + datetime.timedelta(hours=1))


def seat(event, **person):
    return Registration.objects.create(event_key=event.translation_key, status="confirmed",
                                       confirmed_at=timezone.now(), **person)


def url(event, csv_file=False):
    tail = "anwesenheit.csv" if csv_file else "anwesenheit/"
    return f"/de/veranstaltungen/{event.translation_key}/{tail}"


def test_the_events_editor_ticks_who_came_with_one_post(client, editor, today_event, learner):
    lea = seat(today_event, user=learner)
    guest = seat(today_event, name="Omar Gast", email="omar@example.org")
    Registration.objects.create(event_key=today_event.translation_key, status="waiting",
                                position=1, name="Wartend", email="w@example.org")
    client.force_login(editor)
    page = client.get(url(today_event))
    assert page.status_code == 200
    html = page.content.decode()
    assert "Lea Beispiel" in html and "Omar Gast" in html and "Wartend" not in html
    assert html.count('type="checkbox" name="present"') == 2
    assert "private" in page["Cache-Control"]  # never in a shared cache

    saved = client.post(url(today_event), {"present": [str(guest.pk)]}, follow=True)
    notice = saved.content.decode().split('role="status">')[1].split("</p>")[0]
    assert "1" in notice  # "Attendance saved: 1 present", in the reader's language
    lea.refresh_from_db()
    guest.refresh_from_db()
    assert guest.attended_at is not None and lea.attended_at is None

    client.post(url(today_event), {"present": [str(lea.pk)]})  # Omar untick, Lea tick
    lea.refresh_from_db()
    guest.refresh_from_db()
    assert lea.attended_at is not None and guest.attended_at is None


def test_the_event_page_links_the_list_for_its_editor_only(client, editor, other_editor,
                                                         today_event):
    client.force_login(editor)
    assert url(today_event) in client.get(today_event.url).content.decode()
    client.force_login(other_editor)
    assert url(today_event) not in client.get(today_event.url).content.decode()


def test_another_partners_editor_and_a_learner_get_404(client, other_editor, learner,
                                                      today_event):
    registration = seat(today_event, name="Omar Gast", email="omar@example.org")
    for user in (other_editor, learner):
        client.force_login(user)
        assert client.get(url(today_event)).status_code == 404
        assert client.get(url(today_event, csv_file=True)).status_code == 404
        assert client.post(url(today_event), {"present": [str(registration.pk)]}) \
            .status_code == 404
    registration.refresh_from_db()
    assert registration.attended_at is None


def test_not_signed_in_is_sent_to_sign_in(client, today_event):
    for address in (url(today_event), url(today_event, csv_file=True)):
        response = client.get(address)
        assert response.status_code == 302
        assert "/login/" in response["Location"] or "anmelden" in response["Location"]


def test_the_organisers_coordinator_may_take_it(client, partners, today_event):
    organisation = partners[1].organisation
    today_event.organiser = organisation
    today_event.save_revision().publish()
    coordinator = UserFactory(username="koordination")
    Membership.objects.create(user=coordinator, organisation=organisation,
                              role=Membership.Role.COORDINATOR)
    member = UserFactory(username="mitglied")
    Membership.objects.create(user=member, organisation=organisation)
    client.force_login(coordinator)
    assert client.get(url(today_event)).status_code == 200
    client.force_login(member)
    assert client.get(url(today_event)).status_code == 404


def test_no_ticks_weeks_before_the_event(client, editor):
    event = make_event()  # in ten days
    registration = seat(event, name="Früh", email="frueh@example.org")
    client.force_login(editor)
    assert 'disabled' in client.get(url(event)).content.decode()
    client.post(url(event), {"present": [str(registration.pk)]})
    registration.refresh_from_db()
    assert registration.attended_at is None


def test_csv_is_spreadsheet_safe_with_a_bom(client, editor, today_event, learner):
    seat(today_event, name="=HYPERLINK(\"http://x\")", email="evil@example.org",
         attended_at=timezone.now())
    seat(today_event, name="ليلى", email="laila@example.org")
    client.force_login(editor)
    response = client.get(url(today_event, csv_file=True))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    body = response.content.decode("utf-8")
    assert body.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(body.lstrip("\ufeff"))))
    names = {row[0]: row for row in rows[1:]}
    assert "'=HYPERLINK(\"http://x\")" in names and "=HYPERLINK(\"http://x\")" not in names
    assert names["'=HYPERLINK(\"http://x\")"][4] == "ja"
    assert names["ليلى"][1] == "laila@example.org" and names["ليلى"][4] == "nein"


def test_attending_completes_the_linked_lesson_once(client, editor, module, learner):  # noqa: F811
    from learning.models import Enrolment, LessonCompletion, LessonPage

    reading = LessonPage.objects.get(slug="nach-dem-projekt", locale__language_code="de")
    now = timezone.now()
    event = make_event(title="Workshop Nachweis", slug="workshop-nachweis", lesson=reading,
                       start=now - datetime.timedelta(minutes=10),
                       end=now + datetime.timedelta(hours=1))
    lea = seat(event, user=learner)
    guest = seat(event, name="Gast", email="gast@example.org")
    client.force_login(editor)
    client.post(url(event), {"present": [str(lea.pk), str(guest.pk)]})
    done = LessonCompletion.objects.filter(learner__user=learner)
    assert [c.lesson_key for c in done] == [reading.translation_key]
    assert Enrolment.objects.get(learner__user=learner).completed_at is None  # quiz still open
    client.post(url(event), {"present": []})
    client.post(url(event), {"present": [str(lea.pk)]})
    assert LessonCompletion.objects.filter(learner__user=learner).count() == 1


def test_attendance_is_in_the_learners_data_download(today_event, learner):
    from cms.accounts.personal_data import export

    seat(today_event, user=learner, attended_at=timezone.now())
    (row,) = export(learner)["event_registrations"]
    assert row["event"] == "Netzwerktreffen" and row["attended"] is not None
