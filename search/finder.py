"""What the search page adds when it is used as the funding finder (/<lang>/search/?type=funding):
the chosen filters, each with a link that removes it, a link that removes them all, the
programmes' deadline, amount and own share in the result list, and whether passed deadlines
are hidden. Template context only: the search itself is search.service's."""

from django.http import QueryDict

FUNDING_FILTERS = ("region", "eligible", "deadline", "amount", "own_share")
FILTERS = ("type", "topic", *FUNDING_FILTERS)
# The finder's own starting point: what the link from the funding topic opens.
FINDER_BASE = {"type": ["funding"], "sort": ["deadline"]}


def is_funding_search(selected: dict) -> bool:
    """Only programmes are asked for, or a funding filter leaves only programmes."""
    return selected["type"] == {"funding"} or any(
        selected[key] - {None, ""} for key in FUNDING_FILTERS)


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


def show_past_query(form) -> str:
    params = form.data.copy()
    params.pop("page", None)
    params["past"] = "1"
    return params.urlencode()


def programme_facts(hits) -> dict[int, object]:
    """{page id: FundingProgrammePage} for the funding hits, in one query."""
    from cms.models import FundingProgrammePage

    ids = [h.object_id for h in hits if h.type == "funding" and h.object_id]
    if not ids:
        return {}
    return {p.pk: p for p in FundingProgrammePage.objects.filter(pk__in=ids).only(
        "deadline", "amount_min", "amount_max", "cofunding_percent")}
