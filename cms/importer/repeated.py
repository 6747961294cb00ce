"""Front matter a translation repeats from its German source.

Partners copy the whole front matter when they translate a file. A translation may repeat
any key its source type has: an equal value is accepted silently, a contradicting one is
reported by key and ignored (the German source's value counts; the file still imports).
"""

from .ordering import place_of
from .regions import region_code
from .text import shorten


def _slugs(links, attribute):
    return sorted(getattr(link, attribute).slug for link in links.all())


def _codes(values):
    return sorted(values) if isinstance(values, list) else values


def _region_codes(values):
    if isinstance(values, str):
        values = [values]
    return sorted(region_code(v) for v in values) if isinstance(values, list) else values


# key -> (the source's value, the file's value made comparable)
SOURCE_VALUES = {
    "topic": (lambda page: page.get_parent().slug, None),
    "last_reviewed": (lambda page: page.last_reviewed, None),
    "related": (lambda page: _slugs(page.related_links, "guide"), sorted),
    "glossary": (lambda page: _slugs(page.glossary_links, "term"), sorted),
    "funder": (lambda page: page.funder, None),
    "deadline": (lambda page: page.deadline, None),
    "next_round": (lambda page: page.next_round, None),
    "last_checked": (lambda page: page.last_checked, None),
    "guides": (lambda page: _slugs(page.guide_links, "guide"), sorted),
    "amount_min": (lambda page: page.amount_min, None),
    "amount_max": (lambda page: page.amount_max, None),
    "cofunding_percent": (lambda page: page.cofunding_percent, None),
    "url": (lambda page: page.programme_url, None),
    "example": (lambda page: page.figures_are_examples, bool),
    "region": (lambda page: sorted(r.code for r in page.regions.all()), _region_codes),
    "eligible": (lambda page: sorted(t.code for t in page.eligible_types.all()), _codes),
}


def _shown(value) -> str:
    if isinstance(value, list):
        return "[" + ", ".join(shorten(v, 30) for v in value[:10]) + "]"
    if isinstance(value, bool):
        return str(value).lower()
    return shorten(value, 60)


def check_repeated(meta: dict, source, repeatable: set[str], order_key: str = "order",
                   getters=None) -> list[str]:
    """Warnings for the repeated keys of a translation that contradict its source.
    `order_key` names the key that is the page's place among its siblings; `getters` give the
    source's value of keys the page has no attribute for (cms.importer.registry)."""
    warnings = []
    getters = getters or {}
    for key in sorted(repeatable & set(meta)):
        value = meta[key]
        if key == order_key:
            number, total = place_of(source)
            if not isinstance(value, int) or min(value, total) != number:
                where = ("guide {} of {} in its topic" if key == "order"
                         else f"{source._meta.verbose_name} {{}} of {{}}").format(number, total)
                warnings.append(
                    f"'{key}: {_shown(value)}' differs from the German source, which is "
                    f"{where}; the German order counts (ignored)")
            continue
        if key == "steps":
            if value != source.is_step_by_step:
                warnings.append(
                    f"'steps: {_shown(value)}' differs from the German topic ('steps: "
                    f"{_shown(source.is_step_by_step)}'); the German topic's value counts "
                    "(ignored)")
            continue
        getter, comparable = ((getters[key], None) if key in getters
                              else SOURCE_VALUES.get(key, (None, None)))
        if getter is None:
            if not hasattr(source, key):
                continue  # a registered type's key with no field of that name: nothing to say
            getter = lambda page, key=key: getattr(page, key)  # noqa: E731
        theirs = getter(source)
        ours = comparable(value) if comparable else value
        if str(ours) != str(theirs):
            warnings.append(f"'{key}: {_shown(value)}' differs from the German source "
                            f"('{key}: {_shown(theirs)}'); the German source's value counts "
                            "(ignored)")
    return warnings
