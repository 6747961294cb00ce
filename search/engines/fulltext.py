"""One full-text query on Wagtail's own index tables, written for each database.

Why not Wagtail's query compiler: it scores an AND of ORs by multiplying (1 + score) per
part; on SQLite, where bm25() is negative, that turns the best matches into the worst, and on
PostgreSQL it runs one ts_rank per alternative word. Here the whole expression is one MATCH /
one tsquery with one rank. Only the text match lives here; which objects a reader may see is
decided by ordinary querysets in the engine.
"""

from django.db import connection
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
    `scope` = (table, locale_id) keeps only objects of one language, in the same query: on a
    big site most matches are in other languages."""
    if not groups or not content_type_ids:
        return []
    table = IndexEntry._meta.db_table
    types = ", ".join(str(int(ct)) for ct in content_type_ids)
    join, join_params = "", []
    if scope:
        objects, locale_id = scope
        join = (f"JOIN {objects} o ON o.id = CAST(e.object_id AS integer) "
                "AND o.locale_id = %s")
        join_params = [locale_id]
    if connection.vendor == "postgresql":
        sql = f"""
            SELECT e.content_type_id, e.object_id,
                   ts_rank(e.title, q) * %s + ts_rank(e.title || e.body, q) * %s AS score
            FROM {table} e {join}, to_tsquery('simple', %s) q
            WHERE (e.title || e.body) @@ q AND e.content_type_id IN ({types})
            ORDER BY score DESC LIMIT %s"""
        params = [TITLE_WEIGHT, BODY_WEIGHT, *join_params, _tsquery(groups, operator),
                  MAX_MATCHES]
    elif connection.vendor == "sqlite":
        fts = f"{table}_fts"
        # Columns of the FTS table: autocomplete, body, title. bm25() is lower for better.
        sql = f"""
            SELECT e.content_type_id, e.object_id, -bm25({fts}, 0.0, %s, %s) AS score
            FROM {fts} JOIN {table} e ON e.id = {fts}.rowid {join}
            WHERE {fts} MATCH %s AND e.content_type_id IN ({types})
            ORDER BY score DESC LIMIT %s"""
        params = [BODY_WEIGHT, TITLE_WEIGHT, *join_params,
                  _sqlite_expression(groups, operator), MAX_MATCHES]
    else:
        raise NotImplementedError(f"No full-text query for {connection.vendor}.")
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()
