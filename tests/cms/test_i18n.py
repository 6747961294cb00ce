"""UI strings: complete catalogues for German and English, compiled for every language."""

from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.utils import translation

CATALOGUES = Path(settings.BASE_DIR) / "locales"


@pytest.mark.parametrize("code", ["de", "en"])
def test_german_and_english_catalogues_are_complete(code):
    catalogue = polib.pofile(str(CATALOGUES / code / "LC_MESSAGES" / "django.po"))
    assert catalogue.untranslated_entries() == []
    assert catalogue.fuzzy_entries() == []


@pytest.mark.parametrize("code", [code for code, _ in settings.LANGUAGES])
def test_every_content_language_has_a_compiled_catalogue(code):
    assert (CATALOGUES / code / "LC_MESSAGES" / "django.mo").is_file()
    with translation.override(code):
        skip = translation.gettext("Skip to content")
    assert skip != "Skip to content" or code == "en"


def test_placeholders_survive_translation():
    for po_path in CATALOGUES.glob("*/LC_MESSAGES/django.po"):
        for entry in polib.pofile(str(po_path)).translated_entries():
            for placeholder in ("%(minutes)s", "%(counter)s", "%(low)s", "%(high)s"):
                if placeholder in entry.msgid and entry.msgstr:
                    assert placeholder in entry.msgstr, (po_path, entry.msgid)


@pytest.mark.parametrize(("language", "script"), [
    ("ar", r"[\u0600-\u06FF]"), ("fa", r"[\u0600-\u06FF]"),
    ("ru", r"[\u0400-\u04FF]"), ("uk", r"[\u0400-\u04FF]"),
])
def test_every_region_is_named_in_the_readers_script(language, script):
    """The finder's regions: an Arabic reader read half the Länder in Latin letters."""
    import re

    from cms.models.vocabulary import REGION_CHOICES

    with translation.override(language):
        unreadable = [str(label) for _code, label in REGION_CHOICES
                      if not re.search(script, str(label))]
    assert unreadable == []
