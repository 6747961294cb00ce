"""Shared by the PostgreSQL-only migrations (the loader skips modules whose name starts with
an underscore, so this is not a migration)."""


def on_postgres(statements):
    """A RunPython function that executes raw SQL statements on PostgreSQL and does nothing
    elsewhere (SQLite keeps Wagtail's FTS5 table)."""

    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement, params=None)

    return run
