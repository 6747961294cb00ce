"""FundingProgrammePage moved to the funding app (funding 0001 takes it over). Only the
migration state changes: the table cms_fundingprogrammepage, its many-to-many tables and
every row stay as they are.

wagtail-localize notes in each TranslationSource the app's last migration, and warns
translators that "the data model has changed" when the app has a newer one. This migration
changes no model that stays in cms, so sources that were up to date stay up to date."""

from django.db import migrations

BEFORE, THIS = "0006_one_owner_per_section", "0007_funding_programme_leaves_cms"


def sources_stay_current(apps, schema_editor, old=BEFORE, new=THIS):
    TranslationSource = apps.get_model("wagtail_localize", "TranslationSource")
    TranslationSource.objects.using(schema_editor.connection.alias).filter(
        specific_content_type__app_label="cms", schema_version=old).update(schema_version=new)


def sources_back(apps, schema_editor):
    sources_stay_current(apps, schema_editor, old=THIS, new=BEFORE)


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0006_one_owner_per_section"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="FundingProgrammePage")],
            database_operations=[],
        ),
        migrations.RunPython(sources_stay_current, sources_back),
    ]
