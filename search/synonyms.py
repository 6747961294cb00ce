"""Synonym groups editors maintain in the admin (search.Synonym), for both engines."""

import time

from django.core.cache import cache

CACHE_SECONDS = 300
CHECK_EVERY_SECONDS = 5  # another process sees an editor's change within seconds
_memo: dict = {}  # the stem index of the current version of the groups, per language
_checked = {"version": None, "at": 0.0}


def synonym_groups(language: str) -> list[list[str]]:
    """[["Zuschuss", "Zuwendung", "Förderung"], ...] for one language (German groups too for
    every other language: readers use German words wherever they read)."""
    from .models import Synonym

    key = f"search:synonyms:{language}:{_version()}"
    groups = cache.get(key)
    if groups is None:
        languages = {language, "de"}
        groups = [s.term_list() for s in Synonym.objects.filter(language__in=languages)]
        groups = [g for g in groups if len(g) > 1]
        cache.set(key, groups, CACHE_SECONDS)
    return groups


def synonym_index(language: str) -> dict[str, list[str]]:
    """{stem: [every word of the groups that word belongs to]}, normalised, for expansion."""
    return _current(language)[1]


def current_groups(language: str) -> list[list[str]]:
    """synonym_groups(language), the same list object until the groups change (so what is
    derived from it can be kept: search.elastic.queries)."""
    return _current(language)[2]


def _current(language: str) -> tuple:
    from .text import normalise, stem

    now = time.monotonic()
    if _checked["version"] is None or now - _checked["at"] > CHECK_EVERY_SECONDS:
        _checked.update(version=_version(), at=now)
    version = _checked["version"]
    known = _memo.get(language)
    if known is None or known[0] != version:
        groups = synonym_groups(language)
        index = {}
        for group in groups:
            terms = [normalise(t) for t in group]
            for term in terms:
                index.setdefault(stem(term, language), []).extend(terms)
        _memo[language] = known = (version, index, groups)
    return known


def forget() -> None:
    """Called when a group is saved or deleted (search.signals connects it)."""
    _checked.update(version=None, at=0.0)


def _version() -> str:
    from django.db.models import Count, Max

    from .models import Synonym

    stats = Synonym.objects.aggregate(n=Count("pk"), changed=Max("updated_at"))
    return f"{stats['n']}-{stats['changed'].timestamp() if stats['changed'] else 0}"
