"""Slugs made from German titles spell umlauts and ß as German does, in the admin's slug field
(Wagtail's w-slug controller, formatters applied before its transliteration) and on the server
(a page saved without a slug, an onboarded partner's section)."""

import json

import pytest
from django.urls import reverse

from cms.models import GuidePage
from cms.slugs import german_slugify

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("title", "slug"), [
    ("Gründung für Vereine", "gruendung-fuer-vereine"),
    ("Förderanträge: Eigenanteil & Fristen", "foerderantraege-eigenanteil-fristen"),
    ("Straße der Ämter", "strasse-der-aemter"),
    ("ÜBUNGSLEITERPAUSCHALE 2026", "uebungsleiterpauschale-2026"),
    ("Café Müßiggang", "cafe-muessiggang"),
])
def test_german_titles_make_german_slugs(title, slug):
    assert german_slugify(title) == slug


def test_a_page_saved_without_a_slug_gets_a_german_one(guide):
    page = GuidePage(title="Prüfung der Satzung durch das Gericht", locale=guide.locale,
                     body=[])
    guide.get_parent().add_child(instance=page)
    assert page.slug == "pruefung-der-satzung-durch-das-gericht"
    assert page.url.endswith("/pruefung-der-satzung-durch-das-gericht/")


def test_the_admin_slug_field_carries_the_german_spelling(admin_client, guide):
    page = admin_client.get(reverse("wagtailadmin_pages:add",
                                    args=["cms", "guidepage", guide.get_parent().pk]))
    html = page.content.decode()
    start = html.index('data-w-slug-formatters-value="') + len('data-w-slug-formatters-value="')
    formatters = json.loads(html[start:html.index('"', start)].replace("&quot;", '"'))
    replaced = {pattern[0]: spelt for pattern, spelt in formatters}
    assert replaced["ü"] == "ue" and replaced["ß"] == "ss" and replaced["Ä"] == "Ae"
