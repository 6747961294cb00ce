"""The Elasticsearch engine: reads one index per language through its alias (search/elastic/).

Every call to the cluster has a short timeout (ELASTICSEARCH_TIMEOUT, 2 s) and no retries;
any failure to answer (down, slow, index missing) raises EngineUnavailable so the service
can answer from the database engine instead.
"""

from __future__ import annotations

import functools
import logging

from django.apps import apps
from django.conf import settings
from django.utils import timezone
from django.utils.html import escape
from elastic_transport import TransportError
from elasticsearch import ApiError, Elasticsearch
from elasticsearch.helpers import BulkIndexError, bulk
from wagtail.models import Page

from cms.searchable import registry
from search.elastic import indices, queries
from search.elastic.documents import build_document, document_id, live_object
from search.registry import SEARCH_TYPES, type_for_model
from search.synonyms import current_groups
from search.text import joined_blocks

from .base import (
    EngineUnavailable,
    FacetValue,
    SearchHit,
    SearchQuery,
    SearchResults,
    Suggestion,
)

logger = logging.getLogger(__name__)


@functools.lru_cache(maxsize=4)
def _client(url: str, timeout: float) -> Elasticsearch:
    # One client (and connection pool) per process; the engine object itself is cheap.
    return Elasticsearch(url, request_timeout=timeout, max_retries=0, retry_on_timeout=False)


