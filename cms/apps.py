from django.apps import AppConfig


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = "Wegweiser CMS"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from cms import changes, locales

        locales.install()
        changes.connect()
