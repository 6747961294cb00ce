from dataclasses import dataclass

from django.apps import apps
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.search import index
from wagtail_localize.fields import TranslatableField

from cms.i18n import reader_links

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

    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cms.GuidePage"]  # and the types of TOPIC_SECTIONS
    content_panels = [*BasePage.content_panels, FieldPanel("summary"), FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]
    translatable_fields = [*BasePage.translatable_fields, TranslatableField("body")]

    class Meta:
        verbose_name = _("topic")

    def get_context(self, request, *args, **kwargs):
        from .guides import GuidePage

        context = super().get_context(request, *args, **kwargs)
        source = self.source_page
        context["guides"] = reader_links(GuidePage.objects.child_of(source).live().public())
        context["sections"] = [
            {"template": section.template, "links": links}
            for section in TOPIC_SECTIONS.values()
            if (links := reader_links(section.pages(source)))
        ]
        return context
