"""Submitting for review while the broker is refused or silent: quick for the editor, and the
reviewers' mail waits in the outbox until the broker is back (nothing is lost)."""

import time

import pytest
from django.core import mail

from cms.outbox.dispatch import flush
from cms.outbox.models import PendingTask
from tests.outages import celery_broker, closed_port, silent_port

from .test_review_workflow import submit_new_guide

pytestmark = pytest.mark.django_db


@pytest.fixture(params=["refused", "silent"])
def broker_out(request):
    if request.param == "refused":
        with celery_broker(f"redis://127.0.0.1:{closed_port()}/0", reachable=False):
            yield request.param
    else:
        with silent_port() as port, \
                celery_broker(f"redis://127.0.0.1:{port}/0", reachable=False):
            yield request.param


def test_submitting_for_review_with_the_broker_out_is_quick_and_the_mail_waits(
        client, roles, broker_out, django_capture_on_commit_callbacks):
    reviewer = roles.central
    mail.outbox.clear()
    started = time.monotonic()
    with django_capture_on_commit_callbacks(execute=True):
        guide = submit_new_guide(client, roles.editor_a)
    assert time.monotonic() - started < 2
    assert guide.current_workflow_state.status == "in_progress"
    assert reviewer.email not in [address for m in mail.outbox for address in m.to]
    assert PendingTask.objects.filter(task="partners.tasks.send_review_request").count() == 1


def test_the_reviewers_mail_is_sent_once_the_broker_is_back(
        client, roles, django_capture_on_commit_callbacks):
    with celery_broker(f"redis://127.0.0.1:{closed_port()}/0", reachable=False), \
            django_capture_on_commit_callbacks(execute=True):
        guide = submit_new_guide(client, roles.editor_a)
    mail.outbox.clear()
    assert flush() >= 1  # beat's flush_outbox; without a broker the task runs here
    review_mail = next(m for m in mail.outbox if m.to == [roles.central.email])
    assert f"/admin/pages/{guide.pk}/edit/" in review_mail.body
    assert not PendingTask.objects.exists()


def test_a_mail_queued_under_the_tasks_name_from_cms_is_still_sent(
        client, roles, django_capture_on_commit_callbacks):
    """Before the task moved to the partners app it was cms.tasks.send_review_request: rows
    in the outbox and messages in the broker from then carry that name."""
    from celery import current_app

    assert {"cms.tasks.send_review_request", "partners.tasks.send_review_request"} <= set(
        current_app.tasks)
    with celery_broker(f"redis://127.0.0.1:{closed_port()}/0", reachable=False), \
            django_capture_on_commit_callbacks(execute=True):
        guide = submit_new_guide(client, roles.editor_a)
    PendingTask.objects.update(task="cms.tasks.send_review_request")
    mail.outbox.clear()
    assert flush() == 1
    review_mail = next(m for m in mail.outbox if m.to == [roles.central.email])
    assert f"/admin/pages/{guide.pk}/edit/" in review_mail.body
    assert not PendingTask.objects.exists()
