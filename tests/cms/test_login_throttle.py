"""Guessing passwords at /admin/login/ and mail-bombing through /admin/password_reset/.

Every request goes through the real URLs with Django's test client (REMOTE_ADDR 127.0.0.1);
the admin speaks English here (Accept-Language), so the messages are compared as written.
"""

import datetime
import html

import pytest
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.test import Client, RequestFactory
from django.utils import timezone
from wagtail.models import ModelLogEntry

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def attempts():
    """django-axes' failure records (imported here: the module must load without axes)."""
    from axes.models import AccessAttempt

    return AccessAttempt.objects


def reset_requests():
    from cms.accounts.models import PasswordResetRequest

    return PasswordResetRequest.objects

LOGIN = "/admin/login/"
RESET = "/admin/password_reset/"
LOCKOUTS = "/admin/sign-in-lockouts/"
PASSWORD = "correct horse battery"
WRONG_PASSWORD = "Your username and password didn't match. Please try again."
LOCKED = ("Too many failed sign-in attempts. For your protection, signing in with this "
          "username from your network is blocked for 15 minutes. Please try again later, "
          "or ask an administrator to lift the block.")


def english_client(**defaults):
    return Client(HTTP_ACCEPT_LANGUAGE="en", **defaults)


@pytest.fixture
def editor():
    return UserFactory(username="redakteurin", email="redakteurin@example.org",
                       is_superuser=True)


def sign_in(client, password, username="redakteurin", **extra):
    return client.post(LOGIN, {"username": username, "password": password}, **extra)


def signed_in(client) -> bool:
    return "_auth_user_id" in client.session


def body(response) -> str:
    return html.unescape(response.content.decode())


def lock_out(client, **extra):
    for _attempt in range(4):
        response = sign_in(client, "falsch", **extra)
        assert response.status_code == 200
        assert WRONG_PASSWORD in body(response)
    response = sign_in(client, "falsch", **extra)
    assert response.status_code == 429
    return response


def test_five_wrong_passwords_lock_out_even_the_right_one(editor):
    client = english_client()
    fifth = lock_out(client)
    assert LOCKED in body(fifth)
    assert 'name="password"' in body(fifth)  # Wagtail's own sign-in page, not a bare 403

    response = sign_in(client, PASSWORD)
    assert response.status_code == 429
    assert LOCKED in body(response)
    assert WRONG_PASSWORD not in body(response)
    assert not signed_in(client)


def test_the_lockout_message_is_in_the_admins_language(editor):
    client = Client(HTTP_ACCEPT_LANGUAGE="de")
    for _attempt in range(5):
        response = sign_in(client, "falsch")
    assert response.status_code == 429
    assert '<html lang="de"' in body(response)  # Wagtail's page in German around the message


def test_a_successful_sign_in_resets_the_count(editor):
    client = english_client()
    for _attempt in range(4):
        sign_in(client, "falsch")
    response = sign_in(client, PASSWORD)
    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    assert not attempts().exists()

    client.post("/admin/logout/")
    for _attempt in range(4):
        assert WRONG_PASSWORD in body(sign_in(client, "falsch"))
    assert sign_in(client, PASSWORD).status_code == 302
    assert signed_in(client)


def test_a_made_up_x_forwarded_for_does_not_reset_the_count(editor):
    client = english_client()
    for attempt in range(5):
        response = sign_in(client, "falsch", HTTP_X_FORWARDED_FOR=f"198.51.100.{attempt}")
    assert response.status_code == 429  # five addresses claimed, one counted
    response = sign_in(client, PASSWORD, HTTP_X_FORWARDED_FOR="203.0.113.99, 10.0.0.1")
    assert response.status_code == 429
    assert LOCKED in body(response)
    assert not signed_in(client)
    assert set(attempts().values_list("ip_address", flat=True)) == {"127.0.0.1"}


