"""Index management: one index per language, always written and read through an alias.

A full rebuild creates `<prefix>-<lang>-<timestamp>`, fills it, then moves the alias
`<prefix>-<lang>` to it in one `update_aliases` call (atomic, so readers never see an empty
or half-built index) and deletes the indices the alias pointed at before.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.conf import settings
from elasticsearch import Elasticsearch, NotFoundError
from elasticsearch.helpers import bulk
from elasticsearch_dsl import Index

from .analyzers import analysis_settings
from .documents import SearchDocument, count_documents, iter_documents

# A full rebuild is not in a reader's request: it may take longer than the search timeout.
REBUILD_TIMEOUT = 120
BULK_CHUNK = 500


def languages() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


def alias_name(language: str) -> str:
    return f"{settings.ELASTICSEARCH_INDEX_PREFIX}-{language}"


def new_index_name(language: str, now: datetime.datetime | None = None) -> str:
    now = now or datetime.datetime.now(datetime.UTC)
    return f"{alias_name(language)}-{now:%Y%m%d%H%M%S%f}"


def index_definition(language: str) -> dict:
    """The body the index for this language is created with: settings and mappings."""
    index = Index(alias_name(language))
    index.settings(
        number_of_shards=1,
        number_of_replicas=0,
        # Search results must appear within seconds of a publish.
        refresh_interval="1s",
        analysis=analysis_settings(language),
    )
    index.document(SearchDocument)
    return index.to_dict()


@dataclass(frozen=True)
class SwapPlan:
    actions: list[dict]  # for indices.update_aliases, applied atomically
    delete: list[str]  # indices to delete once the alias has moved


def swap_plan(alias: str, new_index: str, existing: Iterable[str],
              aliased: Iterable[str] = ()) -> SwapPlan:
    """Move `alias` to `new_index`. `existing` are this language's indices (old builds,
    including any left behind by a rebuild that failed half way), `aliased` those of them
    the alias points at now: only they get a "remove" action, since removing an alias from
    an index that does not carry it fails the whole atomic call."""
    aliased = set(aliased)
    old = sorted(name for name in existing if name != new_index)
    actions = []
    for name in old:
        if name == alias:
            # A concrete index with the alias's name (auto-created by a write before any
            # alias existed, with a guessed mapping) goes in the same atomic call.
            actions.append({"remove_index": {"index": name}})
        elif name in aliased:
            actions.append({"remove": {"index": name, "alias": alias}})
    actions.append({"add": {"index": new_index, "alias": alias, "is_write_index": True}})
    return SwapPlan(actions=actions, delete=[name for name in old if name != alias])


def existing_indices(client: Elasticsearch, language: str) -> list[str]:
    """This language's timestamped indices, plus a stray concrete index named like the alias."""
    found = client.indices.get(index=f"{alias_name(language)}-*", allow_no_indices=True,
                               expand_wildcards="open,closed")
    names = [name for name in found if name[len(alias_name(language)) + 1:].isdigit()]
    if client.indices.exists(index=alias_name(language)) and not \
            client.indices.exists_alias(name=alias_name(language)):
        names.append(alias_name(language))
    return names


def alias_targets(client: Elasticsearch, language: str) -> list[str]:
    """The indices the language's alias points at now (none before the first build)."""
    try:
        return list(client.indices.get_alias(name=alias_name(language)))
    except NotFoundError:
        return []


def create_index(client: Elasticsearch, language: str, name: str) -> None:
    body = index_definition(language)
    client.indices.create(index=name, settings=body["settings"], mappings=body["mappings"])


# Aliases this process has seen, so an incremental write costs one request, not two.
_known_aliases: set[str] = set()


def alias_exists(client: Elasticsearch, language: str) -> bool:
    alias = alias_name(language)
    if alias not in _known_aliases and client.indices.exists_alias(name=alias):
        _known_aliases.add(alias)
    return alias in _known_aliases


def apply_swap(client: Elasticsearch, plan: SwapPlan) -> None:
    client.indices.update_aliases(actions=plan.actions)
    for name in plan.delete:
        client.indices.delete(index=name, ignore_unavailable=True)


@dataclass
class RebuildReport:
    language: str
    index: str
    documents: int
    deleted: list[str]


def rebuild(client: Elasticsearch, language: str,
            progress: Callable[[int], None] | None = None) -> RebuildReport:
    """Build a fresh index for one language and swap it in. On failure the new index is
    deleted and the alias still points at the old one: readers notice nothing."""
    client = client.options(request_timeout=REBUILD_TIMEOUT)
    name = new_index_name(language)
    create_index(client, language, name)
    try:
        count = 0

        def actions():
            nonlocal count
            for doc_id, body in iter_documents(language):
                count += 1
                if progress:
                    progress(1)
                yield {"_index": name, "_id": doc_id, "_source": body}

        bulk(client, actions(), chunk_size=BULK_CHUNK, refresh=False)
        client.indices.refresh(index=name)
        plan = swap_plan(alias_name(language), name, existing_indices(client, language),
                         alias_targets(client, language))
        apply_swap(client, plan)
        _known_aliases.add(alias_name(language))
    except Exception:
        client.indices.delete(index=name, ignore_unavailable=True)
        raise
    return RebuildReport(language=language, index=name, documents=count, deleted=plan.delete)


def planned_documents(language: str) -> int:
    return count_documents(language)
