"""Workaround: Wagtail looks up the same Locale row again for every `Locale.get_active()`,
`get_default()` and `page.localized` (LocaleManager.get_for_language has no cache), up to a
dozen identical queries per page. Within one anonymous read the rows cannot change, so
PageCacheMiddleware runs the view inside `remember_locales()`, which answers repeated
lookups from memory. Delete this module when Wagtail caches these lookups itself.
"""

from contextlib import contextmanager
from contextvars import ContextVar

from wagtail.models.i18n import LocaleManager

_memo: ContextVar[dict | None] = ContextVar("wegweiser_locale_memo", default=None)
_original = LocaleManager.get_for_language


def _get_for_language(self, language_code):
    memo = _memo.get()
    if memo is None:
        return _original(self, language_code)
    if language_code not in memo:
        memo[language_code] = _original(self, language_code)  # a miss raises, not stored
    return memo[language_code]


def install():
    LocaleManager.get_for_language = _get_for_language


@contextmanager
def remember_locales():
    token = _memo.set({})
    try:
        yield
    finally:
        _memo.reset(token)


def remembered():
    """This read's memo ({language_code: Locale}, callers may add keys), or None outside
    remember_locales()."""
    return _memo.get()
