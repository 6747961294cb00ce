"""PostgreSQL's table of index entries by language (search/language_index.py) follows
Wagtail's index whoever writes it, and search reads it: what a reader finds changes with it."""

import pytest
from django.core.management import call_command
from django.db import connection

from cms.models import GlossaryTerm, GuidePage
from search import language_index, vocabulary

from .conftest import ask, slugs

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql",
                       reason="search_entry_by_language exists on PostgreSQL only; "
                              "run with DATABASE_URL=postgres://…"),
]


@pytest.fixture
def engine(settings):
    from search import service

    settings.SEARCH_ENGINE = "database"
    vocabulary.reset()
    return service.get_engine("database")


def rows(obj):
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT w.language_code FROM {language_index.TABLE} d "
                       "JOIN wagtailcore_locale w ON w.id = d.locale_id "
                       "WHERE d.content_type_id = %s AND d.object_id = %s",
                       [_content_type(obj), obj.pk])
        return [language for (language,) in cursor.fetchall()]


def _content_type(obj):
    from django.contrib.contenttypes.models import ContentType

    return ContentType.objects.get_for_model(obj.specific if hasattr(obj, "specific") else obj).pk


def test_every_searched_entry_has_its_language(guide, arabic_guide):
    assert rows(guide) == ["de"]
    assert rows(arabic_guide) == ["ar"]
    term = GlossaryTerm.objects.get(locale__language_code="ar", slug="satzung")
    assert rows(term) == ["ar"]


def test_an_edit_reaches_the_table_and_the_reader(engine, guide):
    assert ("guide", "test-guide") not in slugs(ask(engine, "Quittungsblock"))
    guide.summary = "Ein Quittungsblock für Spenden."
    guide.save_revision().publish()
    vocabulary.reset()
    assert ("guide", "test-guide") in slugs(ask(engine, "Quittungsblock"))


def test_a_deleted_page_leaves_the_table(guide):
    page_id = guide.pk
    GuidePage.objects.get(pk=page_id).delete()
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT count(*) FROM {language_index.TABLE} WHERE object_id = %s "
                       "AND content_type_id = %s", [page_id, _content_type(guide)])
        assert cursor.fetchone()[0] == 0


def test_a_full_rebuild_keeps_it_whole(engine):
    before = _count()
    call_command("update_index", verbosity=0)
    assert _count() == before > 0
    assert ("guide", "test-guide") in slugs(ask(engine, "Testleitfaden"))


def test_sync_fills_in_entries_written_before_the_table(engine):
    # As after the migration on a site with an index: the table is empty until sync().
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {language_index.TABLE}")
    assert ask(engine, "Testleitfaden").count == 0
    language_index.sync(connection)
    assert ("guide", "test-guide") in slugs(ask(engine, "Testleitfaden"))


def test_types_search_does_not_know_are_left_out():
    # Wagtail also indexes images, documents and users; search never shows them.
    searched = {ct for ct, _table in language_index.sources()}
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT DISTINCT content_type_id FROM {language_index.TABLE}")
        assert {ct for (ct,) in cursor.fetchall()} <= searched


def _count():
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT count(*) FROM {language_index.TABLE}")
        return cursor.fetchone()[0]
