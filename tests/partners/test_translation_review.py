"""Translations go through "Fachliche Prüfung" too: a translator's texts become a draft
revision, "Submit for review" (above wagtail-localize's editor) starts the workflow, and only
a central editor's approval puts them live. Through the real admin URLs."""

import pytest
from django.core import mail
from django.test import Client
from wagtail.models import TaskState, WorkflowState

from cms.models import GuidePage
from tests.admin_refusals import assert_permission_denied
from tests.partners.translating import locale, put_string, synced_translation
from translations.state import State, state_of

pytestmark = pytest.mark.django_db

NEW_ARABIC_TITLE = "دليل تأسيس الجمعية المنقح"
PERSIAN_TITLE = "راهنمای تأسیس انجمن"


@pytest.fixture
def guide_a():
    return GuidePage.objects.get(slug="test-guide", locale__language_code="de")


@pytest.fixture
def guide_b():
    return GuidePage.objects.get(slug="zweiter-leitfaden", locale__language_code="de")


def translate(page, code):
    """A wagtail-localize translation draft of page, as "Translate this page" makes it."""
    return synced_translation(page, code)[1]


def type_title(client, page, text, new=True):
    """What the translator does in the editor: the title string, saved through its API
    (201: the string had no translation yet, 200: its translation was changed)."""
    response, _segment = put_string(client, page, text, path="title")
    assert response.status_code == (201 if new else 200), response.content


def submit(client, page, capture):
    with capture(execute=True):
        return client.post(f"/admin/translations/review/{page.pk}/")


def in_progress(page):
    return WorkflowState.objects.filter(object_id=str(page.pk),
                                        status=WorkflowState.STATUS_IN_PROGRESS)


def approve(client, page, capture):
    state = TaskState.objects.get(workflow_state__in=in_progress(page), status="in_progress")
    with capture(execute=True):
        return client.post(f"/admin/pages/workflow/action/{page.pk}/approve/{state.pk}/",
                           {"comment": ""})


def fresh(page):
    return type(page).objects.get(pk=page.pk)


def test_translator_submits_a_new_translation_and_reviewers_get_one_mail_each(
        client, roles, guide_a, django_capture_on_commit_callbacks):
    persian = translate(guide_a, "fa")
    client.force_login(roles.translator_a)
    editor = client.get(f"/admin/pages/{persian.pk}/edit/").content.decode()
    assert f'action="/admin/translations/review/{persian.pk}/"' in editor  # the button
    assert "csrfmiddlewaretoken" in editor
    type_title(client, persian, PERSIAN_TITLE)
    mail.outbox.clear()

    response = submit(client, persian, django_capture_on_commit_callbacks)
    assert response.status_code == 302
    assert response["Location"] == f"/admin/pages/{persian.pk}/edit/"
    state = in_progress(persian).get()
    assert state.workflow.name == "Fachliche Prüfung"
    assert state.requested_by == roles.translator_a
    persian = fresh(persian)
    assert not persian.live
    assert persian.latest_revision.content["title"] == PERSIAN_TITLE
    assert TaskState.objects.get(workflow_state=state).revision == persian.latest_revision
    recipients = [address for message in mail.outbox for address in message.to]
    assert recipients.count(roles.central.email) == 1  # the same single Celery e-mail
    assert roles.translator_a.email not in recipients
    review_mail = next(m for m in mail.outbox if m.to == [roles.central.email])
    assert PERSIAN_TITLE in review_mail.subject
    assert f"/admin/pages/{persian.pk}/edit/" in review_mail.body
    assert PERSIAN_TITLE not in Client().get("/fa/verein-gruenden/test-guide/").content.decode()


def test_live_translation_stays_as_it_is_until_a_central_editor_approves(
        client, roles, guide_a, django_capture_on_commit_callbacks):
    arabic = guide_a.get_translation(locale("ar"))
    old_title, reviewed = arabic.title, guide_a.last_reviewed
    assert state_of(arabic).state is State.UP_TO_DATE
    client.force_login(roles.translator_a)
    type_title(client, arabic, NEW_ARABIC_TITLE, new=False)  # translated already
    assert submit(client, arabic, django_capture_on_commit_callbacks).status_code == 302
    assert in_progress(arabic).exists()

    readers = Client()
    html = readers.get(arabic.url).content.decode()
    assert old_title in html and NEW_ARABIC_TITLE not in html
    assert fresh(arabic).title == old_title and fresh(arabic).live
    assert state_of(fresh(arabic)).state is State.UP_TO_DATE  # the draft changes nothing

    # the translator cannot approve their own work
    assert_permission_denied(approve(client, arabic, django_capture_on_commit_callbacks))
    assert NEW_ARABIC_TITLE not in readers.get(arabic.url).content.decode()

    client.force_login(roles.central)
    response = approve(client, arabic, django_capture_on_commit_callbacks)
    assert (response.status_code, response["Location"]) == (302,
                                                            f"/admin/pages/{arabic.pk}/edit/")
    assert not in_progress(arabic).exists()
    assert fresh(arabic).title == NEW_ARABIC_TITLE
    assert NEW_ARABIC_TITLE in readers.get(arabic.url).content.decode()
    assert state_of(fresh(arabic)).state is State.UP_TO_DATE
    assert fresh(guide_a).last_reviewed == reviewed  # says nothing about the German facts


