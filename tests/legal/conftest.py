import shutil
from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import cache

from cms.importer import import_path

CONTENT = Path(settings.BASE_DIR) / "content" / "legal"


@pytest.fixture
def fresh_cache():
    """The footer links live in the cache; a rolled-back test must not leave its own."""
    cache.clear()
    yield
    cache.clear()


def import_legal(tmp_path, names, capture):
    folder = tmp_path / "legal"
    folder.mkdir(exist_ok=True)
    for name in names:
        shutil.copy(CONTENT / name, folder / name)
    # The commit callbacks run as on a real commit: wagtail-localize publishes in them.
    with capture(execute=True):
        report = import_path(folder)
    assert report.ok, [(r.path, r.message) for r in report.failed]
    assert [(r.path, w) for r in report.results for w in r.warnings] == []
    cache.clear()


@pytest.fixture
def legal_pages(db, tmp_path, django_capture_on_commit_callbacks, fresh_cache):
    """The three German pages, and the Impressum translated into Arabic (the other two are
    read in German under /ar/)."""
    from legal.models import LegalPage

    import_legal(tmp_path, ["impressum.de.md", "datenschutz.de.md", "barrierefreiheit.de.md",
                            "impressum.ar.md"], django_capture_on_commit_callbacks)
    return {page.kind: page for page in LegalPage.objects.filter(locale__language_code="de")}
