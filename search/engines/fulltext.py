"""One full-text query on Wagtail's own index tables, written for each database.

Why not Wagtail's query compiler: it scores an AND of ORs by multiplying (1 + score) per
part; on SQLite, where bm25() is negative, that turns the best matches into the worst, and on
PostgreSQL it runs one ts_rank per alternative word. Here the whole expression is one MATCH /
one tsquery with one rank. Only the text match lives here; which objects a reader may see is
decided by ordinary querysets in the engine.
"""

from django.db import connection
from django.db.models import F, Lookup, Q
from wagtail.models import Page
from wagtail.search.models import IndexEntry

from .. import language_index

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


def ranked(rows, groups: list[list[str]], operator: str, content_type_ids, locale_id: int,
           limit: int) -> list[tuple]:
    """The rows of the `rows` queryset (a values_list whose first value is the primary key)
    whose object matches, each with its score appended, best first, at most `limit`.
    `rows` decides what a reader may see; the match is in one language (`locale_id`): on a
    big site most matches are in other languages."""
    if not groups or not content_type_ids:
        return []
    types = ", ".join(str(int(ct)) for ct in content_type_ids)
    if connection.vendor == "postgresql":
        return _postgres_ranked(rows, _tsquery(groups, operator), types, locale_id, limit)
    if connection.vendor == "sqlite":
        table = rows.model._meta.db_table
        if issubclass(rows.model, Page):  # locale_id lives on wagtailcore_page
            table = Page._meta.db_table
        scores = {}
        for _ct, object_id, score in _sqlite_match(_sqlite_expression(groups, operator), types,
                                                   (table, locale_id)):
            scores.setdefault(int(object_id), score)
        found = rows.filter(among("pk", list(scores)))
        return sorted(((*row, scores[row[0]]) for row in found), key=lambda r: -r[-1])[:limit]
    raise NotImplementedError(f"No full-text query for {connection.vendor}.")


def _postgres_ranked(rows, tsquery: str, types: str, locale_id: int, limit: int):
    """Two statements whose plans do not depend on table statistics (there are none right
    after an import; a join of match and pages was once planned as a nested loop that took
    250 ms to 2.5 s). 1. The match, on search_entry_by_language (search/language_index.py):
    its GIN index on (language, title || body) finds the reader's language's matches without
    reading the other languages' entries, and each hit's vectors are read inline for the
    rank (the body on its own: building title || body per row cost as much again).
    2. The visible ones among them: `rows` by primary key."""
    with connection.cursor() as cursor:
        cursor.execute(f"""
            SELECT d.object_id, ts_rank(d.title, q) * %s + ts_rank(d.body, q) * %s AS score
            FROM {language_index.TABLE} d, to_tsquery('simple', %s) q
            WHERE d.locale_id = %s AND search_document(d.title, d.body) @@ q
              AND d.content_type_id IN ({types})""",
            [TITLE_WEIGHT, BODY_WEIGHT, tsquery, locale_id])
        scores = dict(cursor.fetchall())
    if not scores:
        return []
    found = rows.filter(among("pk", list(scores)))
    return sorted(((*row, scores[row[0]]) for row in found), key=lambda r: -r[-1])[:limit]


class _AnyOf(Lookup):
    """`field = ANY('{1,2,…}'::integer[])`: one parameter for thousands of ids, and a plan
    PostgreSQL makes from the array (hashed) whatever the statistics."""

    lookup_name = "any_of"
    prepare_rhs = False

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        return f"{lhs} = ANY(%s::integer[])", [*lhs_params, _array(self.rhs)]


def among(field: str, ids: list[int]):
    """A filter for `field` in `ids`: on PostgreSQL one array parameter (see _AnyOf),
    elsewhere `field__in`."""
    if connection.vendor == "postgresql":
        return _AnyOf(F(field), ids)
    return Q(**{f"{field}__in": ids})


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
