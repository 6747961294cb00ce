"""The search page (/<lang>/search/), the JSON API (/api/v1/search/) and autocomplete.
Each reads its parameters with search.params and asks search.service; nothing else."""

import math
from dataclasses import replace

from django.conf import settings
from django.http import JsonResponse, QueryDict
from django.shortcuts import render
from django.utils import translation
from django.views.decorators.http import require_safe

from cms.caching.policy import repeat_on_cache_hit
from cms.i18n import active_language, is_rtl
from cms.searchable import registry
from cms.views import read_only

from . import finder, service, understanding
from .params import RELEVANCE, ApiParams, AutocompleteParams, SearchParams, error_messages
from .registry import search_type
from .understanding import ALL


@read_only
def search(request):
    language = active_language()
    form = SearchParams(request.GET, language=language)
    context = {"form": form, "query": "", "language": language, "sorts": _sorts()}
    if not form.is_valid() and set(form.errors) == {"page"}:
        # A broken page number in a shared link: show the first page rather than an error.
        data = request.GET.copy()
        data.pop("page")
        form = SearchParams(data, language=language)
        context.update(form=form, page_reset=True)
    if not form.is_valid():
        typed = request.GET.get("q", "")[:200]
        context.update(errors=error_messages(form), query=typed, query_text=typed,
                       candidates=_candidate_links(request.GET, form.candidates()))
        return render(request, "search/search.html", context, status=400)
    query = form.to_query(language)
    chosen = {key: tuple(values) for key, values in query.filters.items()}
    page_finder = finder.finder_for(chosen)
    # The box holds what is matched as text: understood words are filters now (their boxes
    # below are ticked), so sending the form again searches the same.
    context.update(query=form.cleaned_data["q"], query_text=query.text,
                   shortened=form.shortened, sort=query.sort, as_text=form.as_text(),
                   finder=page_finder, include_hidden=query.include_hidden)
    if query.text or query.filtered:
        results = understanding.search(query, form.understood)
        _log_search(request, replace(query, text=form.cleaned_data["q"]), language,
                    _found(results))
        facets = _facet_groups(results.facets, chosen)
        reset = finder.reset_query(form, page_finder)
        context.update(results=results, facets=facets,
                       hits=[_hit_view(h, language) for h in results.hits],
                       pages=_pages(form, query, results.count),
                       chosen=(finder.active_filters(form, facets)
                               + understood_filters(form, facets, language)),
                       reset=_as_text(reset, ALL) if form.understood else reset,
                       can_reset=finder.can_reset(chosen, page_finder),
                       show_hidden=finder.show_hidden_query(form),
                       **_hidden_notices(query, results, page_finder,
                                         worded=bool(query.text or form.understood)))
    return render(request, "search/search.html", context)


@require_safe
def search_api(request):
    language = request.GET.get("lang") or "de"
    known = language in dict(settings.LANGUAGES)
    with translation.override(language if known else "en"):
        form = ApiParams(request.GET, language=language if known else None)
        if not form.is_valid():
            candidates = {key: [{"value": value, "label": label} for value, label in values]
                          for key, values in form.candidates().items()}
            return JsonResponse({"error": "invalid parameters", "errors": error_messages(form),
                                 **({"candidates": candidates} if candidates else {})},
                                status=400, json_dumps_params={"ensure_ascii": False})
        query = form.to_query(language)
        if not query.text and not query.filtered:
            return JsonResponse({"count": 0, "results": [], "facets": {}, "suggestion": None,
                                 "page": 1, "pages": 0, "lang": language, "understood": [],
                                 "text": query.text})
        results = understanding.search(query, form.understood)
        _log_search(request, replace(query, text=form.cleaned_data["q"]), language,
                    _found(results))
        page = query.offset // query.limit + 1
        return JsonResponse({
            "count": results.count,
            "results": [{
                "title": h.title, "url": h.url, "slug": h.slug, "type": h.type,
                "locale": h.locale, "snippet": h.snippet, "promoted": h.promoted,
            } for h in results.hits],
            "facets": {key: [{"value": v.value, "label": v.label, "count": v.count}
                             for v in values] for key, values in results.facets.items()},
            "suggestion": results.suggestion,
            "page": page,
            "pages": math.ceil(results.count / query.limit),
            "lang": language,
            "engine": results.engine,
            # Words of q read as filters, and the text that was matched without them. A
            # client removes one with as_text=<facet> ("remove": the query string that does).
            "understood": [{key: item[key] for key in (
                "facet", "legend", "value", "label", "words", "remove")}
                for item in understood_filters(form, [], language)],
            "text": query.text,
            "hidden_shown": results.hidden_shown,
            "unmatched": results.unmatched,
        }, json_dumps_params={"ensure_ascii": False})


