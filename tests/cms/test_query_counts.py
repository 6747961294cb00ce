"""Regression guard: the uncached guide page (glossary link, related guide, language switcher,
hreflang links, translation notice) costs a fixed number of queries. A rise means an N+1."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

pytestmark = pytest.mark.django_db

# 2026-12-02: de 27 -> 22, ar 39 -> 32 (locales, translations and glossary URLs batched);
# de 22 -> 16, ar 32 -> 25 (one-query routing; view restrictions read once);
# ar 25 -> 18: the translation notice's state in one query, its German link from the
# language switcher's translations; de 16 -> 15, ar 18 -> 17: locales read once per process
# (cms/locales.py), not once per read
GUIDE_QUERIES = {"de": 15, "ar": 17}


@pytest.mark.parametrize("lang", GUIDE_QUERIES)
def test_guide_page_query_count(client, lang, settings):
    settings.PAGE_CACHE_ENABLED = False
    url = f"/{lang}/verein-gruenden/test-guide/"
    client.get(url)  # warm Wagtail's site root paths, as on a running server
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    body = response.content.decode()
    assert response.status_code == 200
    assert f'href="/{lang}/glossar/#satzung"' in body
    assert f'href="/{lang}/behoerden/zweiter-leitfaden/"' in body
    assert len(queries) == GUIDE_QUERIES[lang], [q["sql"][:120] for q in queries]
