"""A GIN index on what search/engines/fulltext.py matches on PostgreSQL: title and body of
Wagtail's index entry in one tsvector. Wagtail indexes each column on its own, so a match on
both together (a query's words may be split between title and body) read every row.

The expression is a function declared expensive (COST): concatenating two TOASTed tsvectors
costs about 15 µs a row, which the planner cannot know, so for a common word it would scan
the table and build the vector for every row instead of asking the index. SQLite keeps its
FTS5 table; nothing happens there.
"""

from django.db import migrations

from ._postgres import on_postgres

TABLE = "wagtailsearch_indexentry"
CREATE = [
    """CREATE OR REPLACE FUNCTION search_document(title tsvector, body tsvector)
       RETURNS tsvector LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE COST 1000
       AS $$ BEGIN RETURN title OPERATOR(pg_catalog.||) body; END $$""",
    f"CREATE INDEX IF NOT EXISTS search_document_gin ON {TABLE} "
    "USING gin (search_document(title, body))",
]
DROP = [
    "DROP INDEX IF EXISTS search_document_gin",
    "DROP FUNCTION IF EXISTS search_document(tsvector, tsvector)",
]


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0002_seed_synonyms"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(on_postgres(CREATE), on_postgres(DROP), elidable=False)]
