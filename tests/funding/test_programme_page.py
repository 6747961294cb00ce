"""A funding programme's page, its place below the funding topic and its editor."""

import datetime
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import formats, timezone
from wagtail.models import Page

from cms.models import GuidePage, HomePage, TopicPage
from funding.models import FundingProgrammePage
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_funding_page_shows_facts_and_example_notice(client):
    body = client.get("/de/foerdermittel/test-foerderung/").content.decode()
    assert "Beispielangaben" in body
    assert "500 bis 5.000 Euro" in body
    assert "10 %" in body
    assert "Berlin" in body
    assert 'href="https://www.example.org/foerderung"' in body


@pytest.mark.parametrize(("lang", "amount"), [("de", "500 bis 5.000 Euro"),
                                              ("en", "500 to 5,000 euros")])
def test_amounts_are_written_the_way_the_reader_writes_numbers(client, lang, amount):
    assert amount in client.get(f"/{lang}/foerdermittel/test-foerderung/").content.decode()


def test_funding_topic_lists_its_programmes_with_the_finder_link(client):
    body = client.get("/de/foerdermittel/").content.decode()
    section = body[body.index('<section aria-labelledby="programmes-heading">'):]
    assert '<h2 id="programmes-heading">Förderprogramme</h2>' in section
    assert 'href="/de/foerdermittel/test-foerderung/"' in section
    # under /ar/ the German programme, marked as German
    body = client.get("/ar/foerdermittel/").content.decode()
    assert 'href="/ar/foerdermittel/test-foerderung/" lang="de"' in body


def test_other_topics_list_no_programmes(client):
    body = client.get("/de/verein-gruenden/").content.decode()
    assert "programmes-heading" not in body


def test_programmes_live_below_topics_only():
    assert FundingProgrammePage.can_create_at(TopicPage.objects.first())
    for parent in (HomePage.objects.first(), GuidePage.objects.first(), Page.get_first_root_node()):
        assert not FundingProgrammePage.can_create_at(parent), parent
    assert {GuidePage, FundingProgrammePage} <= set(TopicPage.allowed_subpage_models())


def test_editor_opens_the_programme_in_the_admin(client):
    client.force_login(UserFactory(groups=["Editors"]))
    programme = FundingProgrammePage.objects.get(slug="test-foerderung")
    response = client.get(f"/admin/pages/{programme.pk}/edit/")
    assert response.status_code == 200
    assert "Testförderung Integration" in response.content.decode()
    topic = programme.get_parent()
    assert client.get(f"/admin/pages/add/funding/fundingprogrammepage/{topic.pk}/"
                      ).status_code == 200


# --- the parts of a programme's page (issue 16, item 3) -----------------------------------
PROGRAMME = """---
type: funding
slug: antrag-hilfe
locale: de
title: Fonds mit Checkliste
topic: foerdermittel
summary: Ein Fonds für Begegnungsprojekte.
funder: Stadt Beispiel
region: [sachsen]
deadline: 2027-03-31
last_checked: 2026-11-20
guides: [test-guide, zweiter-leitfaden]
amount_min: 500
amount_max: 5000
cofunding_percent: 10
eligible: [verein]
url: https://www.example.org/fonds
---
Der Fonds fördert Begegnungsprojekte.

:::checklist Unterlagen
- Kosten- und Finanzierungsplan
- Satzung
:::

:::contact Beratung zum Antrag
name: Förderbüro der Stadt
email: foerderung@example.org
phone: 0341 123456
:::
"""
PROGRAMME_AR = """---
type: funding
slug: antrag-hilfe
locale: ar
translation_of: antrag-hilfe
title: صندوق مع قائمة تحقق
summary: صندوق لمشاريع اللقاء.
---
يدعم الصندوق مشاريع اللقاء.

:::checklist الوثائق
- خطة التكاليف والتمويل (Kosten- und Finanzierungsplan)
- النظام الأساسي
:::

:::contact استشارة حول الطلب
name: مكتب التمويل في المدينة
email: foerderung@example.org
phone: 0341 123456
:::
"""
URL = "/{lang}/foerdermittel/antrag-hilfe/"


@pytest.fixture
def programme(tmp_path):
    from tests.cms.test_import import run_import

    (tmp_path / "antrag-hilfe.de.md").write_text(PROGRAMME, encoding="utf-8")
    (tmp_path / "antrag-hilfe.ar.md").write_text(PROGRAMME_AR, encoding="utf-8")
    ok, _out, err = run_import(tmp_path)
    assert ok, err
    return FundingProgrammePage.objects.get(slug="antrag-hilfe", locale__language_code="de")


def page_html(client, lang="de") -> str:
    response = client.get(URL.format(lang=lang))
    assert response.status_code == 200
    return response.content.decode()


def deadline_box(html) -> str:
    """The box's text, tags and runs of white space taken out."""
    box = re.search(r'<div class="deadline-box deadline-(\w+)">(.*?)</div>', html, re.S)
    return box.group(1), " ".join(re.sub(r"<[^>]+>", " ", box.group(2)).split())


def set_dates(programme, **dates):
    """In every language, as synchronizing the German page's dates would."""
    FundingProgrammePage.objects.filter(translation_key=programme.translation_key).update(**dates)


def test_the_deadline_is_the_first_fact_with_its_weekday_and_the_days_left(client, programme):
    today = timezone.localdate()
    deadline = today + datetime.timedelta(days=45)
    set_dates(programme, deadline=deadline)
    html = page_html(client)
    assert html.index('class="deadline-box') < html.index("Fördergeber")  # first of the facts
    state, text = deadline_box(html)
    weekday = formats.date_format(deadline, "l")
    assert (state, text) == ("open", f"Frist {weekday}, {formats.date_format(deadline)} "
                                     "noch 45 Tage")
    assert f'<time class="deadline-date" datetime="{deadline.isoformat()}">' in html


