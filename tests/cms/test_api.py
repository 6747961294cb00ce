"""Wagtail API v2 at /api/v2/: pages (per language), images and documents."""

import pytest

pytestmark = pytest.mark.django_db


def test_pages_endpoint_lists_guides_with_their_fields(client):
    response = client.get("/api/v2/pages/", {"type": "cms.GuidePage", "locale": "de",
                                             "fields": "summary,reading_time,last_reviewed"})
    assert response.status_code == 200
    items = {item["meta"]["slug"]: item for item in response.json()["items"]}
    assert items["test-guide"]["summary"] == "Ein kurzer Leitfaden für die Tests."
    assert items["test-guide"]["last_reviewed"] == "2026-11-01"
    assert items["test-guide"]["reading_time"] >= 1


def test_pages_endpoint_filters_by_language(client):
    items = client.get("/api/v2/pages/", {"type": "cms.GuidePage", "locale": "ar"}).json()
    titles = [item["title"] for item in items["items"]]
    assert titles == ["دليل اختبار تأسيس الجمعية"]


def test_page_detail_has_the_body_blocks(client, guide):
    data = client.get(f"/api/v2/pages/{guide.pk}/").json()
    assert data["meta"]["locale"] == "de"
    assert [block["type"] for block in data["body"]][:2] == ["heading", "text"]


def test_documents_and_images_endpoints(client):
    documents = client.get("/api/v2/documents/").json()
    assert any(d["title"].startswith("muster") for d in documents["items"])
    assert client.get("/api/v2/images/").status_code == 200


def test_unpublished_pages_are_not_in_the_api(client, guide):
    guide.unpublish()
    assert client.get(f"/api/v2/pages/{guide.pk}/").status_code == 404


def test_bad_api_parameters_are_400_not_500(client):
    assert client.get("/api/v2/pages/", {"limit": "abc"}).status_code == 400
    assert client.get("/api/v2/pages/", {"type": "nope.Nope"}).status_code == 400
