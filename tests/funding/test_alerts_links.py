"""The signed unsubscribe link: its page asks first, the one-click POST of RFC 8058 works
without a CSRF token or an Origin, and forged, altered, reused or mixed-up links are refused
with a message in the reader's language while nothing changes."""

import pytest
from django.test import Client
from django.utils import timezone, translation

from funding.alerts import links
from funding.alerts.models import AlertSubscription

from .alerts_support import confirmed_follow, programme_with_deadline

pytestmark = pytest.mark.django_db

BASE = "/{language}/foerderung/benachrichtigung/{kind}/{token}/"
NOT_VALID = "This link is not valid. Please use the link from your latest e-mail."


@pytest.fixture
def follow(db):
    return confirmed_follow(programme_with_deadline(14))


def url(token, kind="abbestellen", language="de"):
    return BASE.format(language=language, kind=kind, token=token)


def one_click(address):
    """What a mail program sends: no cookie, no CSRF token, no Origin."""
    return Client(enforce_csrf_checks=True).post(
        address, "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded")


def test_the_mail_link_asks_first_and_one_click_stops(follow, mailoutbox,
                                                      django_capture_on_commit_callbacks):
    from funding.alerts.sending import send_deadline_alerts

    with django_capture_on_commit_callbacks(execute=True):
        send_deadline_alerts(today=timezone.localdate())
    [mail] = mailoutbox
    assert mail.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    address = mail.extra_headers["List-Unsubscribe"].strip("<>").removeprefix("http://testserver")
    assert address in mail.body
    asked = Client().get(address)  # a mail scanner opening it changes nothing
    assert asked.status_code == 200 and "Diese E-Mails abbestellen" in asked.content.decode()
    assert AlertSubscription.objects.filter(pk=follow.pk).exists()
    answer = one_click(address)
    assert answer.status_code == 200
    assert "Sie bekommen keine E-Mails mehr" in answer.content.decode()
    assert not AlertSubscription.objects.exists()
    reused = one_click(address)
    assert reused.status_code == 409
    assert "Diese Benachrichtigung gibt es nicht mehr" in reused.content.decode()


def test_the_button_on_the_page_stops_too(follow):
    client = Client(enforce_csrf_checks=True)
    address = url(links.make_token(follow, "unsubscribe"))
    assert client.post(address).status_code == 200
    assert not AlertSubscription.objects.exists()


@pytest.mark.parametrize("language", ["de", "ar"])
def test_an_altered_link_is_refused_in_the_readers_language(follow, language):
    token = links.make_token(follow, "unsubscribe")
    altered = token[:-3] + ("aaa" if not token.endswith("aaa") else "bbb")
    answer = one_click(url(altered, language=language))
    assert answer.status_code == 400
    with translation.override(language):
        assert translation.gettext(NOT_VALID) in answer.content.decode()
    assert AlertSubscription.objects.filter(pk=follow.pk).exists()


def test_a_forged_link_for_another_subscription_is_refused(follow):
    other = confirmed_follow(programme_with_deadline(14), email="andere@example.org")
    forged = links.make_token(follow, "unsubscribe").replace(
        links.make_token(follow, "unsubscribe").split(":")[0],
        links.make_token(other, "unsubscribe").split(":")[0])
    assert one_click(url(forged)).status_code == 400
    guessed = links.signing.dumps([other.pk, "guessed-secret"], salt="funding.alerts.unsubscribe",
                                  key="not-our-key")
    assert one_click(url(guessed)).status_code == 400
    wrong_secret = links.signing.dumps([other.pk, "guessed-secret"],
                                       salt=links.SALTS["unsubscribe"])
    assert one_click(url(wrong_secret)).status_code == 409  # signed, but no such alert
    assert AlertSubscription.objects.count() == 2


def test_a_confirmation_link_does_not_unsubscribe(follow):
    confirm_token = links.make_token(follow, "confirm")
    assert one_click(url(confirm_token)).status_code == 400
    assert AlertSubscription.objects.filter(pk=follow.pk).exists()
    unsubscribe_token = links.make_token(follow, "unsubscribe")
    assert Client().post(url(unsubscribe_token, kind="bestaetigen")).status_code == 400
    assert Client().get(url(unsubscribe_token, kind="bestaetigen")).status_code == 400


def test_links_take_get_and_post_only(follow):
    address = url(links.make_token(follow, "unsubscribe"))
    assert Client().put(address).status_code == 405
    assert AlertSubscription.objects.filter(pk=follow.pk).exists()
