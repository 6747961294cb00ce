"""Refresh the German source on publish (pages) and on save (snippets); tell translators."""

from django.db.models.signals import post_save
from wagtail.models import Locale, Page, TranslatableMixin
from wagtail.signals import page_published

from .sources import refresh_source
from .tasks import schedule_notification


def source_published(sender, instance, **kwargs):
    if instance.locale_id != Locale.get_default().pk:
        return
    source = refresh_source(instance)
    if source is not None:
        schedule_notification(source)


def snippet_saved(sender, instance, raw=False, **kwargs):
    """Snippets (glossary terms, organisations) have no publishing step: saving is it."""
    if raw or isinstance(instance, Page) or not isinstance(instance, TranslatableMixin):
        return
    source_published(sender, instance)


def connect():
    page_published.connect(source_published, dispatch_uid="translations_source_published")
    post_save.connect(snippet_saved, dispatch_uid="translations_snippet_saved")
