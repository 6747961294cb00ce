"""Registering through the real views: one click for learners, double opt-in for guests,
signed links for confirming, taking an offered seat and cancelling; refusals change nothing."""

import datetime
import re

import pytest
from django.utils import timezone, translation

from events.models import Registration
from events.tasks import expire_event_offers

from .conftest import ORIGIN, make_event

pytestmark = pytest.mark.django_db


def register_url(event, language="de"):
    return f"/{language}/veranstaltungen/{event.translation_key}/anmelden/"


def post_guest(client, event, email="gast@example.org", language="de", capture=None):
    return client.post(register_url(event, language), {"name": "Samira Gast", "email": email},
                       follow=True, **ORIGIN)


def link_in(mail, kind):
    return re.search(rf"http://testserver(/\w+/veranstaltungen/{kind}/[^/\s]+/)",
                     mail.body).group(1)


def test_a_learner_registers_in_one_click_and_twice_is_refused(client, event, learner,
                                                               mailoutbox,
                                                               django_capture_on_commit_callbacks):
    client.force_login(learner)
    with django_capture_on_commit_callbacks(execute=True):
        page = client.post(register_url(event), follow=True, **ORIGIN)
    assert "Sie sind angemeldet" in page.content.decode()
    registration = Registration.objects.get(user=learner)
    assert registration.status == "confirmed"
    assert mailoutbox[-1].to == ["lea@example.org"]
    again = client.post(register_url(event), follow=True, **ORIGIN).content.decode()
    assert "Sie sind für diese Veranstaltung schon angemeldet." in again
    assert Registration.objects.filter(event_key=event.translation_key).count() == 1


def test_a_post_from_another_site_is_refused(client, event, learner):
    client.force_login(learner)
    response = client.post(register_url(event), HTTP_ORIGIN="https://evil.example")
    assert response.status_code == 403
    assert not Registration.objects.exists()


def test_online_link_only_for_the_registered(client, learner):
    event = make_event(venue="", online_url="https://meet.example.org/foerder-123")
    assert "meet.example.org" not in client.get(event.url).content.decode()
    client.force_login(learner)
    assert "meet.example.org" not in client.get(event.url).content.decode()
    client.post(register_url(event), **ORIGIN)
    assert "meet.example.org/foerder-123" in client.get(event.url).content.decode()