def test_another_client_address_has_its_own_count(editor):
    """Per username and address: someone guessing elsewhere cannot lock the editor out."""
    lock_out(english_client())
    elsewhere = english_client(REMOTE_ADDR="203.0.113.7")
    response = sign_in(elsewhere, PASSWORD)
    assert response.status_code == 302
    assert signed_in(elsewhere)


@pytest.mark.parametrize(("proxies", "forwarded", "remote", "expected"), [
    (0, "203.0.113.5", "10.0.0.2", "10.0.0.2"),  # no proxy trusted: the header is ignored
    (1, "203.0.113.5", "10.0.0.2", "203.0.113.5"),  # Varnish appended the client
    (1, "1.2.3.4, 203.0.113.5", "10.0.0.2", "203.0.113.5"),  # the client's own claim skipped
    (2, "1.2.3.4, 203.0.113.5, 10.0.0.9", "10.0.0.2", "203.0.113.5"),
    (2, "203.0.113.5", "10.0.0.2", "203.0.113.5"),  # fewer entries than proxies
    (1, "", "10.0.0.2", "10.0.0.2"),  # reached the app past the proxy
    (1, "not-an-address", "10.0.0.2", "10.0.0.2"),
    (1, "2001:DB8::1", "10.0.0.2", "2001:db8::1"),
])
def test_client_address_behind_trusted_proxies(settings, proxies, forwarded, remote, expected):
    from cms.accounts.client_ip import client_ip

    settings.TRUSTED_PROXY_COUNT = proxies
    request = RequestFactory().get("/", REMOTE_ADDR=remote, HTTP_X_FORWARDED_FOR=forwarded)
    assert client_ip(request) == expected


def test_behind_one_proxy_the_spoofed_part_of_the_header_is_ignored(settings, editor):
    settings.TRUSTED_PROXY_COUNT = 1
    client = english_client(REMOTE_ADDR="10.0.0.2")  # Varnish
    for attempt in range(5):
        response = sign_in(client, "falsch",
                           HTTP_X_FORWARDED_FOR=f"198.51.100.{attempt}, 203.0.113.5")
    assert response.status_code == 429
    assert set(attempts().values_list("ip_address", flat=True)) == {"203.0.113.5"}
    other_reader = sign_in(client, PASSWORD, HTTP_X_FORWARDED_FOR="192.0.2.44")
    assert other_reader.status_code == 302


def test_lockouts_are_listed_and_unlocked_in_the_admin(editor):
    lock_out(english_client())
    admin = english_client()
    admin.force_login(UserFactory(username="zentrale", is_superuser=True))

    listing = admin.get(LOCKOUTS)
    assert listing.status_code == 200
    page = body(listing)
    assert "redakteurin" in page and "127.0.0.1" in page
    assert "<td>5</td>" in page and "Locked until" in page
    assert LOCKOUTS in body(admin.get("/admin/"))  # in the Settings menu

    key = attempts().get().pk
    response = admin.post(LOCKOUTS, {"attempt": key}, follow=True)
    assert response.redirect_chain == [(LOCKOUTS, 302)]
    assert "Sign-in for redakteurin from 127.0.0.1 is unlocked." in body(response)
    assert "No failed sign-in attempts at the moment." in body(response)
    entry = ModelLogEntry.objects.get(action="cms.sign_in_unlocked")
    assert entry.object_id == str(editor.pk) and entry.user.username == "zentrale"

    user_again = english_client()
    assert sign_in(user_again, PASSWORD).status_code == 302


def test_the_lockout_view_needs_the_permission(editor):
    lock_out(english_client())
    staff = Group.objects.create(name="IT-Betreuung")
    staff.permissions.add(Permission.objects.get(codename="access_admin"),
                          Permission.objects.get(codename="manage_lockouts"))
    with_permission = english_client()
    with_permission.force_login(UserFactory(groups=["IT-Betreuung"]))
    assert "redakteurin" in body(with_permission.get(LOCKOUTS))

    without = english_client()
    without.force_login(UserFactory(groups=["Editors"]))
    response = without.get(LOCKOUTS)
    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    assert LOCKOUTS not in body(without.get("/admin/"))
    assert attempts().count() == 1  # nothing unlocked by the refused user
    assert without.post(LOCKOUTS, {"attempt": attempts().get().pk}).status_code == 302
    assert attempts().count() == 1


