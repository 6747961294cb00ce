"""Reading order: topics list their guides in the order of the German page tree (editors drag
them; the import's `order` places them), and a topic marked as a path gives its guides
"Step n of m" with the previous and next guide, in the reader's language or as the German
page under the reader's prefix."""

import re
from textwrap import dedent

import pytest
from django.test import TestCase
from django.utils import translation
from django.utils.translation import gettext
from wagtail.models import Locale, Page

from cms.importer import import_path
from cms.models import GuidePage, TopicPage
from tests.factories import GuidePageFactory, UserFactory

pytestmark = pytest.mark.django_db

STEP = "Step %(number)s of %(total)s"


def guide_file(folder, slug, order=None, topic="verein-gruenden", title=None, extra=""):
    order_line = f"order: {order}\n" if order is not None else ""
    (folder / f"{slug}.de.md").write_text(dedent(f"""\
        ---
        type: guide
        slug: {slug}
        locale: de
        title: {title or slug.replace('-', ' ').title()}
        topic: {topic}
        summary: Kurz.
        """) + order_line + extra + "---\nEin Absatz.\n", encoding="utf-8")
    return folder / f"{slug}.de.md"


def run(path):
    with TestCase.captureOnCommitCallbacks(execute=True):
        return import_path(path)


def guide_slugs(topic_slug, locale="de"):
    topic = TopicPage.objects.get(locale__language_code=locale, slug=topic_slug)
    return list(GuidePage.objects.child_of(topic).order_by("path").values_list("slug", flat=True))


def listed(client, url):
    body = client.get(url).content.decode()
    section = body.split('id="guides-heading"', 1)[1].split("</section>", 1)[0]
    return re.findall(r'<h3><a href="([^"]+)"', section)


# --- order in the tree ------------------------------------------------------------------
def test_topic_lists_guides_in_tree_order_after_an_editor_moves_one(client):
    topic = TopicPage.objects.get(locale__language_code="de", slug="verein-gruenden")
    first = GuidePageFactory(parent=topic, slug="zuerst")
    second = GuidePageFactory(parent=topic, slug="danach")
    arabic = Locale.objects.get(language_code="ar")
    second.copy_for_translation(arabic).save_revision().publish()  # ar tree: test-guide, danach
    assert listed(client, "/de/verein-gruenden/") == [
        "/de/verein-gruenden/test-guide/", "/de/verein-gruenden/zuerst/",
        "/de/verein-gruenden/danach/"]

    editor = UserFactory(is_superuser=True, is_staff=True)
    client.force_login(editor)
    # Wagtail's explorer: drag "danach" to the top
    response = client.post(f"/admin/pages/{second.pk}/set_position/?position=0")
    assert response.status_code == 200
    client.logout()

    assert guide_slugs("verein-gruenden") == ["danach", "test-guide", "zuerst"]
    assert listed(client, "/de/verein-gruenden/") == [
        "/de/verein-gruenden/danach/", "/de/verein-gruenden/test-guide/",
        "/de/verein-gruenden/zuerst/"]
    # The Arabic topic follows the German order, not its own tree's
    assert guide_slugs("verein-gruenden", "ar") == ["test-guide", "danach"]
    assert listed(client, "/ar/verein-gruenden/") == [
        "/ar/verein-gruenden/danach/", "/ar/verein-gruenden/test-guide/",
        f"/ar/verein-gruenden/{first.slug}/"]  # German, under /ar/


