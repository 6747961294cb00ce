"""The region facet of the funding finder, and programmes' regions labelled with their level.

A programme counts for its regions and every region inside them: a nationwide one for the
Bund, every Land, district and municipality; one for Sachsen for Sachsen and its districts.
So choosing Leipzig finds Leipzig's own programmes, Sachsen's and the nationwide ones, and the
count beside Leipzig is exactly what choosing it lists. The facet lists the Bund, the Länder
and only the districts and municipalities with programmes of their own (more than their Land
or district has); a chosen one is always listed.
"""

from django.utils.translation import gettext_lazy as _

from cms.models.vocabulary import REGION_CHOICES
from cms.regions.tree import RegionError, region_tree
from cms.searchable import UnknownValue

_LABELS = dict(REGION_CHOICES)
_ORDER = {"municipality": 0, "district": 1, "land": 2, "bund": 3}
LEVEL_LABELS = {"municipality": _("municipality"), "district": _("district"),
                "city": _("independent city"), "land": _("federal state"), "bund": _("nationwide")}


def label(place):
    """Bund and Länder translated; districts and municipalities by their German name."""
    return _LABELS.get(place.code) or place.name


def level_label(place):
    return LEVEL_LABELS["city" if place.level == "district" and place.is_city
                        else place.level]


def labelled(codes, tree=None) -> list[dict]:
    """[{code, label, level, level_label}] of a programme's regions, the nearest first."""
    tree = tree or region_tree()
    places = sorted((tree.places[c] for c in codes if c in tree.places),
                    key=lambda p: (_ORDER.get(p.level, 0), p.name, p.code))
    return [{"code": p.code, "label": label(p), "level": p.level,
             "level_label": level_label(p)} for p in places]


def choices(language, context=None) -> list[tuple[str, str]]:
    tree = context or region_tree()
    top = [(code, str(name)) for code, name in REGION_CHOICES if code in tree.places]
    return top + tree.below_the_laender()


def values(facts, context) -> list[str]:
    tree = context or region_tree()
    inside = set()
    for code in facts.get("regions") or ():
        inside |= tree.below(code)
    return sorted(inside)


def listed(value, counts, context) -> bool:
    tree = context or region_tree()
    place = tree.places.get(value)
    if place is None or place.level in ("bund", "land"):
        return True
    return counts.get(value, 0) > counts.get(place.parent, 0)


def resolve(typed: str) -> str:
    tree = region_tree()
    try:
        return tree.resolve(typed).code
    except RegionError as error:
        shown = typed.strip()[:40]
        message = (_("“%(value)s” could mean several regions.") if error.ambiguous
                   else _("There is no region “%(value)s”.")) % {"value": shown}
        raise UnknownValue(str(message), [(p.code, _candidate_label(p, tree))
                                          for p in error.candidates]) from error


def _candidate_label(place, tree) -> str:
    if place.level in ("bund", "land"):
        return str(label(place))
    land = next((tree.places[c] for c in tree.ancestors(place.code)
                 if tree.places[c].level == "land"), None)
    inside = f", {label(land)}" if land else ""
    return f"{place.name} ({level_label(place)}{inside})"


def nearest(chosen, facts, context) -> int:
    """How far a programme's nearest region is from the chosen ones: 0 its own (or one
    inside it), then its district, Land, nationwide; 9 when it covers none of them."""
    tree = context or region_tree()
    best = 9
    for code in chosen:
        around = [code, *tree.ancestors(code)]
        for region in facts.get("regions") or ():
            if region in around:
                best = min(best, around.index(region))
            elif code in tree.ancestors(region):
                best = 0
    return best
