"""Wagtail's default Editors and Moderators groups may see the feedback reports."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUPS = ["Editors", "Moderators"]


def forwards(apps, schema_editor):
    app_config = apps.get_app_config("feedback")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)  # normally made after migrate
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permission = Permission.objects.get(content_type__app_label="feedback",
                                        codename="view_pagefeedback")
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [("feedback", "0001_counts_and_notes"), ("cms", "0003_glossary_permissions")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
