"""Refresh the German source when German content is published (cms.changes: a page's
publication, a snippet's save); tell translators."""

from wagtail.models import Locale, TranslatableMixin

from .sources import refresh_source
from .tasks import schedule_notification


def on_content_changed(sender, instance, action, **extra):
    if action != "published" or not isinstance(instance, TranslatableMixin):
        return
    if instance.locale_id != Locale.get_default().pk:
        return
    source = refresh_source(instance)
    if source is not None:
        schedule_notification(source)


def connect():
    from cms.changes import content_changed

    content_changed.connect(on_content_changed, dispatch_uid="translations-content-changed")
