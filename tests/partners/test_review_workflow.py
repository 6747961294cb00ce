"""Partner edits go through "Fachliche Prüfung": reviewers are mailed once, approval
publishes and dates the review."""

import pytest
from django.core import mail
from django.utils import timezone
from wagtail.models import TaskState

from cms.models import GuidePage, TopicPage
from tests.admin_refusals import assert_permission_denied
from tests.factories import UserFactory

from .forms import guide_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def reviewers(roles):
    second = UserFactory(username="central2", email="central2@example.org",
                         groups=["Zentrale Redaktion"])
    return [roles.central, second]


def submit_new_guide(client, editor):
    section = TopicPage.objects.get(slug="verein-gruenden", locale__language_code="de")
    client.force_login(editor)
    response = client.post(f"/admin/pages/add/cms/guidepage/{section.pk}/",
                           guide_form("Kassenprüfung", "kassenpruefung"))
    assert response.status_code == 302, response.content.decode()[:1000]
    return GuidePage.objects.get(slug="kassenpruefung")


def test_partner_edit_waits_for_review_and_reviewers_get_one_mail_each(
        client, roles, reviewers, django_capture_on_commit_callbacks):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        guide = submit_new_guide(client, roles.editor_a)

    assert not guide.live
    assert guide.current_workflow_state.workflow.name == "Fachliche Prüfung"
    client.logout()
    assert client.get("/de/verein-gruenden/kassenpruefung/").status_code == 404

    recipients = [address for message in mail.outbox for address in message.to]
    for reviewer in reviewers:  # one each: Wagtail's own task mail is replaced, not added
        assert recipients.count(reviewer.email) == 1
    # (superusers also get Wagtail's "submitted to workflow" notice, which stays as it is)
    review_mail = next(m for m in mail.outbox if m.to == [reviewers[0].email])
    assert "Kassenprüfung" in review_mail.subject
    assert f"/admin/pages/{guide.pk}/edit/" in review_mail.body
    assert roles.editor_a.email not in recipients


def test_central_editor_approves_and_the_guide_goes_live_with_review_date(
        client, roles, reviewers, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        guide = submit_new_guide(client, roles.editor_a)
    state = TaskState.objects.get(workflow_state=guide.current_workflow_state,
                                  status="in_progress")

    client.force_login(roles.editor_a)  # the author cannot approve their own edit
    url = f"/admin/pages/workflow/action/{guide.pk}/approve/{state.pk}/"
    assert_permission_denied(client.post(url, {"comment": ""}))
    assert not GuidePage.objects.get(pk=guide.pk).live

    client.force_login(roles.central)
    response = client.post(url, {"comment": "Fachlich richtig."})
    assert response.status_code == 302
    assert response["Location"] == f"/admin/pages/{guide.pk}/edit/"
    guide = GuidePage.objects.get(pk=guide.pk)
    assert guide.live
    assert guide.last_reviewed == timezone.localdate()
    assert guide.latest_revision.as_object().last_reviewed == timezone.localdate()
    client.logout()
    page = client.get("/de/verein-gruenden/kassenpruefung/")
    assert page.status_code == 200


def test_rejected_edit_stays_unpublished_and_keeps_its_review_date(
        client, roles, reviewers, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        guide = submit_new_guide(client, roles.editor_a)
    state = TaskState.objects.get(workflow_state=guide.current_workflow_state,
                                  status="in_progress")
    client.force_login(roles.central)
    url = f"/admin/pages/workflow/action/{guide.pk}/reject/{state.pk}/"
    response = client.post(url, {"comment": "Quelle fehlt."})
    assert response.status_code == 302
    assert response["Location"] == f"/admin/pages/{guide.pk}/edit/"
    guide = GuidePage.objects.get(pk=guide.pk)
    assert not guide.live and guide.last_reviewed is None
    assert TaskState.objects.get(pk=state.pk).status == "rejected"
