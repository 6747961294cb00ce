import pytest
from django.core.cache import cache

ORIGIN = "http://testserver"


@pytest.fixture(autouse=True)
def fresh_limits():
    """The per-address limit lives in the (local-memory) cache, which outlives a test's
    rolled-back transaction."""
    cache.clear()
    yield
    cache.clear()


def answer(client, page, data, language="de", **headers):
    """Post to the form's address as a browser on this site does (with Origin)."""
    headers.setdefault("HTTP_ORIGIN", ORIGIN)
    return client.post(f"/{language}/_feedback/{page.pk}/", data, **headers)
