"""The search page's own parts beside the results: the chosen filters, each with a link that
removes it, a link that removes them all, and the finder a search is (the funding finder:
cms.searchable.Finder, registered by the type it finds). Template context only: the search
itself is search.service's."""

from django.http import QueryDict

from cms.searchable import Finder, registry


def finder_for(chosen: dict) -> Finder | None:
    """The finder of the one type a search asks for: ?type=<it> alone, or a value of a facet
    only that type carries (which leaves only that type)."""
    for finder in registry.finders():
        types = set(chosen.get("type", ()))
        own = [f.key for f in registry.facets if f.types == (finder.type,)]
        if types == {finder.type} or (not types and any(chosen.get(key) for key in own)):
            return finder
    return None


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
    legends = {facet.key: facet.legend for facet in registry.facets}
    chosen = []
    for key, values in form.chosen().items():
        for value in values:
            chosen.append({
                "legend": legends.get(key, ""),
                "label": labels.get((key, value)) or value,
                "remove": _without(form.data, key, value),
            })
    return chosen


def can_reset(chosen: dict, finder: Finder | None) -> bool:
    """Some filter is chosen beyond what the finder starts with."""
    left = {key: set(values) for key, values in chosen.items()}
    if finder:
        for key, values in finder.start.items():
            if key in left and left[key] == set(values):
                left[key] = set()
    return any(left.values())


def reset_query(form, finder: Finder | None) -> str:
    """The query string without any filter: the text stays, and a finder stays the finder."""
    params = QueryDict(mutable=True)
    if form.cleaned_data.get("q"):
        params["q"] = form.cleaned_data["q"]
    if finder:
        for key, values in finder.start.items():
            params.setlist(key, values)
    return params.urlencode()


def hiding_finder() -> Finder | None:
    """The finder of the type whose facet hides values (the funding finder): its notices."""
    hiding = {t for facet in registry.facets if facet.hidden for t in facet.types}
    return next((f for f in registry.finders() if f.type in hiding), None)


def hides_values(query) -> bool:
    """Some facet leaves values out (passed deadlines) that the reader did not ask for."""
    return not query.include_hidden and any(
        facet.hidden and query.chosen(facet.key).isdisjoint(facet.hidden)
        for facet in registry.facets)


def show_hidden_query(form) -> str:
    params = form.data.copy()
    params.pop("page", None)
    params["past"] = "1"
    return params.urlencode()
