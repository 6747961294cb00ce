"""Shared by the in-process benchmarks: Django with the test settings on a throw-away database
of its own (SQLite file in /tmp, or `<DATABASE_URL name><suffix>` on PostgreSQL), so a run
never touches the site's data or another benchmark's. `keep` reuses the database a run
left behind (the caller does not destroy it)."""

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wegweiser.settings.test")


def setup_django(suffix: str, keep: bool = False):
    import django
    from django.conf import settings

    django.setup()
    db = settings.DATABASES["default"]
    name = str(db["NAME"])
    db["TEST"]["NAME"] = (f"/tmp/{Path(name).stem}{suffix}.sqlite3"
                          if db["ENGINE"].endswith("sqlite3") else f"{name}{suffix}")
    from django.db import connection

    connection.settings_dict["TEST"] = db["TEST"]
    connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=keep)
    return connection
