"""Guests' names and addresses deleted EVENT_GUEST_RETENTION_DAYS after the event by the beat
task, once; learners' registrations and the counts stay; the guest form says so."""

import datetime

import pytest
from django.utils import timezone

from events.models import Registration
from events.tasks import forget_event_guests

from .conftest import make_event

pytestmark = pytest.mark.django_db


def guest(event, name, status="confirmed", **extra):
    return Registration.objects.create(event_key=event.translation_key, name=name,
                                       email=f"{name.lower()}@example.org", status=status,
                                       **extra)


def ended(days_ago, slug):
    start = timezone.now() - datetime.timedelta(days=days_ago, hours=2)
    return make_event(title=f"Treffen {slug}", slug=slug, start=start,
                      end=start + datetime.timedelta(hours=2))


def test_guests_are_forgotten_after_the_retention_days_counts_kept(settings, learner):
    settings.EVENT_GUEST_RETENTION_DAYS = 30
    old, recent, coming = ended(31, "alt"), ended(29, "neu"), make_event()
    omar = guest(old, "Omar", attended_at=timezone.now() - datetime.timedelta(days=31))
    guest(old, "Ana", status="cancelled")
    lea = Registration.objects.create(event_key=old.translation_key, user=learner,
                                      status="confirmed")
    kept = [guest(recent, "Mila"), guest(coming, "Zeynep")]

    assert forget_event_guests() == 2
    omar.refresh_from_db()
    assert (omar.name, omar.email) == ("", "")
    assert omar.forgotten_at and omar.attended_at and omar.status == "confirmed"
    assert Registration.objects.filter(event_key=old.translation_key).count() == 3
    assert not Registration.objects.filter(email__in=["omar@example.org", "ana@example.org"])
    lea.refresh_from_db()
    assert lea.user == learner
    for registration in kept:
        registration.refresh_from_db()
        assert registration.email and registration.forgotten_at is None

    assert forget_event_guests() == 0  # beat twice: nothing more


def test_the_setting_decides(settings):
    event = ended(10, "zehn")
    omar = guest(event, "Omar")
    settings.EVENT_GUEST_RETENTION_DAYS = 30
    assert forget_event_guests() == 0
    settings.EVENT_GUEST_RETENTION_DAYS = 7
    assert forget_event_guests() == 1
    omar.refresh_from_db()
    assert omar.email == ""


def test_a_deleted_event_forgets_its_guests_at_once(settings):
    event = make_event()
    omar = guest(event, "Omar")
    event.delete()
    assert forget_event_guests() == 1
    omar.refresh_from_db()
    assert omar.name == ""


def test_two_forgotten_guests_of_one_date_are_fine_and_the_list_shows_them(client, settings):
    from partners.onboarding import onboard_partner
    from tests.factories import UserFactory

    event = ended(40, "vierzig")
    guest(event, "Omar")
    guest(event, "Ana")
    assert forget_event_guests() == 2
    editors = onboard_partner("Brücke Leipzig e. V.", "/verein-gruenden/", "ar").editors
    client.force_login(UserFactory(username="editor_a", groups=[editors.name]))
    body = client.get(f"/de/veranstaltungen/{event.translation_key}/anwesenheit.csv") \
        .content.decode()
    assert body.count("\r\n") == 3 and "example.org" not in body


def test_the_guest_form_names_the_days(client, settings):
    settings.EVENT_GUEST_RETENTION_DAYS = 14
    event = make_event()
    html = client.get(event.url).content.decode()
    assert "14" in html.split('class="guest-registration"')[1].split("</form>")[0]
