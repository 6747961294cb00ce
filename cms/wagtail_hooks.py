from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from cms.models import GlossaryTerm, Organisation, Region


class GlossaryTermViewSet(SnippetViewSet):
    model = GlossaryTerm
    icon = "list-ul"
    menu_label = _("Glossary")
    menu_order = 300
    add_to_admin_menu = True
    list_display = ["term", "slug", "locale"]
    list_filter = ["locale"]
    search_fields = ["term", "definition"]


register_snippet(GlossaryTermViewSet)


# --- Organisations (the directory; partners' entries are written by onboarding) -----------
class OrganisationFilterSet(WagtailFilterSet):
    class Meta:
        model = Organisation
        fields = ["locale", "kind", "region", "show_in_directory"]


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "group"
    menu_label = _("Organisations")
    menu_order = 310
    add_to_admin_menu = True
    list_display = ["name", "kind", "city", "region", "locale", "show_in_directory"]
    filterset_class = OrganisationFilterSet
    search_fields = ["name", "city", "description"]


register_snippet(OrganisationViewSet)


# --- Municipalities (editors add them under a district; Bund, Länder, Kreise are shipped) --
class MunicipalityForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.level = Region.MUNICIPALITY
        if "parent" in self.fields:
            self.fields["parent"].queryset = Region.objects.filter(
                level=Region.DISTRICT).order_by("name")
            self.fields["parent"].required = True


class MunicipalityViewSet(SnippetViewSet):
    model = Region
    icon = "site"
    menu_label = _("Municipalities")
    menu_order = 320
    add_to_admin_menu = True
    list_display = ["name", "parent", "key"]
    search_fields = ["name", "key"]
    edit_handler = ObjectList([FieldPanel("name"), FieldPanel("parent"), FieldPanel("key")],
                              base_form_class=MunicipalityForm)

    def get_queryset(self, request):
        return Region.objects.filter(level=Region.MUNICIPALITY).select_related("parent")


register_snippet(MunicipalityViewSet)
