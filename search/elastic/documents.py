"""The search document: its mapping (shared by every language's index; the analyzers behind
the names differ per index, see analyzers.py) and how it is built from pages and glossary
terms. Only live, public content becomes a document.

A new searchable page type needs only its entry in search/registry.py: the common fields
(title, summary, search description, `body`) are read from any page. A type with fields of
its own adds a function to EXTRA_FIELDS.
"""

import html
import re
from collections.abc import Iterable, Iterator, Mapping

from django.apps import apps
from django.utils.html import strip_tags
from elasticsearch_dsl import Date, Document, Integer, Keyword, SearchAsYouType, Text
from wagtail.models import Page

from funding.facets import amount_bucket, own_share_bucket
from search.registry import SEARCH_TYPES, SearchType

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
    funder = _text()
    suggest = SearchAsYouType(analyzer="ww_autocomplete")  # titles and glossary terms
    spell = Text(analyzer="ww_spell")  # vocabulary for "did you mean"
    # Facets
    topic = Keyword()
    regions = Keyword(multi=True)
    eligible = Keyword(multi=True)
    deadline = Date()
    amount_min = Integer()
    amount_max = Integer()
    amount = Keyword()
    cofunding_percent = Integer()
    own_share = Keyword()


def document_id(app_label: str, model_name: str, pk) -> str:
    return f"{app_label}.{model_name.lower()}.{pk}"


def plain_text(value) -> str:
    """Readable text of a StreamField's raw data, rich text or any nested str/list/dict."""
    parts: list[str] = []
    _collect(value, parts)
    return re.sub(r"\s+", " ", " ".join(parts)).strip()


def _collect(value, parts: list[str]) -> None:
    if isinstance(value, str):
        parts.append(html.unescape(strip_tags(value)))
    elif isinstance(value, Mapping):
        for key, item in value.items():
            if key not in NON_TEXT_KEYS:
                _collect(item, parts)
    elif isinstance(value, Iterable):  # lists, and StreamValue.raw_data
        for item in value:
            _collect(item, parts)


def type_for_model(model) -> SearchType | None:
    label = f"{model._meta.app_label}.{model.__name__}".lower()
    return next((t for t in SEARCH_TYPES if t.model.lower() == label), None)


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


def _funding_fields(page) -> dict:
    return {
        "funder": page.funder,
        "regions": sorted(r.code for r in page.regions.all()),
        "eligible": sorted(t.code for t in page.eligible_types.all()),
        "deadline": page.deadline.isoformat() if page.deadline else None,
        "amount_min": page.amount_min,
        "amount_max": page.amount_max,
        "amount": amount_bucket(page.amount_max),
        "cofunding_percent": page.cofunding_percent,
        "own_share": own_share_bucket(page.cofunding_percent),
    }


def _glossary_fields(term) -> dict:
    return {
        "title": term.term,
        "summary": term.definition,
        "body": plain_text(term.body),
        "slug": term.slug,
        "url": term.get_url() or "",
        "suggest": term.term,
    }


EXTRA_FIELDS = {"funding": _funding_fields}


def build_document(obj, search_type: SearchType, topic_slug: str | None = None) -> dict:
    """The document body for one live, public object (the caller has checked that)."""
    fields = _page_fields(obj) if search_type.is_page else _glossary_fields(obj)
    extra = EXTRA_FIELDS.get(search_type.key)
    if extra:
        fields.update(extra(obj))
    if search_type.is_page:
        fields["topic"] = topic_slug
    return {
        "type": search_type.key,
        "model": f"{obj._meta.app_label}.{obj._meta.model_name}",
        "object_id": obj.pk,
        "translation_key": str(obj.translation_key),
        "locale": obj.locale.language_code,
        **fields,
    }


def topic_slug_for(page) -> str | None:
    """The slug of the topic a page belongs to (a topic's own slug for a topic page)."""
    from cms.models import TopicPage

    topic = (
        TopicPage.objects.filter(path__in=_ancestor_paths(page.path, inclusive=True))
        .order_by("-depth").values_list("slug", flat=True).first()
    )
    return topic


def _ancestor_paths(path: str, inclusive: bool) -> list[str]:
    step = Page.steplen
    stop = len(path) if inclusive else len(path) - step
    return [path[:end] for end in range(step, stop + 1, step)]


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
    from cms.models import TopicPage

    topics = dict(
        TopicPage.objects.filter(locale__language_code=language).values_list("path", "slug")
    )
    for search_type, model in searchable_models():
        queryset = model.objects.filter(locale__language_code=language).select_related("locale")
        if search_type.is_page:
            queryset = queryset.live().public().order_by("path")
            if search_type.key == "funding":
                queryset = queryset.prefetch_related("regions", "eligible_types")
        else:
            queryset = queryset.order_by("pk")
        for obj in queryset.iterator(chunk_size=500):
            if not search_type.is_page and not obj.get_url():
                continue
            topic = None
            if search_type.is_page:
                topic = next((topics[p] for p in reversed(_ancestor_paths(obj.path, True))
                              if p in topics), None)
            doc_id = document_id(obj._meta.app_label, obj._meta.model_name, obj.pk)
            yield doc_id, build_document(obj, search_type, topic)


def count_documents(language: str) -> int:
    """How many documents iter_documents will yield (for the progress bar)."""
    total = 0
    for search_type, model in searchable_models():
        queryset = model.objects.filter(locale__language_code=language)
        if search_type.is_page:
            queryset = queryset.live().public()
        total += queryset.count()
    return total
