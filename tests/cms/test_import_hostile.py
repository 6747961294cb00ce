"""manage.py import_content against hostile files: real files (and real symbolic links) in
tmp_path, the real command. A refused file is named with a reason, nothing of it is written
(pages, terms, documents, stored files, the existing guide), a good file next to it still
imports and the run exits non-zero. Files that are accepted (and cleaned) are
test_import_cleaned.py's."""

import json
import os
from dataclasses import dataclass

import pytest
from django.conf import settings
from wagtail.documents import get_document_model
from wagtail.models import Page

from cms.importer import service
from cms.models import GlossaryTerm, GuidePage
from tests.cms.hostile_content import (
    GOOD_SLUG,
    SECRET,
    contact,
    content_folder,
    deadline,
    download,
    funding,
    guide,
    stored_files,
)
from tests.cms.test_import import run_import

pytestmark = pytest.mark.django_db


@pytest.fixture
def content(tmp_path):
    return content_folder(tmp_path)


def state():
    existing = GuidePage.objects.get(locale__language_code="de", slug="test-guide")
    return {
        "pages": Page.objects.count(),
        "terms": GlossaryTerm.objects.count(),
        "documents": get_document_model().objects.count(),
        "files": stored_files(),
        "existing guide": (existing.title, json.dumps(list(existing.body.raw_data)),
                           existing.get_parent().pk, existing.revisions.count()),
    }


def assert_refused(content, name, reason):
    before = state()
    with deadline():
        ok, out, err = run_import(content)
    assert not ok, out  # the command exits non-zero
    assert f"{name}: " in err, err
    assert reason in err, err
    assert GuidePage.objects.get(slug=GOOD_SLUG).live  # the good file still imported
    after = state()
    assert after["pages"] == before["pages"] + 1  # only the good file's page
    for key in ("terms", "documents", "files", "existing guide"):
        assert after[key] == before[key], key
    assert SECRET not in out + err
    return err


@dataclass
class Hostile:
    text: str | bytes
    reason: str
    name: str = "bad.md"


def surrogate_body():
    return guide().encode() + b"Kaputt: \xed\xa0\x80 hier.\n"


ALIAS_BOMB = ("---\ntype: guide\nslug: bombe\nlocale: de\ntopic: vereinsarbeit\nsummary: x\n"
              "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
              + "".join(f"{b}: &{b} [*{a}, *{a}, *{a}, *{a}, *{a}, *{a}, *{a}, *{a}, *{a}]\n"
                        for a, b in zip("abcdefgh", "bcdefghi", strict=True))
              + "title: *i\n---\nText\n")

