from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .views import UNLOCK_ACTION, LockoutsView, can_manage_lockouts


class LockoutsMenuItem(MenuItem):
    def is_shown(self, request):
        return can_manage_lockouts(request.user)


@hooks.register("register_admin_urls")
def sign_in_lockout_urls():
    return [path("sign-in-lockouts/", LockoutsView.as_view(), name="sign_in_lockouts")]


@hooks.register("register_settings_menu_item")
def sign_in_lockouts_menu_item():
    return LockoutsMenuItem(_("Sign-in lockouts"), reverse("sign_in_lockouts"),
                            icon_name="lock", order=900)


@hooks.register("register_permissions")
def sign_in_permissions():
    from django.contrib.auth.models import Permission

    return Permission.objects.filter(content_type__app_label="accounts",
                                     codename="manage_lockouts")


@hooks.register("register_log_actions")
def sign_in_log_actions(actions):
    actions.register_action(UNLOCK_ACTION, _("Sign-in lockout lifted"),
                            _("Sign-in lockout lifted"))
