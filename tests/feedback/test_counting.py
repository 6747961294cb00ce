"""The counters are incremented by the database, so answers at the same moment are all
counted: no read-modify-write, and the day's first row is created once even when two
requests race for it (the unique constraint and get_or_create's retry)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from feedback.models import PageFeedback

pytestmark = pytest.mark.django_db


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
