"""cms.importer.markdown_export: a body written back to Markdown imports to the same blocks."""

import pytest

from cms.importer.markdown_blocks import body_to_stream, markdown_to_richtext
from cms.importer.markdown_export import html_to_markdown, stream_to_markdown

pytestmark = pytest.mark.django_db


def without_ids(blocks):
    if isinstance(blocks, list):
        return [without_ids(b) for b in blocks]
    if isinstance(blocks, dict):
        return {k: without_ids(v) for k, v in blocks.items() if k != "id"}
    return blocks


def test_the_fixture_guide_body_survives_export_and_import(guide):
    raw = list(guide.body.raw_data)
    documents = {}

    def document_path(pk):
        documents[f"documents/{pk}.txt"] = pk
        return f"documents/{pk}.txt"

    markdown = stream_to_markdown(raw, document_path)
    again = body_to_stream(markdown, lambda relative, line: documents[relative])
    assert without_ids(again) == without_ids(raw)
    assert ":::steps So gehen Sie vor" in markdown and "## Bevor Sie anfangen" in markdown


@pytest.mark.parametrize("markdown", [
    "Ein **fetter** und *kursiver* Satz mit [Link](https://www.example.org/a_b?x=1&y=2).",
    "- eins\n- zwei\n    - zwei a\n- drei",
    "3. drei\n4. vier",
    "Sternchen: Migrant\\*innen, 3 \\* 4, \\_unterstrichen\\_, \\[eckig\\] und &lt;b&gt; & Co.",
    "\\# keine Überschrift\n\n\\- keine Liste\n\n1\\. kein Punkt",
    "> ein Zitat\n> zweite Zeile",
    "Code: `a*b` und Ende.\n\n### Zwischentitel\n\nText",
    "Zeile eins  \nZeile zwei",
])
def test_rich_text_round_trips(markdown):
    html = markdown_to_richtext(markdown)
    assert markdown_to_richtext(html_to_markdown(html)) == html, html_to_markdown(html)


def test_a_link_inside_the_site_keeps_its_text_and_is_named():
    notes = []
    html = '<p>Siehe <a linktype="page" id="3">den Leitfaden</a>.</p>'
    assert html_to_markdown(html, notes) == "Siehe den Leitfaden."
    assert notes == ["the link 'den Leitfaden' points inside the site and is written as plain "
                     "text"]
