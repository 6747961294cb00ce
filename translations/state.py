"""Translation state per (German source, language): up to date, out of date or missing.

The rule (also in README, "Translations"):

- **missing**: no translation in that language, or only an alias of the German page (which
  shows the German text), or a page translation that is not live.
- **out of date**: a translation exists, and either
  (a) the German source's strings changed after the translation was last synced: the
      TranslationSource's ``last_updated_at`` (bumped by ``translations.sources`` only when a
      translatable string changes) is newer than the last TranslationLog for that language
      (written each time wagtail-localize writes the translation); or
  (b) some string of the current source has no translation in that language, so readers
      see German text in it (typically the paragraph that changed, after a sync).
  A translation a translator has taken out of wagtail-localize ("stop translation", edited
  by hand) has no string-level state: only (a), compared with its last publication.
- **up to date**: otherwise.

Everything is computed in a fixed number of queries for any number of objects.
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from django.db.models import Max
from django.utils.translation import pgettext_lazy
from wagtail.models import Locale, Page, RevisionMixin
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationLog,
    TranslationSource,
)


class State(StrEnum):
    UP_TO_DATE = "up-to-date"
    OUT_OF_DATE = "out-of-date"
    MISSING = "missing"

    @property
    def label(self):
        return STATE_LABELS[self]


STATE_LABELS = {
    State.UP_TO_DATE: pgettext_lazy("translation state", "up to date"),
    State.OUT_OF_DATE: pgettext_lazy("translation state", "out of date"),
    State.MISSING: pgettext_lazy("translation state", "missing"),
}


@dataclass(frozen=True)
class TranslationState:
    state: State
    source_changed_at: datetime | None = None  # when the German strings last changed
    untranslated: int = 0  # source strings without a translation in this language

    @property
    def is_out_of_date(self):
        return self.state is State.OUT_OF_DATE


def target_locales():
    return list(Locale.objects.exclude(pk=Locale.get_default().pk).order_by("language_code"))


def states_for(objects, locales=None) -> dict[tuple, TranslationState]:
    """{(translation_key, language_code): TranslationState} for German objects of one model
    (pages or a translatable snippet)."""
    objects = list(objects)
    if not objects:
        return {}
    locales = list(locales) if locales is not None else target_locales()
    model = objects[0].get_translation_model()
    keys = [obj.translation_key for obj in objects]
    default = Locale.get_default()

    sources = {
        s.object_id: s
        for s in TranslationSource.objects.filter(object_id__in=keys, locale=default)
    }
    translations = _translations(model, keys, locales)
    enabled = set(
        Translation.objects.filter(source__in=sources.values(), enabled=True).values_list(
            "source_id", "target_locale_id"
        )
    )
    synced_at = {
        (row["source_id"], row["locale_id"]): row["last"]
        for row in TranslationLog.objects.filter(source__in=sources.values(), locale__in=locales)
        .values("source_id", "locale_id")
        .annotate(last=Max("created_at"))
    }
    untranslated = _untranslated_counts(sources.values(), keys, locales)

    result = {}
    for key in keys:
        source = sources.get(key)
        for locale in locales:
            target = translations.get((key, locale.pk))
            state = _state(target, source, locale, enabled, synced_at, untranslated)
            result[(key, locale.language_code)] = state
    return result


def state_of(instance) -> TranslationState | None:
    """The state of one translated instance (None for a German one)."""
    default = Locale.get_default()
    if instance.locale_id == default.pk:
        return None
    source = instance.get_translation_or_none(default)
    if source is None:
        return None
    return states_for([source], [instance.locale])[(source.translation_key,
                                                    instance.locale.language_code)]


def _translations(model, keys, locales):
    """{(translation_key, locale_id): (is_readable, last_published_at)}."""
    queryset = model._default_manager.filter(translation_key__in=keys, locale__in=locales)
    if issubclass(model, Page):
        rows = queryset.values_list("translation_key", "locale_id", "live", "alias_of_id",
                                    "last_published_at")
        return {(k, loc): (live and alias is None, published)
                for k, loc, live, alias, published in rows}
    if issubclass(model, RevisionMixin):
        rows = queryset.values_list("translation_key", "locale_id", "latest_revision__created_at")
        return {(k, loc): (True, edited) for k, loc, edited in rows}
    return {(k, loc): (True, None)
            for k, loc in queryset.values_list("translation_key", "locale_id")}


def _untranslated_counts(sources, keys, locales):
    """{(source_id, locale_id): number of source strings with no usable translation}."""
    segments = defaultdict(set)
    for source_id, string_id, context_id in StringSegment.objects.filter(
        source__in=list(sources)
    ).values_list("source_id", "string_id", "context_id"):
        segments[source_id].add((string_id, context_id))
    done = defaultdict(set)
    for locale_id, string_id, context_id in StringTranslation.objects.filter(
        context__object_id__in=keys, locale__in=locales, has_error=False
    ).values_list("locale_id", "translation_of_id", "context_id"):
        done[locale_id].add((string_id, context_id))
    return {
        (source_id, locale.pk): len(wanted - done[locale.pk])
        for source_id, wanted in segments.items()
        for locale in locales
    }


def _state(target, source, locale, enabled, synced_at, untranslated):
    if target is None or not target[0]:
        return TranslationState(State.MISSING)
    if source is None:  # never submitted, and the German strings never changed since
        return TranslationState(State.UP_TO_DATE)
    changed_at = source.last_updated_at
    managed = (source.pk, locale.pk) in enabled
    synced = synced_at.get((source.pk, locale.pk)) if managed else None
    synced = synced or target[1]
    missing_strings = untranslated.get((source.pk, locale.pk), 0) if managed else 0
    if synced is None or synced < changed_at or missing_strings:
        return TranslationState(State.OUT_OF_DATE, changed_at, missing_strings)
    return TranslationState(State.UP_TO_DATE, changed_at)

