"""Wagtail's default Editors and Moderators groups may keep the glossary."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUPS = ["Editors", "Moderators"]
CODENAMES = ["add_glossaryterm", "change_glossaryterm", "delete_glossaryterm"]


def forwards(apps, schema_editor):
    app_config = apps.get_app_config("cms")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)  # normally made after migrate
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(content_type__app_label="cms",
                                            codename__in=CODENAMES)
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.add(*permissions)


class Migration(migrations.Migration):
    dependencies = [("cms", "0002_initial_site"), ("wagtailcore", "0098_apitoken")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
