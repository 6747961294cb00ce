"""manage.py import_content against files it accepts though they once hurt: long runs of
spaces (linear time now), active HTML (removed, the text kept, the author told: the script,
handler or link is gone from the database, the page and the API), and documents, stored only
when the file's transaction commits. Real files in tmp_path, the real command."""

import json
import re
from dataclasses import dataclass
from io import StringIO

import pytest
from django.core.files.storage import default_storage
from django.core.management import call_command
from wagtail.documents import get_document_model
from wagtail.models import Page

from cms.models import GlossaryTerm, GuidePage
from tests.cms.hostile_content import content_folder, deadline, download, guide, stored_files
from tests.cms.test_import import run_import

pytestmark = pytest.mark.django_db


@pytest.fixture
def content(tmp_path):
    return content_folder(tmp_path)


# --- accepted: runs of spaces before more text made the old patterns backtrack ---------------
SPACES = " " * 4_900  # a heading line stays under the paragraph limit; the old pattern: 22 s
LONG_SPACES = " " * 100_000  # for lines that never reach Markdown; the old patterns: quadratic
WHITESPACE = {
    "heading-spaces-then-text": ("## Abschnitt" + SPACES + "Ende\n\nText.\n", "heading",
                                 '"Abschnitt Ende"'),
    "question-spaces-then-text": (":::faq\n### Wie" + SPACES + "lange?\nEine Woche.\n:::\n",
                                  "faq", '"question": "Wie lange?"'),
    "step-title-spaces-then-text": (":::steps\n### Schritt" + SPACES + "eins\nTun.\n:::\n",
                                    "steps", '"title": "Schritt eins"'),
    "block-title-spaces-then-text": (":::tip Titel" + LONG_SPACES + "zwei\nText.\n:::\n",
                                     "tip", '"title": "Titel zwei"'),
    "checklist-item-only-spaces": (":::checklist\n- Punkt\n-" + LONG_SPACES + "\n:::\n",
                                   "checklist", '"value": "Punkt"'),
    "contact-value-spaces-then-text": (":::contact Hilfe\nname: Amt" + LONG_SPACES + "Berlin\n"
                                       ":::\n", "contact", '"name": "Amt Berlin"'),
    "line-of-hashes": ("#" * 4_900 + "\n\nText.\n", "text", "Text."),
}


@pytest.mark.parametrize("kind", WHITESPACE)
def test_long_runs_of_spaces_import_in_linear_time(content, kind):
    body, block_type, expected = WHITESPACE[kind]
    (content / "spaces.md").write_text(guide(body=body))
    with deadline(20):
        ok, _out, err = run_import(content)
    assert ok, err
    page = GuidePage.objects.get(slug="fremder-leitfaden")
    blocks = [b for b in page.body.raw_data if b["type"] == block_type]
    value = json.dumps(blocks[0]["value"], ensure_ascii=False)
    assert expected in value and "  " not in value


# --- accepted and cleaned: the text stays, the active parts go ---------------------------
@dataclass
class Cleaned:
    body: str
    kept: str
    gone: tuple[str, ...]
    warning: str


