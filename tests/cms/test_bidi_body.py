"""Latin runs in right-to-left body text are isolated at render time, without breaking HTML:
only text between tags changes, never a tag, an attribute or an entity."""

import pytest
from django.template.loader import render_to_string
from django.utils import translation

from cms.bidi import isolate_html


@pytest.mark.parametrize(("html", "expected"), [
    ("<p>يسجل في السجل (§ 21 BGB).</p>", "<p>يسجل في السجل <bdi>(§ 21 BGB)</bdi>.</p>"),
    ("<p>الجمعية المسجلة e. V. هنا</p>", "<p>الجمعية المسجلة <bdi>e. V.</bdi> هنا</p>"),
    ("<p>مبلغ 500 € للمشروع</p>", '<p>مبلغ <bdi dir="ltr">500 €</bdi> للمشروع</p>'),
    ("<p>سنة 2026 فقط</p>", "<p>سنة 2026 فقط</p>"),  # a number alone keeps its place
    # A whole Latin text node inside Arabic text, and attributes left alone.
    ('<p>انظر <a href="https://example.org/?a=1&amp;b=Satzung">Satzung</a></p>',
     '<p>انظر <a href="https://example.org/?a=1&amp;b=Satzung"><bdi>Satzung</bdi></a></p>'),
    # Entities are never split: unescaped, isolated, escaped again.
    ("<p>شركة Müller &amp; Söhne؛ &lt;b&gt;</p>",
     "<p>شركة <bdi>Müller &amp; Söhne</bdi>؛ &lt;<bdi>b</bdi>&gt;</p>"),
    ("<p>Nur deutscher Text (§ 21 BGB).</p>", "<p>Nur deutscher Text (§ 21 BGB).</p>"),
    # Latin brackets inside a Latin run are part of it; Arabic ones after it are not.
    ("<p>لدى Sächsische Aufbaubank (SAB) als Bewilligungsstelle هنا</p>",
     "<p>لدى <bdi>Sächsische Aufbaubank (SAB) als Bewilligungsstelle</bdi> هنا</p>"),
    ("<p>يمثّل Vorstand (§ 26 BGB) الجمعية</p>",
     "<p>يمثّل <bdi>Vorstand (§ 26 BGB)</bdi> الجمعية</p>"),
    ("<p>صندوق Fonds (مثال) هنا</p>", "<p>صندوق <bdi>Fonds</bdi> (مثال) هنا</p>"),
])
def test_isolate_html(html, expected):
    assert isolate_html(html) == expected


@pytest.mark.parametrize(("language", "isolated"), [("ar", True), ("fa", True), ("de", False)])
def test_rich_text_is_isolated_only_for_right_to_left_pages(language, isolated):
    html = "<p>ثبت انجمن (§ 21 BGB)</p>"
    with translation.override(language):
        out = render_to_string("wagtailcore/shared/richtext.html", {"html": html})
    assert ("<bdi>(§ 21 BGB)</bdi>" in out) is isolated


def test_block_texts_are_isolated():
    with translation.override("ar"):
        out = render_to_string("blocks/checklist.html", {"value": {
            "title": "قائمة", "items": ["النظام الأساسي (Satzung)", "<b>x</b> مثال"]}})
    assert "<li>النظام الأساسي <bdi>(Satzung)</bdi></li>" in out
    assert "&lt;<bdi>b</bdi>&gt;" in out  # still escaped


@pytest.mark.parametrize(("html", "expected"), [
    # A search snippet marks a word inside a legal reference: one isolate, brackets inside.
    ("<p>المرجع (§ 21 <mark>BGB</mark>) هنا</p>",
     "<p>المرجع <bdi>(§ 21 <mark>BGB</mark>)</bdi> هنا</p>"),
    ("<p>الجمعية <mark>e</mark>. <mark>V</mark>. هنا</p>",
     "<p>الجمعية <bdi><mark>e</mark>. <mark>V</mark>.</bdi> هنا</p>"),
    # A tag that closes inside the run takes its opening at the run's edge along.
    ("<p>الجمعية <b>e. V</b>. هنا</p>", "<p>الجمعية <bdi><b>e. V</b>.</bdi> هنا</p>"),
    # A tag that stays open past the run: the parts are isolated each on its own.
    ("<p>ال <b>e. V. هنا</b></p>", "<p>ال <b><bdi>e. V.</bdi> هنا</b></p>"),
    ("<p>ال e. <b>V. هنا</b></p>", "<p>ال <bdi>e.</bdi> <b><bdi>V.</bdi> هنا</b></p>"),
    # A line break ends a run.
    ("<p>مبلغ <strong>500</strong> €<br>Satzung</p>",
     '<p>مبلغ <bdi dir="ltr"><strong>500</strong> €</bdi><br><bdi>Satzung</bdi></p>'),
])
def test_a_run_spans_inline_tags_that_open_and_close_in_it(html, expected):
    assert isolate_html(html) == expected
