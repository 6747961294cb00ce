from django.apps import AppConfig


class PartnersConfig(AppConfig):
    name = "partners"
    verbose_name = "Partner organisations"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from partners import review
        from partners.patches import localize_permissions

        review.connect()
        localize_permissions.install()
