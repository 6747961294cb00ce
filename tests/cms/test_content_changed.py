"""One signal for every content change (cms.changes): what Wagtail and Django report becomes
one `content_changed` per change, with the specific object and the action, and the page cache,
the search index and the translation sources subscribe to it without naming any model."""

import ast
from pathlib import Path

import pytest
from wagtail.models import Page, PageViewRestriction

from cms.caching.invalidation import current_generation
from cms.changes import content_changed
from cms.models import GlossaryTerm, GuidePage, Organisation, TopicPage

pytestmark = pytest.mark.django_db

SUBSCRIBERS = ["cms/caching/invalidation.py", "search/signals.py", "translations/signals.py"]
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def announced():
    seen = []

    def record(sender, instance, action, **extra):
        seen.append((action, type(instance).__name__, instance.pk))

    content_changed.connect(record, dispatch_uid="test-recorder")
    yield seen
    content_changed.disconnect(dispatch_uid="test-recorder")


def test_publishing_and_unpublishing_a_page(announced, guide):
    guide.save_revision().publish()
    guide.unpublish()
    assert announced == [("published", "GuidePage", guide.pk),
                         ("unpublished", "GuidePage", guide.pk)]


def test_moving_a_page_is_announced_before_and_after(announced, guide):
    other = TopicPage.objects.get(slug="behoerden", locale=guide.locale)
    guide.move(other, pos="last-child")
    assert announced == [("moving", "GuidePage", guide.pk), ("moved", "GuidePage", guide.pk)]


def test_a_slug_change_is_a_move(announced, guide, django_capture_on_commit_callbacks):
    guide.slug = "neuer-name"
    with django_capture_on_commit_callbacks(execute=True):  # Wagtail tells after the commit
        guide.save_revision().publish()
    assert ("moved", "GuidePage", guide.pk) in announced


def test_deleting_a_page_names_its_specific_type(announced, guide):
    pk = guide.pk
    guide.delete()
    assert ("deleted", "GuidePage", pk) in announced


def test_a_view_restriction_is_announced_for_its_page(announced, guide):
    PageViewRestriction.objects.create(page=guide, restriction_type="login")
    assert announced == [("restricted", "GuidePage", guide.pk)]


def test_saving_a_snippet_with_a_language_is_its_publication(announced):
    term = GlossaryTerm.objects.get(slug="satzung", locale__language_code="de")
    term.save()
    assert announced == [("published", "GlossaryTerm", term.pk)]


def test_other_models_are_not_content(announced, django_user_model):
    django_user_model.objects.create(username="kein-inhalt")
    Page.objects.get(depth=1).save()  # the tree's root is never content either
    assert announced == []


def test_any_translatable_snippet_refreshes_the_page_cache(
        settings, django_capture_on_commit_callbacks):
    """An organisation is named nowhere in the caching code, yet changing it starts a new
    page-cache generation, as a glossary term's change does."""
    settings.PAGE_CACHE_ENABLED = True
    before = current_generation()
    with django_capture_on_commit_callbacks(execute=True):
        Organisation.objects.create(name="Neu e. V.", slug="neu-ev", kind="network",
                                    locale=GuidePage.objects.first().locale)
    assert current_generation() != before


@pytest.mark.parametrize("module", SUBSCRIBERS)
def test_subscribers_name_no_content_model(module):
    tree = ast.parse((ROOT / module).read_text())
    imported = {node.module for node in ast.walk(tree)
                if isinstance(node, ast.ImportFrom) and node.module}
    assert not {name for name in imported
                if name.startswith(("cms.models", "funding", "partners", "learning"))}
    names = {node.id for node in ast.walk(tree) if isinstance(node, ast.Name)}
    assert not names & {"GlossaryTerm", "GlossaryPage", "GuidePage", "Organisation",
                        "FundingProgrammePage", "TopicPage", "HomePage"}
