"""Onboarding from the admin and an organisation's own history."""

import pytest
from wagtail.models import Page

from cms.models import GuidePage, Organisation
from tests.admin_refusals import assert_permission_denied

from .forms import guide_form

pytestmark = pytest.mark.django_db


def test_central_editor_onboards_a_partner_from_the_admin(client, roles):
    client.force_login(roles.central)
    assert client.get("/admin/partners/onboard/").status_code == 200
    response = client.post("/admin/partners/onboard/", {
        "name": "Beispiel-Integrationsbüro", "section": "/vereinsarbeit/",
        "languages": ["uk", "ru"]}, follow=True)
    assert response.status_code == 200
    org = Organisation.objects.get(name="Beispiel-Integrationsbüro")
    assert {loc.language_code for loc in org.translator_locales.all()} == {"ru", "uk"}
    assert "Beispiel-Integrationsbüro" in response.content.decode()


def test_bad_input_in_the_admin_shows_the_reason_and_writes_nothing(client, roles):
    client.force_login(roles.central)
    before = (Organisation.objects.count(), Page.objects.count())
    response = client.post("/admin/partners/onboard/", {
        "name": "Verein X", "section": "/gibt-es-nicht/", "languages": ["ar"]})
    assert response.status_code == 200
    assert "Es gibt keine deutsche Seite unter /gibt-es-nicht/." in response.content.decode()
    assert (Organisation.objects.count(), Page.objects.count()) == before


def test_editor_sees_own_section_history_only(client, roles, partner_a, partner_b):
    section_b_guide = GuidePage.objects.get(slug="zweiter-leitfaden", locale__language_code="de")
    section_b_guide.save_revision(user=roles.editor_b, log_action=True)
    client.force_login(roles.editor_a)
    section = partner_a.organisation.section
    client.post(f"/admin/pages/add/cms/guidepage/{section.pk}/",
                guide_form("Kassenprüfung", "kassenpruefung", action=None))

    response = client.get("/admin/partners/history/", follow=True)
    body = response.content.decode()
    assert response.status_code == 200
    assert "Kassenprüfung" in body
    assert "Zweiter Leitfaden" not in body
    assert_permission_denied(client.get(f"/admin/partners/{partner_b.organisation.pk}/history/"))


def test_translator_has_no_history_view(client, roles, partner_a):
    client.force_login(roles.translator_a)
    assert_permission_denied(client.get("/admin/partners/history/"))


def test_document_upload_and_snippet_edit_are_in_the_organisations_history(
        client, roles, partner_a, partner_b):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.test import Client

    client.force_login(roles.editor_a)
    client.post("/admin/documents/add/", {
        "title": "Kassenbericht Entwurf", "collection": partner_a.collection.pk,
        "file": SimpleUploadedFile("kassenbericht.txt", b"Inhalt")})
    other = Client()  # its own cookies: B's "document added" message is not shown to A
    other.force_login(roles.editor_b)
    other.post("/admin/documents/add/", {
        "title": "Protokoll Nord", "collection": partner_b.collection.pk,
        "file": SimpleUploadedFile("protokoll.txt", b"Inhalt")})

    client.force_login(roles.editor_a)
    body = client.get(f"/admin/partners/{partner_a.organisation.pk}/history/").content.decode()
    assert "Kassenbericht Entwurf" in body
    assert "Protokoll Nord" not in body
    assert "Partner aufgenommen" in body  # the onboarding itself (German admin)


def test_admin_menu_offers_each_role_only_its_own_tools(client, roles, partner_a):
    client.force_login(roles.editor_a)
    body = client.get("/admin/").content.decode()
    assert "Verlauf unseres Bereichs" in body and "Partner aufnehmen" not in body
    client.force_login(roles.central)
    body = client.get("/admin/").content.decode()
    assert "Partner aufnehmen" in body
    response = client.get("/admin/partners/history/")
    assert response.status_code == 302
    assert "/admin/snippets/cms/organisation/" in response["Location"]
