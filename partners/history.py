"""An organisation's history: Wagtail audit-log entries for its pages (German section and
its translations), its documents and images, the organisation entry and its groups."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, ModelLogEntry, PageLogEntry

HISTORY_LIMIT = 200


def section_roots(organisation):
    section = organisation.section
    return [] if section is None else list(section.get_translations(inclusive=True))


def page_entries(organisation):
    roots = section_roots(organisation)
    if not roots:
        return PageLogEntry.objects.none()
    inside = Q()
    for root in roots:
        inside |= Q(page__path__startswith=root.path)
    return PageLogEntry.objects.filter(inside).select_related("user", "page")


def model_entries(organisation):
    wanted = Q(content_type=ContentType.objects.get_for_model(type(organisation)),
               object_id__in=[str(pk) for pk in
                              organisation.get_translations(inclusive=True).values_list(
                                  "pk", flat=True)])
    groups = [g for g in (organisation.editors_group, organisation.translators_group) if g]
    if groups:
        wanted |= Q(content_type__app_label="auth", content_type__model="group",
                    object_id__in=[str(g.pk) for g in groups])
    if organisation.collection_id:
        collections = Collection.objects.descendant_of(organisation.collection, inclusive=True)
        for model in (get_document_model(), get_image_model()):
            ids = model.objects.filter(collection__in=collections).values_list("pk", flat=True)
            wanted |= Q(content_type=ContentType.objects.get_for_model(model),
                        object_id__in=[str(pk) for pk in ids])
    return ModelLogEntry.objects.filter(wanted).select_related("user")


def history(organisation, limit=HISTORY_LIMIT):
    entries = [*page_entries(organisation).order_by("-timestamp")[:limit],
               *model_entries(organisation).order_by("-timestamp")[:limit]]
    return sorted(entries, key=lambda e: e.timestamp, reverse=True)[:limit]
