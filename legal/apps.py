"""The pages a German website must have (Impressum, Datenschutzerklärung, Erklärung zur
Barrierefreiheit), linked from every page's footer, and the contact form."""

from django.apps import AppConfig


class LegalConfig(AppConfig):
    name = "legal"
    verbose_name = "Legal pages and contact"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from cms.importer.registry import ImportType, register_import_type
        from cms.models.home import allow_below_home

        from . import checks, footer  # noqa: F401 - checks registers itself
        from .models import check_front_matter, fill_from_front_matter

        allow_below_home("legal.LegalPage")
        register_import_type(ImportType(
            "legal", "legal.LegalPage", keys=frozenset({"kind", "last_reviewed"}),
            required=frozenset({"title", "summary", "kind"}),
            check=check_front_matter, fill=fill_from_front_matter))
        footer.connect()
