"""50 registrations at the same moment for 10 seats, through the real view, on PostgreSQL.

Without the lock (`events.registration._lock` made a no-op) this test fails: on PostgreSQL 15
two runs gave 50 of 50 registrations confirmed for 10 seats (every request answered 302,
nobody on the waiting list); with the lock it passes.

A module of its own, without a module-wide django_db mark (see
tests/feedback/test_counting_concurrency.py: the mark would flush after `committed_site`)."""

import pytest
from django.db import connection
from django.test import Client

from events.models import Registration
from tests.partners.test_onboarding_races import (  # noqa: F401 (fixture)
    committed_site,
    run_at_once,
)

from .conftest import ORIGIN, make_event

needs_postgres = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="concurrency needs PostgreSQL (DATABASE_URL=postgres://…): SQLite runs one "
           "writing transaction at a time, so concurrent registrations cannot race there")


@needs_postgres
def test_fifty_at_once_for_ten_seats(committed_site, transactional_db):  # noqa: F811
    from django.contrib.auth import get_user_model

    event = make_event(capacity=10, waiting_list=True)
    users = [get_user_model().objects.create_user(username=f"u{n}", email=f"u{n}@example.org")
             for n in range(50)]
    url = f"/de/veranstaltungen/{event.translation_key}/anmelden/"

    def register(user):
        client = Client()
        client.force_login(user)
        return client.post(url, **ORIGIN).status_code

    outcomes = run_at_once([lambda user=user: register(user) for user in users])
    assert outcomes == [("ok", 302)] * 50
    registrations = Registration.objects.filter(event_key=event.translation_key)
    assert registrations.filter(status="confirmed").count() == 10
    waiting = list(registrations.filter(status="waiting").order_by("position"))
    assert [r.position for r in waiting] == list(range(1, 41))
    # in order: the waiting list is the order in which the registrations were written
    assert [r.pk for r in waiting] == sorted(r.pk for r in waiting)

    # Twice again at once by the same person: refused, still one registration each.
    again = run_at_once([lambda: register(users[0]), lambda: register(users[0])])
    assert again == [("ok", 302)] * 2
    assert registrations.filter(user=users[0]).count() == 1

    # One confirmed person cancels: exactly the first one waiting is offered the seat.
    leaver = registrations.filter(status="confirmed").first()
    client = Client()
    client.force_login(leaver.user)
    client.post(f"/de/veranstaltungen/{event.translation_key}/abmelden/", **ORIGIN)
    offered = list(registrations.filter(status="offered"))
    assert [r.pk for r in offered] == [waiting[0].pk]
    assert registrations.filter(status__in=["confirmed", "offered"]).count() == 10
    assert registrations.filter(status="waiting").count() == 39
