"""Locale rows, read once per process: the one place the project looks locales up.

Wagtail looks the same Locale row up again for every `Locale.get_active()`, `get_default()`
and `page.localized` (LocaleManager.get_for_language has no cache): up to a dozen identical
queries per page, and the language switcher, the German fallback and the search engine need
them too. There is one row per content language, written by migrations (and, rarely, the
admin's Locales screen), so they are kept per process and forgotten whenever one is saved
or deleted. A language is added by changing WAGTAIL_CONTENT_LANGUAGES, which restarts every
process anyway.

`install()` (CmsConfig.ready) makes Wagtail's own look-up use it. Delete that part when
Wagtail caches these look-ups itself.
"""

import threading

from django.db.models.signals import post_delete, post_save
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale
from wagtail.models.i18n import LocaleManager

_lock = threading.Lock()
_by_code: dict[str, Locale] | None = None


def by_code() -> dict[str, Locale]:
    global _by_code
    locales = _by_code
    if locales is None:
        with _lock:
            locales = {locale.language_code: locale for locale in Locale.objects.all()}
            _by_code = locales
    return locales


def by_id() -> dict[int, Locale]:
    return {locale.pk: locale for locale in by_code().values()}


def for_language(language_code: str) -> Locale | None:
    return by_code().get(language_code)


def forget(**kwargs) -> None:
    global _by_code
    _by_code = None


def _get_for_language(self, language_code):
    """Wagtail's LocaleManager.get_for_language, answered from memory."""
    code = get_supported_content_language_variant(language_code)  # LookupError as Wagtail's
    locale = for_language(code)
    if locale is None:
        raise Locale.DoesNotExist(f"Locale matching query does not exist: {code}")
    return locale


def install() -> None:
    LocaleManager.get_for_language = _get_for_language
    for signal in (post_save, post_delete):
        signal.connect(forget, sender=Locale, dispatch_uid=f"cms-locales-{signal is post_save}")