def _unavailable_on_error(method):
    @functools.wraps(method)
    def wrapper(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except (TransportError, ApiError) as exc:
            raise EngineUnavailable(f"Elasticsearch: {exc.__class__.__name__}: {exc}") from exc

    return wrapper


class ElasticsearchEngine:
    name = "elasticsearch"

    def __init__(self):
        self.url = settings.ELASTICSEARCH_URL
        self.timeout = settings.ELASTICSEARCH_TIMEOUT

    @property
    def client(self) -> Elasticsearch:
        if not self.url:
            raise EngineUnavailable("ELASTICSEARCH_URL is not set.")
        return _client(self.url, self.timeout)

    # --- Reading ---------------------------------------------------------------------------

    @_unavailable_on_error
    def search(self, query: SearchQuery) -> SearchResults:
        client = self.client
        body = queries.search_body(query, current_groups(query.locale) if query.text else [])
        response = client.search(index=indices.alias_name(query.locale), body=body)
        today = query.today or timezone.localdate()
        hits = [_hit(raw, today) for raw in response["hits"]["hits"]]
        visible = _still_visible(hits)
        return SearchResults(
            count=max(0, response["hits"]["total"]["value"] - (len(hits) - len(visible))),
            hits=visible,
            facets=facets(response.get("aggregations", {}), query),
            suggestion=_suggestion(response.get("suggest", {}), query.text),
            engine=self.name,
        )

    @_unavailable_on_error
    def autocomplete(self, prefix: str, locale: str, limit: int = 8) -> list[Suggestion]:
        if not prefix.strip():
            return []
        response = self.client.search(index=indices.alias_name(locale),
                                      body=queries.autocomplete_body(prefix, limit))
        return [
            Suggestion(title=hit["_source"]["title"], url=hit["_source"]["url"],
                       type=hit["_source"]["type"])
            for hit in response["hits"]["hits"]
        ]

    # --- Writing ---------------------------------------------------------------------------

    @_unavailable_on_error
    def index_object(self, app_label: str, model_name: str, pk: int) -> None:
        """Bring the index in line with the object as it is now: written when live and
        public, removed otherwise. Idempotent, so a task may run twice."""
        search_type = type_for_model(apps.get_model(app_label, model_name))
        if search_type is None:
            return
        obj = live_object(search_type, pk)
        if obj is None:
            self.remove_object(app_label, model_name, pk)
            return
        language = obj.locale.language_code
        if not indices.alias_exists(self.client, language):
            # No index for this language yet: build all of it (this object included), so
            # readers never get answers from an index holding only the latest changes.
            self.rebuild(language)
            return
        self.client.index(index=indices.alias_name(language),
                          id=document_id(app_label, model_name, pk),
                          document=build_document(obj, search_type))

    @_unavailable_on_error
    def remove_object(self, app_label: str, model_name: str, pk: int) -> None:
        """Delete the document from every language's index (the object may be gone, so its
        language is unknown); a document that is not there is fine."""
        doc_id = document_id(app_label, model_name, pk)
        actions = [{"_op_type": "delete", "_index": indices.alias_name(lang), "_id": doc_id}
                   for lang in indices.languages() if indices.alias_exists(self.client, lang)]
        _bulk(self.client, actions)

    @_unavailable_on_error
    def index_subtree(self, page_pk: int) -> int:
        """Re-index a page and its descendants (after a move, a slug change or a change of
        view restrictions, their URLs or visibility changed). Returns the documents written."""
        root = Page.objects.filter(pk=page_pk).first()
        if root is None:
            return 0
        subtree = Page.objects.descendant_of(root, inclusive=True)
        visible = set(subtree.live().public().values_list("pk", flat=True))
        actions, written, contexts = [], 0, {}
        for page in subtree.specific().select_related("locale").iterator(chunk_size=200):
            search_type = type_for_model(type(page))
            if search_type is None:
                continue
            doc_id = document_id(page._meta.app_label, page._meta.model_name, page.pk)
            alias = indices.alias_name(page.locale.language_code)
            if not indices.alias_exists(self.client, page.locale.language_code):
                self.rebuild(page.locale.language_code)
                continue
            if page.pk in visible:
                language = page.locale.language_code
                if language not in contexts:
                    contexts[language] = registry.contexts(language)
                actions.append({"_index": alias, "_id": doc_id,
                                "_source": build_document(page, search_type,
                                                          contexts[language])})
                written += 1
            else:
                actions.append({"_op_type": "delete", "_index": alias, "_id": doc_id})
        _bulk(self.client, actions)
        return written

    @_unavailable_on_error
    def refresh(self) -> None:
        """Make every write so far searchable now (tests; the index refreshes each second)."""
        self.client.indices.refresh(index=f"{settings.ELASTICSEARCH_INDEX_PREFIX}-*",
                                    ignore_unavailable=True, allow_no_indices=True)

    def rebuild(self, language: str, progress=None) -> indices.RebuildReport:
        try:
            return indices.rebuild(self.client, language, progress)
        except BulkIndexError as exc:
            first = exc.errors[0] if exc.errors else {}
            raise EngineUnavailable(f"Elasticsearch refused {len(exc.errors)} documents for "
                                    f"{language}, e.g. {first}") from exc
        except (TransportError, ApiError) as exc:
            raise EngineUnavailable(f"Elasticsearch: {exc}") from exc


def _bulk(client: Elasticsearch, actions: list[dict]) -> None:
    if not actions:
        return
    _ok, errors = bulk(client, actions, raise_on_error=False, raise_on_exception=True)
    real = [e for e in errors if next(iter(e.values())).get("status") != 404]
    if real:
        raise EngineUnavailable(f"Elasticsearch refused {len(real)} bulk actions: {real[:3]}")


def _hit(raw: dict, today) -> SearchHit:
    source, highlight = raw["_source"], raw.get("highlight", {})
    summary = (highlight.get("summary") or [""])[0]
    body = joined_blocks((highlight.get("body") or [""])[0])
    # The page's own summary when it has the match, else the matching passage of the text.
    snippet = summary if "<mark>" in summary or not body else body
    if not snippet:
        snippet = escape(source.get("summary", "")[: queries.SNIPPET_LENGTH])
    search_type = registry.type(source["type"])
    facts = source.get("facts") or None
    if facts and search_type and search_type.facts_from_document:
        facts = search_type.facts_from_document(facts, today)
    return SearchHit(
        title=source["title"], url=source["url"], slug=source["slug"], type=source["type"],
        locale=source["locale"], snippet=snippet, score=raw.get("_score") or 0.0,
        object_id=source.get("object_id"), facts=facts,
    )


def _still_visible(hits: list[SearchHit]) -> list[SearchHit]:
    """Drop hits whose object was unpublished, restricted or deleted since it was indexed:
    the index follows within seconds, or later when the broker was down, and private
    content must not show up meanwhile. One query per type on the page of hits."""
    visible = set()
    for search_type in SEARCH_TYPES:
        ids = [h.object_id for h in hits if h.type == search_type.key]
        if not ids:
            continue
        model = apps.get_model(search_type.model)
        queryset = model.objects.filter(pk__in=ids)
        if search_type.is_page:
            queryset = queryset.live().public()
        visible.update((search_type.key, pk) for pk in queryset.values_list("pk", flat=True))
    return [h for h in hits if (h.type, h.object_id) in visible]


def _suggestion(suggest: dict, text: str) -> str | None:
    for entry in suggest.get("did_you_mean", []):
        for option in entry.get("options", []):
            if option["text"].casefold() != text.casefold():
                return option["text"]
    return None


def facets(aggs: dict, query: SearchQuery) -> dict[str, list[FacetValue]]:
    """Facet values in each facet's own order (as the database engine lists them): every
    value with hits, and a chosen value even when it has none."""
    labels = registry.labels(query.locale, registry.contexts(query.locale))
    result = {}
    for facet in registry.facets:
        values = aggs.get(facet.key, {}).get("values", {}).get("buckets", {})
        if isinstance(values, list):  # terms buckets
            counts = {b["key"]: b["doc_count"] for b in values}
        else:  # filters buckets, keyed
            counts = {key: b["doc_count"] for key, b in values.items()}
        chosen = query.chosen(facet.key)
        result[facet.key] = [FacetValue(value, label, counts.get(value, 0))
                             for value, label in labels.get(facet.key, ())
                             if counts.get(value) or value in chosen]
    return result
