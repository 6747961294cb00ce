"""The demo content in content/ imports cleanly and is what the README promises."""

from pathlib import Path

import pytest
from django.conf import settings
from wagtail.models import Locale

from cms.importer import import_path
from cms.models import GlossaryTerm, GuidePage
from funding.models import FundingProgrammePage

pytestmark = pytest.mark.django_db
CONTENT = Path(settings.BASE_DIR) / "content"


def demo_slugs(kind):
    folder = {"guide": "guides", "funding": "funding", "glossary": "glossary"}[kind]
    return {p.name.split(".")[0] for p in (CONTENT / folder).rglob("*.de.md")}


def test_demo_content(client):
    """One test, because importing the whole demo content takes half a minute."""
    demo_report = import_path(CONTENT)
    assert demo_report.ok, [(r.path, r.message) for r in demo_report.failed]
    warnings = [(r.path, w) for r in demo_report.results for w in r.warnings]
    assert warnings == []
    check_counts()
    check_guides_reviewed_and_cited()
    check_guides_render(client)


def check_counts():
    german = Locale.objects.get(language_code="de")
    guides = GuidePage.objects.filter(locale=german, slug__in=demo_slugs("guide"))
    assert guides.count() >= 15
    topics = {g.get_parent().slug for g in guides}
    assert topics == {"verein-gruenden", "foerdermittel", "behoerden", "vereinsarbeit"}
    programmes = FundingProgrammePage.objects.filter(locale=german,
                                                     slug__in=demo_slugs("funding"))
    assert programmes.count() >= 8
    assert all(p.figures_are_examples for p in programmes)  # amounts marked as examples
    assert GlossaryTerm.objects.filter(locale=german, slug__in=demo_slugs("glossary")).count() \
        >= 10
    for code in ("en", "ar", "uk"):
        translated = GuidePage.objects.filter(locale__language_code=code,
                                              translation_key__in=guides.values("translation_key"))
        assert translated.count() >= 5, code


def check_guides_reviewed_and_cited():
    for guide in GuidePage.objects.filter(locale__language_code="de",
                                          slug__in=demo_slugs("guide")):
        assert guide.last_reviewed is not None, guide.slug
        assert len(guide.legal_references) >= 1, guide.slug
        assert guide.related_links.exists(), guide.slug


def check_guides_render(client):
    for guide in GuidePage.objects.filter(locale__language_code="ar"):
        assert client.get(guide.url).status_code == 200
    for guide in GuidePage.objects.filter(locale__language_code="de")[:20]:
        assert client.get(guide.url).status_code == 200
