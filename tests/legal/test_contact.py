"""The contact form as a reader meets it: one mail to CONTACT_EMAIL through the outbox,
Reply-To the sender, nothing kept once sent; spam refused with a message in the reader's
language and the typed text kept; no cookie; garbage gets a 400, never a 500."""

import re
import time
from unittest import mock

import pytest
from django.core import mail
from django.utils import translation

from cms.outbox.models import PendingTask
from legal import contact
from legal.contact import new_token

pytestmark = pytest.mark.django_db

ORIGIN = "http://testserver"
MESSAGE = "Der Knopf „Suchen“ ist mit dem Screenreader nicht zu finden."


def token(seconds_ago=10.0):
    with mock.patch("time.time", return_value=time.time() - seconds_ago):
        return new_token()


def form(**changes):
    data = {"name": "Amal", "email": "amal@example.org", "topic": "barrier",
            "message": MESSAGE, "page": "/de/barrierefreiheit/", "website": "",
            "token": token()}
    return {**data, **changes}


def send(client, lang="de", **changes):
    return client.post(f"/{lang}/kontakt/", form(**changes), HTTP_ORIGIN=ORIGIN)


def in_language(lang, text):
    with translation.override(lang):
        return str(text)


@pytest.fixture(autouse=True)
def _fresh_cache(fresh_cache):
    """The rate limit counts in the cache."""


def test_sends_one_mail_through_the_outbox_and_keeps_nothing(
        client, settings, django_capture_on_commit_callbacks):
    settings.CONTACT_EMAIL = "kontakt@wegweiser.example.org"
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = send(client, lang="ar")
    # Queued in the outbox with the request's transaction: a broker outage loses nothing.
    assert PendingTask.objects.filter(task="legal.tasks.send_contact_message").count() == 1
    assert mail.outbox == []
    for callback in callbacks:
        callback()
    assert response.status_code == 302 and response["Location"] == "/ar/kontakt/danke/"
    assert not response.cookies
    [message] = mail.outbox
    assert message.to == ["kontakt@wegweiser.example.org"]
    assert message.reply_to == ["amal@example.org"]
    assert message.subject == "[Wegweiser] Kontaktformular: Barriere gemeldet"
    for part in (MESSAGE, "Amal", "amal@example.org", "/de/barrierefreiheit/",
                 "Sprache der Seite: ar"):
        assert part in message.body
    # Sent: the outbox row is gone, and no other table holds the message.
    assert PendingTask.objects.count() == 0
    thanks = client.get("/ar/kontakt/danke/")
    assert thanks.status_code == 200 and '<html lang="ar" dir="rtl">' in thanks.content.decode()
    assert not thanks.cookies


def test_the_form_sets_no_cookie_and_has_no_csrf_token(client):
    for response in (client.get("/de/kontakt/"), send(client, email="kaputt"),
                     client.head("/de/kontakt/")):
        assert not response.cookies
        assert "Set-Cookie" not in response.headers
    html = client.get("/de/kontakt/").content.decode()
    assert "csrfmiddlewaretoken" not in html and 'name="token"' in html
    assert "private" in client.get("/de/kontakt/")["Cache-Control"]  # a fresh token each time


def refused(response, lang, message):
    html = response.content.decode()
    assert mail.outbox == [] and PendingTask.objects.count() == 0
    assert f'<html lang="{lang}"' in html
    assert 'class="error-summary" role="alert"' in html
    assert in_language(lang, message) in html.replace("&#x27;", "'")
    # What the person typed is still there.
    assert MESSAGE in html and 'value="amal@example.org"' in html and 'value="Amal"' in html
    return html


@pytest.mark.parametrize("lang", ["de", "ar"])
@pytest.mark.parametrize(("changes", "reason"), [
    ({"website": "http://spam.example"}, "Leave this field empty"),
    ({"token": None}, "came back too quickly"),
    ({"token": "old"}, "open for too long"),
    ({"token": "garbage"}, "was damaged"),
], ids=["honeypot", "too-fast", "too-old", "forged-token"])
def test_spam_is_refused_with_a_message_and_the_text_kept(client, lang, changes, reason):
    if changes.get("token") is None and "token" in changes:
        changes = {"token": new_token()}  # sent back at once
    elif changes.get("token") == "old":
        changes = {"token": token(seconds_ago=contact.MAX_AGE + 60)}
    response = send(client, lang=lang, **changes)
    assert response.status_code == 400
    assert any(reason in message for message in _form_errors("en", changes))
    refused(response, lang, _form_errors(lang, changes)[0])


