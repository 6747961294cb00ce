"""The demo content in content/ imports cleanly and is what the README promises, and its facts
stay right: the amounts valid in 2026 with their paragraph, real contact links, no heading
repeated by the block under it."""

import re
from datetime import date
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext
from wagtail.models import Locale

from cms.importer import import_path
from cms.models import GlossaryTerm, GuidePage
from funding.models import FundingProgrammePage

pytestmark = pytest.mark.django_db
CONTENT = Path(settings.BASE_DIR) / "content"


def demo_slugs(kind):
    folder = {"guide": "guides", "funding": "funding", "glossary": "glossary"}[kind]
    return {p.name.split(".")[0] for p in (CONTENT / folder).rglob("*.de.md")}


def test_demo_content(client, django_capture_on_commit_callbacks, settings):
    """One test, because importing the whole demo content takes half a minute. The commit
    callbacks run as on a real commit: wagtail-localize publishes translations in them."""
    with django_capture_on_commit_callbacks(execute=True):
        demo_report = import_path(CONTENT)
    assert demo_report.ok, [(r.path, r.message) for r in demo_report.failed]
    warnings = [(r.path, w) for r in demo_report.results for w in r.warnings]
    assert warnings == []
    check_counts()
    check_guides_reviewed_and_cited()
    check_contact_links_are_real()
    check_no_heading_repeated_by_the_next_title()
    check_guides_render(client)
    check_gender_stars_survive(client)
    check_reading_order(client)
    check_remembered_renders_are_the_same(client, settings)


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
    check_every_language_is_served(guides, programmes)


# Every content language has the founding path, the funding-application guides, the glossary
# and the topics; the most asked-for languages also the funding programmes.
FOUNDING_PATH = {"verein-gruenden", "satzung-schreiben", "gruendungsversammlung",
                 "eintragung-vereinsregister", "gemeinnuetzigkeit-beantragen"}
APPLYING = {"foerderantrag-schreiben", "kosten-und-finanzierungsplan", "eigenanteil",
            "verwendungsnachweis"}


def check_every_language_is_served(guides, programmes):
    from cms.models import TopicPage

    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        translated = set(GuidePage.objects.live().filter(
            locale__language_code=code,
            translation_key__in=guides.values("translation_key")).values_list("slug", flat=True))
        assert translated >= FOUNDING_PATH | APPLYING, (code, FOUNDING_PATH | APPLYING - translated)
        terms = GlossaryTerm.objects.filter(locale__language_code=code)
        assert terms.count() >= 12, code
        assert TopicPage.objects.live().filter(locale__language_code=code).count() >= 4, code
    for code in ("en", "ar", "uk"):
        assert FundingProgrammePage.objects.live().filter(
            locale__language_code=code,
            translation_key__in=programmes.values("translation_key")).count() >= 8, code


def check_guides_reviewed_and_cited():
    for guide in GuidePage.objects.filter(locale__language_code="de",
                                          slug__in=demo_slugs("guide")):
        assert guide.last_reviewed is not None, guide.slug
        assert len(guide.legal_references) >= 1, guide.slug
        assert guide.related_links.exists(), guide.slug


# A made-up address (example.org, www.example.com, x.example) must not stand in a contact box.
EXAMPLE_ADDRESS = re.compile(r"(^|[/.@])example\.(org|com|net)\b|\.example\b", re.IGNORECASE)


def demo_pages():
    """Demo guides and programmes in every language (not the test fixtures' pages)."""
    return [*GuidePage.objects.filter(slug__in=demo_slugs("guide")),
            *FundingProgrammePage.objects.filter(slug__in=demo_slugs("funding"))]


def check_contact_links_are_real():
    contacts = 0
    for page in demo_pages():
        for block in page.body:
            if block.block_type == "contact":
                contacts += 1
                for key in ("url", "email"):
                    value = block.value.get(key) or ""
                    assert not EXAMPLE_ADDRESS.search(value), (page.slug, page.locale_id, value)
    assert contacts >= 5  # the check did look at the demo contact boxes


# Blocks whose template shows a default title when the block has none.
DEFAULT_TITLES = {"faq": "Frequently asked questions", "checklist": "Checklist"}


def shown_title(block, language):
    title = block.value.get("title") if hasattr(block.value, "get") else None
    if not title and block.block_type in DEFAULT_TITLES:
        with translation.override(language):
            title = gettext(DEFAULT_TITLES[block.block_type])
    return " ".join((title or "").split()).casefold()


