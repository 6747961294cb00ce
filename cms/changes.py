"""One signal for "content changed": Wagtail's page and snippet signals, translated once.

The page cache, the search index and the translation sources all need to know when content
changes. Each used to connect to Wagtail's signals itself and name the models it cared about;
a new page or snippet type (modules, lessons, workshops) had to be added in each. Now this
module listens to Wagtail and Django once and sends `content_changed`, and the subscribers
(cms.caching.invalidation, search.signals, translations.signals) name no model.

    content_changed.send(sender=<model class>, instance=<object>, action=<action>, **extra)

Actions:
- "published"   a page was published (a translation sync publishes too), or a content
                snippet was saved (snippets here have no publishing step: saving is it)
- "unpublished" a page was unpublished
- "deleted"     about to be deleted (sent before, so its addresses can still be worked out;
                act after the commit)
- "moving"      a page is about to move (its old addresses are known only now)
- "moved"       a page moved or was reordered among its siblings (extra: `url_path_before`,
                `url_path_after`: equal for a reorder), or its slug changed (extra: `before`,
                the page as it was)
- "restricted"  a page's view restrictions changed (it may have become private)
- "changed"     a site (its host name, port or root page: every page's address) or a redirect
                was saved or deleted

Content models: every page type, and every model with a language (TranslatableMixin: glossary
terms, organisations). A model that shows on pages other than those linking to it through the
reference index says so with `pages_showing()`; one whose search documents depend on another
object's address says so with `search_dependents()` (see cms.models.glossary).
"""

from django.db.models.signals import post_delete, post_save, pre_delete
from django.dispatch import Signal
from wagtail.models import DraftStateMixin, Page, PageViewRestriction, Site, TranslatableMixin
from wagtail.signals import (
    page_published,
    page_slug_changed,
    page_unpublished,
    post_page_move,
    pre_page_move,
    published,
    unpublished,
)

content_changed = Signal()

UID = "wegweiser-content-changed"


def is_content(model) -> bool:
    return issubclass(model, Page | TranslatableMixin)


def announce(instance, action: str, **extra) -> None:
    content_changed.send(sender=type(instance), instance=instance, action=action, **extra)


def _published(sender, instance, **kwargs):
    announce(instance, "published")


def _unpublished(sender, instance, **kwargs):
    announce(instance, "unpublished")


# Wagtail sends the page before a move and a fresh Page after it; subscribers get the same
# (specific) object both times, so what they noted before the move is still on it.
_moving_pages: dict[int, Page] = {}


def _moving(sender, instance, **kwargs):
    _moving_pages[instance.pk] = instance
    announce(instance, "moving")


def _moved(sender, instance, url_path_before=None, url_path_after=None, **kwargs):
    page = _moving_pages.pop(instance.pk, None) or instance.specific_deferred
    page.refresh_from_db()
    announce(page, "moved", url_path_before=url_path_before, url_path_after=url_path_after)


def _slug_changed(sender, instance, instance_before, **kwargs):
    announce(instance, "moved", before=instance_before)


def _page_deleting(sender, instance, **kwargs):
    # Deleting any page type deletes its Page row too, which sends this for sender=Page;
    # the root (depth 1) is never content.
    if instance.depth > 1:
        announce(instance.specific_deferred, "deleted")


def _snippet_saved(sender, instance, raw=False, **kwargs):
    # A snippet with drafts announces itself when published (below), not on every save.
    if (not raw and not isinstance(instance, Page) and is_content(sender)
            and not issubclass(sender, DraftStateMixin)):
        announce(instance, "published")


def _snippet_published(sender, instance, **kwargs):
    if not isinstance(instance, Page) and is_content(type(instance)):
        announce(instance, "published")


def _snippet_unpublished(sender, instance, **kwargs):
    if not isinstance(instance, Page) and is_content(type(instance)):
        announce(instance, "unpublished")


def _snippet_deleting(sender, instance, **kwargs):
    if not isinstance(instance, Page) and is_content(sender):
        announce(instance, "deleted")


def _restriction_changed(sender, instance, **kwargs):
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:
        announce(page.specific_deferred, "restricted")


def _routing_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        announce(instance, "changed")


def connect() -> None:
    """Called once from CmsConfig.ready()."""
    page_published.connect(_published, dispatch_uid=f"{UID}-published")
    page_unpublished.connect(_unpublished, dispatch_uid=f"{UID}-unpublished")
    pre_page_move.connect(_moving, dispatch_uid=f"{UID}-moving")
    post_page_move.connect(_moved, dispatch_uid=f"{UID}-moved")
    page_slug_changed.connect(_slug_changed, dispatch_uid=f"{UID}-slug")
    pre_delete.connect(_page_deleting, sender=Page, dispatch_uid=f"{UID}-page-deleting")
    post_save.connect(_snippet_saved, dispatch_uid=f"{UID}-snippet-saved")
    published.connect(_snippet_published, dispatch_uid=f"{UID}-snippet-published")
    unpublished.connect(_snippet_unpublished, dispatch_uid=f"{UID}-snippet-unpublished")
    pre_delete.connect(_snippet_deleting, dispatch_uid=f"{UID}-snippet-deleting")
    from wagtail.contrib.redirects.models import Redirect

    for signal, name in ((post_save, "saved"), (post_delete, "deleted")):
        signal.connect(_restriction_changed, sender=PageViewRestriction,
                       dispatch_uid=f"{UID}-restriction-{name}")
        for model in (Site, Redirect):
            signal.connect(_routing_changed, sender=model,
                           dispatch_uid=f"{UID}-{model.__name__.lower()}-{name}")
