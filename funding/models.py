"""Funding programmes: a page per programme, below the Fördermittel topic.

The table and its many-to-many tables keep their names from when the model lived in cms
(db_table below; migrations cms 0007 and funding 0001), so moving the model changed no data.
"""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.models import Orderable
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from cms.blocks import guide_body_blocks
from cms.fields import StreamField
from cms.i18n import reader_links
from cms.models import BasePage, GuidePage, OrganisationType, Region
from cms.searchable_text import OwnLineField

from .deadlines import deadline_state
from .programme_page import DeadlineBox, deadline_box, split_body
from .regions import labelled


class FundingProgrammePage(BasePage):
    funder = models.CharField(_("funder"), max_length=200)
    regions = ParentalManyToManyField(Region, verbose_name=_("regions"), related_name="+")
    eligible_types = ParentalManyToManyField(
        OrganisationType, verbose_name=_("who can apply"), related_name="+"
    )
    deadline = models.DateField(
        _("deadline"), null=True, blank=True, help_text=_("Leave empty if you can apply any time.")
    )
    next_round = models.DateField(
        _("next round expected"), null=True, blank=True,
        help_text=_("When the deadline has passed: when the funder is expected to open the next "
                    "round, if known. Readers see the month."),
    )
    last_checked = models.DateField(
        _("last checked"), null=True, blank=True,
        help_text=_("When someone last compared this page with the funder's own conditions."),
    )
    amount_min = models.PositiveIntegerField(_("smallest amount (EUR)"))
    amount_max = models.PositiveIntegerField(_("largest amount (EUR)"))
    cofunding_percent = models.PositiveSmallIntegerField(
        _("own share (%)"), default=0, validators=[MaxValueValidator(100)],
        help_text=_("The share of the costs the organisation pays itself (Eigenanteil)."),
    )
    programme_url = models.URLField(_("funder's page"))
    figures_are_examples = models.BooleanField(
        _("amounts and deadline are examples"), default=False,
        help_text=_("Tick for demo or illustrative content; the page then says so."),
    )
    body = StreamField(guide_body_blocks(), blank=True, verbose_name=_("how to apply"))

    template = "funding/funding_programme_page.html"
    parent_page_types = ["cms.TopicPage"]
    subpage_types = []

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("funder"),
                FieldRowPanel([FieldPanel("amount_min"), FieldPanel("amount_max")]),
                FieldRowPanel([FieldPanel("cofunding_percent"), FieldPanel("deadline")]),
                FieldRowPanel([FieldPanel("next_round"), FieldPanel("last_checked")]),
                # Over 400 regions: a list to type into, Kreise grouped by Land (their keys).
                FieldPanel("regions", widget=forms.SelectMultiple(attrs={"size": 12})),
                FieldPanel("eligible_types",
                           widget=forms.CheckboxSelectMultiple),
                FieldPanel("programme_url"),
                FieldPanel("figures_are_examples"),
            ],
            heading=_("Programme facts"),
        ),
        FieldPanel("body"),
        InlinePanel("guide_links", label=_("Guides that help with the application")),
    ]
    search_fields = [
        *BasePage.search_fields,
        OwnLineField("funder"),
        index.SearchField("body"),
        index.FilterField("deadline"),
        index.FilterField("amount_min"),
        index.FilterField("amount_max"),
        index.FilterField("cofunding_percent"),
    ]
    api_fields = [
        *BasePage.api_fields,
        APIField("funder"),
        APIField("deadline"),
        APIField("next_round"),
        APIField("last_checked"),
        APIField("amount_min"),
        APIField("amount_max"),
        APIField("cofunding_percent"),
        APIField("region_codes"),
        APIField("eligible_codes"),
        APIField("programme_url"),
        APIField("figures_are_examples"),
        APIField("body"),
    ]
    translatable_fields = [
        *BasePage.translatable_fields,
        TranslatableField("funder"),
        TranslatableField("body"),
        SynchronizedField("regions"),
        SynchronizedField("eligible_types"),
        SynchronizedField("deadline"),
        SynchronizedField("next_round"),
        SynchronizedField("last_checked"),
        SynchronizedField("guide_links"),
        SynchronizedField("amount_min"),
        SynchronizedField("amount_max"),
        SynchronizedField("cofunding_percent"),
        SynchronizedField("programme_url"),
        SynchronizedField("figures_are_examples"),
    ]

    class Meta:
        db_table = "cms_fundingprogrammepage"  # its name from cms, kept: see the docstring
        verbose_name = _("funding programme")

    def clean(self):
        super().clean()
        low, high = self.amount_min, self.amount_max
        if low is not None and high is not None and low > high:
            raise ValidationError(
                {"amount_max": _("The largest amount must not be below the smallest.")}
            )

    @property
    def region_codes(self):
        return sorted(r.code for r in self.regions.all())

    @property
    def places(self) -> list[dict]:
        """The regions, nearest first, each with its level (funding.regions.labelled)."""
        return labelled(self.region_codes)

    @property
    def eligible_codes(self):
        return sorted(t.code for t in self.eligible_types.all())

    def deadline_state(self, today: datetime.date | None = None) -> str:
        """'rolling', 'past', 'soon' (within 30 days) or 'open'."""
        return deadline_state(self.deadline, today or timezone.localdate())

    def deadline_box(self, today: datetime.date | None = None) -> DeadlineBox:
        """The box at the top of the page: worked out on every request (days left change
        daily), never remembered with the reader context."""
        return deadline_box(self.deadline, self.next_round, today or timezone.localdate())

    @cached_property
    def body_parts(self):
        """The checklist, the contact and the rest of the body, each shown once."""
        return split_body(self.body)

    def reader_context(self, request):
        context = super().reader_context(request)
        guides = [link.guide for link in self.guide_links.select_related("guide")
                  if link.guide.live]
        context["helpful_guides"] = reader_links(guides, translations=_guide_translations)
        return context


def _guide_translations(locale, keys):
    """The guides' live, public translations in one query of their own type (reader_links's
    default would ask for each page's type first)."""
    return GuidePage.objects.live().public().filter(locale=locale, translation_key__in=keys)


class FundingGuideLink(Orderable):
    """A guide that helps with this programme's application (cost and financing plan, own
    share, proof of use): the page links the reader's translation of it."""

    page = ParentalKey(FundingProgrammePage, on_delete=models.CASCADE, related_name="guide_links")
    guide = models.ForeignKey(
        "cms.GuidePage", on_delete=models.CASCADE, related_name="+", verbose_name=_("guide")
    )
    panels = [FieldPanel("guide", heading=_("Guide"))]

    class Meta(Orderable.Meta):
        verbose_name = _("guide that helps")

from .alerts.models import AlertMailRequest, AlertSent, AlertSubscription  # noqa: E402, F401
