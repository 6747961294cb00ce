"""Locales for every content language, the funding vocabularies, and a German home page in
place of Wagtail's placeholder page, so a fresh database is a working (empty) site."""

from django.conf import settings
from django.db import migrations

REGIONS = [
    "bundesweit", "baden-wuerttemberg", "bayern", "berlin", "brandenburg", "bremen", "hamburg",
    "hessen", "mecklenburg-vorpommern", "niedersachsen", "nordrhein-westfalen",
    "rheinland-pfalz", "saarland", "sachsen", "sachsen-anhalt", "schleswig-holstein",
    "thueringen",
]
ORGANISATION_TYPES = ["verein", "initiative", "gemeinnuetzige-gmbh", "einzelperson"]


def forwards(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    Page = apps.get_model("wagtailcore", "Page")
    Site = apps.get_model("wagtailcore", "Site")
    ContentType = apps.get_model("contenttypes", "ContentType")
    HomePage = apps.get_model("cms", "HomePage")
    Region = apps.get_model("cms", "Region")
    OrganisationType = apps.get_model("cms", "OrganisationType")

    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        Locale.objects.get_or_create(language_code=code)
    german = Locale.objects.get(language_code=settings.LANGUAGE_CODE)

    for code in REGIONS:
        Region.objects.get_or_create(code=code)
    for code in ORGANISATION_TYPES:
        OrganisationType.objects.get_or_create(code=code)

    # Wagtail's initial migration made a placeholder page at depth 2; replace it.
    Page.objects.filter(depth=2, slug="home").delete()
    home_type, _ = ContentType.objects.get_or_create(model="homepage", app_label="cms")
    home = HomePage.objects.create(
        title="Wegweiser",
        draft_title="Wegweiser",
        slug="home",
        content_type=home_type,
        path="00010001",
        depth=2,
        numchild=0,
        url_path="/home/",
        locale=german,
        summary="Anleitungen für Migrant*innenorganisationen: Verein gründen, Fördermittel "
        "beantragen, mit Behörden umgehen.",
    )
    Page.objects.filter(depth=1).update(numchild=1)
    Site.objects.all().delete()
    Site.objects.create(hostname="localhost", root_page_id=home.id, is_default_site=True,
                        site_name="Wegweiser")


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0001_initial"),
        ("wagtailcore", "0001_initial"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
