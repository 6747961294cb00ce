"""Reports → Programmes to check (issue 16, item 6): programmes whose deadline passed or that
nobody checked for six months, only those the user may edit, oldest check first, exported as
CSV and XLSX."""

import csv
import datetime
import io

import pytest
from django.utils import timezone

from cms.models import TopicPage
from funding.checking import check_due_before, months_before
from funding.models import FundingProgrammePage
from tests.admin_refusals import assert_no_admin_access, assert_permission_denied
from tests.factories import UserFactory
from tests.partners import conftest as partners

# Two onboarded partners (sections /verein-gruenden/ and /behoerden/) and a user per role.
partner_a, partner_b, roles = partners.partner_a, partners.partner_b, partners.roles

pytestmark = pytest.mark.django_db

URL = "/admin/reports/funding-to-check/"
TODAY = timezone.localdate
DAY = datetime.timedelta(days=1)


def programme(topic, title, *, deadline=None, last_checked=None):
    parent = TopicPage.objects.get(slug=topic, locale__language_code="de")
    page = FundingProgrammePage(title=title, funder="Stiftung", amount_min=0, amount_max=100,
                                programme_url="https://example.org/", deadline=deadline,
                                last_checked=last_checked)
    parent.add_child(instance=page)
    return page


@pytest.fixture
def programmes(db):
    """The fixture site's programme checked today (not listed), and one of each kind."""
    today = TODAY()
    FundingProgrammePage.objects.update(last_checked=today)
    return {
        "never": programme("foerdermittel", "Nie geprüfter Fonds", deadline=today + 40 * DAY),
        "old": programme("foerdermittel", "Alter Fonds", last_checked=today - 400 * DAY),
        "passed": programme("foerdermittel", "Abgelaufener Fonds", deadline=today - DAY,
                            last_checked=today - 10 * DAY),
        "rolling": programme("foerdermittel", "Jederzeit-Fonds", last_checked=today - 10 * DAY),
        "today": programme("foerdermittel", "Heute-Fonds", deadline=today,
                           last_checked=today),
        "partner_a": programme("verein-gruenden", "Fonds von A", last_checked=today - 300 * DAY),
        "partner_b": programme("behoerden", "Fonds von B", deadline=today - 5 * DAY,
                               last_checked=today),
    }


def rows(client, query=""):
    """The report as CSV: its heading row, then one list per programme."""
    response = client.get(f"{URL}?export=csv{query}")
    assert response.status_code == 200
    text = b"".join(response.streaming_content).decode()
    return list(csv.reader(io.StringIO(text)))


def test_the_superuser_sees_every_programme_due_oldest_check_first(client, roles, programmes):
    client.force_login(roles.superuser)
    heading, *table = rows(client)
    assert heading == ["Programm", "Grund für die Prüfung", "Frist",
                       "Nächste Runde voraussichtlich", "Zuletzt geprüft", "Bereich",
                       "Zuständig", "Bearbeiten"]
    assert [(row[0], row[1]) for row in table] == [
        ("Nie geprüfter Fonds", "Nie geprüft"),
        ("Alter Fonds", "Seit sechs Monaten nicht geprüft"),
        ("Fonds von A", "Seit sechs Monaten nicht geprüft"),
        ("Abgelaufener Fonds", "Frist vorbei"),
        ("Fonds von B", "Frist vorbei"),
    ]
    by_title = {row[0]: row for row in table}
    passed = by_title["Abgelaufener Fonds"]
    assert passed[2] == (TODAY() - DAY).isoformat()
    assert passed[5:] == ["Fördermittel", "Zentrale Redaktion",
                          f"http://testserver/admin/pages/{programmes['passed'].pk}/edit/"]
    assert by_title["Fonds von A"][5:7] == ["Verein gründen", "Brücke Leipzig e. V."]
    assert by_title["Fonds von B"][6] == "Netzwerk Nord"


