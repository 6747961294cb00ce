"""The per-request Locale memo (cms/caching/locales.py) saves queries and nothing else."""

import pytest
from django.utils import translation
from wagtail.models import Locale

from cms.caching.locales import remember_locales

pytestmark = pytest.mark.django_db


def test_repeated_lookups_in_one_read_cost_one_query(django_assert_num_queries):
    with translation.override("ar"), remember_locales():
        with django_assert_num_queries(1):
            first = [Locale.get_active() for _ in range(5)]
        assert {locale.language_code for locale in first} == {"ar"}
    with translation.override("ar"), django_assert_num_queries(2):
        Locale.get_active()
        Locale.get_active()  # outside a read nothing is remembered


def test_misses_are_not_remembered():
    Locale.objects.filter(language_code="vi").update(language_code="vi-old")
    with remember_locales():
        with pytest.raises(Locale.DoesNotExist):
            Locale.objects.get_for_language("vi")
        Locale.objects.filter(language_code="vi-old").update(language_code="vi")
        assert Locale.objects.get_for_language("vi").language_code == "vi"


def test_anonymous_page_view_uses_fewer_queries_with_the_memo(client, monkeypatch):
    from contextlib import nullcontext

    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get("/de/verein-gruenden/test-guide/")
    with CaptureQueriesContext(connection) as remembered:
        client.get("/de/verein-gruenden/test-guide/")
    monkeypatch.setattr("cms.caching.middleware.remember_locales", nullcontext)
    with CaptureQueriesContext(connection) as plain:
        client.get("/de/verein-gruenden/test-guide/")
    assert len(remembered.captured_queries) < len(plain.captured_queries)
