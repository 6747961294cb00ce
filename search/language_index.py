"""PostgreSQL only: Wagtail's index entries with their language, for the full-text match.

Wagtail's index table has no language, so a match read every language's entries from it and
then threw most of them away; and its rows are wide (plain-text copies for snippets), so
ranking read two TOASTed vectors per row. `search_entry_by_language` holds, per entry of a
searched type, its language and the two vectors it is ranked on (kept inline, lz4 where the
server has it), with one GIN index on (language, title || body). A match in one language is
then one index scan and one short read per hit: 2 ms instead of 40 for a common word at
20,000 pages (benchmarks/RESULTS.md).

Triggers on Wagtail's table keep it up to date, whoever writes the entries (Wagtail's index
updates, `update_index`, a bulk import): they look the language up in the table that
`search_searched_table` names for the entry's content type. That table is written after
every `migrate` from the registry (cms.searchable), so a new searched type needs nothing here.
"""

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page

from .registry import SEARCH_TYPES

ENTRIES = "wagtailsearch_indexentry"
TABLE = "search_entry_by_language"
SOURCES = "search_searched_table"


def sources() -> list[tuple[int, str]]:
    """(content type id, table holding its locale_id) for every searched type."""
    found = []
    for search_type in SEARCH_TYPES:
        model = apps.get_model(search_type.model)
        table = Page._meta.db_table if search_type.is_page else model._meta.db_table
        found.append((ContentType.objects.get_for_model(model).pk, table))
    return found


def sync(connection) -> None:
    """Name the source tables of the searched types and add the entries the table lacks
    (all of them right after this table is created; none on a later run)."""
    if connection.vendor != "postgresql" or TABLE not in connection.introspection.table_names():
        return
    rows = sources()
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {SOURCES}")
        cursor.executemany(f"INSERT INTO {SOURCES} (content_type_id, table_name) VALUES (%s, %s)",
                           rows)
        cursor.execute(f"DELETE FROM {TABLE} WHERE content_type_id <> ALL(%s)",
                       [[ct for ct, _table in rows]])
        for content_type_id, table in rows:
            cursor.execute(f"""
                INSERT INTO {TABLE} (entry_id, content_type_id, object_id, locale_id, title, body)
                SELECT e.id, e.content_type_id, o.id, o.locale_id, e.title,
                       e.body || ''::tsvector  -- a new value: compressed as this table says
                FROM {ENTRIES} e JOIN {connection.ops.quote_name(table)} o
                  ON o.id = e.object_id::integer
                WHERE e.content_type_id = %s
                  AND NOT EXISTS (SELECT 1 FROM {TABLE} d WHERE d.entry_id = e.id)""",
                [content_type_id])
