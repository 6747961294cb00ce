"""Funding regions as partners write them.

Accepted: `bundesweit` and its short form `bund` (nationwide), and the slugs of the 16 Länder.
The district level (Kreise, kreisfreie Städte) comes with its own issue; until then a city is
refused with the Land it lies in, so the author chooses, and nothing is guessed silently.
"""

from .errors import ContentError
from .text import shorten

NATIONWIDE = "bundesweit"
ALIASES = {"bund": NATIONWIDE}

# Not a gazetteer: only the largest cities (all with 250,000 inhabitants or more, and a few
# more that partners wrote), so the message can name their Land. Any other name gets the list
# of Länder. City states (Berlin, Hamburg, Bremen) are Länder and accepted as they are.
LARGEST_CITIES = {
    "muenchen": ("München", "bayern"), "nuernberg": ("Nürnberg", "bayern"),
    "augsburg": ("Augsburg", "bayern"), "koeln": ("Köln", "nordrhein-westfalen"),
    "duesseldorf": ("Düsseldorf", "nordrhein-westfalen"),
    "dortmund": ("Dortmund", "nordrhein-westfalen"), "essen": ("Essen", "nordrhein-westfalen"),
    "duisburg": ("Duisburg", "nordrhein-westfalen"), "bochum": ("Bochum", "nordrhein-westfalen"),
    "wuppertal": ("Wuppertal", "nordrhein-westfalen"),
    "bielefeld": ("Bielefeld", "nordrhein-westfalen"), "bonn": ("Bonn", "nordrhein-westfalen"),
    "muenster": ("Münster", "nordrhein-westfalen"),
    "frankfurt": ("Frankfurt am Main", "hessen"),
    "frankfurt-am-main": ("Frankfurt am Main", "hessen"),
    "wiesbaden": ("Wiesbaden", "hessen"), "stuttgart": ("Stuttgart", "baden-wuerttemberg"),
    "mannheim": ("Mannheim", "baden-wuerttemberg"),
    "karlsruhe": ("Karlsruhe", "baden-wuerttemberg"), "leipzig": ("Leipzig", "sachsen"),
    "dresden": ("Dresden", "sachsen"), "chemnitz": ("Chemnitz", "sachsen"),
    "hannover": ("Hannover", "niedersachsen"), "braunschweig": ("Braunschweig", "niedersachsen"),
    "halle": ("Halle (Saale)", "sachsen-anhalt"), "magdeburg": ("Magdeburg", "sachsen-anhalt"),
    "erfurt": ("Erfurt", "thueringen"), "kiel": ("Kiel", "schleswig-holstein"),
    "rostock": ("Rostock", "mecklenburg-vorpommern"), "mainz": ("Mainz", "rheinland-pfalz"),
    "saarbruecken": ("Saarbrücken", "saarland"), "potsdam": ("Potsdam", "brandenburg"),
}
_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", " ": "-"})


def _key(value: str) -> str:
    return value.strip().lower().translate(_UMLAUTS)


def normalise_regions(values: list[str], lands: set[str]) -> list[str]:
    """The region codes for `values`, or a refusal that says what to write instead."""
    codes, problems = [], []
    for value in values:
        code = ALIASES.get(value, value)
        if code in lands or code == NATIONWIDE:
            codes.append(code)
        else:
            problems.append(_advice(value, lands))
    if problems:
        raise ContentError("; ".join(problems[:5]))
    return list(dict.fromkeys(codes))


def _advice(value: str, lands: set[str]) -> str:
    key = _key(value)
    shown = shorten(value, 30)
    if key in LARGEST_CITIES:
        city, land = LARGEST_CITIES[key]
        return (f"region '{shown}': {city} is a city in {_land_name(land)}: use '{land}' until "
                "districts are supported")
    if key in lands or ALIASES.get(key) == NATIONWIDE or key == NATIONWIDE:
        return f"region '{shown}': write '{ALIASES.get(key, key)}'"
    return (f"unknown region '{shown}' (districts and cities other than the largest are not "
            f"supported yet): use 'bundesweit' (or 'bund') or a Land: "
            f"{', '.join(sorted(lands - {NATIONWIDE}))}")


def _land_name(code: str) -> str:
    """The Land's German name: 'sachsen-anhalt' -> 'Sachsen-Anhalt'."""
    name = "-".join(part.capitalize() for part in code.split("-"))
    return name.replace("ue", "ü").replace("Wuert", "Würt")
