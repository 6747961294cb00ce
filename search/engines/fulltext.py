"""One full-text query on Wagtail's own index tables, written for each database.

Why not Wagtail's query compiler: it scores an AND of ORs by multiplying (1 + score) per
part; on SQLite, where bm25() is negative, that turns the best matches into the worst, and on
PostgreSQL it runs one ts_rank per alternative word. Here the whole expression is one MATCH /
one tsquery with one rank. Only the text match lives here; which objects a reader may see is
decided by ordinary querysets in the engine.
"""

from django.db import connection
from django.db.models.expressions import RawSQL
from wagtail.search.models import IndexEntry

MAX_MATCHES = 20_000
BODY_WEIGHT, TITLE_WEIGHT = 1.0, 2.0


def _sqlite_expression(groups: list[list[str]], operator: str) -> str:
    def alternative(text):
        return "(" + " AND ".join(f'"{w}"' for w in text.split()) + ")"

    parts = ["(" + " OR ".join(alternative(a) for a in group) + ")" for group in groups]
    return "{title body} : (" + f" {operator.upper()} ".join(parts) + ")"


def _tsquery(groups: list[list[str]], operator: str) -> str:
    def alternative(text):
        return "(" + " & ".join(f"'{w}'" for w in text.split()) + ")"

    parts = ["(" + " | ".join(alternative(a) for a in group) + ")" for group in groups]
    return (" & " if operator == "and" else " | ").join(parts)


def match(groups: list[list[str]], content_type_ids, operator: str = "and", scope=None):
    """[(content_type_id, object_id, score)], best first; score is higher for better.
    `scope` = (table, locale_id) keeps only objects of one language: on a big site most
    matches are in other languages."""
    if not groups or not content_type_ids:
        return []
    types = ", ".join(str(int(ct)) for ct in content_type_ids)
    if connection.vendor == "postgresql":
        return _postgres_match(_tsquery(groups, operator), types, scope)
    if connection.vendor == "sqlite":
        return _sqlite_match(_sqlite_expression(groups, operator), types, scope)
    raise NotImplementedError(f"No full-text query for {connection.vendor}.")


def _postgres_match(tsquery: str, types: str, scope):
    """Three short queries, each with one plan whatever the table statistics say (right after
    a bulk import there are none, and a join was planned as a nested loop over every page).
    1. Which entries match: the GIN index on search_document(title, body) (migration 0003),
       nothing read from the rows. 2. Which of them are in the reader's language: primary-key
       lookups. 3. Rank only those, fetched by the entries' primary key: reading and ranking a
       body costs ~5 µs, so ranking every language's matches was most of the time. The body
       is ranked on its own: building title || body for each row cost as much again, and
       the relevance set scores the same (MRR 0.973, recall@5 0.987)."""
    table = IndexEntry._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(f"""
            SELECT e.id, e.object_id FROM {table} e
            WHERE search_document(e.title, e.body) @@ to_tsquery('simple', %s)
              AND e.content_type_id IN ({types})""", [tsquery])
        entries = {int(object_id): entry for entry, object_id in cursor.fetchall()}
        if scope and entries:
            objects, locale_id = scope
            cursor.execute(f"SELECT id FROM {objects} "
                           "WHERE id = ANY(%s::integer[]) AND locale_id = %s",
                           [_array(list(entries)), locale_id])
            entries = {pk: entries[pk] for (pk,) in cursor.fetchall()}
        if not entries:
            return []
        cursor.execute(f"""
            SELECT e.content_type_id, e.object_id,
                   ts_rank(e.title, q) * %s + ts_rank(e.body, q) * %s AS score
            FROM {table} e, to_tsquery('simple', %s) q
            WHERE e.id = ANY(%s::integer[])
            ORDER BY score DESC LIMIT %s""",
            [TITLE_WEIGHT, BODY_WEIGHT, tsquery, _array(list(entries.values())), MAX_MATCHES])
        return cursor.fetchall()


def _array(ids: list[int]) -> str:
    """One array literal instead of a parameter per id: adapting thousands of parameters one
    by one took longer than the query."""
    return "{" + ",".join(str(int(pk)) for pk in ids) + "}"


def _sqlite_match(expression: str, types: str, scope):
    table, fts = IndexEntry._meta.db_table, f"{IndexEntry._meta.db_table}_fts"
    join, join_params = "", []
    if scope:
        objects, locale_id = scope
        join = (f"JOIN {objects} o ON o.id = CAST(e.object_id AS integer) "
                "AND o.locale_id = %s")
        join_params = [locale_id]
    # Columns of the FTS table: autocomplete, body, title. bm25() is lower for better.
    sql = f"""
        SELECT e.content_type_id, e.object_id, -bm25({fts}, 0.0, %s, %s) AS score
        FROM {fts} JOIN {table} e ON e.id = {fts}.rowid {join}
        WHERE {fts} MATCH %s AND e.content_type_id IN ({types})
        ORDER BY score DESC LIMIT %s"""
    with connection.cursor() as cursor:
        cursor.execute(sql, [BODY_WEIGHT, TITLE_WEIGHT, *join_params, expression, MAX_MATCHES])
        return cursor.fetchall()


def id_values(ids: list[int]):
    """What to give `pk__in` for many ids: on PostgreSQL one array parameter (see _array),
    elsewhere the list."""
    if connection.vendor == "postgresql":
        return RawSQL("SELECT unnest(%s::integer[])", [_array(ids)])
    return ids
