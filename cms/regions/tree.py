"""The regions in the database as one tree, cached, and `resolve()`.

The tree is read once per process and read again after a region changes anywhere: a save or
delete bumps a version in the shared cache (`forget`, connected in cms.apps).
"""

from __future__ import annotations

import difflib
import uuid
from dataclasses import dataclass, field

from django.core.cache import cache

from .names import bare_slug, is_city, short_slug, slug, spellings

NATIONWIDE = "bundesweit"
NATIONWIDE_SPELLINGS = frozenset({"bund", "bundesweit"})
VERSION_KEY = "cms:regions:version"
MAX_CANDIDATES = 6


@dataclass(frozen=True)
class Place:
    code: str
    level: str  # bund, land, district, municipality
    key: str
    name: str
    kind: str
    parent: str | None  # code

    @property
    def is_city(self) -> bool:
        return is_city(self.level, self.kind)


class RegionError(ValueError):
    """An unknown or ambiguous region; `candidates` are the regions that may be meant."""

    def __init__(self, message: str, candidates: list[Place], ambiguous: bool = False):
        super().__init__(message)
        self.candidates, self.ambiguous = candidates, ambiguous


@dataclass
class RegionTree:
    places: dict[str, Place]
    children: dict[str, list[str]] = field(default_factory=dict)
    by_key: dict[str, str] = field(default_factory=dict)
    by_spelling: dict[str, set[str]] = field(default_factory=dict)
    _below: dict[str, frozenset[str]] = field(default_factory=dict)
    _by_name: list[tuple[str, str]] | None = None

    def __post_init__(self):
        for place in self.places.values():
            if place.parent:
                self.children.setdefault(place.parent, []).append(place.code)
            if place.key:
                self.by_key[place.key] = place.code
            if place.level in ("district", "municipality"):
                for spelling in spellings(place.name, place.level, place.kind):
                    self.by_spelling.setdefault(spelling, set()).add(place.code)

    def ancestors(self, code: str) -> list[str]:
        """The region's Land and the Bund (and its district, for a municipality)."""
        found, place = [], self.places.get(code)
        while place is not None and place.parent:
            found.append(place.parent)
            place = self.places.get(place.parent)
        return found

    def below(self, code: str) -> frozenset[str]:
        """The region and every region inside it."""
        if code not in self._below:
            inside = {code}
            for child in self.children.get(code, ()):
                inside |= self.below(child)
            self._below[code] = frozenset(inside)
        return self._below[code]

    def below_the_laender(self) -> list[tuple[str, str]]:
        """(code, name) of every district and town, by name: the region facet lists them
        after the Länder in every search, and sorting them each time cost 0.2 ms."""
        if self._by_name is None:
            below = (p for p in self.places.values() if p.level not in ("bund", "land"))
            self._by_name = [(p.code, p.name) for p in sorted(below,
                                                              key=lambda p: (p.name, p.code))]
        return self._by_name

    def spelling(self, code: str) -> str:
        """How to write the region so it means this one: its slug where unique, else key."""
        place = self.places[code]
        if place.level in ("bund", "land"):
            return code
        for candidate in (slug(place.name), *sorted(spellings(place.name, place.level,
                                                                place.kind), key=len)):
            if self._lookup(candidate) == [code]:
                return candidate
        return place.key or code

    def resolve(self, value: str) -> Place:
        """The region `value` names, or RegionError with the candidates."""
        typed = str(value).strip()
        found = self._lookup(slug(typed) if not typed.isdigit() else typed)
        if len(found) == 1:
            return self.places[found[0]]
        shown = typed[:40]
        if found:
            candidates = [self.places[c] for c in found]
            raise RegionError(f"region '{shown}' is ambiguous: write "
                              f"{self.describe(candidates, ' or ')}", candidates, ambiguous=True)
        candidates = self._close_to(slug(typed))
        hint = ("did you mean " if candidates[0].level not in ("bund", "land")
                else "write a district's 5-digit key or name, 'bund' or a Land: ")
        raise RegionError(f"unknown region '{shown}': {hint}{self.describe(candidates)}",
                          candidates)

    def describe(self, candidates: list[Place], joiner: str = ", ") -> str:
        return joiner.join(f"'{self.spelling(p.code)}' ({self.where(p)})" for p in candidates)

    def where(self, place: Place) -> str:
        """'Leipzig, Kreisfreie Stadt in Sachsen, 14713' (German, for authors' reports)."""
        if place.level in ("bund", "land"):
            return place.code
        land = next((self.places[c] for c in self.ancestors(place.code)
                     if self.places[c].level == "land"), None)
        inside = f" in {land.code}" if land else ""
        return f"{place.name}, {place.kind or place.level}{inside}, {place.key or place.code}"

    def _lookup(self, typed: str) -> list[str]:
        if typed in NATIONWIDE_SPELLINGS:
            return [NATIONWIDE]
        if typed in self.places and self.places[typed].level in ("bund", "land"):
            return [typed]  # a Land's own name beats a Kreis of that name (Bremen)
        if typed.isdigit():
            if typed in self.by_key:
                return [self.by_key[typed]]
            land = self.by_key.get(typed[:2]) if typed.endswith("000") else None
            return [land] if land and len(typed) == 5 else []  # Berlin 11000, Hamburg 02000
        found = sorted(self.by_spelling.get(typed, ()))
        cities = [c for c in found if self.places[c].is_city]
        if len(found) > 1 and len(cities) == 1:
            # A Landkreis named like a kreisfreie Stadt (Leipzig, Offenbach): the plain name
            # means the city. Differently named ones (the three Neustadts) stay ambiguous.
            city = short_slug(self.places[cities[0]].name)
            if all(bare_slug(self.places[c].name) == city for c in found if c != cities[0]):
                return cities
        return found

    def _close_to(self, typed: str) -> list[Place]:
        close = difflib.get_close_matches(typed, list(self.by_spelling), n=MAX_CANDIDATES,
                                          cutoff=0.75) if typed else []
        codes = list(dict.fromkeys(c for s in close for c in sorted(self.by_spelling[s])))
        if codes:
            return [self.places[c] for c in codes[:MAX_CANDIDATES]]
        return sorted((p for p in self.places.values() if p.level in ("bund", "land")),
                      key=lambda p: (p.level != "bund", p.code))


_cached: tuple[str | None, RegionTree | None] = (None, None)


def region_tree() -> RegionTree:
    global _cached
    version = cache.get(VERSION_KEY)
    if _cached[1] is None or _cached[0] != version:
        from cms.models import Region

        rows = Region.objects.order_by("code").values_list(
            "code", "level", "key", "name", "kind", "parent__code")
        _cached = (version, RegionTree({row[0]: Place(*row) for row in rows}))
    return _cached[1]


def forget(**kwargs) -> None:
    """A region changed: every process reads the tree again (signal receiver)."""
    global _cached
    _cached = (None, None)
    cache.set(VERSION_KEY, uuid.uuid4().hex, None)


def resolve(value: str) -> Place:
    return region_tree().resolve(value)