@pytest.mark.parametrize(("days", "status"), [(1, "noch 1 Tag (endet bald)"),
                                              (0, "Heute ist der letzte Tag")])
def test_a_deadline_close_by_says_so(client, programme, days, status):
    set_dates(programme, deadline=timezone.localdate() + datetime.timedelta(days=days))
    state, text = deadline_box(page_html(client))
    assert state == "soon"
    assert text.endswith(status)


def test_a_rolling_programme_says_apply_any_time(client, programme):
    set_dates(programme, deadline=None, next_round=datetime.date(2027, 5, 1))
    assert deadline_box(page_html(client)) == ("rolling", "Frist Antrag jederzeit möglich")


def test_a_passed_deadline_names_the_month_of_the_next_round(client, programme):
    today = timezone.localdate()
    set_dates(programme, deadline=today - datetime.timedelta(days=10),
              next_round=datetime.date(today.year + 1, 3, 15))
    state, text = deadline_box(page_html(client))
    assert state == "past"
    assert text.endswith(f"Frist vorbei Nächste Runde voraussichtlich im März {today.year + 1}")
    assert "archiviert" not in text


@pytest.mark.parametrize("next_round", [None, datetime.date(2020, 1, 1)])  # unknown, stale
def test_a_passed_deadline_without_a_next_round_archives_the_page(client, programme,
                                                                  next_round):
    set_dates(programme, deadline=datetime.date(2025, 6, 30), next_round=next_round)
    state, text = deadline_box(page_html(client))  # still reachable: 200
    assert state == "past"
    assert text == ("Frist Montag, 30. Juni 2025 Frist vorbei Keine nächste Runde bekannt. "
                    "Diese Seite ist archiviert und bleibt zum Nachlesen erhalten.")


def test_the_checklist_has_its_own_section_near_the_top_and_is_shown_once(client, programme):
    html = page_html(client)
    section = re.search(r'<section class="application-checklist".*?</section>\s*</section>',
                        html, re.S).group()
    assert '<h2 id="checklist-heading">Checkliste für Ihren Antrag</h2>' in section
    assert "<h3>Unterlagen</h3>" in section and "<li>Kosten- und Finanzierungsplan</li>" in section
    assert html.count("Kosten- und Finanzierungsplan") == 1
    assert html.index("checklist-heading") < html.index("Der Fonds fördert Begegnungsprojekte.")


def test_the_contact_and_the_last_check_stand_by_the_facts(client, programme):
    html = page_html(client)
    facts_end = html.index("</dl>")
    checked = html.index('<p class="meta last-checked">Zuletzt geprüft: '
                         '<time datetime="2026-11-20">20. November 2026</time></p>')
    contact = html.index('<aside class="contact"')
    assert facts_end < checked < contact < html.index('<div class="prose">')
    assert html.count("Förderbüro der Stadt") == 1
    assert 'href="mailto:foerderung@example.org"' in html


def test_no_last_check_no_line(client, programme):
    set_dates(programme, last_checked=None)
    assert "last-checked" not in page_html(client)


def guide_links(html):
    section = re.search(r'<section class="helpful-guides".*?</section>', html, re.S).group()
    return re.findall(r'<h3><a href="([^"]+)"([^>]*)>([^<]+)</a></h3>', section), section


def test_guides_that_help_link_the_readers_translation_or_the_german_guide(client, programme):
    links, section = guide_links(page_html(client))
    assert '<h2 id="guides-heading">Leitfäden, die beim Antrag helfen</h2>' in section
    assert links == [("/de/verein-gruenden/test-guide/", "", "Testleitfaden Vereinsgründung"),
                     ("/de/behoerden/zweiter-leitfaden/", "", "Zweiter Leitfaden Widerspruch")]
    links, section = guide_links(page_html(client, "ar"))
    assert links == [
        ("/ar/verein-gruenden/test-guide/", "", "دليل اختبار تأسيس الجمعية"),
        ("/ar/behoerden/zweiter-leitfaden/", ' lang="de" dir="ltr"',
         "Zweiter Leitfaden Widerspruch")]
    assert section.count('<p class="meta">بالألمانية</p>') == 1  # "in German", once


def test_without_guides_there_is_no_guides_section(client, programme):
    programme.guide_links.all().delete()
    assert "helpful-guides" not in page_html(client)


def test_an_arabic_reader_reads_the_parts_in_arabic_right_to_left(client, programme):
    set_dates(programme, deadline=timezone.localdate() + datetime.timedelta(days=45))
    html = page_html(client, "ar")
    assert '<article class="funding" lang="ar" dir="rtl">' in html
    state, text = deadline_box(html)
    assert state == "open"
    assert text.startswith("الموعد النهائي") and text.endswith("بقي 45 يومًا")  # "45 days left"
    assert "<li>خطة التكاليف والتمويل <bdi>(Kosten- und Finanzierungsplan)</bdi></li>" in html
    assert html.count("مكتب التمويل في المدينة") == 1


def test_printing_keeps_the_funders_address():
    """The print stylesheet hides buttons but the funder's link, whose address follows it."""
    css = (Path(settings.BASE_DIR) / "static" / "css" / "site.css").read_text()
    print_rules = " ".join(re.findall(r"@media print \{(.*?)\n\}", css, re.S))
    assert ".button" in print_rules
    assert 'a.button[rel~="external"] { display: inline !important;' in print_rules
    assert 'a.button[rel~="external"]::after { content: " (" attr(href) ")";' in print_rules


def test_the_funders_link_is_the_one_the_print_rule_keeps(client, programme):
    html = page_html(client)
    assert ('<a class="button" href="https://www.example.org/fonds" rel="external">'
            in html)
