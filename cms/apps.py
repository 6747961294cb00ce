from django.apps import AppConfig


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = "Wegweiser CMS"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from cms.partners import review
        from cms.patches import localize_permissions

        review.connect()
        localize_permissions.install()
