"""The partners' admin: onboarding and history views with their menu items, the audit-log
actions onboarding writes, and a page chooser without other sections' drafts."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem


# Stored in log entries under these names since they were registered by cms: kept as they are.
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

    from partners import admin_views

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
    from partners.access import is_central

    return _PartnerMenuItem(_("Onboard a partner"), reverse("partner_onboard"),
                            icon_name="group", order=320, check=is_central)


@hooks.register("register_admin_menu_item")
def register_partner_history_menu_item():
    from partners.access import administered_organisations

    return _PartnerMenuItem(_("Our section's history"), reverse("partner_history_own"),
                            icon_name="history", order=330,
                            check=lambda user: administered_organisations(user).exists())
