"""The search page as the funding finder (/<lang>/search/?type=funding&sort=deadline): when a
search is one, where it starts, the link that shows passed deadlines and the programmes' facts
in the result list. Template context only: the search itself is search.service's, and the
chosen filters with their links are search.finder's."""

FUNDING_FILTERS = ("region", "eligible", "deadline", "amount", "own_share")
# The finder's own starting point: what the link from the funding topic opens.
FINDER_BASE = {"type": ["funding"], "sort": ["deadline"]}


def is_funding_search(selected: dict) -> bool:
    """Only programmes are asked for, or a funding filter leaves only programmes."""
    return selected["type"] == {"funding"} or any(
        selected[key] - {None, ""} for key in FUNDING_FILTERS)


def show_past_query(form) -> str:
    params = form.data.copy()
    params.pop("page", None)
    params["past"] = "1"
    return params.urlencode()


def programme_facts(hits) -> dict[int, object]:
    """{page id: FundingProgrammePage} for the funding hits, in one query."""
    from .models import FundingProgrammePage

    ids = [h.object_id for h in hits if h.type == "funding" and h.object_id]
    if not ids:
        return {}
    return {p.pk: p for p in FundingProgrammePage.objects.filter(pk__in=ids).only(
        "deadline", "amount_min", "amount_max", "cofunding_percent")}
