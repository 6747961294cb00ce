from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .certificate_admin import CertificatesView, can_revoke


class CertificatesMenuItem(MenuItem):
    def is_shown(self, request):
        return can_revoke(request.user)


@hooks.register("register_admin_urls")
def certificate_urls():
    return [path("certificates/", CertificatesView.as_view(), name="learning_certificates")]


@hooks.register("register_settings_menu_item")
def certificates_menu_item():
    return CertificatesMenuItem(_("Certificates"), reverse("learning_certificates"),
                                icon_name="doc-full", order=910)


@hooks.register("register_permissions")
def certificate_permissions():
    from django.contrib.auth.models import Permission

    return Permission.objects.filter(content_type__app_label="learning",
                                     codename="revoke_certificate")
