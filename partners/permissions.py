"""Small helpers that grant Wagtail permissions idempotently and say whether anything changed."""

from django.contrib.auth.models import Permission
from wagtail.models import GroupCollectionPermission, GroupPagePermission
from wagtail.models.content_types import get_default_page_content_type

IMAGE_DOCUMENT_CODENAMES = {
    "wagtailimages": ["add_image", "change_image", "choose_image"],
    "wagtaildocs": ["add_document", "change_document", "choose_document"],
}
CHOOSE_ONLY_CODENAMES = {"wagtailimages": ["choose_image"], "wagtaildocs": ["choose_document"]}


def page_permission(kind: str) -> Permission:
    content_type = get_default_page_content_type()
    return Permission.objects.get(content_type=content_type,
                                  codename=f"{kind}_{content_type.model}")


def permission(app_label: str, codename: str) -> Permission:
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def grant_global(group, *perms) -> bool:
    missing = [p for p in perms if not group.permissions.filter(pk=p.pk).exists()]
    group.permissions.add(*missing)
    return bool(missing)


def set_page_permissions(group, pages, kinds) -> bool:
    """Exactly these page permissions for the group: kinds on each of pages, nothing else."""
    wanted = {(page.pk, page_permission(kind).pk) for page in pages for kind in kinds}
    existing = set(GroupPagePermission.objects.filter(group=group)
                   .values_list("page_id", "permission_id"))
    for page_id, permission_id in wanted - existing:
        GroupPagePermission.objects.create(group=group, page_id=page_id,
                                           permission_id=permission_id)
    stale = existing - wanted
    for page_id, permission_id in stale:
        GroupPagePermission.objects.filter(group=group, page_id=page_id,
                                           permission_id=permission_id).delete()
    return bool(wanted - existing or stale)


def set_collection_permissions(group, collection, codenames_by_app) -> bool:
    wanted = {permission(app, code).pk for app, codes in codenames_by_app.items()
              for code in codes}
    existing = set(GroupCollectionPermission.objects.filter(group=group)
                   .values_list("collection_id", "permission_id"))
    wanted_pairs = {(collection.pk, pk) for pk in wanted}
    for collection_id, permission_id in wanted_pairs - existing:
        GroupCollectionPermission.objects.create(group=group, collection_id=collection_id,
                                                 permission_id=permission_id)
    stale = existing - wanted_pairs
    for collection_id, permission_id in stale:
        GroupCollectionPermission.objects.filter(group=group, collection_id=collection_id,
                                                 permission_id=permission_id).delete()
    return bool(wanted_pairs - existing or stale)
