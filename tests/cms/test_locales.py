"""Locales are read once per process (cms.locales): Wagtail's own look-ups (get_active,
get_default) cost no query once read, a change to a Locale row is seen at once, and unknown
languages fail as they do in Wagtail."""

import pytest
from django.utils import translation
from wagtail.models import Locale

from cms import locales

pytestmark = pytest.mark.django_db


def test_repeated_lookups_cost_no_query(django_assert_num_queries):
    locales.forget()
    with translation.override("ar"), django_assert_num_queries(1):
        found = [Locale.get_active() for _ in range(5)] + [Locale.get_default()]
    assert [locale.language_code for locale in found] == ["ar"] * 5 + ["de"]
    with translation.override("fa"), django_assert_num_queries(0):
        assert Locale.get_active().language_code == "fa"


def test_a_saved_or_deleted_locale_is_seen_at_once(settings):
    settings.LANGUAGES = settings.WAGTAIL_CONTENT_LANGUAGES = [
        *settings.LANGUAGES, ("it", "Italiano")]
    with pytest.raises(Locale.DoesNotExist):
        Locale.objects.get_for_language("it")  # read (and kept) before it exists
    italian = Locale.objects.create(language_code="it")
    assert Locale.objects.get_for_language("it") == italian
    italian.delete()
    with pytest.raises(Locale.DoesNotExist):
        Locale.objects.get_for_language("it")


def test_unknown_languages_fail_as_in_wagtail():
    with pytest.raises(LookupError):
        Locale.objects.get_for_language("xx")
    with translation.override("xx"):
        assert Locale.get_active().language_code == "de"  # Wagtail's fallback


def test_a_page_view_asks_for_no_locale(client, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get("/ar/verein-gruenden/test-guide/")
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/ar/verein-gruenden/test-guide/").status_code == 200
    assert not [q for q in queries.captured_queries if 'FROM "wagtailcore_locale"' in q["sql"]]