def check_no_heading_repeated_by_the_next_title():
    """A '## Häufige Fragen' heading directly above a FAQ block titled (or by default shown as)
    'Häufige Fragen' prints the same heading twice in a row."""
    for page in demo_pages():
        blocks = list(page.body)
        language = page.locale.language_code
        for heading, following in zip(blocks, blocks[1:], strict=False):
            if heading.block_type != "heading" or following.block_type == "heading":
                continue
            text = " ".join(str(heading.value).split()).casefold()
            assert text != shown_title(following, language), (page.slug, language, text)


def check_gender_stars_survive(client):
    """Two gender stars in one paragraph are no Markdown emphasis: the text stays as written."""
    programme = FundingProgrammePage.objects.get(locale__language_code="de",
                                                 slug="bamf-integrationsprojekte")
    body = client.get(programme.url).content.decode()
    assert body.count("Migrant*innenorganisationen") >= 3  # summary and two in the body
    assert "<i>innenorganisationen" not in body


def check_guides_render(client):
    for guide in GuidePage.objects.filter(locale__language_code="ar"):
        assert client.get(guide.url).status_code == 200
    for guide in GuidePage.objects.filter(locale__language_code="de")[:20]:
        assert client.get(guide.url).status_code == 200


# The pages of benchmarks/render.py: with the render memo (cms/caching/memo.py) the same HTML,
# byte for byte, as rendered afresh; before the memo knows them and after.
RENDERED = ["/{lang}/", "/{lang}/verein-gruenden/", "/{lang}/verein-gruenden/satzung-schreiben/",
            "/{lang}/foerdermittel/aktion-mensch-mikrofoerderung/", "/{lang}/glossar/"]


def check_remembered_renders_are_the_same(client, settings):
    from cms.caching.invalidation import advance_generation

    urls = [page.format(lang=lang) for lang in ("de", "ar") for page in RENDERED]
    settings.RENDER_MEMO_ENABLED = False
    reference = {url: client.get(url).content for url in urls}
    settings.RENDER_MEMO_ENABLED = True
    advance_generation()
    for attempt in ("cold", "warm"):
        for url in urls:
            response = client.get(url)
            assert response.status_code == 200, url
            assert response.content == reference[url], (attempt, url)
    settings.RENDER_MEMO_ENABLED = False
    advance_generation()


# The demo topics' reading order (`order` in the guides' front matter); the founding path and
# the funding application are step-by-step paths in every language.
READING_ORDER = {
    "verein-gruenden": ["verein-gruenden", "satzung-schreiben", "gruendungsversammlung",
                        "eintragung-vereinsregister", "gemeinnuetzigkeit-beantragen"],
    "foerdermittel": ["foerderantrag-schreiben", "kosten-und-finanzierungsplan", "eigenanteil",
                      "verwendungsnachweis"],
    "behoerden": ["fristen-berechnen", "widerspruch-einlegen",
                  "finanzamt-steuererklaerung-verein", "raeume-von-der-kommune"],
    "vereinsarbeit": ["mitgliederversammlung", "datenschutz-im-verein",
                      "spenden-und-zuwendungsbestaetigung"],
}


def check_reading_order(client):
    from cms.models import TopicPage

    for topic_slug, slugs in READING_ORDER.items():
        topic = TopicPage.objects.get(locale__language_code="de", slug=topic_slug)
        demo = [s for s in GuidePage.objects.child_of(topic).order_by("path")
                .values_list("slug", flat=True) if s in set(slugs)]
        assert demo == slugs, topic_slug
    paths = TopicPage.objects.filter(is_step_by_step=True).values_list("slug", flat=True)
    assert set(paths) == {"verein-gruenden", "foerdermittel"}
    assert TopicPage.objects.filter(slug="verein-gruenden").count() == 8  # every language
    assert not TopicPage.objects.filter(slug__in=["verein-gruenden", "foerdermittel"],
                                        is_step_by_step=False).exists()
    body = client.get("/fa/verein-gruenden/satzung-schreiben/").content.decode()
    assert '<a rel="prev" href="/fa/verein-gruenden/verein-gruenden/">' in body
    assert '<a rel="next" href="/fa/verein-gruenden/gruendungsversammlung/">' in body


# --- Facts, checked in the Markdown sources (no import needed) -------------------------------


