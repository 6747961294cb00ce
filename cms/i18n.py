"""Reading in one's own language, with German as the fallback.

Translations keep their source's slug, so a German page's path is also the path its
translation has (or would have) in every other language. A reader who follows a link to a page
that is not translated yet stays under their language prefix and is served the German page
with a notice (see cms.views.serve_with_fallback).
"""

from dataclasses import dataclass

from django.conf import settings
from django.utils import translation
from wagtail.models import Locale, Page


def active_language() -> str:
    return translation.get_language() or settings.LANGUAGE_CODE


def is_rtl(language_code: str) -> bool:
    return language_code in settings.RTL_LANGUAGES


def swap_language_prefix(url: str, language_code: str) -> str:
    """'/de/foerdermittel/' -> '/ar/foerdermittel/' (only the leading language prefix)."""
    codes = {code for code, _ in settings.LANGUAGES}
    parts = url.split("/", 2)
    if len(parts) >= 2 and parts[0] == "" and parts[1] in codes:
        rest = parts[2] if len(parts) == 3 else ""
        return f"/{language_code}/{rest}"
    return url


@dataclass(frozen=True)
class ReaderLink:
    page: Page
    url: str
    is_fallback: bool  # True: the page is shown in German because it is not translated

    @property
    def language(self) -> str:
        return self.page.locale.language_code


def reader_links(pages, language_code: str | None = None) -> list[ReaderLink]:
    """Links for the active language: the translation where it is live, else the German page
    under the reader's language prefix. Two queries, whatever the number of pages."""
    pages = list(pages)
    language_code = language_code or active_language()
    try:
        locale = Locale.objects.get(language_code=language_code)
    except Locale.DoesNotExist:
        locale = Locale.get_default()
    keys = [p.translation_key for p in pages if p.locale_id != locale.pk]
    translated = {
        p.translation_key: p
        for p in Page.objects.live()
        .public()
        .filter(locale=locale, translation_key__in=keys)
        .specific()
    }
    links = []
    for page in pages:
        if page.locale_id == locale.pk:
            links.append(ReaderLink(page, page.url, False))
        elif page.translation_key in translated:
            target = translated[page.translation_key]
            links.append(ReaderLink(target, target.url, False))
        else:
            fallback_url = swap_language_prefix(page.url or "", locale.language_code)
            links.append(ReaderLink(page, fallback_url, True))
    return links

