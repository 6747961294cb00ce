"""The full-text match, written for each database: on SQLite Wagtail's FTS5 table, on
PostgreSQL search_entry_by_language (Wagtail's entries with their language,
search/language_index.py).

Why not Wagtail's query compiler: it scores an AND of ORs by multiplying (1 + score) per
part; on SQLite, where bm25() is negative, that turns the best matches into the worst, and on
PostgreSQL it runs one ts_rank per alternative word. Here the whole expression is one MATCH /
one tsquery with one rank. Only the text match lives here; which objects a reader may see is
decided by ordinary querysets in the engine.
"""

import time

from django.db import connection
from wagtail.models import Page
from wagtail.search.models import IndexEntry

from cms.ids import among, id_array

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


def ranked(kinds, groups: list[list[str]], operator: str, locale_id: int,
           limit: int, match: list[int] | None = None) -> list[list[tuple]]:
    """For each kind, given as (rows, content type ids) where `rows` is a values_list queryset
    whose first value is the primary key: the rows whose object matches, best first, at most
    `limit`, each with two values appended: its text score and, on PostgreSQL, how many of
    the query's word groups its title has (None elsewhere: the engine counts them itself).
    `rows` decides what a reader may see; the match is in one language (`locale_id`): on a
    big site most matches are in other languages. `match`: the indices of the groups the
    match is made of (all by default); titles are counted over all of them."""
    if not groups:
        return [[] for _kind in kinds]
    matched = groups if match is None else [groups[i] for i in match]
    if connection.vendor == "postgresql":
        return _postgres_ranked(kinds, groups, matched, operator, locale_id, limit)
    if connection.vendor == "sqlite":
        return [_sqlite_ranked(rows, types, matched, operator, locale_id, limit)
                for rows, types in kinds]
    raise NotImplementedError(f"No full-text query for {connection.vendor}.")


def _sqlite_ranked(rows, content_type_ids, groups, operator, locale_id, limit):
    if not content_type_ids:
        return []
    table = rows.model._meta.db_table
    if issubclass(rows.model, Page):  # locale_id lives on wagtailcore_page
        table = Page._meta.db_table
    types = ", ".join(str(int(ct)) for ct in content_type_ids)
    scores = {}
    for _ct, object_id, score in _sqlite_match(_sqlite_expression(groups, operator), types,
                                               (table, locale_id)):
        scores.setdefault(int(object_id), score)
    found = rows.filter(among("pk", list(scores)))
    return sorted(((*row, scores[row[0]], None) for row in found),
                  key=lambda r: -r[-2])[:limit]


def _postgres_ranked(kinds, groups, matched, operator, locale_id, limit):
    """Statements whose plans do not depend on table statistics (there are none right after
    an import; a join of match and pages was once planned as a nested loop that took 250 ms
    to 2.5 s). 1. One match for every kind, on search_entry_by_language
    (search/language_index.py): its GIN index on (language, title || body) finds the reader's
    language's matches without reading the other languages' entries, and each hit's vectors
    are read inline for the rank (the body on its own: building title || body per row cost
    as much again) and for the title's word groups. 2. Per kind, the visible ones among
    them: `rows` by primary key."""
    by_type = {int(ct): n for n, (_rows, types) in enumerate(kinds) for ct in types}
    if not by_type:
        return [[] for _kind in kinds]
    in_title = " + ".join(["(d.title @@ to_tsquery('simple', %s))::int"] * len(groups))
    with connection.cursor() as cursor:
        cursor.execute(f"""
            SELECT d.content_type_id, d.object_id,
                   ts_rank(d.title, q) * %s + ts_rank(d.body, q) * %s, {in_title}
            FROM {language_index.TABLE} d, to_tsquery('simple', %s) q
            WHERE d.locale_id = %s AND search_document(d.title, d.body) @@ q
              AND d.content_type_id = ANY(%s::integer[])""",
            [TITLE_WEIGHT, BODY_WEIGHT, *(_tsquery([g], "and") for g in groups),
             _tsquery(matched, operator), locale_id, id_array(by_type)])
        matches = [{} for _kind in kinds]
        for ct, object_id, score, title_groups in cursor.fetchall():
            matches[by_type[ct]][object_id] = (score, title_groups)
    found = []
    for (rows, _types), scores in zip(kinds, matches, strict=True):
        visible = rows.filter(among("pk", list(scores))) if scores else []
        found.append(sorted(((*row, *scores[row[0]]) for row in visible),
                            key=lambda r: -r[-2])[:limit])
    return found


