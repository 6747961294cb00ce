"""Sign-up with e-mail verification, sign-in, sign-out and the language of it all."""

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client

from cms.outbox.models import PendingTask

from .conftest import PASSWORD, links_in, log_in, path_of, signed_in, url

pytestmark = pytest.mark.django_db


def sign_up(client, language="ar", email="neu@example.org", **extra):
    return client.post(url(language, "registrieren/"), {
        "full_name": "Layla Nasser", "email": email, "password1": PASSWORD,
        "password2": PASSWORD, **extra})


def test_sign_up_in_arabic_confirm_then_sign_in(client, mailing):
    page = client.get(url("ar", "registrieren/"))
    assert page.status_code == 200
    assert 'dir="rtl"' in page.content.decode() and 'autocomplete="name"' in page.content.decode()
    with mailing():
        answer = sign_up(client)
    assert answer.status_code == 302
    assert answer["Location"] == url("ar", "bestaetigen/")
    user = get_user_model().objects.get(email="neu@example.org")
    assert (user.full_name, user.preferred_language) == ("Layla Nasser", "ar")
    assert not signed_in(client)  # mandatory verification: not signed in yet

    assert len(mail.outbox) == 1 and PendingTask.objects.count() == 0  # handed over
    message = mail.outbox[0]
    assert message.to == ["neu@example.org"]
    # allauth's Arabic catalogue: "Please confirm your e-mail address"
    assert message.subject == "[Wegweiser] أكد عنوان البريد الإلكتروني"
    assert message.body.startswith("مرحبا من موقع Wegweiser!")  # "Hello from Wegweiser!"
    assert "Layla Nasser" in message.body and "neu@example.org" not in message.subject
    link = next(link for link in links_in(message) if "/bestaetigen/" in link)
    assert path_of(link).startswith("/ar/konto/bestaetigen/")

    confirm_page = client.get(path_of(link))
    assert confirm_page.status_code == 200
    assert "neu@example.org" in confirm_page.content.decode()
    assert not EmailAddress.objects.get(email="neu@example.org").verified  # GET changes nothing
    confirmed = client.post(path_of(link))
    assert confirmed.status_code == 302
    assert EmailAddress.objects.get(email="neu@example.org").verified
    assert signed_in(client)  # same browser: signed in on confirmation
    assert confirmed["Location"] == "/ar/"  # the home page of the language signed up in


def test_sign_in_needs_a_confirmed_address(client, mailing):
    with mailing():
        sign_up(client, language="de")
    client.logout()
    with mailing():
        answer = log_in(client, email="neu@example.org")
    assert not signed_in(client)
    assert answer.status_code == 302 and answer["Location"] == url("de", "bestaetigen/")
    # A new link only after allauth's cooldown (3 minutes): the first one is still fresh.
    assert len(mail.outbox) == 1


def test_sign_up_refuses_bad_input_with_linked_errors(client):
    answer = sign_up(client, language="de", email="kein-adresse", password2="anders")
    assert answer.status_code == 200
    body = answer.content.decode()
    assert 'aria-invalid="true"' in body
    assert 'aria-describedby="id_email_hint id_email_error"' in body
    assert 'id="id_email_error"' in body and 'role="alert"' in body
    assert not get_user_model().objects.filter(full_name="Layla Nasser").exists()


def test_sign_in_lands_on_next_or_preferred_home(client, learner):
    answer = log_in(client)
    assert answer.status_code == 302 and answer["Location"] == "/ar/"  # preferred language
    client.logout()
    answer = client.post(url("de", "anmelden/") + "?next=/de/konto/profil/",
                         {"login": "LEARNER@example.org", "password": PASSWORD})
    assert answer["Location"] == "/de/konto/profil/"
    assert signed_in(client)


def test_sign_out_is_a_post(client, learner):
    log_in(client)
    page = client.get(url("de", "abmelden/"))
    assert page.status_code == 200 and signed_in(client)  # GET only asks
    answer = client.post(url("uk", "abmelden/"))
    assert answer.status_code == 302 and answer["Location"] == "/uk/"
    assert not signed_in(client)


def test_header_link_says_sign_in_or_my_account(client, learner, guide):
    page = client.get(guide.url)
    assert 'href="/de/konto/anmelden/"' in page.content.decode()
    log_in(client)
    page = client.get(guide.url)
    assert 'href="/de/konto/profil/"' in page.content.decode()


def test_account_pages_are_never_shared(client, learner, settings):
    settings.PAGE_CACHE_ENABLED = True
    for path in ("anmelden/", "registrieren/", "passwort/vergessen/"):
        answer = client.get(url("de", path))
        assert answer.status_code == 200
        assert "private" in answer["Cache-Control"] and "no-store" in answer["Cache-Control"]
    log_in(client)
    answer = client.get(url("de", "profil/"))
    assert "private" in answer["Cache-Control"]


def test_account_pages_without_a_language_redirect_to_one(client):
    answer = client.get("/konto/anmelden/", HTTP_ACCEPT_LANGUAGE="de")
    assert answer.status_code == 302 and answer["Location"].startswith("/de/konto/anmelden/")


def test_confirming_in_another_browser_leads_to_our_sign_in(client, mailing):
    with mailing():
        sign_up(client, language="tr")
    link = next(link for link in links_in(mail.outbox[0]) if "/bestaetigen/" in link)
    other = Client()
    answer = other.post(path_of(link))
    assert answer.status_code == 302 and answer["Location"] == url("tr", "anmelden/")
    assert EmailAddress.objects.get(email="neu@example.org").verified
    assert log_in(other, email="neu@example.org", language="tr").status_code == 302


def test_signed_in_pages_send_strangers_to_our_sign_in(client):
    for path in ("passwort/aendern/", "profil/loeschen/", "organisationen/1/mitglieder/"):
        answer = client.get(url("ru", path))
        assert answer.status_code == 302
        assert answer["Location"].startswith(url("ru", "anmelden/") + "?next=")


def test_change_password(client, learner):
    log_in(client)
    page = client.get(url("de", "passwort/aendern/"))
    assert 'autocomplete="current-password"' in page.content.decode()
    answer = client.post(url("de", "passwort/aendern/"), {
        "oldpassword": PASSWORD, "password1": "noch ein neues Passwort",
        "password2": "noch ein neues Passwort"})
    assert answer.status_code == 302 and answer["Location"] == url("de", "profil/")
    learner.refresh_from_db()
    assert learner.check_password("noch ein neues Passwort")
    assert signed_in(client)


def test_signing_up_with_a_taken_address_reveals_nothing(client, learner, mailing):
    with mailing():
        answer = sign_up(client, language="ru", email="learner@example.org")
    assert answer.status_code == 302 and answer["Location"] == url("ru", "bestaetigen/")
    assert get_user_model().objects.filter(email__iexact="learner@example.org").count() == 1
    [message] = mail.outbox  # the owner of the address is told, in the reader's language
    assert message.to == ["learner@example.org"] and "/ru/konto/passwort/vergessen/" in message.body
