from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.models import Orderable
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from cms.blocks import guide_body_blocks, legal_reference_blocks
from cms.fields import StreamField
from cms.i18n import reader_links
from cms.sections import sections_for

from .base import BasePage, reading_minutes
from .glossary import localized_terms
from .steps import step_navigation

TOC_MIN_SECTIONS = 4  # a table of contents helps only on long guides


class GuidePage(BasePage):
    body = StreamField(guide_body_blocks(), verbose_name=_("content"))
    legal_references = StreamField(
        legal_reference_blocks(), blank=True, verbose_name=_("legal references")
    )
    last_reviewed = models.DateField(
        _("last reviewed"), null=True, blank=True,
        help_text=_("When someone last checked that this guide is still correct."),
    )
    reading_time = models.PositiveSmallIntegerField(_("reading time (minutes)"), default=1,
                                                    editable=False)

    parent_page_types = ["cms.TopicPage"]
    subpage_types = []

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("summary"),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("last_reviewed")]), FieldPanel("legal_references")],
            heading=_("Review and sources"),
        ),
        InlinePanel("related_links", label=_("Related guides")),
        InlinePanel("glossary_links", label=_("Glossary terms")),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]
    api_fields = [
        *BasePage.api_fields,
        APIField("body"),
        APIField("legal_references"),
        APIField("last_reviewed"),
        APIField("reading_time"),
    ]
    translatable_fields = [
        *BasePage.translatable_fields,
        TranslatableField("body"),
        TranslatableField("legal_references"),
        SynchronizedField("last_reviewed"),
        SynchronizedField("related_links"),
        SynchronizedField("glossary_links"),
    ]

    class Meta:
        verbose_name = _("guide")

    def save(self, *args, **kwargs):
        self.reading_time = reading_minutes(self.summary, self.body.raw_data)
        return super().save(*args, **kwargs)

    def table_of_contents(self):
        """(anchor, heading) for each section, or [] when the guide is short."""
        headings = [block.value for block in self.body if block.block_type == "heading"]
        if len(headings) < TOC_MIN_SECTIONS:
            return []
        return [(heading_anchor(text), text) for text in headings]

    def reader_context(self, request):
        context = super().reader_context(request)
        related = [link.guide for link in self.related_links.select_related("guide")
                   if link.guide and link.guide.live]
        context["related_guides"] = reader_links(related)
        context["glossary_terms"] = localized_terms(
            link.term for link in self.glossary_links.select_related("term")
        )
        # The topic the reader's page lives under says whether its guides are steps (the flag
        # is synchronized to translations), so other topics' guides ask nothing more.
        context["sections"] = sections_for("guide", self)
        if getattr(context["parent_page"], "is_step_by_step", False):
            context["step_nav"] = step_navigation(self, request)
        return context


def heading_anchor(text: str) -> str:
    # slugify drops Arabic and Cyrillic letters; fall back to a stable hash-free anchor
    return slugify(text, allow_unicode=True) or "section"


class GuideRelatedLink(Orderable):
    page = ParentalKey(GuidePage, on_delete=models.CASCADE, related_name="related_links")
    guide = models.ForeignKey(
        "cms.GuidePage", on_delete=models.CASCADE, related_name="+", verbose_name=_("guide")
    )
    panels = [FieldPanel("guide", heading=_("Guide"))]

    class Meta(Orderable.Meta):
        verbose_name = _("related guide")


class GuideGlossaryLink(Orderable):
    page = ParentalKey(GuidePage, on_delete=models.CASCADE, related_name="glossary_links")
    term = models.ForeignKey("cms.GlossaryTerm", on_delete=models.CASCADE, related_name="+",
                             verbose_name=_("term"))
    panels = [FieldPanel("term")]

    class Meta(Orderable.Meta):
        verbose_name = _("glossary term")
