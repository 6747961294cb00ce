from django.db import migrations

# Starting groups; editors maintain them under Snippets > Synonyms.
SEED = {
    "de": [
        "Zuschuss, Zuwendung, Förderung, Fördermittel",
        "Spendenquittung, Spendenbescheinigung, Zuwendungsbestätigung",
        "Eigenanteil, Eigenmittel, Eigenleistung",
        "Vorstand, Vereinsvorstand",
        "Satzung, Vereinssatzung",
        "Einspruch, Widerspruch",
    ],
    "en": [
        "grant, funding, subsidy",
        "donation receipt, Zuwendungsbestätigung",
        "own share, own contribution, co-funding",
        "statutes, constitution, bylaws",
    ],
}


def seed(apps, schema_editor):
    Synonym = apps.get_model("search", "Synonym")
    for language, groups in SEED.items():
        for terms in groups:
            Synonym.objects.get_or_create(language=language, terms=terms)


def unseed(apps, schema_editor):
    Synonym = apps.get_model("search", "Synonym")
    for language, groups in SEED.items():
        Synonym.objects.filter(language=language, terms__in=groups).delete()


class Migration(migrations.Migration):
    dependencies = [("search", "0001_logs_and_synonyms")]
    operations = [migrations.RunPython(seed, unseed)]
