"""Admin report of frequent searches and of searches that found nothing, per language."""

import pytest
from django.contrib.auth.models import Group

from search.models import SearchLogEntry
from tests.admin_refusals import assert_permission_denied
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
URL = "/admin/reports/searches/"


@pytest.fixture
def logged():
    for _ in range(3):
        SearchLogEntry.record("satzung", "de", found=5)
    SearchLogEntry.record("kindergeld", "de", found=0)
    SearchLogEntry.record("статут", "uk", found=0)


def test_admin_sees_frequent_and_empty_searches_per_language(admin_client, logged):
    html = admin_client.get(URL, {"lang": "de"}).content.decode()
    frequent, empty = html.split('id="search-empty"')
    assert "satzung" in frequent and "<td>3</td>" in frequent
    assert "kindergeld" in empty and "satzung" not in empty
    assert "статут" not in html
    assert "статут" in admin_client.get(URL, {"lang": "uk"}).content.decode()


def test_bad_report_parameters_fall_back_to_defaults(admin_client, logged):
    assert admin_client.get(URL, {"lang": "xx", "days": "abc"}).status_code == 200


def test_editors_without_permission_cannot_see_it(client):
    editor = UserFactory(groups=["Editors"])
    assert Group.objects.filter(name="Editors").exists()
    client.force_login(editor)
    assert_permission_denied(client.get(URL))


def test_report_in_the_reports_menu(admin_client):
    assert URL in admin_client.get("/admin/").content.decode()


def test_prune_drops_old_entries(logged):
    import datetime

    SearchLogEntry.objects.filter(query_string="kindergeld").update(
        date=datetime.date(2000, 1, 1))
    assert SearchLogEntry.prune(days=90) == 1
    assert not SearchLogEntry.objects.filter(query_string="kindergeld").exists()


def test_prune_command(logged):
    import datetime
    from io import StringIO

    from django.core.management import call_command

    SearchLogEntry.objects.update(date=datetime.date(2000, 1, 1))
    out = StringIO()
    call_command("search_prune_log", stdout=out)
    assert "Deleted 3 search log entries" in out.getvalue()
