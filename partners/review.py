"""The "Fachliche Prüfung" workflow at work: reviewers get one e-mail per submission through
Celery (instead of Wagtail's own task-submitted mail, so nobody is mailed twice), and an
approved guide gets today's date as "last reviewed".
"""

from django.utils import timezone
from wagtail.admin.signal_handlers import task_submission_email_notifier
from wagtail.models import Locale, TaskState, WorkflowState
from wagtail.signals import task_submitted, workflow_approved

from .central import TASK_NAME, WORKFLOW_NAME
from .tasks import send_review_request  # imported here, so every process knows its names

WAGTAIL_TASK_MAIL_UID = "group_approval_task_submitted_email_notification"


def is_review_task(task) -> bool:
    return task.name == TASK_NAME


def on_task_submitted(sender, instance, user=None, **kwargs):
    if not is_review_task(instance.task):
        task_submission_email_notifier(sender=sender, instance=instance, user=user, **kwargs)
        return
    from cms.outbox.dispatch import send_after_commit

    send_after_commit(send_review_request, instance.pk)


def on_workflow_approved(sender, instance, user=None, **kwargs):
    from cms.models import GuidePage

    if instance.workflow.name != WORKFLOW_NAME:
        return
    page = instance.content_object.specific
    if not isinstance(page, GuidePage) or page.locale_id != Locale.get_default().id:
        return  # a translation's approval says nothing about the German facts
    mark_reviewed(GuidePage.objects.get(pk=page.pk))


def mark_reviewed(guide, day=None):
    """Set last_reviewed on the live guide and in the revision it was published from, so the
    next edit (which starts from the latest revision) keeps the date."""
    day = day or timezone.localdate()
    type(guide).objects.filter(pk=guide.pk).update(last_reviewed=day)
    for revision in {guide.live_revision, guide.latest_revision} - {None}:
        revision.content["last_reviewed"] = day.isoformat()
        revision.save(update_fields=["content"])


def connect():
    """Called from PartnersConfig.ready(). Takes over Wagtail's task-submitted handler under its
    dispatch_uid: disconnecting covers the case Wagtail connected first, and a later
    connect by Wagtail with the same uid is ignored by Django."""
    task_submitted.disconnect(sender=TaskState, dispatch_uid=WAGTAIL_TASK_MAIL_UID)
    task_submitted.connect(on_task_submitted, sender=TaskState,
                           dispatch_uid=WAGTAIL_TASK_MAIL_UID)
    workflow_approved.connect(on_workflow_approved, sender=WorkflowState,
                              dispatch_uid="cms_review_marks_guide_reviewed")


