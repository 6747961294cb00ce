import pytest


@pytest.fixture
def page_cache(settings):
    """The page cache switched on, in a fresh generation (nothing cached by earlier tests)."""
    from cms.caching.invalidation import advance_generation

    settings.PAGE_CACHE_ENABLED = True
    advance_generation()
    yield
    advance_generation()


@pytest.fixture
def publish(django_capture_on_commit_callbacks):
    """Publish a page's latest revision and run what happens after the commit, as a real
    request's transaction would (the test's own transaction never commits)."""

    def _publish(page):
        with django_capture_on_commit_callbacks(execute=True):
            page.save_revision().publish()

    return _publish


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Wrap a change: its after-commit work (invalidation) runs at the end of the block."""
    return lambda: django_capture_on_commit_callbacks(execute=True)
