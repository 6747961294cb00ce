"""Celery tasks of the partners app. Each takes ids, never instances, and is safe to run twice."""

from celery import shared_task
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage, get_connection
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from wagtail.models import TaskState

RETRY = {"autoretry_for": (OSError,), "retry_backoff": True, "max_retries": 5}


def review_request(task_state_id: int) -> int:
    """Tell the reviewers of a task that a page waits for them. Returns mails sent."""
    state = TaskState.objects.select_related("workflow_state").filter(pk=task_state_id).first()
    if state is None or state.status != TaskState.STATUS_IN_PROGRESS:
        return 0  # already decided (or gone): nobody needs the reminder any more
    task = state.task.specific
    page = state.workflow_state.content_object
    requester = state.workflow_state.requested_by
    reviewers = (get_user_model().objects.filter(groups__in=task.groups.all(), is_active=True)
                 .exclude(email="").distinct())
    if requester:
        reviewers = reviewers.exclude(pk=requester.pk)
    url = settings.WAGTAILADMIN_BASE_URL + reverse("wagtailadmin_pages:edit", args=[page.pk])
    messages = []
    for reviewer in reviewers:
        profile = getattr(reviewer, "wagtail_userprofile", None)
        if profile and not profile.submitted_notifications:
            continue
        language = (profile.get_preferred_language() if profile else None) or "de"
        with translation.override(language):
            subject = _("Please review: %(title)s") % {"title": page.get_admin_display_title()}
            body = _("%(who)s asks for the review \"%(task)s\" of the page \"%(title)s\" "
                     "(%(locale)s).\n\nOpen it here: %(url)s\n") % {
                "who": requester.get_full_name() or requester.get_username()
                if requester else _("Someone"),
                "task": task.name, "title": page.get_admin_display_title(),
                "locale": page.locale.get_display_name(), "url": url,
            }
        messages.append(EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL,
                                     [reviewer.email]))
    if messages:
        get_connection().send_messages(messages)
    return len(messages)


send_review_request = shared_task(name="partners.tasks.send_review_request", **RETRY)(
    review_request)
# The name the task had in cms (cms/tasks.py) until it moved here. Review mails queued
# before the upgrade carry it: rows in the outbox table (outbox.PendingTask.task) and
# messages in the broker. Delete once neither holds "cms.tasks.send_review_request" any more.
send_review_request_before_partners = shared_task(name="cms.tasks.send_review_request",
                                                  **RETRY)(review_request)
