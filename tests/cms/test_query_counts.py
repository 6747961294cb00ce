"""Regression guard: every page type, uncached by the page cache, costs a fixed number of
queries once the render memo (cms/caching/memo.py) knows it, as on a running server after the
first reader: the page itself, its view restrictions (always read), and what its content
needs (a document, a programme's regions and organisation types). The same in every
language. A rise means an N+1 or something no longer remembered."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

pytestmark = pytest.mark.django_db

# 2026-12-02: de 27 -> 22, ar 39 -> 32 (locales, translations and glossary URLs batched);
# de 22 -> 16, ar 32 -> 25 (one-query routing; view restrictions read once);
# ar 25 -> 18: the translation notice's state in one query, its German link from the
# language switcher's translations; de 16 -> 15, ar 18 -> 17: locales read once per process
# (cms/locales.py), not once per read.
# 2026-12-06 (render budget): guide de 15 -> 3, ar 17 -> 3, on a path de 16 -> 3, ar 19 -> 3:
# routing, site, breadcrumbs, lists, translations and the translation notice's state
# remembered per content generation; view restrictions in one query.
# Later that day: guide 3 -> 2, funding 4 -> 2: the body and the programme's facts rendered
# once per generation ({% remember %}, cms/templatetags/render_memo.py).
PAGE_QUERIES = {
    # page, restrictions (the guide's document is in its remembered body)
    ("guide", "de"): 2, ("guide", "ar"): 2,
    # page, restrictions
    ("home", "de"): 2, ("home", "ar"): 2,
    ("topic", "de"): 2, ("topic", "ar"): 2,
    ("glossary", "de"): 2, ("glossary", "ar"): 2,
    ("fallback guide", "de"): 2, ("fallback guide", "ar"): 2,
    # page, restrictions; regions, organisation types, guides that help, checklist, contact
    # and last check are remembered; only the deadline box is worked out per request
    ("funding", "de"): 2, ("funding", "ar"): 2,
}
URLS = {
    "guide": "/{lang}/verein-gruenden/test-guide/",
    "home": "/{lang}/",
    "topic": "/{lang}/verein-gruenden/",
    "glossary": "/{lang}/glossar/",
    "fallback guide": "/{lang}/behoerden/zweiter-leitfaden/",
    "funding": "/{lang}/foerdermittel/test-foerderung/",
}
# A guide of a step-by-step topic (cms/models/steps.py): its neighbours are remembered too.
STEP_GUIDE_QUERIES = {"de": 2, "ar": 2}


def queries_of(client, url):
    client.get(url)  # the first reader: the memo, Wagtail's site root paths, templates
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return response, queries


def give_the_programme_all_its_parts():
    """The programme page's parts (issue 16): guides that help (one translated into Arabic,
    one German only), a checklist, a contact and the date it was last checked."""
    import datetime

    from cms.models import GuidePage
    from funding.models import FundingGuideLink, FundingProgrammePage

    page = FundingProgrammePage.objects.get(slug="test-foerderung", locale__language_code="de")
    for order, slug in enumerate(["test-guide", "zweiter-leitfaden"]):
        FundingGuideLink.objects.create(page=page, sort_order=order, guide=GuidePage.objects.get(
            slug=slug, locale__language_code="de"))
    page.body.append(("checklist", {"title": "", "items": ["Finanzierungsplan"]}))
    page.body.append(("contact", {"title": "Beratung", "email": "rat@example.org"}))
    page.last_checked = datetime.date(2026, 11, 1)
    page.save()


@pytest.mark.parametrize(("kind", "lang"), PAGE_QUERIES)
def test_page_query_count(client, kind, lang, render_memo):
    if kind == "funding":
        give_the_programme_all_its_parts()
    response, queries = queries_of(client, URLS[kind].format(lang=lang))
    if kind == "funding":
        body = response.content.decode()
        assert "Finanzierungsplan" in body and "rat@example.org" in body
        assert f'href="/{lang}/verein-gruenden/test-guide/"' in body
        assert f'href="/{lang}/behoerden/zweiter-leitfaden/"' in body
    if kind == "guide":
        body = response.content.decode()
        assert f'href="/{lang}/glossar/#satzung"' in body
        assert f'href="/{lang}/behoerden/zweiter-leitfaden/"' in body
    assert len(queries) == PAGE_QUERIES[kind, lang], [q["sql"][:120] for q in queries]


@pytest.mark.parametrize("lang", STEP_GUIDE_QUERIES)
def test_guide_page_query_count_on_a_path(client, lang, render_memo):
    from cms.models import TopicPage
    from tests.factories import GuidePageFactory

    TopicPage.objects.filter(slug="verein-gruenden").update(is_step_by_step=True)
    topic = TopicPage.objects.get(slug="verein-gruenden", locale__language_code="de")
    GuidePageFactory(parent=topic, slug="naechster-schritt")
    response, queries = queries_of(client, f"/{lang}/verein-gruenden/test-guide/")
    assert f'<a rel="next" href="/{lang}/verein-gruenden/naechster-schritt/">' in \
        response.content.decode()
    assert len(queries) == STEP_GUIDE_QUERIES[lang], [q["sql"][:120] for q in queries]


@pytest.mark.parametrize(("lang", "most"), [("de", 11), ("ar", 16)])
def test_a_cold_programme_render_asks_little_for_its_guides(client, lang, most, settings):
    """Without the memo, a programme page's guides that help cost one query in German (the
    links, with their guides) and three under /ar/ (the links; the translations' view
    restrictions and the translations themselves): de 10 -> 11, ar 13 -> 16 (2026-12-06)."""
    settings.RENDER_MEMO_ENABLED = False
    give_the_programme_all_its_parts()
    _response, queries = queries_of(client, URLS["funding"].format(lang=lang))
    assert len(queries) <= most, [q["sql"][:120] for q in queries]


@pytest.mark.parametrize("lang", ["de", "ar"])
def test_a_cold_render_costs_no_more_than_before(client, lang, settings):
    """Without the memo (the first reader after a change) the guide stays within what it
    cost before the memo existed, plus one: the learning modules that teach the guide
    ("Learn step by step", cms.sections), which the memo keeps like the rest."""
    settings.RENDER_MEMO_ENABLED = False
    _response, queries = queries_of(client, f"/{lang}/verein-gruenden/test-guide/")
    assert len(queries) <= {"de": 16, "ar": 18}[lang], [q["sql"][:120] for q in queries]
