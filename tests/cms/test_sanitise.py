"""HTML from content, however it was stored (an import, the admin, a translation, a data
migration), reaches readers and API clients only through the allowlist: no script, no event
handler, no javascript: link; the words stay."""

import json

import pytest

from cms.sanitise import clean_html, is_safe_url

pytestmark = pytest.mark.django_db

HOSTILE = (
    '<p onclick="steal()">Vor <script>steal()</script>dem Termin '
    '<a href="javascript:steal()">beim Amt</a> anrufen '
    '<a href="https://www.service.bund.de/">Portal</a> '
    '<iframe src="https://evil.example/"></iframe><img src=x onerror="steal()">'
    '<a href=" jav&#x09;ascript:steal()">Trick</a></p>'
)


def store_hostile_text(page):
    """As a careless data migration or a raw database edit would: bypassing every form."""
    raw = page.body.raw_data
    raw[0] = {"type": "text", "value": HOSTILE, "id": raw[0]["id"]}
    page.body = raw
    page.save_revision().publish()


def test_the_guide_page_shows_the_words_without_the_script(client, guide):
    store_hostile_text(guide)
    html = client.get("/de/verein-gruenden/test-guide/").content.decode()
    assert "Vor dem Termin" in html and "beim Amt" in html and "anrufen" in html
    for forbidden in ("steal()", "<script", "<iframe", "onclick", "onerror", "javascript:"):
        assert forbidden not in html
    assert '<a href="https://www.service.bund.de/">Portal</a>' in html


def test_the_german_fallback_under_arabic_is_cleaned_too(client, guide):
    store_hostile_text(guide)
    html = client.get("/fa/verein-gruenden/test-guide/").content.decode()
    assert "beim Amt" in html and "steal()" not in html


def test_the_api_body_is_cleaned(client, guide):
    store_hostile_text(guide)
    body = json.loads(client.get(f"/api/v2/pages/{guide.pk}/").content)["body"]
    text = next(block["value"] for block in body if block["type"] == "text")
    assert "beim Amt" in text and "steal()" not in text and "<script" not in text


@pytest.mark.parametrize(("url", "safe"), [
    ("https://www.bundesfinanzministerium.de/", True), ("http://example.org/x", True),
    ("mailto:info@example.org", True), ("tel:+4930123456", True),
    ("javascript:alert(1)", False), ("JavaScript:alert(1)", False), ("data:text/html,x", False),
    ("vbscript:x", False), ("//evil.example/", False), ("https://", False),
    (" https://example.org", False), ("java\tscript:alert(1)", False), ("", False),
])
def test_only_web_mail_and_phone_links_are_safe(url, safe):
    assert is_safe_url(url) is safe


def test_wagtail_internal_links_survive_cleaning():
    stored = '<p><a linktype="page" id="3">Satzung</a> <a linktype="document" id="1">PDF</a></p>'
    assert clean_html(stored) == stored
