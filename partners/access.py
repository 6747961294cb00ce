"""Who counts as central staff, and which organisations a user administers."""

from wagtail.models import Locale

from cms.models import Organisation

from .central import CENTRAL_GROUP


def is_central(user) -> bool:
    return user.is_active and (
        user.is_superuser or user.groups.filter(name=CENTRAL_GROUP).exists())


def administered_organisations(user):
    """Partner organisations whose editors group the user is in (German originals)."""
    return Organisation.objects.filter(locale=Locale.get_default(),
                                       editors_group__in=user.groups.all())


def may_see_history(user, organisation) -> bool:
    return is_central(user) or administered_organisations(user).filter(
        pk=organisation.pk).exists()
