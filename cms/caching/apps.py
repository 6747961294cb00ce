from django.apps import AppConfig


class CachingConfig(AppConfig):
    """Listed after wagtail.contrib.frontend_cache so that its ready() runs later and can
    replace Wagtail's purge handlers with ours (see invalidation.py)."""

    name = "cms.caching"
    label = "wegweiser_caching"
    verbose_name = "Wegweiser page caching"

    def ready(self):
        from . import invalidation

        invalidation.connect()
