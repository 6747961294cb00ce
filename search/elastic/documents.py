"""The search document: its mapping (shared by every language's index; the analyzers behind
the names differ per index, see analyzers.py) and how it is built from pages and other
searchable objects. Only live, public content becomes a document.

A new searchable type needs nothing here (cms.searchable): the common fields (title, summary,
search description, `body`) are read from any page; a type's facts are stored as they are
(`facts`, for the result list), its facet values under `facets.<key>` (keywords), its date
facts under `dates.<name>` (dates, for filters and sorts that depend on the day) and its own
text in `extra`.
"""

from collections.abc import Iterable, Iterator, Mapping

from django.apps import apps
from django.utils import timezone
from elasticsearch_dsl import (
    Document,
    Integer,
    Keyword,
    MetaField,
    Object,
    SearchAsYouType,
    Text,
)

from cms.searchable import SearchType, registry
from cms.searchable_text import rich_text_lines
from search.registry import SEARCH_TYPES, type_for_model

__all__ = ["type_for_model"]

# Keys in StreamField data that hold ids, addresses or numbers, not readable text.
NON_TEXT_KEYS = {"id", "type", "document", "page", "image", "url", "email", "phone"}


def _text(**extra):
    return Text(analyzer="ww_text", search_analyzer="ww_search", **extra)


class SearchDocument(Document):
    type = Keyword()  # registry key: "guide", "topic", "funding", "glossary", ...
    model = Keyword()  # "app_label.model_name"
    object_id = Integer()
    translation_key = Keyword()
    locale = Keyword()
    slug = Keyword()
    url = Keyword(index=False)
    title = _text(copy_to="spell", fields={"ngram": Text(analyzer="ww_ngram")})
    summary = _text(copy_to="spell")
    body = _text(copy_to="spell", fields={"ngram": Text(analyzer="ww_ngram")})
    extra = _text()  # a type's own text (a programme's funder)
    suggest = SearchAsYouType(analyzer="ww_autocomplete")  # titles and glossary terms
    spell = Text(analyzer="ww_spell")  # vocabulary for "did you mean"
    facets = Object(dynamic=True)  # {facet key: [values]}, keywords (dynamic_templates)
    dates = Object(dynamic=True)  # {fact: ISO date}, dates
    facts = Object(enabled=False)  # stored for the result list, not indexed

    class Meta:
        dynamic_templates = MetaField([
            {"facet_values": {"path_match": "facets.*", "mapping": {"type": "keyword"}}},
            {"date_facts": {"path_match": "dates.*", "mapping": {"type": "date"}}},
        ])


def document_id(app_label: str, model_name: str, pk) -> str:
    return f"{app_label}.{model_name.lower()}.{pk}"


def plain_text(value) -> str:
    """Readable text of a StreamField's raw data, rich text or any nested str/list/dict:
    one block a line, as the database index has it (search.text.joined_blocks shows it)."""
    parts: list[str] = []
    _collect(value, parts)
    return "\n".join(filter(None, parts))


def _collect(value, parts: list[str]) -> None:
    if isinstance(value, str):
        # A line per paragraph and list item, as the database index has them (strip_tags
        # glued them into one word: "Form.Wenn").
        parts.append(rich_text_lines(value))
    elif isinstance(value, Mapping):
        for key, item in value.items():
            if key not in NON_TEXT_KEYS:
                _collect(item, parts)
    elif isinstance(value, Iterable):  # lists, and StreamValue.raw_data
        for item in value:
            _collect(item, parts)


def searchable_models() -> list[tuple[SearchType, type]]:
    return [(t, apps.get_model(t.model)) for t in SEARCH_TYPES]


# --- Building ------------------------------------------------------------------------------


def _page_fields(page) -> dict:
    body = getattr(page, "body", None)
    raw = getattr(body, "raw_data", body)
    return {
        "title": page.title,
        "summary": " ".join(filter(None, [getattr(page, "summary", ""),
                                          page.search_description])),
        "body": plain_text(raw) if raw else "",
        "slug": page.slug,
        "url": page.get_url() or page.url_path,
        "suggest": page.title,
    }


def _object_fields(obj, search_type: SearchType) -> dict:
    """A searchable object that is not a page (a glossary term), by its type's field names."""
    title = str(getattr(obj, search_type.title_field))
    return {
        "title": title,
        "summary": str(getattr(obj, search_type.summary_field, "") or ""),
        "body": plain_text(getattr(obj, "body", "") or ""),
        "slug": getattr(obj, "slug", ""),
        "url": obj.get_url() or "",
        "suggest": title,
    }


def build_document(obj, search_type: SearchType, contexts: dict | None = None) -> dict:
    """The document body for one live, public object (the caller has checked that).
    `contexts`: what the facets need for the object's language (registry.contexts)."""
    language = obj.locale.language_code
    contexts = registry.contexts(language) if contexts is None else contexts
    fields = _page_fields(obj) if search_type.is_page else _object_fields(obj, search_type)
    stored = search_type.document_facts(obj) if search_type.document_facts else {}
    facts = {"type": search_type.key, "path": getattr(obj, "path", None), **stored}
    if search_type.facts_from_document:
        facts.update(search_type.facts_from_document(stored, timezone.localdate()))
    return {
        "type": search_type.key,
        "model": f"{obj._meta.app_label}.{obj._meta.model_name}",
        "object_id": obj.pk,
        "translation_key": str(obj.translation_key),
        "locale": language,
        **fields,
        "extra": search_type.document_text(obj) if search_type.document_text else "",
        # Values that depend on the day (deadline states) are filtered from `dates` instead.
        "facets": {f.key: sorted(set(f.values(facts, contexts.get(f.key))))
                   for f in registry.facets
                   if f.applies_to(search_type.key) and f.es_value_filters is None},
        "dates": {name: stored[name] for name in search_type.date_facts if stored.get(name)},
        "facts": stored,
    }


def live_object(search_type: SearchType, pk):
    """The object if it should be in the index (live, public, reachable), else None."""
    model = apps.get_model(search_type.model)
    if search_type.is_page:
        page = model.objects.live().public().filter(pk=pk).select_related("locale").first()
        return page
    term = model.objects.filter(pk=pk).select_related("locale").first()
    if term is not None and not term.get_url():
        return None  # no live glossary page in its language to show it on
    return term


def iter_documents(language: str) -> Iterator[tuple[str, dict]]:
    """(document id, body) for everything searchable in one language, for a full rebuild."""
    contexts = registry.contexts(language)
    for search_type, model in searchable_models():
        queryset = model.objects.filter(locale__language_code=language).select_related("locale")
        if search_type.is_page:
            queryset = queryset.live().public().order_by("path")
        else:
            queryset = queryset.order_by("pk")
        if search_type.prefetch:
            queryset = queryset.prefetch_related(*search_type.prefetch)
        for obj in queryset.iterator(chunk_size=500):
            if not search_type.is_page and not obj.get_url():
                continue
            doc_id = document_id(obj._meta.app_label, obj._meta.model_name, obj.pk)
            yield doc_id, build_document(obj, search_type, contexts)


def count_documents(language: str) -> int:
    """How many documents iter_documents will yield (for the progress bar)."""
    total = 0
    for search_type, model in searchable_models():
        queryset = model.objects.filter(locale__language_code=language)
        if search_type.is_page:
            queryset = queryset.live().public()
        total += queryset.count()
    return total
