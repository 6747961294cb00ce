from dataclasses import dataclass

from django.apps import apps
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from cms.fields import RichTextField
from cms.i18n import locale_for_language, reader_links

from .base import BasePage

# The four topics every installation has; the importer creates any that is missing.
STANDARD_TOPICS = {
    "verein-gruenden": "Verein gründen",
    "foerdermittel": "Fördermittel",
    "behoerden": "Umgang mit Behörden",
    "vereinsarbeit": "Vereinsarbeit",
}


@dataclass(frozen=True)
class TopicSection:
    """A page type of another app that lives below topics (funding: its programmes). The app
    registers it in its AppConfig.ready(), so cms names no app above it: topics then take
    pages of that type, and list the live ones below their guides with `template`."""

    model: str  # "app_label.ModelName"
    template: str  # included with `links`: the reader's links to those pages
    order_by: tuple[str, ...] = ("path",)
    head_template: str = ""  # included in the topic's <head> (funding: its calendar feed)

    def pages(self, topic):
        model = apps.get_model(self.model)
        return model.objects.child_of(topic).live().public().order_by(*self.order_by)


TOPIC_SECTIONS: dict[str, TopicSection] = {}


def register_topic_section(section: TopicSection) -> None:
    TOPIC_SECTIONS[section.model] = section
    if section.model not in TopicPage.subpage_types:
        TopicPage.subpage_types = [*TopicPage.subpage_types, section.model]


class TopicPage(BasePage):
    body = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])
    is_step_by_step = models.BooleanField(
        _("Guides are steps to read in order"), default=False,
        help_text=_("Each guide then shows “Step 2 of 5” with links to the previous and the "
                    "next guide. The order is the order of the pages in the explorer."),
    )

    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cms.GuidePage"]  # and the types of TOPIC_SECTIONS
    content_panels = [*BasePage.content_panels, FieldPanel("summary"), FieldPanel("body"),
                      FieldPanel("is_step_by_step")]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]
    translatable_fields = [*BasePage.translatable_fields, TranslatableField("body"),
                           SynchronizedField("is_step_by_step")]

    class Meta:
        verbose_name = _("topic")

    def save(self, *args, **kwargs):
        """Publishing the German topic passes its path flag on to the translations at once
        (a SynchronizedField otherwise waits for the next sync), so a guide says "Step 2 of 5"
        in every language as soon as the German topic does. A draft leaves them alone: Wagtail
        saves a draft with `update_fields`, without this field."""
        result = super().save(*args, **kwargs)
        fields = kwargs.get("update_fields")
        if (fields is None or "is_step_by_step" in fields) and self.translation_key \
                and self.locale_id == locale_for_language(settings.LANGUAGE_CODE).pk:
            (TopicPage.objects.filter(translation_key=self.translation_key)
             .exclude(pk=self.pk).exclude(is_step_by_step=self.is_step_by_step)
             .update(is_step_by_step=self.is_step_by_step))
        return result

    def reader_context(self, request):
        from .guides import GuidePage

        context = super().reader_context(request)
        source = self.source_page  # translations list the German topic's guides, in its order
        guides = GuidePage.objects.child_of(source).live().public().order_by("path")
        context["guides"] = reader_links(guides)
        context["is_step_by_step"] = self.is_step_by_step
        context["sections"] = [
            {"template": section.template, "links": links,
             "head_template": section.head_template}
            for section in TOPIC_SECTIONS.values()
            if (links := reader_links(section.pages(source)))
        ]
        return context
