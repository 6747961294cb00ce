"""Plain, read-only copies of what a page's context derives from the tree, for the render
memo (cms.caching.memo): the attributes the templates and cms.models.steps read, with the
addresses worked out once. Unlike model instances they cannot query, hold no StreamField and
are safe to share between requests and threads.
"""

import dataclasses
from dataclasses import dataclass

from django.template.loader import render_to_string
from wagtail.models import Locale, Page
from wagtail.rich_text import RichText, expand_db_html


@dataclass(frozen=True)
class FrozenPage:
    pk: int
    title: str
    summary: str
    locale: Locale
    translation_key: object
    path: str
    depth: int
    url_path: str
    live: bool
    url: str | None
    full_url: str | None
    is_step_by_step: bool

    @property
    def id(self):
        return self.pk

    @property
    def locale_id(self):
        return self.locale.pk

    @classmethod
    def of(cls, page):
        return cls(pk=page.pk, title=page.title, summary=getattr(page, "summary", ""),
                   locale=page.locale, translation_key=page.translation_key, path=page.path,
                   depth=page.depth, url_path=page.url_path, live=page.live, url=page.url,
                   full_url=page.full_url,
                   is_step_by_step=getattr(page, "is_step_by_step", False))


class RenderedRichText(RichText):
    """Rich text whose HTML (links expanded for the reader's language, which the memo's key
    holds) is rendered once, when first shown; the `richtext` filter passes a RichText
    through unchanged. Two threads rendering it at once both get the same HTML."""

    html = None

    def __html__(self):
        if self.html is None:
            self.html = render_to_string("wagtailcore/shared/richtext.html",
                                         {"html": expand_db_html(self.source or "")})
        return self.html


@dataclass(frozen=True)
class FrozenTerm:
    """A glossary term (cms.models.glossary.GlossaryTerm) as its lists show it."""

    pk: int
    term: str
    slug: str
    definition: str
    body: RenderedRichText
    locale: Locale
    url: str | None

    @property
    def locale_id(self):
        return self.locale.pk

    def get_url(self):
        return self.url

    def __str__(self):
        return self.term


def freeze(value):
    """A copy of value (a dict, list, dataclass, page or object with `frozen()`) without
    model instances."""
    if isinstance(value, FrozenPage | FrozenTerm):
        return value
    if isinstance(value, Page):
        return FrozenPage.of(value)
    if hasattr(value, "frozen"):
        return value.frozen()
    if isinstance(value, dict):
        return {key: freeze(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [freeze(item) for item in value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.replace(value, **{field.name: freeze(getattr(value, field.name))
                                             for field in dataclasses.fields(value)})
    return value
