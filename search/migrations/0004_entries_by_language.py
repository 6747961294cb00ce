"""PostgreSQL only: the table of index entries by language and the triggers that keep it
(see search/language_index.py). Its rows are filled after `migrate` by
language_index.sync(), which knows the searched types. The GIN index of migration 0003 on
Wagtail's own table is no longer read, so it goes; its function stays, as this table's
index is built on it (declared expensive, so the planner asks the index)."""

from django.db import migrations

from ._postgres import on_postgres

TABLE, SOURCES, ENTRIES = "search_entry_by_language", "search_searched_table", \
    "wagtailsearch_indexentry"

CREATE = [
    # Trusted since PostgreSQL 13: the database owner may create it.
    "CREATE EXTENSION IF NOT EXISTS btree_gin",
    f"""CREATE TABLE {SOURCES} (
        content_type_id integer PRIMARY KEY,
        table_name text NOT NULL)""",
    f"""CREATE TABLE {TABLE} (
        entry_id integer PRIMARY KEY,
        content_type_id integer NOT NULL,
        object_id integer NOT NULL,
        locale_id integer NOT NULL,
        title tsvector NOT NULL,
        body tsvector NOT NULL)""",
    # Inline, not TOASTed: a search reads every hit's title and many bodies. Both MAIN: were
    # the small title EXTENDED, PostgreSQL would move it out of line first to make room for
    # the body (three more buffers per hit). lz4 decompresses faster than the default pglz;
    # servers built without it keep pglz. (A value copied from another table keeps its
    # compression: the triggers write `body || ''`, a new value.)
    f"ALTER TABLE {TABLE} ALTER COLUMN title SET STORAGE MAIN",
    f"ALTER TABLE {TABLE} ALTER COLUMN body SET STORAGE MAIN",
    f"""DO $$ BEGIN
        ALTER TABLE {TABLE} ALTER COLUMN body SET COMPRESSION lz4;
    EXCEPTION WHEN feature_not_supported OR invalid_parameter_value THEN NULL; END $$""",
    # A match is a few milliseconds; starting a parallel worker for it costs more.
    f"ALTER TABLE {TABLE} SET (parallel_workers = 0)",
    f"CREATE INDEX {TABLE}_match ON {TABLE} USING gin (locale_id, search_document(title, body))",
    f"""CREATE FUNCTION {TABLE}_write() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
        source text;
        locale integer;
    BEGIN
        SELECT table_name INTO source FROM {SOURCES} WHERE content_type_id = NEW.content_type_id;
        IF source IS NOT NULL THEN
            EXECUTE format('SELECT locale_id FROM %I WHERE id = $1', source)
                INTO locale USING NEW.object_id::integer;
        END IF;
        IF locale IS NULL THEN
            DELETE FROM {TABLE} WHERE entry_id = NEW.id;
        ELSE
            INSERT INTO {TABLE} (entry_id, content_type_id, object_id, locale_id, title, body)
            VALUES (NEW.id, NEW.content_type_id, NEW.object_id::integer, locale,
                    NEW.title, NEW.body || ''::tsvector)
            ON CONFLICT (entry_id) DO UPDATE SET
                content_type_id = EXCLUDED.content_type_id, object_id = EXCLUDED.object_id,
                locale_id = EXCLUDED.locale_id, title = EXCLUDED.title, body = EXCLUDED.body;
        END IF;
        RETURN NULL;
    END $$""",
    f"""CREATE FUNCTION {TABLE}_delete() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        DELETE FROM {TABLE} WHERE entry_id = OLD.id;
        RETURN NULL;
    END $$""",
    f"""CREATE FUNCTION {TABLE}_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        TRUNCATE {TABLE};
        RETURN NULL;
    END $$""",
    f"""CREATE TRIGGER {TABLE}_write AFTER INSERT OR UPDATE ON {ENTRIES}
        FOR EACH ROW EXECUTE FUNCTION {TABLE}_write()""",
    f"""CREATE TRIGGER {TABLE}_delete AFTER DELETE ON {ENTRIES}
        FOR EACH ROW EXECUTE FUNCTION {TABLE}_delete()""",
    f"""CREATE TRIGGER {TABLE}_truncate AFTER TRUNCATE ON {ENTRIES}
        FOR EACH STATEMENT EXECUTE FUNCTION {TABLE}_truncate()""",
    "DROP INDEX IF EXISTS search_document_gin",
]
DROP = [
    f"DROP TRIGGER IF EXISTS {TABLE}_write ON {ENTRIES}",
    f"DROP TRIGGER IF EXISTS {TABLE}_delete ON {ENTRIES}",
    f"DROP TRIGGER IF EXISTS {TABLE}_truncate ON {ENTRIES}",
    f"DROP FUNCTION IF EXISTS {TABLE}_write()",
    f"DROP FUNCTION IF EXISTS {TABLE}_delete()",
    f"DROP FUNCTION IF EXISTS {TABLE}_truncate()",
    f"DROP TABLE IF EXISTS {TABLE}",
    f"DROP TABLE IF EXISTS {SOURCES}",
    f"CREATE INDEX IF NOT EXISTS search_document_gin ON {ENTRIES} "
    "USING gin (search_document(title, body))",
]


class Migration(migrations.Migration):
    dependencies = [("search", "0003_postgres_text_index")]

    operations = [migrations.RunPython(on_postgres(CREATE), on_postgres(DROP), elidable=False)]
