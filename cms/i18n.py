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

from cms import locales as cached_locales
from cms.caching.memo import remembered, site_root_paths
from cms.frozen import freeze


def locales_by_id() -> dict:
    """{pk: Locale}, read once per process (cms.locales), so no page, link or term needs its
    own Locale look-up."""
    return cached_locales.by_id()


def attach_locales(objects, request=None):
    """Fill each object's cached `locale` from locales_by_id(); returns them as a list. While
    a page is served, pages also get Wagtail's site root paths, so building their URLs
    reads no cache (cms.caching.memo.site_root_paths)."""
    objects = list(objects)
    locales = locales_by_id()
    roots = site_root_paths(request)
    for obj in objects:
        if obj.locale_id in locales:
            obj.locale = locales[obj.locale_id]
        if roots is not None and isinstance(obj, Page):
            obj._wagtail_cached_site_root_paths = roots
    return objects


def locale_for_language(language_code: str):
    """The Locale of a language code, else the default locale, without a query of its own."""
    return (cached_locales.for_language(language_code)
            or cached_locales.for_language(settings.LANGUAGE_CODE) or Locale.get_default())


def page_translations(page, request=None) -> list:
    """The live translations of a page, itself included, with their locales: one query,
    remembered on the request for the hreflang links and the language switcher."""
    cache = getattr(request, "_wegweiser_translations", None) if request else None
    if cache is None:
        cache = {}
        if request is not None:
            request._wegweiser_translations = cache
    if page.pk not in cache:
        cache[page.pk] = remembered(
            ("translations", page.pk),
            lambda: freeze(attach_locales(page.get_translations(inclusive=True).live(),
                                          request)), request)
    return cache[page.pk]


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


def live_public_translations(locale, keys):
    """The live, public pages of `locale` with these translation keys, as their specific
    types (up to three queries)."""
    return (Page.objects.live().public().filter(locale=locale, translation_key__in=keys)
            .specific())


def reader_links(pages, language_code: str | None = None,
                 translations=live_public_translations) -> list[ReaderLink]:
    """Links for the active language: the translation where it is live, else the German page
    under the reader's language prefix, in the order of `pages`. At most three queries,
    whatever the number of pages, none when every page is in the reader's language.
    `translations(locale, keys)` finds the translations; a caller that knows more about the
    pages can find them in fewer queries."""
    pages = attach_locales(pages)
    locale = locale_for_language(language_code or active_language())
    keys = [p.translation_key for p in pages if p.locale_id != locale.pk]
    translated = {}
    if keys:
        translated = {p.translation_key: p for p in attach_locales(translations(locale, keys))}
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

