"""Step-by-step reading: a topic marked as a path (TopicPage.is_step_by_step) makes its guides
steps, in the order of the German page tree (editors drag them in the explorer; the import's
`order` places them). A guide then shows "Step 2 of 5" and links to the previous and the next
guide, in the reader's language where translated, else the German page under the reader's
prefix (cms.i18n.reader_links).

Whether a topic is a path is its own flag, synchronized from the German topic to its
translations (wagtail-localize); the order is always the German tree's, whatever order the
translated pages have in their own tree.

Cost per guide view: nothing for a guide of another topic (GuidePage.get_context reads the
flag from the ancestors the breadcrumbs load); on a path one query for the German siblings
(without restricted ones), one more for the neighbours' translations when the reader's
language is not German. The German source comes from page_translations(), which the language
switcher reads for the same request anyway.
"""

from dataclasses import dataclass

from django.conf import settings
from django.db.models import CharField, Exists, ExpressionWrapper, F, OuterRef
from wagtail.models import Page, PageViewRestriction

from cms.i18n import ReaderLink, locale_for_language, page_translations, reader_links

# What a step link needs: its title and address (and for the fallback, its language).
LINK_FIELDS = ("title", "slug", "url_path", "path", "depth", "locale", "translation_key", "live")


@dataclass(frozen=True)
class StepNavigation:
    number: int
    total: int
    previous: ReaderLink | None
    next: ReaderLink | None


def step_navigation(page, request=None) -> StepNavigation | None:
    """Where `page` (a guide, in any language, whose topic is a path) stands among the German
    topic's guides, or None when it has no live German source."""
    source = _german_source(page, request)
    if source is None or not source.pk or not source.path:  # e.g. a preview of a new page
        return None
    parent_path = source.path[:-Page.steplen]
    model = type(page)
    steps = list(_visible(model.objects.live()
                          .filter(depth=source.depth, path__startswith=parent_path))
                 .order_by("path").only(*LINK_FIELDS))
    index = next((i for i, step in enumerate(steps) if step.pk == source.pk), None)
    if index is None:
        return None
    before = steps[index - 1] if index > 0 else None
    after = steps[index + 1] if index + 1 < len(steps) else None
    links = iter(reader_links([p for p in (before, after) if p is not None],
                              translations=_translations_of(model)))
    return StepNavigation(
        number=index + 1,
        total=len(steps),
        previous=next(links) if before is not None else None,
        next=next(links) if after is not None else None,
    )


def _german_source(page, request):
    german = locale_for_language(settings.LANGUAGE_CODE)
    if page.locale_id == german.pk:
        return page
    return next((t for t in page_translations(page, request) if t.locale_id == german.pk), None)


def _visible(queryset):
    """Without pages under a view restriction (on themselves or an ancestor): what .public()
    does, inside the same query instead of one more."""
    outer_path = ExpressionWrapper(OuterRef("path"), output_field=CharField())
    restricted = (PageViewRestriction.objects.annotate(outer_path=outer_path)
                  .filter(outer_path__startswith=F("page__path")))
    return queryset.filter(~Exists(restricted))


def _translations_of(model):
    def translations(locale, keys):
        return (_visible(model.objects.live().filter(locale=locale, translation_key__in=keys))
                .only(*LINK_FIELDS))
    return translations