HOSTILE = {
    # documents: nothing outside the content folder, no links, only document types and sizes
    "document-proc-self-environ": Hostile(download("proc/self/environ"),
                                          "the document 'proc/self/environ' has no file extension"),
    "document-etc-passwd": Hostile(download("etc/passwd"),
                                   "the document 'etc/passwd' has no file extension"),
    "document-absolute-path": Hostile(download("/etc/passwd"), "must be relative"),
    "document-dot-dot": Hostile(download("../secret.txt"), "may not contain '..'"),
    "document-in-a-parent-folder": Hostile(download("secret.txt"),
                                           "the document 'secret.txt' not found in the content "
                                           "folder"),
    "document-forbidden-extension": Hostile(download("documents/vorlage.sh"),
                                            "'.sh' files are not accepted"),
    "document-backslash": Hostile(download("documents\\vorlage.txt"), "use '/'"),
    # raw HTML and links that are refused rather than cleaned
    "contact-url-javascript": Hostile(contact(url="javascript:alert(1)"),
                                      "'url' must be a web address"),
    "contact-url-data": Hostile(contact(url="data:text/html,<script>alert(1)</script>"),
                                "'url' must be a web address"),
    "contact-email-garbage": Hostile(contact(email='x" onmouseover="alert(1)'),
                                     "'email' is not an e-mail address"),
    "funding-url-javascript": Hostile(funding(url="javascript:alert(1)//https://"),
                                      "'url' must be a web address"),
    "funding-url-without-host": Hostile(funding(url="https://"), "'url' must be a web address"),
    # YAML
    "yaml-alias-bomb": Hostile(ALIAS_BOMB, "line 7: YAML anchors and aliases"),
    "yaml-anchor": Hostile(guide(extra="related: &r [a]\n"), "YAML anchors and aliases"),
    "yaml-python-object": Hostile(
        guide(extra="glossary: !!python/object/apply:os.system ['echo pwned']\n"),
        "YAML tags (!!python/object/apply:os.system) are not allowed"),
    "yaml-binary-tag": Hostile(guide().replace("summary: Kurz.", "summary: !!binary aGFsbG8="),
                               "YAML tags"),
    "yaml-duplicate-key": Hostile(guide(extra="title: Zweiter Titel\n"),
                                  "line 8: the key 'title' appears twice (first on line 5)"),
    "yaml-key-not-a-word": Hostile(guide(extra="? [a, b]\n: c\n"), "keys must be words"),
    "yaml-merge-key": Hostile(guide(extra="<<: {title: x}\n"), "keys must be words"),
    "yaml-nested-lists": Hostile(guide(extra="related: [[a, [b]]]\n"), "inside a list"),
    "yaml-impossible-date": Hostile(guide(extra="last_reviewed: 2026-13-45\n"),
                                    "'2026-13-45' cannot be read as a date or number"),
    "yaml-date-with-time": Hostile(guide(extra="last_reviewed: 2026-01-01 10:00:00\n"),
                                   "without a time"),
    "yaml-5000-digit-number": Hostile(funding(amount_max="9" * 5000), "cannot be read"),
    "yaml-lone-surrogate-escape": Hostile(guide().replace("summary: Kurz.", 'summary: "\\ud800"'),
                                          "line 7: a lone surrogate (U+D800"),
    "yaml-nul-escape": Hostile(guide().replace("summary: Kurz.", 'summary: "a\\0b"'),
                               "line 7: a NUL character"),
    "title-is-a-list": Hostile(guide().replace("title: Ein Leitfaden", "title: [a, b]"),
                               "'title' must be text, not a list"),
    "title-is-a-mapping": Hostile(guide().replace("title: Ein Leitfaden", "title: {a: b}"),
                                  "'title' must be text, not a set of 'key: value' lines"),
    "type-is-a-list": Hostile(guide().replace("type: guide", "type: [guide]"),
                              "'type' must be text, not a list"),
    # characters and encodings
    "nul-in-body": Hostile(guide(body="Ein\x00Absatz.\n"), "line 9: a NUL character (U+0000)"),
    "escape-character-in-title": Hostile(guide().replace("Ein Leitfaden", "Ein \x1b[31mRot"),
                                         "line 5: a control character (U+001B)"),
    "lone-surrogate-bytes": Hostile(surrogate_body(), "not UTF-8 text (line 10: bytes ED A0 80"),
    "latin-1-file": Hostile(guide(body="Gebühr\n").encode("latin-1"),
                            "not UTF-8 text (line 9: bytes FC"),
    # sizes and numbers
    "slug-300-characters": Hostile(guide(slug="a" * 300), "'slug' has 300 characters; at most 80"),
    "slug-uppercase": Hostile(guide(slug="Gross"), "may only contain a-z"),
    "amount-10-to-the-30": Hostile(funding(amount_max=10**30),
                                   "'amount_max' must be at most 2,147,483,647"),
    "amount-negative": Hostile(funding(amount_min=-1), "'amount_min' must be a whole number of 0"),
    "amount-float": Hostile(funding(amount_min=500.5), "must be a whole number, not a decimal"),
    "amount-boolean": Hostile(funding(amount_min="true"), "must be a whole number, not true/false"),
    "amount-text": Hostile(funding(amount_min='"500"'), "must be a whole number, not text"),
    "cofunding-over-100": Hostile(funding(cofunding_percent=101), "between 0 and 100"),
    "summary-over-limit": Hostile(guide().replace("summary: Kurz.", "summary: " + "x" * 401),
                                  "'summary' has 401 characters; at most 400"),
    "summary-50-mb": Hostile(guide().replace("summary: Kurz.", "summary: " + "x" * 50_000_000),
                             "the file has 50,000,119 bytes; at most 256 KB (262,144 bytes)"),
    "title-over-limit": Hostile(guide().replace("Ein Leitfaden", "T" * 121),
                                "'title' has 121 characters; at most 120"),
    "funder-over-limit": Hostile(funding(funder="F" * 201),
                                 "'funder' has 201 characters; at most 200"),
    "file-over-limit": Hostile(guide(body=("Wort " * 100 + "\n\n") * 600),
                               "the file has 301,31"),
    "front-matter-over-limit": Hostile(guide(extra="# " + "x" * 16_000 + "\n"),
                                       "the front matter has 16,"),
    "too-many-lines": Hostile(guide(body="x\n\n" * 5_001), "lines; at most 10,000"),
    "paragraph-over-limit": Hostile(guide(body=("x" * 99 + "\n") * 51),
                                    "line 9: the paragraph starting here has more than 5,000 "
                                    "characters"),
    "line-over-limit": Hostile(guide(body="Text\n\n" + "x" * 10_001 + "\n"),
                               "line 11: the paragraph starting here has more than 5,000"),
    "list-10000-items": Hostile(guide(body="- Punkt\n" * 10_000),
                                "line 109: more than 100 list items in a row"),
    "front-matter-list-2000": Hostile(guide(extra="related: [" + "a, " * 2_000 + "a]\n"),
                                      "'related' has 2,001 entries; at most 10"),
    "checklist-101-items": Hostile(guide(body=":::checklist\n" + "- Punkt\nText\n" * 101 + ":::\n"),
                                   "has 101 items; at most 100"),
    # Markdown that Python-Markdown cannot handle quickly or without recursion
    "nested-list-markers": Hostile(guide(body="- " * 500 + "tief\n"),
                                   "line 9: lists and quotes nest 500 levels deep"),
    "nested-numbered-lists": Hostile(guide(body="1. " * 500 + "tief\n"), "nest 500 levels"),
    "nested-list-indent": Hostile(guide(body="".join("    " * i + "- x\n" for i in range(8))),
                                  "line 13: lists and quotes nest 5 levels deep"),
    "nested-quotes": Hostile(guide(body=">" * 2000 + " tief\n"), "nest 2000 levels"),
    "unclosed-brackets": Hostile(guide(body="[" * 4000 + "\n"), "square brackets nest"),
    "unclosed-bracket": Hostile(guide(body="Text [ohne Ende\n\nNeuer Absatz.\n"),
                                "line 9: '[' is not closed by ']' in its paragraph"),
    "unclosed-link-targets": Hostile(guide(body="[a](" * 1000 + "\n"),
                                     "must end with ')' on the same line"),
    "link-title-quotes": Hostile(guide(body='[a](https://x.de "titel")\n'),
                                 "may not contain quotes"),
    "unclosed-script": Hostile(guide(body="Text <script>\n\nDer Rest.\n"),
                               "line 9: <script> is not closed by </script>"),
    "unclosed-html-tags": Hostile(guide(body="<a " * 3000 + "\n"), "not a complete tag"),
    "cdata": Hostile(guide(body="<![CDATA[ x ]]>\n"), "not a complete tag"),
    "unclosed-html-comment": Hostile(guide(body="Text <!-- offen\n"), "must end with '-->'"),
    "too-many-html-tags": Hostile(guide(body="<b>x</b> " * 101 + "\n"), "more than 200 HTML tags"),
    "deeply-nested-formatting": Hostile(guide(body="*a " * 30 + "b" + " c*" * 30 + "\n"),
                                        "formatting nests"),
    "heading-of-hashes": Hostile(guide(body="## " + "#" * 4000 + "\n"), "the heading is empty"),
    "heading-over-limit": Hostile(guide(body="## " + "Ü" * 201 + "\n"),
                                  "the heading has 201 characters"),
    # the file itself
    "empty-file": Hostile("", "does not start with front matter"),
    "front-matter-only": Hostile(guide(body=""), "the body is empty"),
    "front-matter-not-closed": Hostile("---\ntype: guide\n" + "x: y\n" * 10, "front matter"),
}


