"""Latin parts of right-to-left titles are isolated; everything else is only escaped."""

import pytest

from cms.bidi import isolate_latin


@pytest.mark.parametrize(("text", "html"), [
    ("تأسيس جمعية: الطريق إلى جمعية مسجلة (e. V.)",
     "تأسيس جمعية: الطريق إلى جمعية مسجلة <bdi>(e. V.)</bdi>"),
    ("التمويل (Fördermittel) لهذا", "التمويل <bdi>(Fördermittel)</bdi> لهذا"),
    # An unpaired bracket stays outside, so it can still pair with its partner.
    ("جمعية (e. V. للجمعيات)", "جمعية (<bdi>e. V.</bdi> للجمعيات)"),
    ("مشروع 2026", "مشروع 2026"),  # numbers alone keep their place
    ("Einen Verein gründen: der Weg zum e. V.", "Einen Verein gründen: der Weg zum e. V."),
    ("جمعية <مثال> & (e. V.)", "جمعية &lt;مثال&gt; &amp; <bdi>(e. V.)</bdi>"),
    ("<b>e. V.</b>", "&lt;b&gt;e. V.&lt;/b&gt;"),
    ("", ""),
    (None, ""),
])
def test_isolate_latin(text, html):
    assert isolate_latin(text) == html
