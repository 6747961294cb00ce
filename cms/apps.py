from django.apps import AppConfig


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = "Wegweiser CMS"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from cms import changes, locales
        from cms.partners import review
        from cms.patches import localize_permissions

        locales.install()
        changes.connect()
        review.connect()
        localize_permissions.install()
