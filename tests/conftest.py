from pathlib import Path

import pytest

FIXTURE_CONTENT = Path(__file__).parent / "fixtures" / "content"


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Import the small fixture site once; every test then runs in a rolled-back transaction."""
    from cms.importer import import_path

    with django_db_blocker.unblock():
        report = import_path(FIXTURE_CONTENT)
        assert report.ok, [(r.path, r.message) for r in report.failed]
    yield
    from search import overlap

    overlap.shutdown()  # its connection would keep the test database from being dropped


@pytest.fixture
def guide(db):
    from cms.models import GuidePage

    return GuidePage.objects.get(locale__language_code="de", slug="test-guide")


@pytest.fixture
def arabic_guide(guide):
    from wagtail.models import Locale

    return guide.get_translation(Locale.objects.get(language_code="ar"))


@pytest.fixture
def render_memo(settings):
    """The render memo (cms.caching.memo) switched on, in a fresh content generation: nothing
    kept by earlier tests, whose rolled-back changes never advanced it."""
    from cms.caching.invalidation import advance_generation

    settings.RENDER_MEMO_ENABLED = True
    advance_generation()
    yield
    advance_generation()
