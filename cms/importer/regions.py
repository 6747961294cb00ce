"""Funding regions as partners write them (cms.regions.tree.resolve): the 5-digit
Kreisschlüssel, a name in lowercase ASCII (`leipzig`, `bautzen`, `sachsen`;
`landkreis-<name>` where a Landkreis shares its name with a kreisfreie Stadt), or `bund` /
`bundesweit` for nationwide. An unknown or ambiguous value is refused with the regions that
may be meant, so the author chooses and nothing is guessed silently.
"""

from cms.regions.tree import RegionError, region_tree

from .errors import ContentError
from .text import shorten

MAX_PROBLEMS = 5


def normalise_regions(values: list[str]) -> list[str]:
    """The region codes for `values`, or a refusal that names the candidates."""
    tree = region_tree()
    codes, problems = [], []
    for value in values:
        if not isinstance(value, str):
            value = str(value)  # YAML reads 14713 as a number
        try:
            codes.append(tree.resolve(value.zfill(5) if value.isdigit() and len(value) == 4
                                      else value).code)
        except RegionError as error:
            problems.append(shorten(str(error), 600))
    if problems:
        raise ContentError("; ".join(problems[:MAX_PROBLEMS]))
    return list(dict.fromkeys(codes))


def region_code(value) -> str:
    """What a value means, for comparing a translation's front matter with its source."""
    try:
        return region_tree().resolve(str(value)).code
    except RegionError:
        return str(value)
