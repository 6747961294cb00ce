"""TopicPage.is_step_by_step: a topic whose guides are steps to read in order.

wagtail-localize notes in each TranslationSource the app's last migration and warns
translators that "the data model has changed" when the app has a newer one. The new field is a
synchronized yes/no with a default, no text to translate, so sources that were up to date stay
up to date (as in 0007)."""

from django.db import migrations, models

BEFORE, THIS = "0007_funding_programme_leaves_cms", "0008_topic_is_step_by_step"


def sources_stay_current(apps, schema_editor, old=BEFORE, new=THIS):
    TranslationSource = apps.get_model("wagtail_localize", "TranslationSource")
    # Only the models cms still has: funding programmes' sources may still carry the cms
    # label here when funding 0001 (which relabels them) runs after this migration.
    models_here = [model._meta.model_name for model in apps.get_app_config("cms").get_models()]
    TranslationSource.objects.using(schema_editor.connection.alias).filter(
        specific_content_type__app_label="cms", specific_content_type__model__in=models_here,
        schema_version=old).update(schema_version=new)


def sources_back(apps, schema_editor):
    sources_stay_current(apps, schema_editor, old=THIS, new=BEFORE)


class Migration(migrations.Migration):

    dependencies = [
        ("cms", "0007_funding_programme_leaves_cms"),
    ]

    operations = [
        migrations.AddField(
            model_name="topicpage",
            name="is_step_by_step",
            field=models.BooleanField(default=False, help_text="Each guide then shows “Step 2 of 5” with links to the previous and the next guide. The order is the order of the pages in the explorer.", verbose_name="Guides are steps to read in order"),
        ),
        migrations.RunPython(sources_stay_current, sources_back),
    ]