CLEANED = {
    "script": Cleaned("Vorher <script>alert('xss')</script> nachher.", "nachher.",
                      ("<script", "alert("), "the HTML tag <script> with its content (line 9)"),
    "iframe": Cleaned('<iframe src="https://evil.example/"></iframe>Rahmentext', "Rahmentext",
                      ("<iframe", "evil.example"), "the HTML tag <iframe>"),
    "event-handler": Cleaned('<b onclick="alert(2)">Fett</b> gedruckt', "<b>Fett</b>",
                             ("onclick", "alert(2)"), "the attribute 'onclick' of <b> (line 9)"),
    "markdown-javascript-link": Cleaned("[Klick mich](javascript:alert(3))", "Klick mich",
                                        ("javascript:",),
                                        "the link target 'javascript:alert(3)'"),
    "raw-javascript-link": Cleaned('<a href="javascript:alert(4)">Roh</a>', "Roh",
                                   ("javascript:",), "the link target 'javascript:alert(4)'"),
    "data-url-link": Cleaned("[Daten](data:text/html;base64,PHNjcmlwdD4=)", "Daten",
                             ("data:text",), "the link target 'data:text/html"),
    "entity-hidden-scheme": Cleaned('<a href="jav&#x09;ascript:alert(5)">Versteckt</a>',
                                    "Versteckt", ("alert(5)",), "the link target"),
    "img-onerror": Cleaned('<img src="x" onerror="alert(6)"> Bildtext', "Bildtext",
                           ("<img", "onerror"), "the HTML tag <img>"),
    "svg-onload": Cleaned('<svg onload="alert(7)"><circle/></svg>Grafik', "Grafik",
                          ("<svg", "onload"), "the HTML tag <svg> with its content"),
    "style-attribute": Cleaned('<span style="color:red">Stil</span>', "Stil", ("style=",),
                               "the attribute 'style' of <span>"),
    "script-in-a-tip": Cleaned(":::tip\nTipptext <script>alert(9)</script>\n:::", "Tipptext",
                               ("alert(9)",),
                               "the HTML tag <script> with its content (line 10)"),
    "autolink-javascript": Cleaned("<javascript://example.org/%0aalert(10)>", "example.org",
                                   ('href="javascript',), "the link target 'javascript://"),
    "html-comment": Cleaned("Text <!-- geheim --> sichtbar", "sichtbar", ("geheim",),
                            "an HTML comment"),
    "form": Cleaned('<form action="https://evil.example"><input name="x"></form>Formular',
                    "Formular", ("<form", "<input"), "the HTML tag <form>"),
}


@pytest.mark.parametrize("kind", CLEANED)
def test_active_html_is_removed_the_text_kept_and_the_author_told(content, client, kind):
    case = CLEANED[kind]
    (content / "cleaned.md").write_text(guide(body=case.body + "\n"))
    ok, out, err = run_import(content)
    assert ok, err
    assert f"cleaned.md: cleaned: removed {case.warning}" in out
    page = GuidePage.objects.get(slug="fremder-leitfaden")
    stored = json.dumps(list(page.body.raw_data), ensure_ascii=False)
    response = client.get(page.url)
    assert response.status_code == 200
    html = re.search(r"<article.*</article>", response.content.decode(), re.DOTALL).group()
    api = client.get(f"/api/v2/pages/{page.pk}/").content.decode()
    for where, text in (("database", stored), ("page", html), ("API", api)):
        assert json.dumps(case.kept)[1:-1] in text or case.kept in text, where
        for needle in case.gone:
            assert needle not in text, (where, needle)


def test_glossary_and_topic_bodies_are_cleaned_too(content):
    (content / "term.md").write_text("---\ntype: glossary\nslug: neuer-begriff\nlocale: de\n"
                                     "title: Begriff\nsummary: Kurz.\n---\n"
                                     "Erklärt <script>alert(1)</script> gut.\n")
    (content / "topic.md").write_text("---\ntype: topic\nslug: vereinsarbeit\nlocale: de\n"
                                      "title: Vereinsarbeit\n---\n"
                                      '<a href="javascript:alert(2)">Thema</a>\n')
    ok, out, err = run_import(content)
    assert ok, err
    term = GlossaryTerm.objects.get(slug="neuer-begriff")
    assert "gut." in term.body and "script" not in term.body
    assert "topic.md: cleaned: removed the link target 'javascript:alert(2)'" in out
    topic = Page.objects.get(locale__language_code="de", slug="vereinsarbeit").specific
    assert "Thema" in topic.body and "javascript" not in topic.body


# --- documents are stored when the file's transaction commits, and only then -----------------
def test_document_bytes_are_written_only_on_commit(content):
    from django.test import TestCase

    (content / "with-document.md").write_text(download("documents/vorlage.txt"))
    files = stored_files()
    with TestCase.captureOnCommitCallbacks(execute=False) as callbacks:
        call_command("import_content", str(content), stdout=StringIO(), stderr=StringIO())
        document = get_document_model().objects.get(title="vorlage")
        assert document.file.name.startswith("documents/")
        assert stored_files() == files  # written nowhere yet
    for callback in callbacks:
        callback()
    assert document.file.name in stored_files()
    assert default_storage.open(document.file.name).read() == b"Eine Vorlage.\n"
    assert document.filename == "vorlage.txt"

    with TestCase.captureOnCommitCallbacks(execute=True):  # the same bytes again: one copy
        call_command("import_content", str(content), stdout=StringIO(), stderr=StringIO())
    assert get_document_model().objects.filter(file_hash=document.file_hash).count() == 1
    assert len(stored_files()) == len(files) + 1
