"""Demo organisations for the directory, from content/organisations/*.yaml (all fictional).
Safe to run again: entries are updated in place by slug."""

from pathlib import Path

import yaml
from django.db import transaction
from wagtail.models import Locale

from cms.models import Organisation, Region, SpokenLanguage, TopicPage

FIELDS = ["name", "kind", "city", "contact_person", "email", "phone", "website",
          "description"]


@transaction.atomic
def load_demo_organisations(folder: Path) -> int:
    count = 0
    for path in sorted(folder.glob("*.yaml")):
        for entry in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            _save(entry)
            count += 1
    return count


def _save(entry):
    german = Locale.get_default()
    org = Organisation.objects.filter(locale=german, slug=entry["slug"]).first() \
        or Organisation(locale=german, slug=entry["slug"])
    for name in FIELDS:
        setattr(org, name, entry.get(name, ""))
    org.region = Region.objects.get(code=entry["region"])
    org.show_in_directory = True
    org.languages.set(SpokenLanguage.objects.filter(code__in=entry.get("languages", [])))
    org.topics.set(TopicPage.objects.filter(locale=german, slug__in=entry.get("topics", [])))
    org.save()
    for code, texts in (entry.get("translations") or {}).items():
        locale = Locale.objects.get(language_code=code)
        translated = org.get_translation_or_none(locale) or org.copy_for_translation(locale)
        translated.name, translated.description = texts["name"], texts.get("description", "")
        translated.save()