def test_the_permission_can_be_given_in_wagtails_group_editor():
    admin = english_client()
    admin.force_login(UserFactory(is_superuser=True))
    assert "Can see and lift sign-in lockouts" in body(admin.get("/admin/groups/new/"))


# --- Password reset ----------------------------------------------------------------------
def request_reset(client, email):
    return client.post(RESET, {"email": email})


def test_twenty_one_reset_requests_send_three_mails(editor):
    client = english_client()
    responses = [request_reset(client, "redakteurin@example.org") for _request in range(21)]
    assert [(r.status_code, r["Location"]) for r in responses] == \
        [(302, "/admin/password_reset/done/")] * 21
    assert len(mail.outbox) == 3
    assert {tuple(m.to) for m in mail.outbox} == {("redakteurin@example.org",)}
    # Counted, but the address itself is nowhere in the table.
    rows = list(reset_requests().values_list("address_hash", "client_hash"))
    assert len(rows) == 21
    assert not any("redakteurin" in a or "127.0.0.1" in c for a, c in rows)


def test_unknown_addresses_and_refused_requests_get_the_same_answer(editor):
    client = english_client()
    answers = {(r.status_code, r["Location"]) for r in [
        request_reset(client, "redakteurin@example.org"),  # sent
        request_reset(client, "niemand@example.org"),  # no such account
        *[request_reset(client, "redakteurin@example.org") for _request in range(4)],
    ]}
    assert answers == {(302, "/admin/password_reset/done/")}
    assert client.get("/admin/password_reset/done/").status_code == 200
    assert len(mail.outbox) == 3


def test_the_address_limit_is_per_address_and_case_blind(editor):
    UserFactory(username="kollege", email="kollege@example.org")
    client = english_client()
    for email in ["Redakteurin@Example.org", "redakteurin@example.org ",
                  "REDAKTEURIN@EXAMPLE.ORG", "redakteurin@example.org"]:
        request_reset(client, email)
    request_reset(client, "kollege@example.org")
    assert sorted(m.to[0] for m in mail.outbox) == [
        "kollege@example.org", *["redakteurin@example.org"] * 3]


def test_one_client_address_gets_ten_mails_an_hour():
    for number in range(12):
        UserFactory(username=f"person{number}", email=f"person{number}@example.org")
    client = english_client()
    for number in range(12):
        assert request_reset(client, f"person{number}@example.org").status_code == 302
    assert len(mail.outbox) == 10
    elsewhere = english_client(REMOTE_ADDR="203.0.113.7")
    request_reset(elsewhere, "person11@example.org")
    assert len(mail.outbox) == 11


def test_the_window_passes_and_old_counters_are_pruned(editor):
    from cms.accounts.tasks import prune_sign_in_records

    client = english_client()
    for _request in range(4):
        request_reset(client, "redakteurin@example.org")
    assert len(mail.outbox) == 3
    reset_requests().update(requested_at=timezone.now() - datetime.timedelta(hours=2))
    lock_out(english_client())
    attempts().update(attempt_time=timezone.now() - datetime.timedelta(minutes=16))

    assert prune_sign_in_records() == {"password_reset_requests": 4, "failed_sign_ins": 1}
    request_reset(client, "redakteurin@example.org")
    assert len(mail.outbox) == 4
    assert sign_in(english_client(), PASSWORD).status_code == 302


def test_the_prune_runs_daily_beside_the_search_log():
    from django.conf import settings

    schedule = settings.CELERY_BEAT_SCHEDULE
    assert schedule["prune-sign-in-records"]["task"] == "cms.accounts.tasks.prune_sign_in_records"
    assert "prune-search-log" in schedule
