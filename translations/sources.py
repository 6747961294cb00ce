"""Keep each German TranslationSource in step with what is published.

wagtail-localize freezes a source when a page is submitted for translation and refreshes it
only when someone presses "Sync translated pages". Editing and publishing the German page
therefore left every translation looking current. Here, publishing German content refreshes
its TranslationSource (content and segments) without touching any translation, so the state
of the translations (translations.state) becomes "out of date" until a translator syncs.

``last_updated_at`` moves only when a translatable string changed: a republish, a new
"last reviewed" date or a reordered related link leaves translators alone.
"""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils import timezone
from modelcluster.models import ClusterableModel, get_serializable_data_for_fields
from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, TranslationSource, get_schema_version


def _content_json(instance) -> str:
    if isinstance(instance, ClusterableModel):
        return instance.to_json()
    return json.dumps(get_serializable_data_for_fields(instance), cls=DjangoJSONEncoder)


def _strings(source) -> list[tuple[str, str]]:
    return list(
        StringSegment.objects.filter(source=source)
        .order_by("order")
        .values_list("context__path", "string__data")
    )


def has_translations(instance) -> bool:
    translations = instance.get_translations()
    if isinstance(instance, Page):
        translations = translations.filter(alias_of__isnull=True)
    return translations.exists()


@transaction.atomic
def refresh_source(instance) -> TranslationSource | None:
    """Refresh the TranslationSource of a German object from its current content.

    Returns the source when its translatable strings changed (translators have work to do),
    else None. Objects never translated get no source: there is nobody to tell."""
    if isinstance(instance, Page):
        instance = instance.specific
    if instance.locale_id != Locale.get_default().pk:
        return None
    source = TranslationSource.objects.get_for_instance_or_none(instance)
    if source is None:
        if not has_translations(instance):
            return None
        source, _created = TranslationSource.get_or_create_from_instance(instance)
        return source
    before = _strings(source)
    source.content_json = _content_json(instance)
    source.object_repr = str(instance)[:200]
    source.schema_version = get_schema_version(instance._meta.app_label)
    source.save(update_fields=["content_json", "object_repr", "schema_version"])
    source.refresh_segments()
    if _strings(source) == before:
        return None
    source.last_updated_at = timezone.now()
    source.save(update_fields=["last_updated_at"])
    return source