def test_the_page_lists_them_with_their_edit_links(client, roles, programmes):
    client.force_login(roles.central)
    response = client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Zu prüfende Förderprogramme" in html
    assert f'href="/admin/pages/{programmes["old"].pk}/edit/"' in html
    assert "Seit sechs Monaten nicht geprüft" in html
    for fresh in ("Jederzeit-Fonds", "Heute-Fonds", "Testförderung Integration"):
        assert fresh not in html


def test_a_partner_editor_sees_only_their_own_sections_programmes(client, roles, programmes):
    client.force_login(roles.editor_a)
    _heading, *table = rows(client)
    assert [row[0] for row in table] == ["Fonds von A"]
    html = client.get(URL).content.decode()
    assert "Fonds von A" in html
    assert "Fonds von B" not in html and "Alter Fonds" not in html
    client.force_login(roles.editor_b)
    assert [row[0] for row in rows(client)[1:]] == ["Fonds von B"]


def test_the_menu_offers_the_report_to_editors_only(client, roles, programmes):
    client.force_login(roles.editor_a)
    assert URL in client.get("/admin/").content.decode()
    client.force_login(roles.trainer)  # may use the admin, edits no page
    assert URL not in client.get("/admin/").content.decode()


def test_an_admin_user_who_edits_no_page_is_refused(client, roles):
    client.force_login(roles.trainer)
    assert_permission_denied(client.get(URL))


def test_a_signed_in_user_without_admin_access_is_sent_to_the_admin_login(client, roles):
    client.force_login(roles.learner)
    assert_no_admin_access(client.get(URL), URL)


def test_a_visitor_is_sent_to_the_admin_login(client):
    response = client.get(URL)
    assert (response.status_code, response["Location"]) == (302, f"/admin/login/?next={URL}")


def test_six_months_to_the_day_is_not_yet_due(client, programmes):
    today = TODAY()
    due = check_due_before(today)
    FundingProgrammePage.objects.filter(pk=programmes["old"].pk).update(last_checked=due)
    FundingProgrammePage.objects.filter(pk=programmes["partner_a"].pk).update(
        last_checked=due - DAY)
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    titles = [row[0] for row in rows(client)[1:]]
    assert "Alter Fonds" not in titles
    assert "Fonds von A" in titles


@pytest.mark.parametrize(("day", "six_months_before"), [
    (datetime.date(2026, 12, 6), datetime.date(2026, 6, 6)),
    (datetime.date(2026, 8, 31), datetime.date(2026, 2, 28)),  # February is shorter
    (datetime.date(2028, 8, 31), datetime.date(2028, 2, 29)),  # a leap year
    (datetime.date(2027, 3, 15), datetime.date(2026, 9, 15)),  # across the new year
])
def test_six_months_are_calendar_months(day, six_months_before):
    assert months_before(day, 6) == six_months_before


def test_a_passed_deadline_is_due_a_rolling_programme_and_todays_deadline_are_not(
        client, programmes):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    table = {row[0]: row[1] for row in rows(client)[1:]}
    assert table["Abgelaufener Fonds"] == "Frist vorbei"
    assert "Jederzeit-Fonds" not in table and "Heute-Fonds" not in table


def test_both_reasons_are_named(client, programmes):
    FundingProgrammePage.objects.filter(pk=programmes["passed"].pk).update(last_checked=None)
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    table = {row[0]: row[1] for row in rows(client)[1:]}
    assert table["Abgelaufener Fonds"] == "Frist vorbei, Nie geprüft"


def test_the_xlsx_export_has_the_same_rows(client, roles, programmes):
    from openpyxl import load_workbook

    client.force_login(roles.editor_a)
    response = client.get(f"{URL}?export=xlsx")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith(
        'attachment; filename="programmes-to-check-')
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert values[0][0] == "Programm"
    assert [row[0] for row in values[1:]] == ["Fonds von A"]
    assert values[1][4] == TODAY() - 300 * DAY  # a date cell, not text


def test_a_title_that_looks_like_a_formula_stays_text_in_the_csv(client, programmes):
    FundingProgrammePage.objects.filter(pk=programmes["old"].pk).update(
        title='=HYPERLINK("https://example.org")')
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    assert "'=HYPERLINK(\"https://example.org\")" in [row[0] for row in rows(client)[1:]]
