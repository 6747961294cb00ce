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

A TranslationLog of a page counts only once the revision it wrote is live: a translator's
draft (saved for review, translations.review) changes nothing readers see, so it must not
make the live translation look current.

``states_for`` takes a fixed number of queries for any number of objects; ``state_of`` (the
readers' notice, on every translated page view) one query.
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from django.db.models import Count, Exists, F, IntegerField, Max, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce
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
    logs = TranslationLog.objects.filter(source__in=sources.values(), locale__in=locales)
    if issubclass(model, Page):
        live_revision = Page.objects.filter(
            translation_key=OuterRef("source__object_id"), locale_id=OuterRef("locale_id")
        ).values("live_revision_id")[:1]
        logs = logs.alias(live_revision=Subquery(live_revision)).filter(
            _log_is_live(F("live_revision")))
    synced_at = {
        (row["source_id"], row["locale_id"]): row["last"]
        for row in logs.values("source_id", "locale_id").annotate(last=Max("created_at"))
    }
    untranslated = _untranslated_counts(sources.values(), keys, locales)

    result = {}
    for key in keys:
        source = sources.get(key)
        for locale in locales:
            pair = (source.pk, locale.pk) if source else None
            managed = pair in enabled
            result[(key, locale.language_code)] = _state(
                translations.get((key, locale.pk)),
                source.last_updated_at if source else None,
                managed,
                synced_at.get(pair) if managed else None,
                untranslated.get(pair, 0) if managed else 0,
            )
    return result


def state_of(instance) -> TranslationState | None:
    """The state of one translated instance (None for a German one, or when its German
    original is gone), by the same rule as states_for, in one query."""
    default = Locale.get_default()
    if instance.locale_id == default.pk:
        return None
    model = instance.get_translation_model()
    manager = model._default_manager
    source = TranslationSource.objects.filter(object_id=OuterRef("translation_key"),
                                              locale_id=default.pk)
    logs = TranslationLog.objects.filter(source_id=OuterRef("source_pk"),
                                         locale_id=OuterRef("locale_id"))
    if issubclass(model, Page):
        logs = logs.filter(_log_is_live(OuterRef("live_revision_id")))
    done = StringTranslation.objects.filter(
        translation_of_id=OuterRef("string_id"), context_id=OuterRef("context_id"),
        locale_id=OuterRef(OuterRef("locale_id")), has_error=False)
    missing = (StringSegment.objects.filter(source_id=OuterRef("source_pk"))
               .exclude(Exists(done)).order_by().values("source_id")
               .annotate(n=Count("pk")).values("n"))
    row = (
        manager.filter(pk=instance.pk)
        .annotate(
            german=Exists(manager.filter(translation_key=OuterRef("translation_key"),
                                         locale_id=default.pk)),
            source_pk=Subquery(source.values("pk")[:1]),
            source_changed_at=Subquery(source.values("last_updated_at")[:1]),
        )
        .annotate(
            managed=Exists(Translation.objects.filter(
                source_id=OuterRef("source_pk"), target_locale_id=OuterRef("locale_id"),
                enabled=True)),
            synced=Subquery(logs.order_by("-created_at").values("created_at")[:1]),
            untranslated=Coalesce(Subquery(missing, output_field=IntegerField()), Value(0)),
        )
        .values("german", "source_changed_at", "managed", "synced", "untranslated",
                *_target_fields(model))
        .first()
    )
    if row is None or not row["german"]:
        return None
    managed = row["managed"]
    return _state(_target(model, row), row["source_changed_at"], managed,
                  row["synced"] if managed else None, row["untranslated"] if managed else 0)


def _log_is_live(live_revision):
    """A log that wrote no revision, or one not newer than the translation's live one."""
    return Q(revision__isnull=True) | Q(revision_id__lte=live_revision)


def _target_fields(model):
    if issubclass(model, Page):
        return ("live", "alias_of_id", "last_published_at")
    if issubclass(model, RevisionMixin):
        return ("latest_revision__created_at",)
    return ()


def _target(model, row):
    """(is_readable, last_published_at) of a translation from its _target_fields values."""
    if issubclass(model, Page):
        return (row["live"] and row["alias_of_id"] is None, row["last_published_at"])
    if issubclass(model, RevisionMixin):
        return (True, row["latest_revision__created_at"])
    return (True, None)


def _translations(model, keys, locales):
    """{(translation_key, locale_id): (is_readable, last_published_at)}."""
    fields = _target_fields(model)
    rows = model._default_manager.filter(translation_key__in=keys, locale__in=locales).values(
        "translation_key", "locale_id", *fields)
    return {(row["translation_key"], row["locale_id"]): _target(model, row) for row in rows}


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


def _state(target, changed_at, managed, synced, missing_strings):
    """target: (is_readable, last_published_at) or None; changed_at: when the German strings
    last changed (None: never submitted); synced: the last live TranslationLog, if managed."""
    if target is None or not target[0]:
        return TranslationState(State.MISSING)
    if changed_at is None:  # never submitted, and the German strings never changed since
        return TranslationState(State.UP_TO_DATE)
    synced = synced or target[1]
    if synced is None or synced < changed_at or missing_strings:
        return TranslationState(State.OUT_OF_DATE, changed_at, missing_strings)
    return TranslationState(State.UP_TO_DATE, changed_at)
