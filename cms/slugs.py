"""Slugs made from German titles spell umlauts and ß as German does: "Gründung für Vereine"
becomes `gruendung-fuer-vereine`, not `grundung-fur-vereine` (Django's and Wagtail's
transliteration drops the dots, and Wagtail has no German map). The same replacements run in
the admin's slug field (its w-slug controller applies `formatters` before transliterating) and
on the server, where a page saved without a slug gets one from its title."""

from django.db import models
from django.utils.text import slugify
from wagtail.admin.forms.models import register_form_field_override
from wagtail.admin.widgets import SlugInput

GERMAN = {"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss", "ẞ": "SS"}
FORMATTERS = [(letter, spelt) for letter, spelt in GERMAN.items()]


def german_slugify(text: str) -> str:
    for letter, spelt in GERMAN.items():
        text = text.replace(letter, spelt)
    return slugify(text)


class GermanSlugInput(SlugInput):
    def __init__(self, attrs=None, formatters=None, locale=None):
        super().__init__(attrs, formatters=formatters or FORMATTERS, locale=locale)


def install() -> None:
    """Every slug field of the admin's forms (pages, snippets) spells German."""
    register_form_field_override(models.SlugField, override={"widget": GermanSlugInput})
