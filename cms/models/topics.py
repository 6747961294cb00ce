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


class TopicPage(BasePage):
    body = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cms.GuidePage", "cms.FundingProgrammePage"]
    content_panels = [*BasePage.content_panels, FieldPanel("summary"), FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]
    translatable_fields = [*BasePage.translatable_fields, TranslatableField("body")]

    class Meta:
        verbose_name = _("topic")

    def get_context(self, request, *args, **kwargs):
        from .funding import FundingProgrammePage
        from .guides import GuidePage

        context = super().get_context(request, *args, **kwargs)
        source = self.source_page
        context["guides"] = reader_links(GuidePage.objects.child_of(source).live().public())
        context["programmes"] = reader_links(
            FundingProgrammePage.objects.child_of(source).live().public().order_by("deadline")
        )
        return context
