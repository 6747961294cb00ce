"""The search vocabulary that comes with Wegweiser (search/vocabulary_data/<language>.txt,
several hundred synonym groups in all eight languages) added to the editors' synonyms.

Only groups the database does not hold yet are added; the editors' own groups are neither
changed nor deleted. Reversing removes the groups exactly as the files have them.
search.Synonym is not translated (no wagtail-localize TranslationSource), so unlike the
content apps' migrations nothing needs `sources_stay_current`."""

from django.db import migrations

from search import vocabulary_data


def load(apps, schema_editor):
    vocabulary_data.load(apps.get_model("search", "Synonym"))


def unload(apps, schema_editor):
    vocabulary_data.unload(apps.get_model("search", "Synonym"))


class Migration(migrations.Migration):
    dependencies = [("search", "0004_entries_by_language")]
    operations = [migrations.RunPython(load, unload)]
