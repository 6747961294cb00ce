"""Following a programme by e-mail through the real views: double opt-in for guests (the link
opens a page with a button), one click for signed-in learners, the limits on confirmation
mails, refusals that change nothing, and unconfirmed follows forgotten."""

import datetime

import pytest
from django.test import Client
from django.utils import timezone

from funding.alerts.models import AlertMailRequest, AlertSubscription
from funding.tasks import forget_unconfirmed_alerts

from .alerts_support import ORIGIN, follow_url, link_in, make_learner, programme_with_deadline

pytestmark = pytest.mark.django_db


@pytest.fixture
def programme(db):
    return programme_with_deadline(30)


@pytest.fixture
def learner(db):
    return make_learner()


def post_guest(client, programme, email="gast@example.org", language="de", **extra):
    return client.post(follow_url(programme, language), {"email": email}, **{**ORIGIN, **extra})


def test_guest_double_opt_in(client, programme, mailoutbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        answer = post_guest(client, programme)
    assert answer.status_code == 200
    assert "Bitte bestätigen Sie mit dem Link" in answer.content.decode()
    subscription = AlertSubscription.objects.get(email="gast@example.org")
    assert not subscription.confirmed and subscription.language == "de"
    [mail] = mailoutbox
    assert mail.to == ["gast@example.org"]
    assert "Testförderung Integration" in mail.body
    confirm = link_in(mail, "bestaetigen")
    asked = client.get(confirm)  # a mail scanner opening the link changes nothing
    assert asked.status_code == 200
    assert "Meine Benachrichtigung bestätigen" in asked.content.decode()
    subscription.refresh_from_db()
    assert not subscription.confirmed
    done = client.post(confirm)
    assert done.status_code == 200
    assert "Ihre Benachrichtigung ist bestätigt" in done.content.decode()
    subscription.refresh_from_db()
    assert subscription.confirmed_at is not None
    assert client.post(confirm).status_code == 409  # used once


def test_a_bad_address_gets_a_clear_message_and_nothing_is_kept(client, programme, mailoutbox):
    answer = post_guest(client, programme, email="gast(at)example")
    assert answer.status_code == 400
    body = answer.content.decode()
    assert "Das ist keine E-Mail-Adresse" in body and 'aria-invalid="true"' in body
    assert 'value="gast(at)example"' in body  # the reader's input stays to correct
    assert not AlertSubscription.objects.exists()
    assert mailoutbox == []


def test_an_empty_address_is_asked_for(client, programme):
    answer = post_guest(client, programme, email="")
    assert answer.status_code == 400
    assert "Bitte geben Sie Ihre E-Mail-Adresse an." in answer.content.decode()


def test_a_post_from_another_site_is_refused(client, programme):
    answer = post_guest(client, programme, HTTP_ORIGIN="https://evil.example")
    assert answer.status_code == 403
    assert not AlertSubscription.objects.exists()


def test_following_is_post_only_and_needs_a_programme(client, programme):
    assert client.get(follow_url(programme)).status_code == 405
    unknown = "/de/foerderung/benachrichtigung/programm/00000000-0000-0000-0000-000000000000/"
    assert client.post(unknown, {"email": "gast@example.org"}, **ORIGIN).status_code == 404


def test_a_learner_follows_in_one_click_and_stops_on_the_profile(client, programme, learner,
                                                                 mailoutbox):
    client.force_login(learner)
    page = client.get(programme.url).content.decode()
    assert "Diesem Programm folgen" in page and 'name="email"' not in page.split(
        'id="alerts"')[1].split("</section>")[0]
    answer = client.post(follow_url(programme), **ORIGIN)
    assert answer.status_code == 200
    subscription = AlertSubscription.objects.get(user=learner)
    assert subscription.confirmed and subscription.email == "lea@example.org"
    assert mailoutbox == []  # the address is verified already
    assert "Sie folgen dem schon." in client.post(follow_url(programme),
                                                     **ORIGIN).content.decode()
    assert AlertSubscription.objects.count() == 1
    assert "Sie folgen diesem Programm." in client.get(programme.url).content.decode()
    profile = client.get("/de/konto/profil/").content.decode()
    assert 'id="alerts"' in profile and "Testförderung Integration" in profile
    stop = f"/de/foerderung/benachrichtigung/{subscription.pk}/beenden/"
    assert client.get(stop).status_code == 405
    answer = client.post(stop)
    assert answer.status_code == 302
    assert not AlertSubscription.objects.exists()
    assert client.post(stop).status_code == 404


def test_a_learner_cannot_stop_someone_elses_alert(client, programme, learner):
    other = make_learner("other@example.org")
    theirs = AlertSubscription.objects.create(programme_key=programme.translation_key,
                                              email=other.email, language="de", user=other,
                                              confirmed_at=timezone.now())
    client.force_login(learner)
    assert client.post(f"/de/foerderung/benachrichtigung/{theirs.pk}/beenden/"
                       ).status_code == 404
    assert AlertSubscription.objects.filter(pk=theirs.pk).exists()


def test_stopping_needs_a_sign_in(client, programme):
    assert client.post("/de/foerderung/benachrichtigung/1/beenden/").status_code == 302


def test_an_unverified_learner_confirms_like_a_guest(client, programme, mailoutbox,
                                                     django_capture_on_commit_callbacks):
    client.force_login(make_learner("neu@example.org", verified=False))
    with django_capture_on_commit_callbacks(execute=True):
        client.post(follow_url(programme), **ORIGIN)
    assert not AlertSubscription.objects.get().confirmed
    assert mailoutbox[0].to == ["neu@example.org"]


def test_confirmation_mails_are_limited_per_address(client, programme, mailoutbox,
                                                    django_capture_on_commit_callbacks):
    for _ in range(3):
        with django_capture_on_commit_callbacks(execute=True):
            assert post_guest(client, programme).status_code == 200
    assert len(mailoutbox) == 3
    with django_capture_on_commit_callbacks(execute=True):
        answer = post_guest(client, programme)
    assert answer.status_code == 429
    assert "Bitte versuchen Sie es in einer Stunde noch einmal." in answer.content.decode()
    assert len(mailoutbox) == 3
    assert AlertSubscription.objects.count() == 1  # the same follow, asked again


def test_confirmation_mails_are_limited_per_client(client, programme, mailoutbox,
                                                   django_capture_on_commit_callbacks):
    for number in range(10):
        assert post_guest(client, programme, email=f"g{number}@example.org").status_code == 200
    answer = post_guest(client, programme, email="g10@example.org")
    assert answer.status_code == 429
    assert not AlertSubscription.objects.filter(email="g10@example.org").exists()
    # another client may still ask
    assert post_guest(Client(REMOTE_ADDR="10.0.0.9"), programme,
                      email="g11@example.org").status_code == 200
    hashes = AlertMailRequest.objects.values_list("address_hash", "client_hash")
    assert all(len(a) == len(c) == 64 and "@" not in a + c for a, c in hashes)


def test_unconfirmed_follows_are_forgotten_and_their_links_refused(client, programme,
                                                                   mailoutbox,
                                                                   django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        post_guest(client, programme)
    confirm = link_in(mailoutbox[0], "bestaetigen")
    kept = AlertSubscription.objects.create(programme_key=programme.translation_key,
                                            email="fest@example.org", language="de",
                                            confirmed_at=timezone.now())
    AlertSubscription.objects.update(created=timezone.now() - datetime.timedelta(days=4))
    assert forget_unconfirmed_alerts.delay().get() == 1
    assert list(AlertSubscription.objects.all()) == [kept]
    answer = client.get(confirm)
    assert answer.status_code == 409
    assert "Diese Benachrichtigung gibt es nicht mehr" in answer.content.decode()
