"""Partner folders (issue 15): pages written elsewhere import within the contract. The
translator's text is never lost, what the import could not take as it was is reported."""

import pytest
from wagtail.models import Locale

from cms.models import GuidePage
from funding.models import FundingProgrammePage
from tests.cms.partner_folder import FUNDING_DE, GUIDE_AR, GUIDE_DE, write
from tests.cms.test_import import run_import

pytestmark = pytest.mark.django_db


def arabic(slug):
    german = GuidePage.objects.get(locale__language_code="de", slug=slug)
    return german, german.get_translation(Locale.objects.get(language_code="ar"))


def body_text(page) -> str:
    return " ".join(str(block.render()) for block in page.body)


# --- paragraphs that do not line up ------------------------------------------------------
SIMPLE_DE = """---
type: guide
slug: kasse-pruefen
locale: de
title: Die Kasse prüfen
topic: vereinsarbeit
summary: Kurz.
---
Erster deutscher Absatz.

Zweiter deutscher Absatz.

:::tip
Ein deutscher Tipp.
:::
"""
SIMPLE_AR = """---
type: guide
slug: kasse-pruefen
locale: ar
translation_of: kasse-pruefen
title: فحص الصندوق
summary: قصير.
---
{paragraphs}

:::tip
نصيحة عربية.
:::
"""


@pytest.mark.parametrize("paragraphs", [
    "الفقرة العربية الأولى.\n\nالفقرة العربية الثانية.\n\nالفقرة العربية الثالثة.",  # one more
    "الفقرة العربية الأولى والثانية معا.",  # two merged into one
])
def test_a_translation_that_does_not_line_up_keeps_all_its_text(tmp_path, paragraphs):
    write(tmp_path, "kasse.de.md", SIMPLE_DE)
    write(tmp_path, "kasse.ar.md", SIMPLE_AR.format(paragraphs=paragraphs))
    ok, out, err = run_import(tmp_path)
    assert ok, err
    _german, page = arabic("kasse-pruefen")
    text = body_text(page)
    for paragraph in paragraphs.split("\n\n"):
        assert paragraph in text  # nothing of the translator's text dropped
    assert "deutsch" not in text  # nothing silently German
    assert "نصيحة عربية." in text  # the block that lines up is translated as before
    assert "kasse.ar.md: block 1 (text) needs a translator's look" in out
    assert "Import finished: 2 created" in out


# --- the partner folder as it came -------------------------------------------------------
def test_the_partner_folder_imports_with_title_headings_and_repeated_front_matter(tmp_path):
    write(tmp_path, "vorstand.de.md", GUIDE_DE)
    write(tmp_path, "vorstand.ar.md", GUIDE_AR)
    ok, out, err = run_import(tmp_path)
    assert ok, err
    assert "Import finished: 2 created, 0 updated, 0 failed." in out
    german, translated = arabic("vorstand-waehlen")
    assert german.title == "Den Vorstand wählen"
    assert "Den Vorstand wählen" not in body_text(german)  # the repeated heading is gone
    assert translated.title == "انتخاب مجلس الإدارة"
    assert "انتخاب مجلس الإدارة" not in body_text(translated)
    assert "warning" not in out.lower() and "differs" not in out  # equal values: silent


def test_a_heading_that_differs_from_the_title_is_reported_and_never_silently_lost(tmp_path):
    write(tmp_path, "vorstand.de.md", GUIDE_DE.replace("# Den Vorstand wählen",
                                                       "# Vorstandswahl leicht gemacht"))
    ok, out, err = run_import(tmp_path)
    assert ok, err
    assert ("vorstand.de.md: line 11: the heading '# Vorstandswahl leicht gemacht' differs "
            "from the title 'Den Vorstand wählen'; the title counts and the heading was "
            "dropped") in out
    german = GuidePage.objects.get(slug="vorstand-waehlen")
    assert german.title == "Den Vorstand wählen"
    assert "Vorstandswahl" not in body_text(german)


def test_a_heading_becomes_the_title_when_the_front_matter_has_none(tmp_path):
    write(tmp_path, "vorstand.de.md", GUIDE_DE.replace("title: Den Vorstand wählen\n", ""))
    ok, out, err = run_import(tmp_path)
    assert ok, err
    assert GuidePage.objects.get(slug="vorstand-waehlen").title == "Den Vorstand wählen"
    assert "heading" not in out


def test_a_translation_contradicting_its_source_is_reported_by_field(tmp_path):
    write(tmp_path, "vorstand.de.md", GUIDE_DE)
    write(tmp_path, "vorstand.ar.md", GUIDE_AR.replace("topic: vereinsarbeit", "topic: behoerden")
          .replace("last_reviewed: 2026-01-15", "last_reviewed: 2025-03-01"))
    ok, out, err = run_import(tmp_path)
    assert ok, err
    assert ("vorstand.ar.md: 'topic: behoerden' differs from the German source ('topic: "
            "vereinsarbeit'); the German source's value counts (ignored)") in out
    assert "'last_reviewed: 2025-03-01' differs from the German source" in out
    _german, translated = arabic("vorstand-waehlen")
    assert translated.get_parent().slug == "vereinsarbeit"  # the source wins
    assert str(translated.last_reviewed) == "2026-01-15"


