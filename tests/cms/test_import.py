"""manage.py import_content: translations linked through wagtail-localize, idempotent
re-imports, and bad files reported without writing anything."""

import shutil
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Locale, Page
from wagtail_localize.models import StringTranslation, Translation

from cms.models import GlossaryTerm, GuidePage
from tests.conftest import FIXTURE_CONTENT

pytestmark = pytest.mark.django_db

GOOD_GUIDE = """---
type: guide
slug: neuer-leitfaden
locale: de
title: Neuer Leitfaden
topic: vereinsarbeit
summary: Kurz.
---
Ein Absatz.
"""


def run_import(path):
    """(exit ok?, stdout, stderr) of the real command, with commit callbacks run as on a real
    commit (pytest-django's transaction never commits; documents are written on commit)."""
    from io import StringIO

    from django.test import TestCase

    out, err = StringIO(), StringIO()
    with TestCase.captureOnCommitCallbacks(execute=True):
        try:
            call_command("import_content", str(path), stdout=out, stderr=err)
            ok = True
        except CommandError as error:
            err.write(str(error))
            ok = False
    return ok, out.getvalue(), err.getvalue()


def snapshot():
    return (Page.objects.count(), GlossaryTerm.objects.count(),
            StringTranslation.objects.count())


def test_translation_is_linked_to_its_source_through_wagtail_localize(guide, arabic_guide):
    arabic = Locale.objects.get(language_code="ar")
    translation = Translation.objects.get(source__object_id=guide.translation_key,
                                          target_locale=arabic)
    assert translation.enabled
    total, done = translation.get_progress()
    assert total > 10 and done == total  # every paragraph of the source is translated
    assert arabic_guide.live and arabic_guide.title == "دليل اختبار تأسيس الجمعية"
    assert [b.block_type for b in arabic_guide.body] == [b.block_type for b in guide.body]


def test_glossary_translation_is_linked_too():
    german = GlossaryTerm.objects.get(locale__language_code="de", slug="satzung")
    arabic = german.get_translation(Locale.objects.get(language_code="ar"))
    assert arabic.term == "النظام الأساسي (Satzung)"
    assert Translation.objects.filter(source__object_id=german.translation_key).exists()


def test_reimport_updates_in_place_with_a_new_revision(guide):
    pages_before = Page.objects.count()
    revisions_before = guide.revisions.count()
    ids_before = [block.id for block in guide.body]
    ok, out, _err = run_import(FIXTURE_CONTENT)
    assert ok
    assert "0 created" in out and "0 failed" in out
    assert Page.objects.count() == pages_before
    guide.refresh_from_db()
    assert guide.revisions.count() == revisions_before + 1
    # block ids survive, so translations made in the admin stay attached
    assert [block.id for block in guide.body] == ids_before
    assert Translation.objects.filter(source__object_id=guide.translation_key).count() == 1


def test_changed_file_changes_the_page_and_its_translation_keeps_up(tmp_path, guide):
    folder = tmp_path / "content"
    shutil.copytree(FIXTURE_CONTENT, folder)
    source = folder / "guides" / "test-guide.de.md"
    source.write_text(source.read_text().replace("Testleitfaden Vereinsgründung",
                                                 "Neuer Titel"))
    ok, _out, _err = run_import(folder)
    assert ok
    guide.refresh_from_db()
    assert guide.title == "Neuer Titel"
    arabic = guide.get_translation(Locale.objects.get(language_code="ar"))
    assert arabic.title == "دليل اختبار تأسيس الجمعية"  # the translator's title is kept


def test_import_prints_a_summary(tmp_path):
    (tmp_path / "neu.de.md").write_text(GOOD_GUIDE)
    ok, out, _err = run_import(tmp_path)
    assert ok
    assert "Import finished: 1 created, 0 updated, 0 failed." in out
    page = GuidePage.objects.get(slug="neuer-leitfaden")
    assert page.live and page.get_parent().slug == "vereinsarbeit"


BAD_FILES = {
    "broken-yaml": ("---\ntype: guide\nslug: [unclosed\n---\nText\n", "not valid YAML"),
    "no-front-matter": ("Nur Text\n", "front matter"),
    "missing-key": (GOOD_GUIDE.replace("title: Neuer Leitfaden\n", ""), "missing key 'title'"),
    "unknown-topic": (GOOD_GUIDE.replace("topic: vereinsarbeit", "topic: kochen"),
                      "unknown topic 'kochen'"),
    "unknown-type": (GOOD_GUIDE.replace("type: guide", "type: recipe"), "unknown type"),
    "unknown-locale": (GOOD_GUIDE.replace("locale: de", "locale: xx"), "unknown locale 'xx'"),
    "orphan-translation": (
        "---\ntype: guide\nslug: gibt-es-nicht\nlocale: ar\ntranslation_of: gibt-es-nicht\n"
        "title: x\nsummary: y\n---\nنص\n", "German source"),
    "unclosed-block": (GOOD_GUIDE + "\n:::tip\nOffen\n", "not closed"),
    "unknown-block": (GOOD_GUIDE + "\n:::video\nx\n:::\n", "unknown block ':::video'"),
    "missing-document": (GOOD_GUIDE + "\n:::download Vorlage\nfile: documents/fehlt.txt\n:::\n",
                         "document 'documents/fehlt.txt' not found"),
    "bad-amounts": (
        "---\ntype: funding\nslug: f\nlocale: de\ntitle: F\nsummary: S\ntopic: foerdermittel\n"
        "funder: X\nregion: [mars]\namount_min: 10\namount_max: 5\ncofunding_percent: 0\n"
        "eligible: [verein]\nurl: https://example.org\n---\nText\n", "amount_min"),
}


@pytest.mark.parametrize("case", BAD_FILES)
def test_bad_file_is_reported_and_nothing_of_it_written_and_the_rest_imports(tmp_path, case):
    text, reason = BAD_FILES[case]
    (tmp_path / f"{case}.md").write_text(text)
    (tmp_path / "good.de.md").write_text(GOOD_GUIDE)
    pages, terms, strings = snapshot()

    ok, out, err = run_import(tmp_path)

    assert not ok  # non-zero exit
    assert f"{case}.md" in err and reason in err
    assert "1 created" in err and "1 failed" in err
    assert GuidePage.objects.filter(slug="neuer-leitfaden").exists()
    assert Page.objects.count() == pages + 1  # only the good file's page
    assert GlossaryTerm.objects.count() == terms


def test_failed_reimport_leaves_the_existing_page_as_it_was(tmp_path, guide):
    folder = tmp_path / "content"
    shutil.copytree(FIXTURE_CONTENT, folder)
    file = folder / "guides" / "test-guide.de.md"
    broken = file.read_text().replace("Testleitfaden Vereinsgründung", "Kaputt")
    file.write_text(broken + "\n:::tip\nOffen\n")
    revisions = guide.revisions.count()
    ok, _out, err = run_import(file)
    assert not ok and "not closed" in err
    guide.refresh_from_db()
    assert guide.title == "Testleitfaden Vereinsgründung"
    assert guide.revisions.count() == revisions


def test_missing_path_is_a_clear_error():
    ok, _out, err = run_import(Path("/nonexistent/folder"))
    assert not ok and "does not exist" in err
