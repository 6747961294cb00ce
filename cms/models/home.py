from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail_localize.fields import TranslatableField

from cms.i18n import reader_links
from cms.sections import sections_for

from .base import BasePage


class HomePage(BasePage):
    intro = models.TextField(_("introduction"), blank=True)

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["cms.TopicPage", "cms.GlossaryPage"]  # and allow_below_home()'s
    content_panels = [*BasePage.content_panels, FieldPanel("summary"), FieldPanel("intro")]
    api_fields = [*BasePage.api_fields, APIField("intro")]
    translatable_fields = [*BasePage.translatable_fields, TranslatableField("intro")]

    class Meta:
        verbose_name = _("home page")

    def reader_context(self, request):
        from .glossary import GlossaryPage
        from .topics import TopicPage

        context = super().reader_context(request)
        source = self.source_page
        topics = list(TopicPage.objects.child_of(source).live().public())
        glossary = list(GlossaryPage.objects.child_of(source).live().public()[:1])
        links = reader_links([*topics, *glossary])  # one look-up of translations for both
        context["topics"], context["glossary"] = links[:len(topics)], links[len(topics):]
        context["sections"] = sections_for("home", source)
        return context


def allow_below_home(model: str) -> None:
    """Let pages of another app's type ("app_label.ModelName") live below the home page;
    called from that app's AppConfig.ready(), so cms names no app above it."""
    if model not in HomePage.subpage_types:
        HomePage.subpage_types = [*HomePage.subpage_types, model]
