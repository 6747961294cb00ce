"""What every Wagtail page of the site shares."""

import re
from collections.abc import Iterable, Mapping

from django.db import models
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from wagtail.api import APIField
from wagtail.models import Locale, Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

WORDS_PER_MINUTE = 180  # plain-language readers, often in a second language


class BasePage(Page):
    summary = models.TextField(
        _("summary"), max_length=400, blank=True, help_text=_("One or two plain sentences.")
    )

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary", boost=2),
        index.AutocompleteField("title"),
        index.FilterField("locale_id"),
    ]
    api_fields = [APIField("summary")]
    translatable_fields = [
        TranslatableField("title"),
        TranslatableField("seo_title"),
        TranslatableField("search_description"),
        TranslatableField("summary"),
        SynchronizedField("slug"),
    ]

    class Meta:
        abstract = True

    def get_context(self, request, *args, **kwargs):
        from cms.caching.memo import remembered
        from cms.frozen import freeze

        context = super().get_context(request, *args, **kwargs)
        context.update(remembered(("context", self.pk),
                                  lambda: freeze(self.reader_context(request))))
        return context

    def reader_context(self, request) -> dict:
        """What the page shows from the rest of the tree (breadcrumbs, lists, links): the
        same for every reader of the page in a language, so remembered per content
        generation (cms.caching.memo). Subclasses add theirs to super()'s."""
        from cms.i18n import reader_links

        ancestors = list(self.get_ancestors().filter(depth__gte=2).live().specific())
        return {"crumbs": reader_links(ancestors),
                "parent_page": next((p for p in ancestors if p.depth == self.depth - 1), None)}

    def full_clean(self, *args, **kwargs):
        if not self.slug and self.title:  # Wagtail's own would drop the umlauts' dots
            from cms.slugs import german_slugify

            self.slug = german_slugify(self.title)
        super().full_clean(*args, **kwargs)

    @property
    def source_page(self):
        """The German original of this page (itself when it is German)."""
        if self.locale.language_code == Locale.get_default().language_code:
            return self
        return self.get_translation_or_none(Locale.get_default()) or self


def count_words(value) -> int:
    """Words in a StreamField's raw data or any nested str/list/dict of it."""
    if isinstance(value, str):
        return len(re.findall(r"\w+", strip_tags(value)))
    if isinstance(value, Mapping):
        return sum(count_words(v) for k, v in value.items() if k not in {"id", "type"})
    if isinstance(value, Iterable):  # lists, and StreamValue.raw_data (a RawDataView)
        return sum(count_words(v) for v in value)
    return 0


def reading_minutes(*values) -> int:
    words = sum(count_words(v) for v in values)
    return max(1, round(words / WORDS_PER_MINUTE))
