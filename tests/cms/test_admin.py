"""The Wagtail admin works for an editor of the central team."""

import pytest

from tests.admin_refusals import assert_permission_denied
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client):
    editor = UserFactory(groups=["Editors"])
    client.force_login(editor)
    return client


def test_anonymous_is_sent_to_the_login(client):
    response = client.get("/admin/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_editor_logs_in_with_password(client):
    UserFactory(username="redaktion", groups=["Editors"])
    response = client.post("/admin/login/", {"username": "redaktion",
                                             "password": "correct horse battery"})
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200


def test_editor_can_open_dashboard_explorer_and_guide_editor(editor_client, guide):
    assert editor_client.get("/admin/").status_code == 200
    assert editor_client.get(f"/admin/pages/{guide.get_parent().pk}/").status_code == 200
    response = editor_client.get(f"/admin/pages/{guide.pk}/edit/")
    assert response.status_code == 200
    assert "Testleitfaden Vereinsgründung" in response.content.decode()


def test_editor_can_open_the_glossary(editor_client):
    from cms.models import GlossaryTerm

    term = GlossaryTerm.objects.get(slug="satzung", locale__language_code="de")
    assert editor_client.get(f"/admin/snippets/cms/glossaryterm/edit/{term.pk}/").status_code \
        == 200


@pytest.mark.parametrize(("group", "goes_live"), [("Moderators", True), ("Editors", False)])
def test_guide_created_in_the_admin_is_published_by_moderators_and_reviewed_for_editors(
        client, group, goes_live):
    from cms.models import GuidePage, TopicPage

    editor_client = client
    editor_client.force_login(UserFactory(groups=[group]))

    topic = TopicPage.objects.get(slug="vereinsarbeit", locale__language_code="de")
    url = f"/admin/pages/add/cms/guidepage/{topic.pk}/"
    assert editor_client.get(url).status_code == 200
    data = {
        "title": "Kassenprüfung",
        "slug": "kassenpruefung",
        "summary": "Wie die Kassenprüfung abläuft.",
        "body-count": "1",
        "body-0-type": "text",
        "body-0-deleted": "",
        "body-0-order": "0",
        "body-0-value": '{"blocks":[{"key":"a","text":"Zwei Mitglieder prüfen die Kasse.",'
                        '"type":"unstyled","depth":0,"inlineStyleRanges":[],"entityRanges":[]}],'
                        '"entityMap":{}}',
        "legal_references-count": "0",
        "related_links-TOTAL_FORMS": "0", "related_links-INITIAL_FORMS": "0",
        "related_links-MIN_NUM_FORMS": "0", "related_links-MAX_NUM_FORMS": "1000",
        "glossary_links-TOTAL_FORMS": "0", "glossary_links-INITIAL_FORMS": "0",
        "glossary_links-MIN_NUM_FORMS": "0", "glossary_links-MAX_NUM_FORMS": "1000",
    }
    # moderators publish; editors submit to the moderators' review workflow
    data["action-publish" if goes_live else "action-submit"] = "1"
    response = editor_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    page = GuidePage.objects.get(slug="kassenpruefung")
    assert page.live is goes_live
    if goes_live:
        assert client.get("/de/vereinsarbeit/kassenpruefung/").status_code == 200
    else:  # an editor's "publish" submits the page to the moderators' workflow
        assert page.current_workflow_state.status == "in_progress"
        client.logout()
        assert client.get("/de/vereinsarbeit/kassenpruefung/").status_code == 404


def test_editor_cannot_manage_users(editor_client):
    assert_permission_denied(editor_client.get("/admin/users/"))
