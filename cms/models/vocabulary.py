"""Vocabularies: regions, kinds of organisation and spoken languages.

Each is a list of codes whose labels live here, in code, and are translated through the
catalogues. The rows exist so that pages and snippets can point at them (funding programmes'
regions and who may apply, an organisation's region and languages) and be filtered by them;
a data migration adds one row per code (cms 0002 and 0005).

Regions go further: below the Bund and the 16 Länder (codes and translated labels here) come
the 400 Kreise from cms/regions/data/districts.csv (code = Kreisschlüssel, German proper names,
rows made by cms 0009 and cms.regions.sync) and the municipalities editors add under a Kreis.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from cms.regions.names import ascii_name

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
    """Bund, Land, Kreis (district) or municipality. Bund and Länder keep their slugs
    (`bundesweit`, `sachsen`) and translated labels; districts and municipalities are named
    by their German proper name, their code is their official key."""

    BUND, LAND, DISTRICT, MUNICIPALITY = "bund", "land", "district", "municipality"
    LEVELS = [(BUND, _("nationwide")), (LAND, _("federal state")), (DISTRICT, _("district")),
              (MUNICIPALITY, _("municipality"))]

    code = models.SlugField(max_length=40, unique=True, blank=True)  # blank: made in clean()
    level = models.CharField(_("level"), max_length=12, choices=LEVELS, default=LAND)
    key = models.CharField(
        _("official key"), max_length=8, blank=True,
        help_text=_("Amtlicher Gemeindeschlüssel: 2 digits for a Land, 5 for a district, "
                    "8 for a municipality (starting with its district's 5)."))
    name = models.CharField(_("name"), max_length=100, blank=True)
    kind = models.CharField(_("kind"), max_length=40, blank=True)  # Destatis: Landkreis, …
    parent = models.ForeignKey("self", verbose_name=_("lies in"), null=True, blank=True,
                               on_delete=models.PROTECT, related_name="children")

    class Meta(Vocabulary.Meta):
        constraints = [models.UniqueConstraint(
            fields=["key"], condition=~models.Q(key=""), name="region_key_unique")]

    @property
    def label(self) -> str:
        translated = _REGION_LABELS.get(self.code)
        return str(translated) if translated is not None else self.name or self.code

    def clean(self):
        """Editors add municipalities only, each inside a district; the rest is shipped."""
        super().clean()
        if self.level != self.MUNICIPALITY:
            return
        if self.parent is None or self.parent.level != self.DISTRICT:
            raise ValidationError({"parent": _("A municipality lies in a district.")})
        if not self.name.strip():
            raise ValidationError({"name": _("Give the municipality's name.")})
        if self.key and not (len(self.key) == 8 and self.key.isdigit()
                             and self.key.startswith(self.parent.key)):
            raise ValidationError({"key": _(
                "The key of a municipality has 8 digits and starts with its district's "
                "key (%(key)s).") % {"key": self.parent.key}})
        if not self.code:
            self.code = self.key or slugify(f"{self.parent.key} {ascii_name(self.name)}")[:40]
        if Region.objects.filter(code=self.code).exclude(pk=self.pk).exists():
            raise ValidationError({"name": _("This municipality is there already.")})


_REGION_LABELS = dict(REGION_CHOICES)


class OrganisationType(Vocabulary):
    code = code_field(ORGANISATION_TYPE_CHOICES)


class SpokenLanguage(Vocabulary):
    code = code_field(SPOKEN_LANGUAGE_CHOICES, max_length=10)