def test_guest_double_opt_in(client, event, mailoutbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        page = post_guest(client, event)
    assert "Bitte bestätigen Sie Ihre Anmeldung" in page.content.decode()
    registration = Registration.objects.get(email="gast@example.org")
    assert registration.status == "pending_confirmation"
    confirm = link_in(mailoutbox[-1], "bestaetigen")
    asked = client.get(confirm)  # a mail scanner opening the link changes nothing
    assert asked.status_code == 200 and "Meine Anmeldung bestätigen" in asked.content.decode()
    registration.refresh_from_db()
    assert registration.status == "pending_confirmation"
    with django_capture_on_commit_callbacks(execute=True):
        done = client.post(confirm)
    assert "Ihr Platz ist bestätigt" in done.content.decode()
    registration.refresh_from_db()
    assert registration.status == "confirmed" and registration.confirmed_at
    reused = client.post(confirm)
    assert reused.status_code == 409
    assert "Dieser Link wurde schon benutzt." in reused.content.decode()
    assert "bestaetigen" not in mailoutbox[-1].body  # the last mail: registered, with cancel
    assert Registration.objects.filter(email="gast@example.org").count() == 1
    again = post_guest(client, event).content.decode()
    assert "Diese E-Mail-Adresse ist für diese Veranstaltung schon angemeldet." in again


def test_forged_and_reused_cancel_links_change_nothing(client, event, mailoutbox,
                                                       django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        post_guest(client, event)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(link_in(mailoutbox[-1], "bestaetigen"))
    cancel = link_in(mailoutbox[-1], "absagen")
    token = cancel.rstrip("/").rsplit("/", 1)[1]
    forged = cancel.replace(token, token[:-3] + ("aaa" if token[-3:] != "aaa" else "bbb"))
    for bad in (forged, forged.replace("/absagen/", "/bestaetigen/"),
                cancel.replace("/absagen/", "/bestaetigen/")):  # another action's salt
        response = client.post(bad)
        assert response.status_code == 400, bad
        assert "Dieser Link ist ungültig." in response.content.decode()
    assert Registration.objects.get().status == "confirmed"
    client.logout()
    assert "Ihre Anmeldung ist abgesagt." in client.post(cancel).content.decode()
    reused = client.post(cancel)
    assert reused.status_code == 409
    assert Registration.objects.get().status == "cancelled"


def test_a_cancellation_offers_the_seat_to_the_next_one_for_48_hours(
        client, learner, mailoutbox, django_capture_on_commit_callbacks):
    event = make_event(capacity=1)
    client.force_login(learner)
    client.post(register_url(event), **ORIGIN)
    client.logout()
    for number in (1, 2):
        with django_capture_on_commit_callbacks(execute=True):
            post_guest(client, event, email=f"gast{number}@example.org")
        with django_capture_on_commit_callbacks(execute=True):
            client.post(link_in(mailoutbox[-1], "bestaetigen"))
    waiting = list(Registration.objects.filter(status="waiting").order_by("position"))
    assert [(r.email, r.position) for r in waiting] == [("gast1@example.org", 1),
                                                       ("gast2@example.org", 2)]
    client.force_login(learner)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/de/veranstaltungen/{event.translation_key}/abmelden/", **ORIGIN)
    first, second = (Registration.objects.get(email=f"gast{n}@example.org") for n in (1, 2))
    assert first.status == "offered" and second.status == "waiting"
    assert abs(first.offer_expires_at - timezone.now() - datetime.timedelta(hours=48)) \
        < datetime.timedelta(minutes=1)
    offer = link_in(mailoutbox[-1], "platz")
    assert mailoutbox[-1].to == ["gast1@example.org"]
    # The offer runs out; the beat task (run twice) asks the next one, once.
    Registration.objects.filter(pk=first.pk).update(
        offer_expires_at=timezone.now() - datetime.timedelta(minutes=1))
    with django_capture_on_commit_callbacks(execute=True):
        expire_event_offers()
        expire_event_offers()
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.status, second.status) == ("cancelled", "offered")
    assert client.post(offer).status_code == 409  # the expired offer's link
    with django_capture_on_commit_callbacks(execute=True):
        assert "Ihr Platz ist bestätigt" in client.post(
            link_in(mailoutbox[-1], "platz")).content.decode()
    assert Registration.objects.filter(event_key=event.translation_key,
                                       status="confirmed").count() == 1


REFUSALS = {
    "deadline": ({"registration_deadline": timezone.now() - datetime.timedelta(hours=1)},
                 "The registration deadline for this event has passed."),
    "past": ({"start": timezone.now() - datetime.timedelta(days=2),
              "end": timezone.now() - datetime.timedelta(days=2, hours=-2)},
             "This event has already taken place or has begun. Registration is closed."),
    "no registration": ({"capacity": 0}, "This event needs no registration: you can just come."),
}


@pytest.mark.parametrize("language", ["de", "ar"])
@pytest.mark.parametrize("case", [*REFUSALS, "full"])
def test_refusals_are_clear_in_the_readers_language_and_change_nothing(
        client, learner, language, case):
    if case == "full":
        event = make_event(capacity=1, waiting_list=False)
        other = learner.__class__.objects.create_user(username="o", email="o@example.org")
        client.force_login(other)
        client.post(register_url(event), **ORIGIN)
        msgid = "This event is fully booked."
    else:
        fields, msgid = REFUSALS[case]
        event = make_event(**fields)
    before = Registration.objects.count()
    client.force_login(learner)
    page = client.post(register_url(event, language), follow=True, **ORIGIN).content.decode()
    with translation.override(language):
        expected = translation.gettext(msgid)
    from django.utils.html import escape

    assert escape(expected) in page
    assert Registration.objects.count() == before
    client.logout()
    guest = post_guest(client, event, language=language).content.decode()
    assert escape(expected) in guest
    assert Registration.objects.count() == before


def test_the_reminder_is_sent_once_even_when_beat_runs_twice(
        client, learner, mailoutbox, django_capture_on_commit_callbacks):
    from events.tasks import send_event_reminders

    soon = make_event(start=timezone.now() + datetime.timedelta(hours=20),
                      end=timezone.now() + datetime.timedelta(hours=22))
    later = make_event(slug="spaeter")  # ten days ahead: no reminder yet
    client.force_login(learner)
    for event in (soon, later):
        client.post(register_url(event), **ORIGIN)
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert send_event_reminders() == 1
        assert send_event_reminders() == 0
    assert len(mailoutbox) == 1
    assert "ist morgen" in mailoutbox[0].body and mailoutbox[0].to == ["lea@example.org"]
