"""The profile page, and guest data in the session surviving sign-up and sign-in."""

import pytest
from django.core import mail
from django.test import Client

from .conftest import PASSWORD, links_in, log_in, path_of, signed_in, url

pytestmark = pytest.mark.django_db


def test_profile_needs_signing_in(client):
    answer = client.get(url("fa", "profil/"))
    assert answer.status_code == 302
    assert answer["Location"] == "/fa/konto/anmelden/?next=/fa/konto/profil/"


def test_profile_edit(client, learner):
    log_in(client)
    page = client.get(url("de", "profil/"))
    body = page.content.decode()
    assert page.status_code == 200 and 'value="Amal Haddad"' in body
    assert '<option value="ar" selected>' in body
    answer = client.post(url("de", "profil/"), {"full_name": "  Amal H. Haddad ",
                                                "preferred_language": "uk"})
    assert answer.status_code == 302
    learner.refresh_from_db()
    assert (learner.full_name, learner.preferred_language) == ("Amal H. Haddad", "uk")
    client.post(url("de", "abmelden/"))
    assert log_in(client)["Location"] == "/uk/"  # lands on the new language's home


def test_profile_refuses_an_unknown_language(client, learner):
    log_in(client)
    answer = client.post(url("de", "profil/"), {"full_name": "X", "preferred_language": "xx"})
    assert answer.status_code == 400
    assert 'aria-describedby="id_preferred_language_hint id_preferred_language_error"' \
        in answer.content.decode()
    learner.refresh_from_db()
    assert learner.preferred_language == "ar"


def test_mail_language_falls_back_to_the_preferred_one(learner, mailing):
    """Without a request under a language prefix (e.g. from a shell), the account's own."""
    from allauth.account.models import EmailAddress

    address = EmailAddress.objects.get(user=learner)
    address.verified = False
    address.save()
    with mailing():
        address.send_confirmation(request=None)
    [message] = mail.outbox
    assert message.body.startswith("مرحبا")  # Arabic, the learner's preferred language
    assert "http://testserver/ar/konto/bestaetigen/" in message.body  # BASE_URL, Arabic


def test_session_data_survives_sign_up_confirmation_and_sign_in(client, mailing):
    """A guest's progress waits in the session; the learning app moves it into the account
    on user_signed_up / user_logged_in. Sign-up, confirmation and sign-in keep it."""
    session = client.session
    session["guest_progress"] = {"lesson": "abc", "answers": [1, 2]}
    session.save()
    with mailing():
        client.post(url("de", "registrieren/"), {
            "full_name": "Gast", "email": "gast@example.org", "password1": PASSWORD,
            "password2": PASSWORD})
    assert client.session["guest_progress"] == {"lesson": "abc", "answers": [1, 2]}
    link = next(link for link in links_in(mail.outbox[0]) if "/bestaetigen/" in link)
    client.post(path_of(link))
    assert signed_in(client)
    assert client.session["guest_progress"] == {"lesson": "abc", "answers": [1, 2]}
    client = Client()  # another browser, a guest again
    session = client.session
    session["guest_progress"] = {"lesson": "def"}
    session.save()
    key_before = session.session_key
    log_in(client, email="gast@example.org")
    assert signed_in(client)
    assert client.session.session_key != key_before  # cycled against fixation
    assert client.session["guest_progress"] == {"lesson": "def"}


def test_signals_fire_for_the_hand_over(client, mailing):
    from allauth.account.signals import user_logged_in, user_signed_up

    seen = []

    def signed_up(request, user, **kwargs):
        seen.append(("signed_up", user.email))

    def logged_in(request, user, **kwargs):
        seen.append(("logged_in", request.session.get("guest_progress")))

    user_signed_up.connect(signed_up)
    user_logged_in.connect(logged_in)
    try:
        session = client.session
        session["guest_progress"] = "x"
        session.save()
        with mailing():
            client.post(url("de", "registrieren/"), {
                "full_name": "Gast", "email": "gast@example.org", "password1": PASSWORD,
                "password2": PASSWORD})
        client.post(path_of(next(link for link in links_in(mail.outbox[0])
                                 if "/bestaetigen/" in link)))
    finally:
        user_signed_up.disconnect(signed_up)
        user_logged_in.disconnect(logged_in)
    assert seen == [("signed_up", "gast@example.org"), ("logged_in", "x")]
