"""Language limit for partner translators on translatable snippets (glossary terms,
organisation entries).

Why: Wagtail's snippet permissions are per model ("change glossary term"), with no locale, so
whoever may change a model may change it in every language, German included, and
wagtail-localize's snippet translation editor asks only that. The project knows which
languages a partner's translators work in (``Organisation.translator_locales``), so a user
whose permission to change the model comes *only* from partner translators groups is held
to those languages here. A permission from any other group (central staff, Wagtail's Editors
or Moderators) or given to the user directly is not limited; superusers never are.

Checked at: wagtail-localize's ``user_can_edit_instance`` (every view under
``/admin/localize/translate/<translation id>/``: strings, overrides, PO files, preview,
machine translation, stop), the snippet edit view (``before_edit_snippet``: the translation
editor and Wagtail's own form, also for the German original), and "Translate" / "Sync"
(partners.patches.localize_permissions; the PO upload, translations/po_upload.py, asks the patched
function too). Not covered: creating a snippet from scratch in a
language and deleting one (they need add/delete permission, which translators groups do not
get). Delete this module when Wagtail has per-locale snippet permissions.
"""

from django.contrib.auth.models import Permission
from wagtail.snippets.permissions import get_permission_name

_original_can_edit = None


def allowed_locale_ids(user, model) -> set | None:
    """The locale ids the user may change ``model`` in; None: every locale."""
    from wagtail.models import Locale

    from cms.models import Organisation

    if not user.is_authenticated or user.is_superuser:
        return None
    app_label, codename = get_permission_name("change", model).split(".")
    permission = Permission.objects.filter(content_type__app_label=app_label,
                                           codename=codename)
    if user.user_permissions.filter(pk__in=permission).exists():
        return None
    granting = user.groups.filter(permissions__in=permission)
    limited = Organisation.objects.filter(translators_group__in=granting,
                                          locale=Locale.get_default())
    if granting.exclude(pk__in=limited.values("translators_group")).exists():
        return None
    return set(limited.values_list("translator_locales", flat=True)) - {None}


def may_change_in(user, model, locale_id) -> bool:
    allowed = allowed_locale_ids(user, model)
    return allowed is None or locale_id in allowed


def _user_can_edit_instance(user, instance):
    from wagtail.models import Page

    if not _original_can_edit(user, instance):
        return False
    return isinstance(instance, Page) or may_change_in(user, type(instance), instance.locale_id)


def check_snippet_edit(request, instance):
    """before_edit_snippet hook (runs before wagtail-localize's: order=-1 in install())."""
    from django.core.exceptions import PermissionDenied
    from wagtail.models import TranslatableMixin

    if isinstance(instance, TranslatableMixin) and not may_change_in(
            request.user, type(instance), instance.locale_id):
        raise PermissionDenied


def install():
    """Called from partners.patches.localize_permissions.install() (PartnersConfig.ready)."""
    global _original_can_edit
    from wagtail import hooks
    from wagtail_localize.views import edit_translation

    if _original_can_edit is None:
        _original_can_edit = edit_translation.user_can_edit_instance
        edit_translation.user_can_edit_instance = _user_can_edit_instance
        # order=-1: before wagtail-localize's hook, which answers with its editor
        hooks.register("before_edit_snippet", check_snippet_edit, order=-1)
