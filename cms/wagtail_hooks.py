from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from cms.models import GlossaryTerm


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


# --- Organisations (partners, directory) ---------------------------------------------------
from wagtail.admin.filters import WagtailFilterSet  # noqa: E402

from cms.models import Organisation  # noqa: E402


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


@hooks.register("register_log_actions")
def register_partner_log_actions(actions):
    actions.register_action("cms.partner_onboarded", _("Partner onboarded"),
                            _("Partner onboarded"))
    actions.register_action("cms.partner_permissions", _("Partner permissions set"),
                            _("Partner permissions set"))


@hooks.register("construct_page_chooser_queryset")
def hide_other_sections_drafts(pages, request):
    """Wagtail's page chooser lists every page, drafts included; a partner must not read the
    titles of another partner's unpublished pages there. Live pages stay choosable (links)."""
    from django.db.models import Q
    from wagtail.permission_policies.pages import PagePermissionPolicy

    user = request.user
    if user.is_superuser:
        return pages
    own = PagePermissionPolicy().instances_user_has_any_permission_for(
        user, ["add", "change", "publish"])
    return pages.filter(Q(live=True) | Q(pk__in=own.values("pk")))


@hooks.register("register_admin_urls")
def register_partner_admin_urls():
    from django.urls import path

    from cms.partners import admin_views

    return [
        path("partners/onboard/", admin_views.OnboardPartnerView.as_view(),
             name="partner_onboard"),
        path("partners/history/", admin_views.OrganisationHistoryView.as_view(),
             name="partner_history_own"),
        path("partners/<int:organisation_id>/history/",
             admin_views.OrganisationHistoryView.as_view(), name="partner_history"),
    ]


class _PartnerMenuItem(MenuItem):
    def __init__(self, *args, check, **kwargs):
        super().__init__(*args, **kwargs)
        self.check = check

    def is_shown(self, request):
        return self.check(request.user)


@hooks.register("register_admin_menu_item")
def register_onboarding_menu_item():
    from cms.partners.access import is_central

    return _PartnerMenuItem(_("Onboard a partner"), reverse("partner_onboard"),
                            icon_name="group", order=320, check=is_central)


@hooks.register("register_admin_menu_item")
def register_partner_history_menu_item():
    from cms.partners.access import administered_organisations

    return _PartnerMenuItem(_("Our section's history"), reverse("partner_history_own"),
                            icon_name="history", order=330,
                            check=lambda user: administered_organisations(user).exists())
