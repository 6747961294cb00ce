import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from cms.blocks import guide_body_blocks
from cms.fields import StreamField
from cms.importer.errors import ContentError
from cms.models import BasePage


class Kind(models.TextChoices):
    # In the order the footer lists them.
    IMPRINT = "imprint", _("Imprint (Impressum)")
    PRIVACY = "privacy", _("Privacy policy (Datenschutzerklärung)")
    ACCESSIBILITY = "accessibility", _("Accessibility statement (Erklärung zur Barrierefreiheit)")


KIND_ORDER = [kind.value for kind in Kind]


class LegalPage(BasePage):
    """One page per kind and language, below the home page; the footer links to each."""

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices,
                            help_text=_("Each kind exists once per language; the footer "
                                        "links to it."))
    # The guides' blocks, so that content/ files use one format (docs/content-format.md).
    body = StreamField(guide_body_blocks(), verbose_name=_("content"))
    last_reviewed = models.DateField(
        _("as of"), null=True, blank=True,
        help_text=_("When the text was last checked; shown on the page (Stand)."))

    parent_page_types = ["cms.HomePage"]
    subpage_types = []
    content_panels = [*BasePage.content_panels, FieldPanel("kind"), FieldPanel("summary"),
                      FieldPanel("body"), FieldPanel("last_reviewed")]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]
    api_fields = [*BasePage.api_fields, APIField("kind"), APIField("body"),
                  APIField("last_reviewed")]
    translatable_fields = [
        *BasePage.translatable_fields,
        TranslatableField("body"),
        SynchronizedField("kind"),
        SynchronizedField("last_reviewed"),
    ]

    class Meta:
        verbose_name = _("legal page")

    def clean(self):
        super().clean()
        others = LegalPage.objects.filter(locale_id=self.locale_id, kind=self.kind)
        if self.pk:
            others = others.exclude(pk=self.pk)
        if self.kind and others.exists():
            raise ValidationError({"kind": _("This language already has a page of this kind.")})

    def get_context(self, request, *args, **kwargs):
        from .contact import contact_url

        context = super().get_context(request, *args, **kwargs)
        topic = "barrier" if self.kind == Kind.ACCESSIBILITY else "general"
        context["contact_url"] = contact_url(topic=topic, page=request.path)
        return context


# --- content/ import (cms.importer.registry) ------------------------------------------------


def check_front_matter(meta: dict) -> None:
    if meta.get("kind") not in KIND_ORDER:
        raise ContentError(f"'kind' must be one of {', '.join(KIND_ORDER)}")
    reviewed = meta.get("last_reviewed")
    if reviewed is not None and not isinstance(reviewed, datetime.date):
        try:
            meta["last_reviewed"] = datetime.date.fromisoformat(str(reviewed))
        except ValueError:
            raise ContentError("'last_reviewed' must be a date like 2026-11-01") from None


def fill_from_front_matter(page: LegalPage, meta: dict) -> None:
    page.kind = meta["kind"]
    page.last_reviewed = meta.get("last_reviewed")