# --- import -----------------------------------------------------------------------------
def test_import_order_places_pages_and_a_reimport_moves_them(tmp_path):
    GuidePageFactory(slug="ohne-reihenfolge")  # vereinsarbeit; no `order`: goes after
    for slug, order in (("drei", 3), ("eins", 1), ("zwei", 2)):
        guide_file(tmp_path, slug, order, topic="vereinsarbeit")
    report = run(tmp_path)
    assert report.ok, [(r.path, r.message) for r in report.failed]
    assert guide_slugs("vereinsarbeit") == ["eins", "zwei", "drei", "ohne-reihenfolge"]

    paths = dict(GuidePage.objects.values_list("slug", "path"))
    assert run(tmp_path).ok  # unchanged files move nothing
    assert dict(GuidePage.objects.values_list("slug", "path")) == paths

    one = guide_file(tmp_path, "drei", 1, topic="vereinsarbeit")
    assert run(one).ok  # one file, re-imported with another place
    assert guide_slugs("vereinsarbeit") == ["drei", "eins", "zwei", "ohne-reihenfolge"]
    last = guide_file(tmp_path, "eins", 99, topic="vereinsarbeit")  # beyond the end: last
    assert run(last).ok
    assert guide_slugs("vereinsarbeit") == ["drei", "zwei", "ohne-reihenfolge", "eins"]


@pytest.mark.parametrize(("value", "reason"), [
    ("0", "'order' must be a whole number from 1 to 999, not 0"),
    ("1000", "'order' must be a whole number from 1 to 999, not 1000"),
    ("-2", "'order' must be a whole number from 1 to 999, not -2"),
    ('"2"', "'order' must be a whole number like 1 (the first guide of its topic), not text"),
    ("1.5", "not a decimal number"),
    ("true", "not true/false"),
    ("[1, 2]", "not a list"),
])
def test_a_bad_order_is_reported_and_nothing_of_the_file_is_written(tmp_path, value, reason):
    path = tmp_path / "kaputt.de.md"
    path.write_text(f"---\ntype: guide\nslug: kaputt\nlocale: de\ntitle: Kaputt\n"
                    f"topic: vereinsarbeit\nsummary: Kurz.\norder: {value}\n---\nText.\n",
                    encoding="utf-8")
    pages = Page.objects.count()
    report = run(tmp_path)
    [failed] = report.failed
    assert failed.path == "kaputt.de.md" and reason in failed.message
    assert Page.objects.count() == pages


@pytest.mark.parametrize(("kind", "line", "reason"), [
    ("topic", "order: 1", "unknown key(s) for a topic: order"),
    ("topic", "steps: ja", "'steps' must be true or false, not text"),
    ("guide", "steps: true", "unknown key(s) for a guide: steps"),
])
def test_order_and_steps_only_where_they_belong(tmp_path, kind, line, reason):
    topic = "topic: vereinsarbeit\n" if kind == "guide" else ""
    (tmp_path / "x.de.md").write_text(
        f"---\ntype: {kind}\nslug: vereinsarbeit\nlocale: de\ntitle: X\nsummary: K.\n{topic}"
        f"{line}\n---\nText.\n", encoding="utf-8")
    [failed] = run(tmp_path).failed
    assert reason in failed.message


def test_a_translation_may_repeat_the_order_and_a_contradicting_one_is_ignored(tmp_path):
    for slug, order in (("eins", 1), ("zwei", 2)):
        guide_file(tmp_path, slug, order, topic="vereinsarbeit")
    assert run(tmp_path).ok
    for slug, order in (("eins", 1), ("zwei", 1)):
        (tmp_path / f"{slug}.ar.md").write_text(
            f"---\ntype: guide\nslug: {slug}\nlocale: ar\ntranslation_of: {slug}\n"
            f"title: عنوان {slug}\nsummary: قصير.\norder: {order}\n---\nفقرة.\n",
            encoding="utf-8")
    report = run(tmp_path)
    assert report.ok
    warnings = {r.path: r.warnings for r in report.results}
    assert warnings["eins.ar.md"] == []
    assert warnings["zwei.ar.md"] == [
        "'order: 1' differs from the German source, which is guide 2 of 2 in its topic; the "
        "German order counts (ignored)"]
    assert guide_slugs("vereinsarbeit") == ["eins", "zwei"]


