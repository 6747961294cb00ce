"""FundingProgrammePage, taken over from cms (cms 0007) without touching its data.

- The model is created in the migration state only, on its old table cms_fundingprogrammepage
  (Meta.db_table); its many-to-many tables take their names from that table, so they are the
  old ones too (cms_fundingprogrammepage_regions, …_eligible_types).
- Its ContentType row ('cms', 'fundingprogrammepage') is relabelled to ('funding', …) and
  keeps its id: pages (wagtailcore_page.content_type_id), revisions, log entries,
  wagtail-localize's TranslationSource.specific_content_type, the search index entries and the
  model permissions (and the groups that have them) all point at that id and stay as they are.
  Django's post_migrate, which runs after every migration, then finds the row and creates no
  second one. (A new database goes the same way: cms 0003 creates the row.)
- wagtail-localize's sources of the model note the last migration of its app: those that
  were up to date with cms (cms 0007 keeps them so) are up to date with funding 0001.
- Tasks waiting in the outbox that name the model by its old label (search index updates:
  ["cms", "fundingprogrammepage", id]) get the new one.
"""

import django.core.validators
import django.db.models.deletion
import modelcluster.fields
import wagtail.fields
from django.conf import settings
from django.db import migrations, models

MODEL = "fundingprogrammepage"
INDEX_TASKS = ("search.tasks.index_object", "search.tasks.remove_object")
SCHEMA_VERSIONS = {"cms": "0007_funding_programme_leaves_cms", "funding": "0001_initial"}


def relabel(apps, schema_editor, old_label="cms", new_label="funding"):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Page = apps.get_model("wagtailcore", "Page")
    db = schema_editor.connection.alias
    content_types = ContentType.objects.using(db)
    old = content_types.filter(app_label=old_label, model=MODEL).first()
    if old is not None:
        new = content_types.filter(app_label=new_label, model=MODEL).first()
        if new is not None:
            # Made by a post_migrate between two halves of an interrupted upgrade. Nothing
            # but its default permissions can point at it yet; the old row has those too.
            if Page.objects.using(db).filter(content_type=new).exists():
                raise RuntimeError(
                    f"Both content types {old_label}.{MODEL} and {new_label}.{MODEL} have "
                    "pages; move the pages of one to the other by hand, then migrate again.")
            new.delete()
        old.app_label = new_label
        old.save(update_fields=["app_label"])
        TranslationSource = apps.get_model("wagtail_localize", "TranslationSource")
        TranslationSource.objects.using(db).filter(
            specific_content_type=old, schema_version=SCHEMA_VERSIONS[old_label],
        ).update(schema_version=SCHEMA_VERSIONS[new_label])
    PendingTask = apps.get_model("outbox", "PendingTask")
    for pending in PendingTask.objects.using(db).filter(task__in=INDEX_TASKS):
        if pending.args[:2] == [old_label, MODEL]:
            pending.args = [new_label, *pending.args[1:]]
            pending.save(update_fields=["args"])
    ContentType.objects.clear_cache()
    from django.contrib.contenttypes.models import ContentType as CurrentContentType

    CurrentContentType.objects.clear_cache()


def relabel_back(apps, schema_editor):
    relabel(apps, schema_editor, old_label="funding", new_label="cms")


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ("cms", "0007_funding_programme_leaves_cms"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("outbox", "0001_pending_tasks"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='FundingProgrammePage',
                    fields=[
                        ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                        ('summary', models.TextField(blank=True, help_text='One or two plain sentences.', max_length=400, verbose_name='summary')),
                        ('funder', models.CharField(max_length=200, verbose_name='funder')),
                        ('deadline', models.DateField(blank=True, help_text='Leave empty if you can apply any time.', null=True, verbose_name='deadline')),
                        ('amount_min', models.PositiveIntegerField(verbose_name='smallest amount (EUR)')),
                        ('amount_max', models.PositiveIntegerField(verbose_name='largest amount (EUR)')),
                        ('cofunding_percent', models.PositiveSmallIntegerField(default=0, help_text='The share of the costs the organisation pays itself (Eigenanteil).', validators=[django.core.validators.MaxValueValidator(100)], verbose_name='own share (%)')),
                        ('programme_url', models.URLField(verbose_name="funder's page")),
                        ('figures_are_examples', models.BooleanField(default=False, help_text='Tick for demo or illustrative content; the page then says so.', verbose_name='amounts and deadline are examples')),
                        ('body', wagtail.fields.StreamField([], blank=True, block_lookup={}, verbose_name='how to apply')),
                        ('eligible_types', modelcluster.fields.ParentalManyToManyField(related_name='+', to='cms.organisationtype', verbose_name='who can apply')),
                        ('regions', modelcluster.fields.ParentalManyToManyField(related_name='+', to='cms.region', verbose_name='regions')),
                    ],
                    options={
                        'verbose_name': 'funding programme',
                        'db_table': 'cms_fundingprogrammepage',
                    },
                    bases=('wagtailcore.page',),
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(relabel, relabel_back),
    ]