@pytest.mark.parametrize("kind", HOSTILE)
def test_hostile_file_is_refused_and_nothing_of_it_written(content, kind):
    case = HOSTILE[kind]
    bad = content / case.name
    if isinstance(case.text, bytes):
        bad.write_bytes(case.text)
    else:
        bad.write_text(case.text, encoding="utf-8", errors="surrogatepass")
    assert_refused(content, case.name, case.reason)


def test_oversized_document_is_refused_without_reading_it(content):
    limit = settings.WAGTAILDOCS_MAX_UPLOAD_SIZE
    with (content / "documents" / "gross.pdf").open("wb") as file:
        file.truncate(limit + 1)  # sparse: the size is what counts
    (content / "bad.md").write_text(download("documents/gross.pdf"))
    assert_refused(content, "bad.md", f"has {limit + 1:,} bytes; at most 10 MB")


def test_symlinked_document_is_refused_even_when_it_points_inside(content):
    os.symlink("/etc/passwd", content / "documents" / "passwort.txt")
    os.symlink(content / "documents" / "vorlage.txt", content / "documents" / "innen.txt")
    (content / "bad.md").write_text(download("documents/passwort.txt"))
    (content / "also-bad.md").write_text(download("documents/innen.txt").replace(
        "fremder-leitfaden", "noch-einer"))
    err = assert_refused(content, "bad.md", "the document 'documents/passwort.txt' is a "
                                            "symbolic link")
    assert "also-bad.md: line 11: the document 'documents/innen.txt' is a symbolic link" in err


