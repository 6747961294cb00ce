"""The funding keys of issue 16 in content files: next_round, last_checked and guides. Good
values set the fields and links, bad dates are refused with the key and the value, an unknown
guide is warned about and skipped, a translation contradicting its source is reported."""

import datetime

import pytest
from wagtail.models import Locale

from funding.models import FundingProgrammePage
from tests.cms.test_import import run_import

pytestmark = pytest.mark.django_db

PROGRAMME = """---
type: funding
slug: runden-fonds
locale: de
title: Rundenfonds
topic: foerdermittel
summary: Ein Fonds mit Runden.
funder: Stiftung Beispiel
region: [sachsen]
deadline: 2026-10-31
{extra}amount_min: 500
amount_max: 5000
cofunding_percent: 10
eligible: [verein]
url: https://example.org/fonds
---
Anträge zweimal im Jahr.
"""
KEYS = ("next_round: 2027-04-01\nlast_checked: 2026-11-20\n"
        "guides: [zweiter-leitfaden, test-guide]\n")
TRANSLATION = """---
type: funding
slug: runden-fonds
locale: ar
translation_of: runden-fonds
title: صندوق الجولات
summary: صندوق بجولات.
{extra}---
طلبات مرتين في السنة.
"""


def programme():
    return FundingProgrammePage.objects.get(slug="runden-fonds", locale__language_code="de")


def write(folder, extra=KEYS, translation=None):
    (folder / "fonds.de.md").write_text(PROGRAMME.format(extra=extra), encoding="utf-8")
    if translation is not None:
        (folder / "fonds.ar.md").write_text(TRANSLATION.format(extra=translation),
                                            encoding="utf-8")


def test_the_keys_set_the_dates_and_the_guides_in_their_order(tmp_path):
    write(tmp_path)
    ok, out, err = run_import(tmp_path)
    assert ok, err
    assert "warning" not in out.lower()
    page = programme()
    assert (page.next_round, page.last_checked) == (datetime.date(2027, 4, 1),
                                                    datetime.date(2026, 11, 20))
    assert [link.guide.slug for link in page.guide_links.all()] == ["zweiter-leitfaden",
                                                                     "test-guide"]
    assert {link.guide.locale.language_code for link in page.guide_links.all()} == {"de"}


def test_without_the_keys_the_fields_stay_empty(tmp_path):
    write(tmp_path, extra="")
    ok, _out, err = run_import(tmp_path)
    assert ok, err
    page = programme()
    assert (page.next_round, page.last_checked, page.guide_links.count()) == (None, None, 0)


def test_a_reimport_without_guides_keeps_nothing_stale(tmp_path):
    write(tmp_path)
    assert run_import(tmp_path)[0]
    write(tmp_path, extra="guides: [test-guide]\n")
    ok, _out, err = run_import(tmp_path)
    assert ok, err
    assert [link.guide.slug for link in programme().guide_links.all()] == ["test-guide"]


@pytest.mark.parametrize(("line", "message"), [
    # YAML itself reads 2027-13-01 as a date and fails: the line says which key it is
    ("next_round: 2027-13-01", "line 11: '2027-13-01' cannot be read as a date or number"),
    ("next_round: 1.4.2027", "'next_round' must be a date like 2026-11-01, not '1.4.2027'"),
    ("last_checked: gestern", "'last_checked' must be a date like 2026-11-01, not 'gestern'"),
    ("last_checked: 2026-11-20 10:30:00",
     "'last_checked' must be a date like 2026-11-01, without a time"),
    ("next_round: 20270401", "'next_round' must be a date like 2026-11-01, not a number"),
    ("guides: test-guide", "'guides' must be a list of text lines"),
    ("guides: [Kein Slug!]", "'guides' contains 'Kein Slug!', which is not a slug"),
])
def test_a_bad_value_is_refused_with_its_key_and_nothing_is_written(tmp_path, line, message):
    write(tmp_path, extra=line + "\n")
    ok, _out, err = run_import(tmp_path)
    assert not ok
    assert f"fonds.de.md: {message}" in err
    assert not FundingProgrammePage.objects.filter(slug="runden-fonds").exists()


def test_an_unknown_guide_is_warned_about_and_skipped(tmp_path):
    write(tmp_path, extra="guides: [gibt-es-nicht, test-guide]\n")
    ok, out, err = run_import(tmp_path)
    assert ok, err
    assert "guide in 'guides' 'gibt-es-nicht' does not exist (skipped)" in out
    assert [link.guide.slug for link in programme().guide_links.all()] == ["test-guide"]


def test_a_translation_repeating_the_keys_with_other_values_is_reported(tmp_path):
    write(tmp_path, translation=("next_round: 2027-06-01\nlast_checked: 2026-11-20\n"
                                 "guides: [test-guide]\n"))
    ok, out, err = run_import(tmp_path)
    assert ok, err
    assert ("fonds.ar.md: 'next_round: 2027-06-01' differs from the German source "
            "('next_round: 2027-04-01'); the German source's value counts (ignored)") in out
    assert ("'guides: [test-guide]' differs from the German source ('guides: "
            "[test-guide, zweiter-leitfaden]')") in out
    assert "last_checked" not in out  # the same value: silent
    arabic = programme().get_translation(Locale.objects.get(language_code="ar"))
    assert arabic.next_round == datetime.date(2027, 4, 1)  # the German value counts


def test_a_translation_repeating_the_same_values_is_silent(tmp_path):
    write(tmp_path, translation=KEYS.replace("zweiter-leitfaden, test-guide",
                                             "test-guide, zweiter-leitfaden"))
    ok, out, err = run_import(tmp_path)
    assert ok, err
    assert "differs" not in out
