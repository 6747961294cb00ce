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

from django.db import connection, transaction
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
           limit: int, match: list[int] | None = None,
           only: set[tuple[int, int]] | None = None) -> list[list[tuple]]:
    """For each kind, given as (rows, content type ids) where `rows` is a values_list queryset
    whose first value is the primary key: the rows whose object matches, best first, at most
    `limit`, each with two values appended: its text score and, on PostgreSQL, how many of
    the query's word groups its title has (None elsewhere: the engine counts them itself).
    `rows` decides what a reader may see; the match is in one language (`locale_id`): on a
    big site most matches are in other languages. `match`: the indices of the groups the
    match is made of (all by default); titles are counted over all of them. `only`: the
    (content type id, object id) to rank, when the caller knows which it wants (ranking is
    most of a match's cost)."""
    if not groups:
        return [[] for _kind in kinds]
    matched = groups if match is None else [groups[i] for i in match]
    if connection.vendor == "postgresql":
        return _postgres_ranked(kinds, groups, matched, operator, locale_id, limit, only)
    if connection.vendor == "sqlite":
        return [_sqlite_ranked(rows, types, matched, operator, locale_id, limit, only)
                for rows, types in kinds]
    raise NotImplementedError(f"No full-text query for {connection.vendor}.")


def _sqlite_ranked(rows, content_type_ids, groups, operator, locale_id, limit, only):
    if not content_type_ids:
        return []
    table = rows.model._meta.db_table
    if issubclass(rows.model, Page):  # locale_id lives on wagtailcore_page
        table = Page._meta.db_table
    types = ", ".join(str(int(ct)) for ct in content_type_ids)
    scores = {}
    for ct, object_id, score in _sqlite_match(_sqlite_expression(groups, operator), types,
                                              (table, locale_id)):
        if only is None or (ct, int(object_id)) in only:
            scores.setdefault(int(object_id), score)
    found = rows.filter(among("pk", list(scores)))
    return sorted(((*row, scores[row[0]], None) for row in found),
                  key=lambda r: -r[-2])[:limit]


def _postgres_ranked(kinds, groups, matched, operator, locale_id, limit, only):
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
    # Ids of several types may coincide: the (type, id) pairs are checked below.
    chosen = "" if only is None else "AND d.object_id = ANY(%s::integer[])"
    # A title without any of the words ranks 0: ts_rank's cost is per word of the query
    # and row, and most matching rows match in the body only.
    any_word = _tsquery([sorted({w for group in matched for alt in group for w in alt.split()})],
                        "or")
    with connection.cursor() as cursor:
        cursor.execute(f"""
            SELECT d.content_type_id, d.object_id,
                   CASE WHEN d.title @@ w THEN ts_rank(d.title, q) * %s ELSE 0 END
                   + ts_rank(d.body, q) * %s, {in_title}
            FROM {language_index.TABLE} d, to_tsquery('simple', %s) q,
                 to_tsquery('simple', %s) w
            WHERE d.locale_id = %s AND search_document(d.title, d.body) @@ q
              AND d.content_type_id = ANY(%s::integer[]) {chosen}""",
            [TITLE_WEIGHT, BODY_WEIGHT, *(_tsquery([g], "and") for g in groups),
             _tsquery(matched, operator), any_word, locale_id, id_array(by_type),
             *([] if only is None else [id_array({pk for _ct, pk in only})])])
        matches = [{} for _kind in kinds]
        for ct, object_id, score, title_groups in cursor.fetchall():
            if only is None or (ct, object_id) in only:
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


def _postgres_group_matches(kinds, groups, locale_id):
    """One index match per group, none of them reading a row's vectors: with no weights in
    the query, GIN's answer needs no recheck, so only the ids are read. Testing each group
    against every row with any of the words decompressed the row's body once per group
    (14-38 ms at 20,000 pages for a question of three to four groups; this: 10-12 ms)."""
    types = id_array([int(ct) for _rows, cts in kinds for ct in cts])
    one = f"""SELECT %s, d.content_type_id, d.object_id FROM {language_index.TABLE} d
              WHERE d.locale_id = %s
                AND search_document(d.title, d.body) @@ to_tsquery('simple', %s)
                AND d.content_type_id = ANY(%s::integer[])"""
    found = [set() for _group in groups]
    with transaction.atomic(), connection.cursor() as cursor:
        # Parallel workers take longer to start than these index reads take (a four-group
        # question at 20,000 pages: 11.2 ms with two workers, 6.7 ms without).
        cursor.execute("SET LOCAL max_parallel_workers_per_gather = 0")
        total = _entries_in(cursor, locale_id, types)
        cursor.execute(" UNION ALL ".join([one] * len(groups)),
                       [p for n, group in enumerate(groups)
                        for p in (n, locale_id, _tsquery([group], "and"), types)])
        for n, ct, object_id in cursor.fetchall():
            found[n].add((ct, object_id))
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