def test_steps_on_a_topic_file_reach_its_translations(tmp_path):
    (tmp_path / "verein-gruenden.de.md").write_text(
        "---\ntype: topic\nslug: verein-gruenden\nlocale: de\ntitle: Verein gründen\n"
        "steps: true\n---\n", encoding="utf-8")
    (tmp_path / "verein-gruenden.ar.md").write_text(
        "---\ntype: topic\nslug: verein-gruenden\nlocale: ar\ntranslation_of: verein-gruenden\n"
        "title: تأسيس جمعية\nsteps: false\n---\n", encoding="utf-8")
    report = run(tmp_path)
    assert report.ok
    assert [w for r in report.results for w in r.warnings] == [
        "'steps: false' differs from the German topic ('steps: true'); the German topic's "
        "value counts (ignored)"]
    flags = TopicPage.objects.filter(slug="verein-gruenden").values_list(
        "locale__language_code", "is_step_by_step")
    assert dict(flags) == {"de": True, "ar": True}


# --- step by step -----------------------------------------------------------------------
@pytest.fixture
def path(tmp_path):
    """verein-gruenden as a path: test-guide (translated into Arabic), schritt-zwei,
    schritt-drei (German only)."""
    (tmp_path / "topic.de.md").write_text(
        "---\ntype: topic\nslug: verein-gruenden\nlocale: de\ntitle: Verein gründen\n"
        "steps: true\n---\n", encoding="utf-8")
    guide_file(tmp_path, "schritt-drei", 3, title="Dritter Schritt")
    guide_file(tmp_path, "schritt-zwei", 2, title="Zweiter Schritt")
    report = run(tmp_path)
    assert report.ok, [(r.path, r.message) for r in report.failed]
    assert guide_slugs("verein-gruenden") == ["test-guide", "schritt-zwei", "schritt-drei"]


def step_nav(client, url):
    body = client.get(url).content.decode()
    match = re.search(r'<nav class="step-nav".*?</nav>', body, re.S)
    return body, match.group() if match else None


def rel_link(nav, rel):
    match = re.search(rf'<a rel="{rel}" href="([^"]+)">.*?<span class="step-title"([^>]*)>'
                      r"(.*?)</span>", nav, re.S)
    return match and (match.group(1), match.group(2).strip(), match.group(3))


def step_text(language, number, total):
    with translation.override(language):
        return gettext(STEP) % {"number": number, "total": total}


@pytest.mark.usefixtures("path")
def test_step_navigation_in_german(client):
    body, nav = step_nav(client, "/de/verein-gruenden/schritt-zwei/")
    assert f'<p class="step-position" lang="de" dir="ltr">{step_text("de", 2, 3)}</p>' in body
    assert 'aria-labelledby="step-nav-heading"' in nav
    assert f'<h2 id="step-nav-heading">{step_text("de", 2, 3)}</h2>' in nav
    assert rel_link(nav, "prev") == ("/de/verein-gruenden/test-guide/", "",
                                     "Testleitfaden Vereinsgründung")
    assert rel_link(nav, "next") == ("/de/verein-gruenden/schritt-drei/", "", "Dritter Schritt")
    assert nav.index('rel="prev"') < nav.index('rel="next"')
    assert "←" in nav and "→" in nav

    _body, first = step_nav(client, "/de/verein-gruenden/test-guide/")
    assert step_text("de", 1, 3) in first
    assert 'rel="prev"' not in first and rel_link(first, "next")[0].endswith("/schritt-zwei/")
    _body, last = step_nav(client, "/de/verein-gruenden/schritt-drei/")
    assert step_text("de", 3, 3) in last
    assert 'rel="next"' not in last and rel_link(last, "prev")[0].endswith("/schritt-zwei/")


@pytest.mark.usefixtures("path")
def test_step_navigation_in_english_words(client):
    body, nav = step_nav(client, "/en/verein-gruenden/schritt-zwei/")
    assert "Step 2 of 3" in body and "Previous step" in nav and "Next step" in nav


