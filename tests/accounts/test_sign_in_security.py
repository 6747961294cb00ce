"""Wrong passwords on the learners' sign-in page count towards django-axes' lockout, which
is answered with a clear message in the reader's language; password-reset mails."""

import html

import pytest
from axes.models import AccessAttempt
from django.core import mail
from django.utils import translation

from cms.accounts.signin import learner_lockout_message

from .conftest import PASSWORD, links_in, log_in, path_of, signed_in, url

pytestmark = pytest.mark.django_db

def test_wrong_passwords_lock_the_address_out(client, learner, settings):
    for attempt in range(1, settings.AXES_FAILURE_LIMIT):
        answer = log_in(client, password="falsch")
        assert answer.status_code == 200, attempt
        assert 'role="alert"' in answer.content.decode()
    answer = log_in(client, password="falsch", language="ar")
    assert answer.status_code == 429
    body = answer.content.decode()
    assert 'dir="rtl"' in body and 'role="alert"' in body
    with translation.override("ar"):  # the message as the Arabic catalogue has it
        expected = html.escape(learner_lockout_message())
    assert "15" in expected and expected in body
    record = AccessAttempt.objects.get()
    assert record.username == "learner"  # the account's: the admin's sign-in counts too
    assert record.failures_since_start == settings.AXES_FAILURE_LIMIT
    # The right password is refused too while the lockout lasts, on a page, not a 500.
    answer = log_in(client, email="Learner@Example.org")
    assert answer.status_code == 429 and not signed_in(client)


def test_a_lockout_is_per_address_and_client(client, learner, settings):
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        log_in(client, password="falsch")
    other_client = log_in(client, REMOTE_ADDR="10.0.0.7")
    assert other_client.status_code == 302 and signed_in(client)


def test_right_password_resets_the_count(client, learner, settings):
    for _attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        log_in(client, password="falsch")
    assert log_in(client).status_code == 302
    assert not AccessAttempt.objects.exists()


def test_password_reset_mail_in_the_readers_language(client, learner, mailing):
    with mailing():
        answer = client.post(url("uk", "passwort/vergessen/"), {"email": learner.email})
    assert answer.status_code == 302
    assert answer["Location"] == url("uk", "passwort/vergessen/gesendet/")
    [message] = mail.outbox
    assert message.to == [learner.email]
    assert "пароль" in message.subject.lower() or "пароля" in message.body  # Ukrainian
    link = next(link for link in links_in(message) if "/passwort/neu/" in link)
    assert path_of(link).startswith("/uk/konto/passwort/neu/")

    form = client.get(path_of(link), follow=True)
    assert form.status_code == 200 and 'autocomplete="new-password"' in form.content.decode()
    action = form.redirect_chain[-1][0]
    done = client.post(action, {"password1": "ein ganz neues Passwort",
                                "password2": "ein ganz neues Passwort"})
    assert done.status_code == 302
    learner.refresh_from_db()
    assert learner.check_password("ein ganz neues Passwort")
    assert client.get(path_of(link), follow=True).context["token_fail"]  # used up


def test_password_reset_says_the_same_for_unknown_addresses(client, mailing):
    with mailing():
        answer = client.post(url("de", "passwort/vergessen/"), {"email": "wer@example.org"})
    assert answer.status_code == 302
    assert mail.outbox == []  # no mail to addresses without an account


def test_password_reset_mails_are_limited_per_address(client, learner, mailing, settings):
    for number in range(settings.PASSWORD_RESET_LIMIT_PER_ADDRESS + 2):
        with mailing():
            answer = client.post(url("de", "passwort/vergessen/"), {"email": learner.email},
                                 REMOTE_ADDR=f"10.0.1.{number}")
        limited = number >= settings.PASSWORD_RESET_LIMIT_PER_ADDRESS
        assert answer.status_code == (429 if limited else 302)
    assert len(mail.outbox) == settings.PASSWORD_RESET_LIMIT_PER_ADDRESS


def test_admin_sign_in_still_uses_usernames(client, learner):
    learner.is_superuser = True
    learner.save()
    answer = client.post("/admin/login/", {"username": "learner", "password": PASSWORD})
    assert answer.status_code == 302 and signed_in(client)


def test_allauth_limits_answer_with_our_429_page(client, settings, mailing):
    settings.ACCOUNT_RATE_LIMITS = {"signup": "1/m/ip"}
    data = {"full_name": "A", "email": "a@example.org", "password1": PASSWORD,
            "password2": PASSWORD}
    with mailing():
        assert client.post(url("fa", "registrieren/"), data).status_code == 302
    answer = client.post(url("fa", "registrieren/"), {**data, "email": "b@example.org"})
    assert answer.status_code == 429
    body = answer.content.decode()
    assert 'lang="fa" dir="rtl"' in body and "<h1>" in body
    assert answer["Content-Language"] == "fa"
