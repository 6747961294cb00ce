from django.shortcuts import render
from wagtail.models import Locale

from .listing import DirectoryFilter, directory_entries


def organisation_directory(request):
    locale = Locale.get_active()
    form = DirectoryFilter(request.GET or None, locale)
    filters = form.valid_filters() if request.GET else {}
    entries = directory_entries(locale, **filters)
    return render(request, "cms/organisation_directory.html", {
        "form": form, "entries": entries, "filtered": bool(filters),
        "bad_filters": bool(request.GET) and bool(form.errors),
    })