def test_document_in_a_symlinked_folder_is_refused(content):
    os.symlink(content / "documents", content / "verknuepft")
    (content / "bad.md").write_text(download("verknuepft/vorlage.txt"))
    err = assert_refused(content, "bad.md", "the folder 'verknuepft' is a symbolic link")
    assert "verknuepft: a symbolic link to a folder; the import follows no symbolic links" in err


def test_fifo_named_like_a_document_is_refused_without_hanging(content):
    os.mkfifo(content / "documents" / "rohr.txt")
    (content / "bad.md").write_text(download("documents/rohr.txt"))
    assert_refused(content, "bad.md", "the document 'documents/rohr.txt' is not a regular file")


def test_symlinked_content_file_is_refused(content, tmp_path):
    (tmp_path / "outside.md").write_text(guide())
    os.symlink(tmp_path / "outside.md", content / "bad.md")
    os.symlink("/etc/passwd", content / "passwd.md")
    err = assert_refused(content, "bad.md", "the file is a symbolic link")
    assert "passwd.md: the file is a symbolic link" in err
    assert "root:" not in err


def test_symlinked_content_folder_is_not_followed(content, tmp_path):
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "guide.de.md").write_text(guide())
    os.symlink(tmp_path / "elsewhere", content / "linked")
    assert_refused(content, "linked", "a symbolic link to a folder")
    assert not GuidePage.objects.filter(slug="fremder-leitfaden").exists()


def test_folder_named_like_a_markdown_file_is_reported(content):
    (content / "bad.md").mkdir()
    assert_refused(content, "bad.md", "a folder, not a Markdown file")


def test_fifo_named_like_a_content_file_is_refused_without_hanging(content):
    os.mkfifo(content / "bad.md")
    assert_refused(content, "bad.md", "the file is not a regular file")


def test_slug_of_a_guide_under_another_topic_is_refused_not_moved(content):
    (content / "bad.md").write_text(guide(slug="test-guide", topic="foerdermittel",
                                          body="Überschrieben.\n"))
    err = assert_refused(content, "bad.md", "the slug 'test-guide' already belongs to the guide "
                                            "'Testleitfaden Vereinsgründung'")
    assert "give this file another slug" in err and "set 'topic: verein-gruenden'" in err


def test_two_files_with_one_slug_the_second_is_refused_naming_the_first(content):
    (content / "a.de.md").write_text(guide(body="Erste Fassung.\n"))
    (content / "b.de.md").write_text(guide(body="Zweite Fassung.\n:::download Vorlage\n"
                                                "file: documents/neu.txt\n:::\n"))
    (content / "documents" / "neu.txt").write_text("Nur von b.\n")
    before = state()
    ok, _out, err = run_import(content)
    assert not ok
    assert ("b.de.md: the guide slug 'fremder-leitfaden' (locale de) is already used by a.de.md "
            "in this import") in err
    page = GuidePage.objects.get(slug="fremder-leitfaden")
    assert "Erste Fassung" in json.dumps(list(page.body.raw_data))
    after = state()
    assert after["documents"] == before["documents"]  # b's document was rolled back …
    assert after["files"] == before["files"]  # … and its bytes never stored


def test_two_translations_of_one_source_into_one_language(content):
    translation = ("---\ntype: guide\nslug: test-guide\nlocale: ar\ntranslation_of: test-guide\n"
                   "title: {}\nsummary: ملخص\n---\nنص\n")
    (content / "a.ar.md").write_text(translation.format("الأول"))
    (content / "b.ar.md").write_text(translation.format("الثاني"))
    ok, _out, err = run_import(content)
    assert not ok
    assert "b.ar.md: the guide slug 'test-guide' (locale ar) is already used by a.ar.md" in err


def test_an_unexpected_error_in_one_file_is_reported_and_the_others_import(content, monkeypatch):
    real = service.Writer.fill_page

    def buggy(self, page):
        if self.content.slug == "fremder-leitfaden":
            raise RuntimeError("a bug in the importer")
        return real(self, page)

    monkeypatch.setattr(service.Writer, "fill_page", buggy)
    (content / "bad.md").write_text(guide())
    assert_refused(content, "bad.md", "could not be imported: RuntimeError: a bug in the importer")


def test_hostile_file_given_alone_is_refused(content):
    (content / "bad.md").write_text(download("../secret.txt"))
    ok, _out, err = run_import(content / "bad.md")
    assert not ok and "bad.md: line 11: the document '../secret.txt'" in err
