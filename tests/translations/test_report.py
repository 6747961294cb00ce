"""The admin report: every German page and translatable snippet with each language's state,
filterable, exportable.

The admin speaks German here (the default language): labels are asserted in German."""

import csv
import io

import pytest
from django.contrib.auth.models import Permission
from wagtail.models import Locale
from wagtail_localize.models import Translation, TranslationSource

from cms.models import GlossaryTerm, Organisation
from tests.admin_refusals import assert_no_admin_access
from tests.factories import UserFactory

from .conftest import group_with_page_permission, user_in

pytestmark = pytest.mark.django_db

URL = "/admin/reports/translation-state/"


def rows_of(response):
    """{German title: {language column: state}} from the CSV export."""
    reader = csv.DictReader(io.StringIO(response.getvalue().decode("utf-8")))
    return {row["Titel"]: row for row in reader}


def export(client, **params):
    response = client.get(URL, {**params, "export": "csv"})
    assert response.status_code == 200
    return rows_of(response)


def test_report_is_under_reports_and_lists_pages_with_each_language(admin_client, guide):
    page = admin_client.get(URL)
    assert page.status_code == 200
    html = page.content.decode()
    assert "Testleitfaden Vereinsgründung" in html
    for name in ("state", "language", "organisation"):  # the filters are offered
        assert f'name="{name}"' in html
    assert "/admin/reports/translation-state/" in admin_client.get("/admin/").content\
        .decode()
    rows = export(admin_client)
    assert rows["Testleitfaden Vereinsgründung"]["العربية"] == "aktuell"
    assert rows["Testleitfaden Vereinsgründung"]["English"] == "fehlt"
    assert rows["Zweiter Leitfaden Widerspruch"]["العربية"] == "fehlt"


def test_filter_by_state_after_a_change(admin_client, change_paragraph):
    assert "Testleitfaden Vereinsgründung" not in export(admin_client, state="out-of-date")
    change_paragraph()
    rows = export(admin_client, state="out-of-date")
    assert list(rows) == ["Testleitfaden Vereinsgründung"]
    assert rows["Testleitfaden Vereinsgründung"]["العربية"] == "veraltet"
    html = admin_client.get(URL, {"state": "out-of-date"}).content.decode()
    # the source is refreshed on publish, so the report already counts the changed text
    assert "veraltet (1 Text unübersetzt)" in html
    assert "Testleitfaden Vereinsgründung" in html


def test_filter_by_language_shows_only_that_column(admin_client):
    rows = export(admin_client, language="ar", state="up-to-date")
    assert "Testleitfaden Vereinsgründung" in rows
    assert set(rows["Testleitfaden Vereinsgründung"]) == {"Titel", "Typ", "Pfad", "العربية"}
    assert "Zweiter Leitfaden Widerspruch" not in rows  # its Arabic translation is missing


def test_filter_by_organisation_keeps_pages_of_its_section(admin_client, guide):
    section = guide.get_parent()
    organisation = Organisation.objects.create(name="Verein A", slug="verein-a",
                                               kind="network", section=section,
                                               locale=guide.locale)
    rows = export(admin_client, organisation=organisation.pk)
    assert "Testleitfaden Vereinsgründung" in rows
    assert all(row["Pfad"].startswith(section.url_path) for row in rows.values()
               if row["Typ"] == "Seite")
    assert "Testförderung Integration" not in rows  # lives under another topic


def test_partner_sees_only_pages_they_may_change(client, guide):
    group = group_with_page_permission("A Redaktion", guide.get_parent())
    client.force_login(user_in(group))
    rows = export(client)
    assert "Testleitfaden Vereinsgründung" in rows
    assert "Testförderung Integration" not in rows


def test_people_without_page_permissions_cannot_open_it(client):
    assert client.get(URL).status_code == 302  # anonymous: to the login
    assert "/login/" in client.get(URL)["Location"]
    client.force_login(UserFactory(is_staff=False))
    response = client.get(URL)
    assert_no_admin_access(response, URL)  # logged in, but no admin user


def test_xlsx_export_works(admin_client):
    response = admin_client.get(URL, {"export": "xlsx"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")


def german_term():
    return GlossaryTerm.objects.get(slug="satzung", locale__language_code="de")


def test_glossary_terms_are_listed_with_each_languages_state(admin_client):
    rows = export(admin_client)
    assert rows["Satzung"]["Typ"] == "Glossarbegriff"
    assert rows["Satzung"]["العربية"] == "aktuell"
    assert rows["Satzung"]["English"] == "fehlt"
    term = german_term()
    term.definition = "Die schriftlichen Regeln eines Vereins."
    term.save()  # saving a German snippet is its publication
    rows = export(admin_client, state="out-of-date")
    assert rows["Satzung"]["العربية"] == "veraltet"
    assert "Testleitfaden Vereinsgründung" not in rows  # its pages are still up to date
    html = admin_client.get(URL).content.decode()
    assert f'href="/admin/snippets/cms/glossaryterm/edit/{term.pk}/"' in html


def test_organisations_are_listed_and_the_type_filter_keeps_one_kind(admin_client, guide):
    german = Organisation.objects.create(name="Netzwerk Nord", slug="netzwerk-nord",
                                         kind="network", description="Wir beraten Vereine.",
                                         locale=guide.locale)
    source, _ = TranslationSource.get_or_create_from_instance(german)
    Translation.objects.create(source=source, target_locale=Locale.objects.get(
        language_code="ar")).save_target(publish=True)
    rows = export(admin_client, kind="cms.organisation")
    assert list(rows) == ["Netzwerk Nord"]
    # copied German text, nothing translated yet: readers would see German
    assert rows["Netzwerk Nord"]["العربية"] == "veraltet"
    assert rows["Netzwerk Nord"]["English"] == "fehlt"
    pages = export(admin_client, kind="page")
    assert "Testleitfaden Vereinsgründung" in pages
    assert "Satzung" not in pages and "Netzwerk Nord" not in pages


def test_organisation_filter_keeps_its_entry_and_the_terms_its_guides_use(admin_client, guide):
    section = guide.get_parent()
    own = Organisation.objects.create(name="Verein A", slug="verein-a", kind="network",
                                      section=section, locale=guide.locale)
    Organisation.objects.create(name="Verein B", slug="verein-b", kind="network",
                                locale=guide.locale)
    rows = export(admin_client, organisation=own.pk)
    assert "Verein A" in rows and "Verein B" not in rows
    assert "Satzung" in rows  # linked from the guide in its section
    assert "Testleitfaden Vereinsgründung" in rows
    assert "Testförderung Integration" not in rows


def test_snippets_only_for_those_who_may_change_them(client, guide):
    group = group_with_page_permission("A Übersetzung", guide.get_parent())
    client.force_login(user_in(group))
    rows = export(client)
    assert "Testleitfaden Vereinsgründung" in rows
    assert "Satzung" not in rows  # no glossary permission
    group.permissions.add(Permission.objects.get(codename="change_glossaryterm"))
    assert "Satzung" in export(client)


@pytest.mark.parametrize("params", [{"state": "bogus"}, {"organisation": "abc"},
                                    {"language": "xx"}, {"p": "999"}, {"kind": "auth.user"}])
def test_bad_filter_values_are_no_server_error(admin_client, params):
    response = admin_client.get(URL, params)
    assert response.status_code == 200
