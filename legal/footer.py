"""The footer's links to the legal pages, on every page, at no query cost.

The links (title, address, whether it is the German page shown as fallback) are kept in the
cache per language: the reader's translation where it is live, else the German page under the
reader's prefix (cms.i18n.reader_links). They change only when a legal page or a home page
(whose tree holds the addresses) is published, unpublished, moved or deleted; the one
content-changed signal (cms.changes) then drops them after the commit. An hour's expiry is a
safety net for what no signal reports (a site's host name changed in the admin).
"""

from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from wagtail.models import Locale, Page

from cms.changes import content_changed
from cms.i18n import reader_links

KEY = "legal:footer:{}"
TIMEOUT = 3600


@dataclass(frozen=True)
class FooterLink:
    kind: str
    title: str
    url: str
    language: str  # of the page's text: the reader's, or "de" for the fallback


def _keys() -> list[str]:
    return [KEY.format(code) for code, _name in settings.LANGUAGES]


def footer_links(language: str, use_database: bool = True) -> list[FooterLink]:
    key = KEY.format(language)
    links = cache.get(key)
    if links is None and use_database:
        links = _build(language)
        cache.set(key, links, TIMEOUT)
    return links or []


def _build(language: str) -> list[FooterLink]:
    from .models import KIND_ORDER, LegalPage

    pages = sorted(LegalPage.objects.live().public().filter(locale=Locale.get_default()),
                   key=lambda page: KIND_ORDER.index(page.kind))
    return [FooterLink(source.kind, link.page.title, link.url, link.language)
            for source, link in zip(pages, reader_links(pages, language), strict=True)]


def _on_content_changed(sender, instance, action, **extra):
    from .models import LegalPage

    if isinstance(instance, LegalPage) or (isinstance(instance, Page) and instance.depth <= 2):
        transaction.on_commit(lambda: cache.delete_many(_keys()))


def connect() -> None:
    content_changed.connect(_on_content_changed, dispatch_uid="legal-footer-links")
