from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Locale, RevisionMixin, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from cms.fields import RichTextField

from .base import BasePage


class GlossaryTerm(TranslatableMixin, RevisionMixin, index.Indexed, models.Model):
    """A word from German associations and offices, explained plainly. Translatable snippet."""

    term = models.CharField(_("term"), max_length=120)
    slug = models.SlugField(_("slug"), max_length=120)
    definition = models.TextField(_("short definition"), max_length=400)
    body = RichTextField(_("explanation"), blank=True, features=["bold", "italic", "link", "ul"])

    panels = [FieldPanel("term"), FieldPanel("slug"), FieldPanel("definition"), FieldPanel("body")]
    search_fields = [
        index.SearchField("term", boost=3),
        index.AutocompleteField("term"),
        index.SearchField("definition"),
        index.SearchField("body"),
        index.FilterField("locale_id"),
    ]
    translatable_fields = [
        TranslatableField("term"),
        TranslatableField("definition"),
        TranslatableField("body"),
        SynchronizedField("slug"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("glossary term")
        verbose_name_plural = _("glossary terms")
        ordering = ["term"]
        constraints = [
            models.UniqueConstraint(fields=["slug", "locale"], name="unique_glossary_slug_locale")
        ]

    def __str__(self):
        return self.term

    def get_url(self):
        """The term's entry on the glossary page of its language."""
        if not hasattr(self, "_glossary_page_url"):
            self._glossary_page_url = glossary_page_urls([self.locale_id]).get(self.locale_id)
        page_url = self._glossary_page_url
        return f"{page_url}#{self.slug}" if page_url else None

    @classmethod
    def urls_for(cls, terms) -> dict:
        """{term id: its entry on its language's glossary page}, in one query (search)."""
        pages = glossary_page_urls({term.locale_id for term in terms})
        return {term.pk: f"{pages[term.locale_id]}#{term.slug}" for term in terms
                if pages.get(term.locale_id)}

    def frozen(self):
        """A read-only copy for the render memo (cms.frozen)."""
        from cms.frozen import FrozenTerm, RenderedRichText

        return FrozenTerm(pk=self.pk, term=self.term, slug=self.slug,
                          definition=self.definition, body=RenderedRichText(self.body),
                          locale=self.locale, url=self.get_url())

    def pages_showing(self):
        """Where a change to the term shows besides the pages linking to it (cms.changes):
        every glossary page, as languages without the term show the German one."""
        return GlossaryPage.objects.live()


class GlossaryPage(BasePage):
    parent_page_types = ["cms.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    content_panels = [*BasePage.content_panels, FieldPanel("summary")]

    def search_dependents(self):
        """The terms of its language: their addresses are on this page (cms.changes)."""
        return GlossaryTerm.objects.filter(locale_id=self.locale_id)

    class Meta:
        verbose_name = _("glossary")

    def reader_context(self, request):
        return {**super().reader_context(request), "terms": terms_for_locale(self.locale)}


def glossary_page_urls(locale_ids) -> dict:
    """{locale_id: URL of that language's live glossary page}, in one query."""
    from cms.i18n import attach_locales

    urls = {}
    pages = GlossaryPage.objects.live().filter(locale_id__in=set(locale_ids)).order_by("path")
    for page in attach_locales(pages):
        urls.setdefault(page.locale_id, page.url)
    return urls


def localized_terms(terms) -> list:
    """Each term in the reader's language where translated, else as given, with its locale
    and glossary URL filled in: three queries at most, whatever the number of terms."""
    from cms.i18n import attach_locales

    terms = list(terms)
    if not terms:
        return []
    try:
        active = Locale.get_active()
    except (LookupError, Locale.DoesNotExist):  # as TranslatableMixin.localized does
        active = None
    own = {} if active is None else {
        t.translation_key: t
        for t in GlossaryTerm.objects.filter(
            locale=active, translation_key__in=[t.translation_key for t in terms])
    }
    terms = attach_locales(own.get(t.translation_key, t) for t in terms)
    urls = glossary_page_urls(t.locale_id for t in terms)
    for term in terms:
        term._glossary_page_url = urls.get(term.locale_id)
    return terms


def terms_for_locale(locale):
    """Every term, in this locale where translated, else in German; sorted for reading."""
    default = Locale.get_default()
    own = {t.translation_key: t for t in GlossaryTerm.objects.filter(locale=locale)}
    from cms.i18n import attach_locales

    terms = attach_locales(own.get(t.translation_key, t)
                           for t in GlossaryTerm.objects.filter(locale=default))
    urls = glossary_page_urls({t.locale_id for t in terms})  # for their frozen copies
    for term in terms:
        term._glossary_page_url = urls.get(term.locale_id)
    return sorted(terms, key=lambda t: t.term.casefold())