def test_translator_cannot_submit_another_partners_page_or_language(
        client, roles, guide_a, guide_b, django_capture_on_commit_callbacks):
    other_partner = translate(guide_b, "ar")  # partner B's section
    other_language = translate(guide_a, "ru")  # partner A's section, not A's language
    client.force_login(roles.translator_a)
    for page in (other_partner, other_language):
        response = submit(client, page, django_capture_on_commit_callbacks)
        assert_permission_denied(response)
        assert not in_progress(page).exists()
        assert_permission_denied(client.get(f"/admin/pages/{page.pk}/edit/"))
    # a German page is no translation; a missing page is missing
    assert submit(client, guide_a, django_capture_on_commit_callbacks).status_code == 404
    assert client.post("/admin/translations/review/999999/").status_code == 404
    assert not in_progress(guide_a).exists()


def test_only_post_with_a_csrf_token_submits(client, roles, guide_a):
    arabic = guide_a.get_translation(locale("ar"))
    client.force_login(roles.translator_a)
    assert client.get(f"/admin/translations/review/{arabic.pk}/").status_code == 405
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(roles.translator_a)
    assert strict.post(f"/admin/translations/review/{arabic.pk}/").status_code == 403
    assert not in_progress(arabic).exists()
    anonymous = Client()
    response = anonymous.post(f"/admin/translations/review/{arabic.pk}/")
    assert response.status_code == 302 and "/login/" in response["Location"]
    assert not in_progress(arabic).exists()


def test_submitting_again_replaces_the_revision_under_review_and_rejection_can_be_resumed(
        client, roles, guide_a, django_capture_on_commit_callbacks):
    arabic = guide_a.get_translation(locale("ar"))
    client.force_login(roles.translator_a)
    submit(client, arabic, django_capture_on_commit_callbacks)
    first = in_progress(arabic).get()
    editor = client.get(f"/admin/pages/{arabic.pk}/edit/").content.decode()
    assert "Erneut zur Prüfung einreichen" in editor  # the admin speaks German here
    type_title(client, arabic, NEW_ARABIC_TITLE, new=False)  # translated already
    submit(client, arabic, django_capture_on_commit_callbacks)
    second = in_progress(arabic).get()  # still exactly one waiting
    assert second.pk != first.pk
    task = TaskState.objects.get(workflow_state=second, status="in_progress")
    assert task.revision.content["title"] == NEW_ARABIC_TITLE

    client.force_login(roles.central)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/admin/pages/workflow/action/{arabic.pk}/reject/{task.pk}/",
                    {"comment": "Bitte den Titel kürzen."})
    assert WorkflowState.objects.get(pk=second.pk).status == WorkflowState.STATUS_NEEDS_CHANGES
    client.force_login(roles.translator_a)
    assert submit(client, arabic, django_capture_on_commit_callbacks).status_code == 302
    assert in_progress(arabic).get().pk == second.pk  # the same review, resumed
    assert NEW_ARABIC_TITLE not in Client().get(arabic.url).content.decode()


def test_someone_elses_submission_is_not_replaced(
        client, roles, partner_a, guide_a, django_capture_on_commit_callbacks):
    from tests.factories import UserFactory

    arabic = guide_a.get_translation(locale("ar"))
    colleague = UserFactory(username="translator_a2", groups=[partner_a.translators.name])
    client.force_login(colleague)
    submit(client, arabic, django_capture_on_commit_callbacks)
    state = in_progress(arabic).get()
    client.force_login(roles.translator_a)
    response = submit(client, arabic, django_capture_on_commit_callbacks)
    assert response.status_code == 302  # back to the editor with the reason
    assert in_progress(arabic).get().pk == state.pk
    assert fresh(arabic).latest_revision_id == TaskState.objects.get(
        workflow_state=state, status="in_progress").revision_id  # nothing new saved


def test_translating_a_live_page_makes_a_draft(admin_client, guide_b,
                                               django_capture_on_commit_callbacks):
    """WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False: the new English page waits."""
    assert guide_b.live
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(f"/admin/localize/submit/page/{guide_b.pk}/",
                                     {"locales": [locale("en").pk], "include_subtree": ""})
    assert response.status_code == 302
    english = guide_b.get_translation(locale("en"))
    assert not english.live
    reader = Client().get("/en/behoerden/zweiter-leitfaden/")  # still the German page
    assert reader.status_code == 200 and guide_b.title in reader.content.decode()
