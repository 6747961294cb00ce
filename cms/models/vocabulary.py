"""Fixed vocabularies: regions, kinds of organisation and spoken languages.

Each is a list of codes whose labels live here, in code, and are translated through the
catalogues. The rows exist so that pages and snippets can point at them (funding programmes'
regions and who may apply, an organisation's region and languages) and be filtered by them;
a data migration adds one row per code (cms 0002 and 0005).
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

# Every label translated, German names included: an Arabic reader of the finder read half the
# Länder in Latin letters.
REGION_CHOICES = [
    ("bundesweit", _("Nationwide")),
    ("baden-wuerttemberg", _("Baden-Württemberg")),
    ("bayern", _("Bavaria")),
    ("berlin", _("Berlin")),
    ("brandenburg", _("Brandenburg")),
    ("bremen", _("Bremen")),
    ("hamburg", _("Hamburg")),
    ("hessen", _("Hesse")),
    ("mecklenburg-vorpommern", _("Mecklenburg-Vorpommern")),
    ("niedersachsen", _("Lower Saxony")),
    ("nordrhein-westfalen", _("North Rhine-Westphalia")),
    ("rheinland-pfalz", _("Rhineland-Palatinate")),
    ("saarland", _("Saarland")),
    ("sachsen", _("Saxony")),
    ("sachsen-anhalt", _("Saxony-Anhalt")),
    ("schleswig-holstein", _("Schleswig-Holstein")),
    ("thueringen", _("Thuringia")),
]

ORGANISATION_TYPE_CHOICES = [
    ("verein", _("Registered association (e. V.)")),
    ("initiative", _("Initiative without legal form")),
    ("gemeinnuetzige-gmbh", _("Non-profit company (gGmbH)")),
    ("einzelperson", _("Individual")),
]

# Languages people may find help in. Names in their own language (like the language switcher),
# so a reader recognises theirs whatever the page language.
# The site's own languages first, then others often spoken in migrant communities.
SPOKEN_LANGUAGE_CHOICES = [
    *settings.LANGUAGES,
    ("ku", "Kurdî"),
    ("ps", "پښتو"),
    ("ti", "ትግርኛ"),
    ("so", "Soomaali"),
    ("fr", "Français"),
    ("es", "Español"),
    ("pl", "Polski"),
    ("ro", "Română"),
    ("bg", "Български"),
    ("sq", "Shqip"),
    ("it", "Italiano"),
]


def code_field(choices, max_length: int = 40) -> models.SlugField:
    """A vocabulary's `code`: one of `choices`, once per table."""
    return models.SlugField(max_length=max_length, unique=True, choices=choices)


class Vocabulary(models.Model):
    """A code and its label. Each vocabulary declares its own `code = code_field(CHOICES)`."""

    code = code_field([])

    class Meta:
        abstract = True
        ordering = ["code"]

    def __str__(self):
        return self.label

    @property
    def label(self) -> str:
        return str(self.get_code_display())


class Region(Vocabulary):
    code = code_field(REGION_CHOICES)


class OrganisationType(Vocabulary):
    code = code_field(ORGANISATION_TYPE_CHOICES)


class SpokenLanguage(Vocabulary):
    code = code_field(SPOKEN_LANGUAGE_CHOICES, max_length=10)
