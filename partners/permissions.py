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


def _set_exactly(model, group, target: str, wanted: set[tuple[int, int]]) -> bool:
    """Exactly the `wanted` (target id, permission id) rows of `model` for the group: the
    missing ones created, the others deleted. Whether anything changed."""
    target_id = f"{target}_id"
    existing = set(model.objects.filter(group=group).values_list(target_id, "permission_id"))
    for object_id, permission_id in wanted - existing:
        model.objects.create(group=group, **{target_id: object_id}, permission_id=permission_id)
    stale = existing - wanted
    for object_id, permission_id in stale:
        model.objects.filter(group=group, **{target_id: object_id},
                             permission_id=permission_id).delete()
    return bool(wanted - existing or stale)


def set_page_permissions(group, pages, kinds) -> bool:
    """Exactly these page permissions for the group: kinds on each of pages, nothing else."""
    wanted = {(page.pk, page_permission(kind).pk) for page in pages for kind in kinds}
    return _set_exactly(GroupPagePermission, group, "page", wanted)


def set_collection_permissions(group, collection, codenames_by_app) -> bool:
    wanted = {(collection.pk, permission(app, code).pk)
              for app, codes in codenames_by_app.items() for code in codes}
    return _set_exactly(GroupCollectionPermission, group, "collection", wanted)