def _form_errors(lang, changes):
    """The form's own refusal, as the reader's language words it (English without the
    merged catalogues)."""
    with translation.override(lang):
        bound = contact.ContactForm(form(**changes))
        bound.is_valid()
        return [str(error) for error in bound.non_field_errors()]


def test_more_than_five_messages_an_hour_from_one_address_are_refused(client):
    for _ in range(contact.RATE_LIMIT):
        assert send(client).status_code == 302
    response = send(client, lang="ar")
    assert response.status_code == 429
    mail.outbox.clear()
    PendingTask.objects.all().delete()
    refused(response, "ar", contact.RATE_LIMITED_MESSAGE)
    # Another address may still write; the cache holds a keyed hash, not the address.
    other = client.post("/de/kontakt/", form(), HTTP_ORIGIN=ORIGIN, REMOTE_ADDR="10.0.0.9")
    assert other.status_code == 302
    from tests.cache_keys import raw_cache_keys

    keys = raw_cache_keys()
    assert keys and not any("127.0.0.1" in key or "10.0.0.9" in key for key in keys)


def test_field_errors_sit_next_to_their_fields_and_in_the_summary(client):
    response = send(client, email="nicht-gueltig", message="", page="javascript:alert(1)")
    assert response.status_code == 400
    html = response.content.decode()
    assert 'aria-invalid="true"' in html
    assert 'id="id_email_error"' in html and 'aria-describedby="id_email_hint id_email_error"' \
        in html
    assert 'href="#id_email"' in html and 'href="#id_message"' in html and 'href="#id_page"' \
        in html
    assert 'value="nicht-gueltig"' in html and 'value="javascript:alert(1)"' in html
    assert mail.outbox == []


@pytest.mark.parametrize("data", [
    {}, {"topic": "spaceship"}, {"token": ["a", "b"], "message": ["x", "y"]},
    {"message": "x" * 6000}, {"name": "A\x00B"}, {"email": "a@b.c\r\nBcc: x@y.z"},
], ids=["empty", "unknown-topic", "lists", "too-long", "nul", "header-injection"])
def test_garbage_is_a_400_not_a_500(client, data):
    response = client.post("/de/kontakt/", {**form(), **data} if data else {},
                           HTTP_ORIGIN=ORIGIN)
    assert response.status_code == 400
    assert mail.outbox == []


def test_a_body_that_is_no_form_is_a_400(client):
    response = client.post("/de/kontakt/", b"\xff\xfe\x00garbage", content_type="text/plain",
                           HTTP_ORIGIN=ORIGIN)
    assert response.status_code == 400
    broken = client.post("/de/kontakt/", b"--x\r\nbroken", HTTP_ORIGIN=ORIGIN,
                         content_type="multipart/form-data; boundary=x")
    assert broken.status_code == 400


def test_a_form_sent_from_another_site_is_refused(client):
    response = client.post("/de/kontakt/", form(), HTTP_ORIGIN="https://evil.example")
    assert response.status_code == 403
    assert mail.outbox == []


def test_head_answers_like_get_and_other_methods_get_405(client):
    get, head = client.get("/de/kontakt/"), client.head("/de/kontakt/")
    assert get.status_code == head.status_code == 200 and head.content == b""
    put = client.put("/de/kontakt/")
    assert put.status_code == 405 and put["Allow"] == "GET, HEAD, POST"


def test_prefill_accepts_only_addresses_of_this_site(client):
    html = client.get("/de/kontakt/?topic=error&page=/de/glossar/").content.decode()
    assert 'value="/de/glossar/"' in html
    assert re.search(r'<input type="radio" name="topic" value="error"[^>]*checked', html)
    spoofed = client.get("/de/kontakt/?topic=x&page=javascript:alert(1)").content.decode()
    [page_field] = re.findall(r'<input[^>]*id="id_page"[^>]*>', spoofed)
    assert "value=" not in page_field
    assert re.search(r'<input type="radio" name="topic" value="general"[^>]*checked', spoofed)
