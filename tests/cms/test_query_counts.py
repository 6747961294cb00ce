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
# A guide of a step-by-step topic (cms/models/steps.py): one query more for its German
# siblings, and in another language one more for the neighbours' translations.
STEP_GUIDE_QUERIES = {"de": 16, "ar": 19}


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


@pytest.mark.parametrize("lang", STEP_GUIDE_QUERIES)
def test_guide_page_query_count_on_a_path(client, lang, settings):
    from cms.models import TopicPage
    from tests.factories import GuidePageFactory

    settings.PAGE_CACHE_ENABLED = False
    TopicPage.objects.filter(slug="verein-gruenden").update(is_step_by_step=True)
    topic = TopicPage.objects.get(slug="verein-gruenden", locale__language_code="de")
    GuidePageFactory(parent=topic, slug="naechster-schritt")
    url = f"/{lang}/verein-gruenden/test-guide/"
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert f'<a rel="next" href="/{lang}/verein-gruenden/naechster-schritt/">' in \
        response.content.decode()
    assert len(queries) == STEP_GUIDE_QUERIES[lang], [q["sql"][:120] for q in queries]