@pytest.mark.parametrize(("region", "codes"), [
    ("bund", ["bundesweit"]),
    ("bundesweit", ["bundesweit"]),
    ("[sachsen, berlin]", ["berlin", "sachsen"]),
])
def test_funding_regions_nationwide_and_laender(tmp_path, region, codes):
    write(tmp_path, "fonds.de.md", FUNDING_DE.format(slug="fonds", region=region))
    ok, _out, err = run_import(tmp_path)
    assert ok, err
    page = FundingProgrammePage.objects.get(slug="fonds")
    assert sorted(r.code for r in page.regions.all()) == codes


@pytest.mark.parametrize(("region", "codes"), [
    ("leipzig", ["14713"]),
    ("[landkreis-leipzig, 14713]", ["14713", "14729"]),
    ("[Landkreis-Bautzen, sachsen, bund]", ["14625", "bundesweit", "sachsen"]),
    ("01001", ["01001"]),  # a key with a leading 0 stays text, not an octal number
    ("[11000]", ["berlin"]),  # Berlin is a Land and a Kreis in one
])
def test_funding_regions_down_to_the_district(tmp_path, region, codes):
    write(tmp_path, "fonds.de.md", FUNDING_DE.format(slug="fonds", region=region))
    ok, _out, err = run_import(tmp_path)
    assert ok, err
    page = FundingProgrammePage.objects.get(slug="fonds")
    assert sorted(r.code for r in page.regions.all()) == codes


@pytest.mark.parametrize(("region", "message"), [
    ("leipzg", "unknown region 'leipzg': did you mean 'leipzig' (Leipzig, Kreisfreie Stadt in "
               "sachsen, 14713), 'landkreis-leipzig' (Landkreis Leipzig, Landkreis in sachsen, "
               "14729)"),
    ("[frankfurt, bund]", "region 'frankfurt' is ambiguous: write 'frankfurt-am-main' "
                          "(Frankfurt am Main, Kreisfreie Stadt in hessen, 06412) or "
                          "'frankfurt-oder' (Frankfurt (Oder), Kreisfreie Stadt in brandenburg, "
                          "12053)"),
    ("atlantis", "unknown region 'atlantis': write a district's 5-digit key or name, 'bund' or "
                 "a Land: 'bundesweit' (bundesweit), 'baden-wuerttemberg'"),
    ("99999", "unknown region '99999'"),
])
def test_an_unknown_or_ambiguous_region_is_refused_with_the_candidates(tmp_path, region,
                                                                        message):
    write(tmp_path, "fonds.de.md", FUNDING_DE.format(slug="fonds", region=region))
    ok, _out, err = run_import(tmp_path)
    assert not ok
    assert f"fonds.de.md: {message}" in err
    assert not FundingProgrammePage.objects.filter(slug="fonds").exists()


# --- stars and numbers as authors type them ----------------------------------------------
def test_gender_stars_stay_stars_and_emphasis_still_works(tmp_path):
    write(tmp_path, "vorstand.de.md", GUIDE_DE.replace(
        "Der Vorstand vertritt", "`a*b` und [Link](https://example.org/a*b) und **Mitglied*er**"
        "\n\nDer Vorstand vertritt"))
    ok, _out, err = run_import(tmp_path)
    assert ok, err
    html = body_text(GuidePage.objects.get(slug="vorstand-waehlen"))
    assert "Migrant*innen und Partner*innen" in html
    assert "<i>wichtig</i>" in html and "<i>innen" not in html
    assert "<b>Mitglied*er</b>" in html
    assert "<code>a*b</code>" in html and 'href="https://example.org/a*b"' in html
    assert "\\*" not in html


def test_steps_that_carry_their_own_number_are_numbered_once(tmp_path):
    write(tmp_path, "vorstand.de.md", GUIDE_DE.replace(
        "### 2. Wahl durchführen\n", "### Wahl durchführen\n2. Geheim wählen.\n\n")
        + "\n1. 1. Satzung schreiben\n2. 2. Unterschreiben\n\n"
        + ":::steps\n### 7. Sieben\nText.\n:::\n")
    ok, _out, err = run_import(tmp_path)
    assert ok, err
    page = GuidePage.objects.get(slug="vorstand-waehlen")
    steps = [b.value for b in page.body if b.block_type == "steps"]
    assert [s["title"] for s in steps[0]["steps"]] == ["Einladung verschicken",
                                                       "Wahl durchführen"]
    assert str(steps[0]["steps"][1]["text"]).startswith("<p>Geheim wählen.</p>")
    assert steps[1]["steps"][0]["title"] == "7. Sieben"  # not its position: the author's words
    html = body_text(page)
    assert "<li>Satzung schreiben</li>" in html and "<ol>\n<li>1." not in html
