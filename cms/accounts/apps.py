from django.apps import AppConfig


class AccountsConfig(AppConfig):
    # A separate app so the user model's migration comes before Wagtail's, which refers to it.
    name = "cms.accounts"
    label = "accounts"
    verbose_name = "Accounts"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import personal_data

        personal_data.register_own()
