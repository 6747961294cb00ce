"""Filters by a long list of ids, for every app: search asks for the facts of up to a thousand
candidates at a time (cms.searchable.SearchType.facts), and the engine for their rows.

On PostgreSQL `field__in=ids` sends one parameter per id, and Django and psycopg adapting
them one by one took longer than the query (a programme's facts for 150 ids: 4.4 ms of Python
with `__in`, 2.1 ms with one array). `among` sends them as one array parameter.
"""

from django.db import connection
from django.db.models import F, Lookup, Q


class _AnyOf(Lookup):
    """`field = ANY('{1,2,…}'::integer[])`: one parameter for thousands of ids, and a plan
    PostgreSQL makes from the array (hashed) whatever the statistics."""

    lookup_name = "any_of"
    prepare_rhs = False

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        return f"{lhs} = ANY(%s::integer[])", [*lhs_params, id_array(self.rhs)]


def among(field: str, ids) -> Q | Lookup:
    """A filter for `field` in `ids` (integers): on PostgreSQL one array parameter,
    elsewhere `field__in`."""
    ids = list(ids)
    if connection.vendor == "postgresql":
        return _AnyOf(F(field), ids)
    return Q(**{f"{field}__in": ids})


def id_array(ids) -> str:
    """One PostgreSQL array literal of integers, for a `%s::integer[]` parameter."""
    return "{" + ",".join(str(int(pk)) for pk in ids) + "}"
