"""FundingProgrammePage moved to the funding app (funding 0001 takes it over). Only the
migration state changes: the table cms_fundingprogrammepage, its many-to-many tables and
every row stay as they are."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("cms", "0006_one_owner_per_section")]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="FundingProgrammePage")],
            database_operations=[],
        ),
    ]