def group_matches(kinds, groups: list[list[str]], locale_id: int) -> tuple[int, list[set]]:
    """How many entries of the searched types the language has, and per word group the
    (content type id, object id) of those that match it: how common each of the reader's
    words is in this language's texts, and which objects have how many of them."""
    if connection.vendor == "postgresql":
        return _postgres_group_matches(kinds, groups, locale_id)
    total, found = 0, [set() for _group in groups]
    for rows, content_type_ids in kinds:
        if not content_type_ids:
            continue
        table = Page._meta.db_table if issubclass(rows.model, Page) else rows.model._meta.db_table
        types = ", ".join(str(int(ct)) for ct in content_type_ids)
        with connection.cursor() as cursor:
            cursor.execute(f"""
                SELECT count(*) FROM {IndexEntry._meta.db_table} e
                JOIN {table} o ON o.id = CAST(e.object_id AS integer) AND o.locale_id = %s
                WHERE e.content_type_id IN ({types})""", [locale_id])
            total += cursor.fetchone()[0]
        for matches, group in zip(found, groups, strict=True):
            matches.update((ct, int(object_id)) for ct, object_id, _score in _sqlite_match(
                _sqlite_expression([group], "and"), types, (table, locale_id)))
    return total, found


def _group_test(group: list[str]) -> tuple[str, int]:
    """(SQL, how many parameters it takes): does an entry have one of the group's
    alternatives? A group of single words is asked of title and body apart, which is the same
    answer: building title || body for every row cost twice as much as the whole match (13 of
    17 ms for a common word at 20,000 pages). An alternative of several words may be split
    between the two: those need it."""
    if all(len(alternative.split()) == 1 for alternative in group):
        return ("(d.title @@ to_tsquery('simple', %s) OR d.body @@ to_tsquery('simple', %s))",
                2)
    return "((d.title || d.body) @@ to_tsquery('simple', %s))", 1


def _postgres_group_matches(kinds, groups, locale_id):
    types = id_array([int(ct) for _rows, cts in kinds for ct in cts])
    tests = [_group_test(g) for g in groups]
    params = [_tsquery([g], "and") for g, (_sql, n) in zip(groups, tests, strict=True)
              for _ in range(n)]
    found = [set() for _group in groups]
    with connection.cursor() as cursor:
        total = _entries_in(cursor, locale_id, types)
        cursor.execute(f"""
            SELECT d.content_type_id, d.object_id, {", ".join(sql for sql, _n in tests)}
            FROM {language_index.TABLE} d, to_tsquery('simple', %s) q
            WHERE d.locale_id = %s AND search_document(d.title, d.body) @@ q
              AND d.content_type_id = ANY(%s::integer[])""",
            [*params, _tsquery(groups, "or"), locale_id, types])
        for ct, object_id, *hits in cursor.fetchall():
            for matches, hit in zip(found, hits, strict=True):
                if hit:
                    matches.add((ct, int(object_id)))
    return total, found


_totals: dict = {}
TOTAL_SECONDS = 60  # a share of the language's entries: a minute-old count is as good


def _entries_in(cursor, locale_id: int, types: list[int]) -> int:
    """How many entries of these types the language has, counted once a minute: at 20,000
    pages the count took a few milliseconds of every search."""
    key, now = (connection.alias, locale_id, tuple(types)), time.monotonic()
    known = _totals.get(key)
    if known is None or now - known[1] > TOTAL_SECONDS:
        cursor.execute(f"""SELECT count(*) FROM {language_index.TABLE}
                           WHERE locale_id = %s AND content_type_id = ANY(%s::integer[])""",
                       [locale_id, types])
        _totals[key] = known = (cursor.fetchone()[0], now)
    return known[0]


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
