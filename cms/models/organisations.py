"""Organisations: migrant organisations, partners, networks and public offices.

A translatable snippet. The public part (contact data, languages, topics) feeds the directory;
the partner part (section, collection, groups) is written by onboarding (the partners app) and
says which pages, files and people belong to the organisation.
"""

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import Locale, RevisionMixin, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from .vocabulary import SpokenLanguage

KIND_CHOICES = [
    ("migrant-organisation", _("Migrant organisation")),
    ("partner", _("Partner or support organisation")),
    ("network", _("Network")),
    ("public-office", _("Public office")),
]


class Organisation(TranslatableMixin, RevisionMixin, index.Indexed, ClusterableModel):
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200)
    kind = models.CharField(_("kind"), max_length=30, choices=KIND_CHOICES)
    city = models.CharField(_("city"), max_length=100, blank=True)
    region = models.ForeignKey(
        "cms.Region", verbose_name=_("region"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    languages = ParentalManyToManyField(
        SpokenLanguage, verbose_name=_("languages spoken"), blank=True, related_name="+"
    )
    topics = ParentalManyToManyField(
        "cms.TopicPage", verbose_name=_("topics"), blank=True, related_name="+"
    )
    contact_person = models.CharField(_("contact person"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    website = models.URLField(_("website"), blank=True)
    description = models.TextField(_("description"), max_length=1000, blank=True)
    logo = models.ForeignKey(
        "cms.CustomImage", verbose_name=_("logo"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    show_in_directory = models.BooleanField(_("show in directory"), default=False)

    # Partners only, written by onboarding: their German section root and their collection.
    section = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("section"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    collection = models.ForeignKey(
        "wagtailcore.Collection", verbose_name=_("collection"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    editors_group = models.ForeignKey(
        "auth.Group", null=True, blank=True, editable=False, on_delete=models.SET_NULL,
        related_name="+",
    )
    translators_group = models.ForeignKey(
        "auth.Group", null=True, blank=True, editable=False, on_delete=models.SET_NULL,
        related_name="+",
    )
    translator_locales = ParentalManyToManyField(
        "wagtailcore.Locale", blank=True, editable=False, related_name="+",
        help_text="Languages the translators group may translate into.",
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("kind"),
        FieldRowPanel([FieldPanel("city"), FieldPanel("region")]),
        FieldPanel("languages", widget=forms.CheckboxSelectMultiple),
        FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
        FieldPanel("description"),
        MultiFieldPanel(
            [FieldPanel("contact_person"), FieldPanel("email"), FieldPanel("phone"),
             FieldPanel("website")],
            heading=_("Contact"),
        ),
        FieldPanel("logo"),
        FieldPanel("show_in_directory"),
        MultiFieldPanel(
            [FieldPanel("section", read_only=True), FieldPanel("collection", read_only=True)],
            heading=_("Partner access (set by onboarding)"),
        ),
    ]
    search_fields = [
        index.SearchField("name", boost=3),
        index.AutocompleteField("name"),
        index.SearchField("description"),
        index.SearchField("city"),
        index.FilterField("locale_id"),
        index.FilterField("show_in_directory"),
    ]
    translatable_fields = [
        TranslatableField("name"),
        TranslatableField("description"),
        SynchronizedField("slug"),
        SynchronizedField("kind"),
        SynchronizedField("city"),
        SynchronizedField("region"),
        SynchronizedField("languages"),
        SynchronizedField("topics"),
        SynchronizedField("contact_person"),
        SynchronizedField("email"),
        SynchronizedField("phone"),
        SynchronizedField("website"),
        SynchronizedField("logo"),
        SynchronizedField("show_in_directory"),
        SynchronizedField("section"),
        SynchronizedField("collection"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["slug", "locale"],
                                    name="unique_organisation_slug_locale"),
            # One owner per section (a translation carries its original's section, hence
            # per locale); onboarding checks first, this holds under any race.
            models.UniqueConstraint(fields=["section", "locale"],
                                    condition=models.Q(section__isnull=False),
                                    name="unique_organisation_section_locale"),
        ]

    def __str__(self):
        return self.name

    @property
    def source(self):
        """The German original (partner access is kept there)."""
        default = Locale.get_default()
        if self.locale_id == default.id:
            return self
        return self.get_translation_or_none(default) or self