def source(slug, locale="de"):
    [path] = (CONTENT / "guides").rglob(f"{slug}.{locale}.md")
    return path.read_text(encoding="utf-8")


# What the law says in 2026, with the paragraph the guide must cite next to it.
FACTS_2026 = {
    "gemeinnuetzigkeit-beantragen": [
        "3.300 Euro", "§ 3 Nr. 26 EStG",  # Übungsleiterpauschale since 1 January 2026
        "960 Euro", "§ 3 Nr. 26a EStG",  # Ehrenamtspauschale since 1 January 2026
        "100.000 Euro", "§ 55 Abs. 1 Nr. 5 AO",  # no zeitnahe Mittelverwendung below it
        "drei Kalenderjahre", "§ 63 Abs. 5 Satz 1 Nr. 2 AO", "§ 63 Abs. 5 Satz 2 AO",
    ],
    "finanzamt-steuererklaerung-verein": [
        "50.000 Euro", "§ 64 Abs. 3 AO",  # Freigrenze since 1 January 2026
        "25.000 Euro", "100.000 Euro", "§ 19 UStG",  # Kleinunternehmer since 2025
    ],
    "spenden-und-zuwendungsbestaetigung": [
        "300 Euro", "§ 50 Abs. 4 Satz 1 Nr. 2 EStDV",
        "fünf Jahre", "drei Kalenderjahre", "§ 63 Abs. 5 Satz 2 AO",
    ],
    "verein-gruenden": [
        "§ 73 BGB", "auf Antrag des Vorstands", "innerhalb von drei Monaten", "von Amts wegen",
    ],
}

# Sentences that overstated or understated the law, or sent readers away for a current amount.
NOT_TRUE = [
    "können gemeinnützige Vereine eine Befreiung von der Gerichtsgebühr beantragen",
    "verliert der Verein seine Rechtsfähigkeit",
    "Fragen Sie Ihr Finanzamt nach dem Betrag, der aktuell gilt",
    "nicht älter als drei Jahre",
]


@pytest.mark.parametrize("slug", sorted(FACTS_2026))
def test_guides_name_the_2026_amounts_with_their_paragraph(slug):
    text = source(slug)
    missing = [fact for fact in FACTS_2026[slug] if fact not in text]
    assert missing == [], slug


def test_no_guide_repeats_a_statement_that_was_wrong():
    for path in (CONTENT / "guides").rglob("*.de.md"):
        text = path.read_text(encoding="utf-8")
        assert [s for s in NOT_TRUE if s in text] == [], path.name


@pytest.mark.parametrize("locale", ["en", "ar", "uk"])
def test_translations_follow_the_corrected_facts(locale):
    """The § 73 BGB answer names the court's two ways (German term kept in brackets), and the
    fee waiver no longer claims 'many federal states'."""
    text = source("verein-gruenden", locale)
    assert "§ 73 BGB" in text and "von Amts wegen" in text
    for slug in ("verein-gruenden", "eintragung-vereinsregister"):
        text = source(slug, locale)
        assert "non-profit associations can apply to be exempted" not in text
        assert "أن تطلب الإعفاء من رسوم المحكمة" not in text
        assert "можуть подати заяву на звільнення від судового збору" not in text


def test_stand_years_are_not_older_than_the_review():
    """'(Stand 2026)' in a guide reviewed in 2027 means an amount nobody looked at again."""
    for path in (CONTENT / "guides").rglob("*.de.md"):
        text = path.read_text(encoding="utf-8")
        reviewed = re.search(r"^last_reviewed: (\d{4})-(\d\d)-(\d\d)$", text, re.MULTILINE)
        assert reviewed, path.name
        year = date(*map(int, reviewed.groups())).year
        stale = [int(y) for y in re.findall(r"Stand (\d{4})", text) if int(y) < year]
        assert stale == [], path.name


def test_no_contact_box_links_a_made_up_address():
    """The same rule as check_contact_links_are_real, on the sources: quick to run."""
    for path in CONTENT.rglob("*.md"):
        in_contact = False
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.startswith(":::contact"):
                in_contact = True
            elif line.strip() == ":::":
                in_contact = False
            elif in_contact and re.match(r"(url|email)\s*:", line):
                assert not EXAMPLE_ADDRESS.search(line.split(":", 1)[1].strip()), \
                    f"{path.name}:{number}"
