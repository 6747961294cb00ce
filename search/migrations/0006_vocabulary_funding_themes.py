"""The funding themes added to the vocabulary files (inclusion, integration, democracy, rural
areas, equipment, intercultural work, in all eight languages). Like 0005 it adds only the
groups the database does not hold yet, so it is safe after 0005 on any database."""

from django.db import migrations

from search import vocabulary_data


def load(apps, schema_editor):
    vocabulary_data.load(apps.get_model("search", "Synonym"))


class Migration(migrations.Migration):
    dependencies = [("search", "0005_vocabulary")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
