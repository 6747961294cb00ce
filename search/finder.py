"""The chosen filters of a search, each with a link that removes it, and a link that removes
them all (the funding finder keeps its starting point). Template context only: the search
itself is search.service's; the funding finder's own parts are funding.finder's."""

from django.http import QueryDict

from funding.finder import FINDER_BASE, FUNDING_FILTERS

FILTERS = ("type", "topic", *FUNDING_FILTERS)


def _without(data: QueryDict, key: str, value: str | None = None) -> str:
    params = data.copy()
    params.pop("page", None)
    if value is None:
        params.pop(key, None)
    else:
        params.setlist(key, [v for v in params.getlist(key) if v != value])
    return params.urlencode()


def active_filters(form, facets: list[dict]) -> list[dict]:
    """[{legend, label, remove}] for every chosen filter value, in the facets' order."""
    labels = {(group["key"], v["value"]): v["label"] for group in facets for v in group["values"]}
    legends = {group["key"]: group["legend"] for group in facets}
    chosen = []
    for key in FILTERS:
        values = form.cleaned_data.get(key)
        for value in values if isinstance(values, list) else [values]:
            if not value:
                continue
            field_labels = dict(form.fields[key].choices)
            chosen.append({
                "legend": legends.get(key, ""),
                "label": labels.get((key, value)) or field_labels.get(value, value),
                "remove": _without(form.data, key, value),
            })
    return chosen


def can_reset(selected: dict, funding: bool) -> bool:
    """Some filter is chosen beyond what the finder starts with."""
    chosen = {key: selected[key] - {None, ""} for key in FILTERS}
    if funding and chosen["type"] == {"funding"}:
        chosen["type"] = set()
    return any(chosen.values())


def reset_query(form, funding: bool) -> str:
    """The query string without any filter: the text stays, and the finder stays the finder."""
    params = QueryDict(mutable=True)
    if form.cleaned_data.get("q"):
        params["q"] = form.cleaned_data["q"]
    if funding:
        for key, values in FINDER_BASE.items():
            params.setlist(key, values)
    return params.urlencode()

