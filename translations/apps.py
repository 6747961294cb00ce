from django.apps import AppConfig
from django.utils.translation import pgettext_lazy


class TranslationsConfig(AppConfig):
    name = "translations"
    verbose_name = pgettext_lazy("translation state", "Translation state")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import signals

        signals.connect()
