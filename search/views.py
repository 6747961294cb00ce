"""The HTML search page: live, public content in the reader's language.

Deliberately small for now; the search service with engines, facets and the JSON API is its
own piece of work (see the search issue) and will replace the query below.
"""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.shortcuts import render
from wagtail.models import Locale, Page
from wagtail.search.utils import parse_query_string

MAX_QUERY_LENGTH = 200
PER_PAGE = 10


def search(request):
    query = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
    results = Page.objects.none()
    if query:
        locale = Locale.get_active()
        _filters, parsed = parse_query_string(query, operator="and")
        results = (
            Page.objects.live().public().filter(locale=locale).exclude(depth__lte=2)
            .specific().search(parsed, operator="and")
        )
    paginator = Paginator(results, PER_PAGE)
    try:
        page = paginator.page(request.GET.get("page", 1))
    except (PageNotAnInteger, EmptyPage):
        page = paginator.page(1)
    return render(request, "search/search.html", {"query": query, "results": page})