@require_safe
def autocomplete_api(request):
    form = AutocompleteParams(request.GET)
    if not form.is_valid():
        return JsonResponse({"error": "invalid parameters", "errors": error_messages(form)},
                            status=400)
    language = form.cleaned_data["lang"] or "de"
    prefix = form.cleaned_data["q"]
    suggestions = service.autocomplete(prefix, language) if prefix else []
    return JsonResponse({"results": [{"title": s.title, "url": s.url, "type": s.type}
                                     for s in suggestions]},
                        json_dumps_params={"ensure_ascii": False})


def _found(results) -> int:
    """What the search log counts: nothing when no result had the words (the editors' report
    of searches without results shows the gap), though the filters alone found some."""
    return 0 if results.unmatched else results.count


def _log_search(request, query, language, count):
    """Count a reader's search (the first page, with text), and again on every hit of the
    cached answer, which keeps that answer from the proxy. A HEAD (link checkers, monitors) is
    answered like GET, with the same headers, but is nobody searching: not counted."""
    if not query.text or query.offset:
        return
    if request.method == "GET":
        service.log_search(query.text, language, count)
    repeat_on_cache_hit(request, "search.service.log_search", query.text, language, count)


def _hidden_notices(query, results, page_finder, worded: bool) -> dict:
    """What the page says of hidden results (passed deadlines): the finder without words
    leaves them out and says so; a search with words lists them last and says so when it
    does (service.with_hidden_last)."""
    hiding = page_finder or finder.hiding_finder()
    if hiding is None:
        return {}
    return {"hiding_finder": hiding, "hidden_listed": bool(results.hidden_shown),
            "hidden_left_out": page_finder is not None and not worded
            and finder.hides_values(query)}


def _candidate_links(data, candidates) -> list[dict]:
    """[{label, query}]: the search again with what the reader may have meant."""
    links = []
    for key, values in candidates.items():
        for value, label in values:
            params = data.copy()
            params.pop("page", None)
            params[key] = value
            links.append({"label": label, "query": params.urlencode()})
    return links


def _hit_view(hit, language):
    kind = search_type(hit.type)
    return {"hit": hit, "type_label": kind.label if kind else "",
            "in_german": hit.locale != language, "rtl": is_rtl(hit.locale),
            "facts_template": kind.facts_template if kind and hit.facts else ""}


def _facet_groups(facets, chosen) -> list[dict]:
    groups = []
    for facet in registry.facets:
        selected = set(chosen.get(facet.key, ()))
        values = [{"value": v.value, "label": v.label, "count": v.count,
                   "checked": v.value in selected} for v in facets.get(facet.key, [])]
        if values:
            groups.append({"key": facet.key, "legend": facet.legend, "multiple": facet.multiple,
                           "values": values, "any_checked": bool(selected)})
    return groups


def _sorts() -> list[tuple[str, str]]:
    return [RELEVANCE, *((s.key, s.label) for s in registry.sorts())]


def _pages(form, query, count) -> dict:
    page = query.offset // query.limit + 1
    last = max(1, math.ceil(count / query.limit))
    params = form.data.copy()
    links = {}
    if page > 1:
        params["page"] = page - 1
        links["previous"] = params.urlencode()
    if page < last:
        params["page"] = page + 1
        links["next"] = params.urlencode()
    return {"page": page, "last": last, **links}


def understood_filters(form, facets: list[dict], language: str) -> list[dict]:
    """[{legend, label, remove, understood…}] for the values read from the search text. The
    link that removes one keeps the text and adds ?as_text=<facet>, so the words are searched
    as words from then on and are not read as the filter again."""
    labels = {(group["key"], v["value"]): v["label"] for group in facets for v in group["values"]}
    found = []
    for item in form.understood:
        facet = registry.facet(item.facet)
        label = labels.get((item.facet, item.value))
        if label is None:
            context = facet.context(language) if facet.context else None
            label = dict(facet.choices(language, context)).get(item.value, item.value)
        found.append({"facet": item.facet, "legend": str(facet.legend), "value": item.value,
                      "label": str(label), "words": item.words, "understood": True,
                      "remove": _as_text(form.data, item.facet)})
    return found


def _as_text(data, key: str) -> str:
    params = QueryDict(data, mutable=True) if isinstance(data, str) else data.copy()
    params.pop("page", None)
    if key not in params.getlist("as_text"):
        params.appendlist("as_text", key)
    return params.urlencode()
