"""Answers at the same moment from real threads with their own connections are all counted.

A module of its own, without a module-wide django_db mark: that mark sets the database up
before `committed_site`, so its flush would run after the site was restored and leave the
next tests an empty database (tests/partners/test_onboarding_races.py explains the pair)."""

import pytest
from django.db import connection
from django.utils import timezone

from feedback.models import PageFeedback
from tests.partners.test_onboarding_races import (  # noqa: F401 (fixture)
    committed_site,
    run_at_once,
)

needs_postgres = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="concurrency needs PostgreSQL (DATABASE_URL=postgres://…): SQLite runs one "
           "writing transaction at a time, so concurrent answers cannot race there")


@needs_postgres
def test_answers_from_threads_at_once_are_all_counted(committed_site, transactional_db):  # noqa: F811
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
