"""Who translates a given translation: the people to tell when its German source changes.

Translators of a page are the users whose groups hold "change" permission on the translated
page (a page permission on it or on an ancestor inside that language's tree; permissions on
the shared root page cover every language and do not count) plus the last
person who edited the translation, if they still may edit it. Translators of a snippet are
the users whose groups may change that snippet model. Superusers are not added just for
being superusers, and groups that belong to another organisation are never asked.
"""

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from wagtail.models import Page
from wagtail_localize.models import StringTranslation


def _groups_for(target):
    if isinstance(target, Page):
        # Only permissions inside this language's tree: one on the root page (Wagtail's
        # default Editors and Moderators) covers every language and makes no translator.
        return Group.objects.filter(
            page_permissions__page__in=target.get_ancestors(inclusive=True).filter(depth__gt=1),
            page_permissions__permission__codename="change_page",
        )
    model = target.get_translation_model()
    permission = Permission.objects.filter(
        content_type=ContentType.objects.get_for_model(model),
        codename=f"change_{model._meta.model_name}",
    )
    return Group.objects.filter(permissions__in=permission)


def _other_organisations_groups(source):
    """Groups owned by organisations other than the one the German source belongs to."""
    try:
        organisation_model = apps.get_model("cms", "Organisation")
    except LookupError:
        return Group.objects.none()
    organisations = organisation_model.objects.filter(locale_id=source.locale_id)
    if isinstance(source, Page):
        owner_ids = [o.pk for o in organisations.exclude(section__isnull=True).select_related(
            "section") if source.path.startswith(o.section.path)]
    elif isinstance(source, organisation_model):
        owner_ids = [source.pk]
    else:
        owner_ids = []
    others = organisations.exclude(pk__in=owner_ids)
    return Group.objects.filter(
        Q(pk__in=others.values("editors_group")) | Q(pk__in=others.values("translators_group"))
    )


def can_edit(user, target) -> bool:
    if isinstance(target, Page):
        return target.permissions_for_user(user).can_edit()
    model = target.get_translation_model()
    return user.has_perm(f"{model._meta.app_label}.change_{model._meta.model_name}")


def last_editor(target):
    latest = (
        StringTranslation.objects.filter(
            context__object_id=target.translation_key, locale_id=target.locale_id,
            last_translated_by__isnull=False,
        )
        .order_by("-updated_at")
        .select_related("last_translated_by")
        .first()
    )
    if latest:
        return latest.last_translated_by
    revision = getattr(target, "latest_revision", None)
    return revision.user if revision else None


def translators_of(target, source) -> list:
    """Active users with an e-mail address to tell about a change of `source` (German) that
    `target` (its translation) should follow."""
    groups = _groups_for(target).exclude(pk__in=_other_organisations_groups(source))
    users = list(
        get_user_model().objects.filter(is_active=True, groups__in=groups)
        .exclude(email="").distinct().order_by("pk")
    )
    editor = last_editor(target)
    if (editor and editor.is_active and editor.email and editor not in users
            and can_edit(editor, target)):
        users.append(editor)
    return users
