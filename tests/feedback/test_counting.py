"""The counters are incremented by the database, so answers at the same moment are all
counted: no read-modify-write, and the day's first row is created once even when two
requests race for it (the unique constraint and get_or_create's retry)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from feedback.models import PageFeedback
from tests.partners.test_onboarding_races import (  # noqa: F401 (fixture)
    committed_site,
    run_at_once,
)

pytestmark = pytest.mark.django_db
needs_postgres = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="concurrency needs PostgreSQL (DATABASE_URL=postgres://…): SQLite runs one "
           "writing transaction at a time, so concurrent answers cannot race there")


def test_increment_is_an_sql_expression(guide):
    PageFeedback.record(guide.pk, "de", True)
    stale = PageFeedback.objects.get()  # what another process read before our update
    with CaptureQueriesContext(connection) as queries:
        PageFeedback.record(guide.pk, "de", True)
    assert len(queries) == 1
    assert '"helpful" = ("feedback_pagefeedback"."helpful" + 1)' in queries[0]["sql"]
    stale.refresh_from_db()
    assert (stale.helpful, stale.not_helpful) == (2, 0)


def test_a_row_created_by_a_concurrent_request_is_incremented_not_replaced(guide,
                                                                            monkeypatch):
    """Between our UPDATE (no row yet) and our INSERT another request creates the row and
    counts its answer: ours must be added to it, not lost or doubled."""
    original = PageFeedback.objects.get_or_create

    def racing_get_or_create(**kwargs):
        monkeypatch.setattr(PageFeedback.objects, "get_or_create", original)
        PageFeedback.record(guide.pk, "de", False)  # the other request wins the race
        return original(**kwargs)

    monkeypatch.setattr(PageFeedback.objects, "get_or_create", racing_get_or_create)
    PageFeedback.record(guide.pk, "de", True)
    assert list(PageFeedback.objects.values_list("helpful", "not_helpful")) == [(1, 1)]


@needs_postgres
@pytest.mark.usefixtures("committed_site", "transactional_db")  # restored after the flush
def test_answers_from_threads_at_once_are_all_counted():
    """Real concurrent requests: threads with their own connections, released together (as
    tests/partners/test_onboarding_races.py; SQLite lets one transaction write at a time, so
    there is no race to lose there)."""
    from cms.models import GuidePage

    guide = GuidePage.objects.get(locale__language_code="de", slug="test-guide")
    outcomes = run_at_once([lambda value=value: PageFeedback.record(guide.pk, "de", value)
                            for value in [True, False] * 10])
    assert outcomes == [("ok", None)] * 20
    row = PageFeedback.objects.get(page=guide, language="de", date=timezone.localdate())
    assert (row.helpful, row.not_helpful) == (10, 10)
