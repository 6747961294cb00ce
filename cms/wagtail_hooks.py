from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from cms.models import GlossaryTerm, Organisation


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
