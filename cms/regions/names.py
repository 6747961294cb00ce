"""Region names as people type them, and the spellings a region answers to.

A name in lowercase ASCII: `ä` → `ae`, `ß` → `ss`, spaces and punctuation → `-`
("Halle (Saale)" → `halle-saale`). Besides its full name a district answers to its name
without the part in brackets or after "am", "an der", "im", "a.d." … (`halle`, `offenbach`,
`neustadt`), and a Landkreis also to `landkreis-<name>` and `kreis-<name>`; a kreisfreie Stadt
to `stadt-<name>`. Which region a shared spelling means is decided in `tree`.
"""

import re
import unicodedata

CITY_KINDS = frozenset({"Kreisfreie Stadt", "Stadtkreis"})
_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})
_PREFIXES = ("landkreis-", "kreis-", "region-", "staedteregion-", "regionalverband-")
# "Frankfurt am Main", "Mühldorf a.Inn", "Neustadt a.d.Waldnaab", "Weiden i.d.OPf."
_ADDITION = re.compile(r"-(?:am|an-der|im|in-der|a-d|i-d|a|i)-.*$")
_BRACKETS = re.compile(r"\([^)]*\)")


def ascii_name(text: str) -> str:
    """'Sächsische Schweiz' -> 'saechsische schweiz' (other accents dropped: é -> e)."""
    text = text.strip().lower().translate(_UMLAUTS)
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def slug(text: str) -> str:
    """'Halle (Saale)' -> 'halle-saale'; 'St. Wendel' -> 'st-wendel'."""
    return re.sub(r"[^a-z0-9]+", "-", ascii_name(text)).strip("-")


def bare_slug(name: str) -> str:
    """The full slug without a kind in front: 'Landkreis Leipzig' -> 'leipzig'."""
    full = slug(name)
    for prefix in _PREFIXES:
        if full.startswith(prefix):
            return full[len(prefix):]
    return full


def short_slug(name: str) -> str:
    """The name without brackets, additions and a kind in front: 'Landkreis Rostock' ->
    'rostock', 'Frankfurt (Oder)' -> 'frankfurt', 'Offenbach am Main' -> 'offenbach'."""
    short = _ADDITION.sub("", slug(_BRACKETS.sub(" ", name)))
    for prefix in _PREFIXES:
        if short.startswith(prefix):
            return short[len(prefix):]
    return short


def is_city(level: str, kind: str) -> bool:
    return level == "municipality" or (level == "district" and kind in CITY_KINDS)


def spellings(name: str, level: str, kind: str) -> set[str]:
    """Every spelling a district or municipality answers to."""
    full, short = slug(name), short_slug(name)
    found = {full, short}
    if level == "district":
        if kind in CITY_KINDS:
            found.add(f"stadt-{short}")
        else:
            found |= {f"landkreis-{short}", f"kreis-{short}"}
    return {s for s in found if s}