@pytest.mark.usefixtures("path")
def test_step_navigation_in_arabic_translated_and_fallback(client):
    # the Arabic translation of step 1: its next step is German, under /ar/
    body, nav = step_nav(client, "/ar/verein-gruenden/test-guide/")
    assert f'lang="ar" dir="rtl">{step_text("ar", 1, 3)}</p>' in body
    assert 'rel="prev"' not in nav
    assert rel_link(nav, "next") == ("/ar/verein-gruenden/schritt-zwei/",
                                     'lang="de" dir="ltr"', "Zweiter Schritt")
    # arrows point the reading way: "next" to the left in Arabic
    assert re.search(r'rel="next".*?<span aria-hidden="true">←</span>', nav, re.S)

    # a German page shown under /ar/: neighbours stay under /ar/, the translated one in Arabic
    body, nav = step_nav(client, "/ar/verein-gruenden/schritt-zwei/")
    assert f'lang="ar" dir="rtl">{step_text("ar", 2, 3)}</p>' in body
    prev_url, prev_attrs, prev_title = rel_link(nav, "prev")
    assert (prev_url, prev_attrs) == ("/ar/verein-gruenden/test-guide/", "")
    assert prev_title == GuidePage.objects.get(locale__language_code="ar",
                                               slug="test-guide").title
    assert rel_link(nav, "next") == ("/ar/verein-gruenden/schritt-drei/",
                                     'lang="de" dir="ltr"', "Dritter Schritt")
    assert re.search(r'rel="prev" href="[^"]+"><span class="step-label">'
                     r'<span aria-hidden="true">→', nav)


@pytest.mark.usefixtures("path")
def test_unpublished_and_restricted_guides_are_no_steps(client):
    from wagtail.models import PageViewRestriction

    PageViewRestriction.objects.create(
        page=GuidePage.objects.get(locale__language_code="de", slug="schritt-drei"),
        restriction_type=PageViewRestriction.LOGIN)
    _body, nav = step_nav(client, "/de/verein-gruenden/schritt-zwei/")
    assert step_text("de", 2, 2) in nav and 'rel="next"' not in nav


def test_a_topic_that_is_no_path_shows_no_steps(client):
    for url in ("/de/verein-gruenden/test-guide/", "/ar/verein-gruenden/test-guide/",
                "/de/behoerden/zweiter-leitfaden/"):
        body = client.get(url).content.decode()
        assert 'class="step-nav"' not in body and "step-position" not in body
    body = client.get("/de/verein-gruenden/").content.decode()
    assert '<ul class="card-list">' in body and "<ol" not in body.split("guides-heading")[1]


@pytest.mark.usefixtures("path")
@pytest.mark.parametrize("lang", ["de", "ar"])
def test_a_path_topic_numbers_its_guides(client, lang):
    body = client.get(f"/{lang}/verein-gruenden/").content.decode()
    guides = body.split('id="guides-heading"', 1)[1].split("</section>", 1)[0]
    assert '<ol class="card-list numbered">' in guides
    assert listed(client, f"/{lang}/verein-gruenden/") == [
        f"/{lang}/verein-gruenden/{slug}/" for slug in ("test-guide", "schritt-zwei",
                                                        "schritt-drei")]


@pytest.mark.usefixtures("path")
def test_print_keeps_the_step_but_not_the_links():
    from pathlib import Path

    from django.conf import settings

    css = (Path(settings.BASE_DIR) / "static" / "css" / "site.css").read_text()
    printed = "".join(_block(css, start) for start in _starts(css, "@media print {"))
    assert ".step-nav" in printed and "step-position" not in printed


def _starts(text, opening):
    start = text.find(opening)
    while start != -1:
        yield start + len(opening)
        start = text.find(opening, start + 1)


def _block(css, start):
    """The text of the block opened just before `start`, up to its matching brace."""
    depth = 1
    for end in range(start, len(css)):
        depth += {"{": 1, "}": -1}.get(css[end], 0)
        if depth == 0:
            return css[start:end]
    raise AssertionError("unbalanced braces in site.css")
