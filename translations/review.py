"""A translator's work goes live only through review.

Why: wagtail-localize's translation editor saves each string as it is typed, and its only way
to turn the strings into the page is "Publish" (for those who may publish). Worse, its
``save_target(publish=False)`` writes the translated fields into the page row, which for a
live page *is* what readers see. Here a translator's strings become a draft revision (the
live page is untouched) and that revision goes to the page's workflow ("Fachliche Prüfung"
on partner sections); the reviewers' approval publishes it (Wagtail publishes the latest
revision).
"""

from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.locks import WorkflowLock
from wagtail.models import Locale, Page, WorkflowState
from wagtail_localize.models import Translation, TranslationLog


class ReviewError(Exception):
    """The translation cannot be submitted now; the message is for the translator."""


def translation_of(page) -> Translation | None:
    """The enabled wagtail-localize translation whose target is this page (None for German
    pages, aliases and translations taken out of wagtail-localize)."""
    if page.locale_id == Locale.get_default().pk or page.alias_of_id:
        return None
    return (Translation.objects.select_related("source", "target_locale")
            .filter(source__object_id=page.translation_key, target_locale_id=page.locale_id,
                    enabled=True).first())


def save_draft(translation, user):
    """The translator's current strings as a new revision of the target page; returns it.
    Never changes what readers of a live page see."""
    source, locale = translation.source, translation.target_locale
    target = source.get_translated_instance(locale)
    if not target.live:  # nothing public to protect: wagtail-localize's own draft save
        translation.save_target(user=user, publish=False)
        return type(target).objects.get(pk=target.pk).latest_revision
    draft = source.get_ephemeral_translated_instance(locale, fallback=True)
    revision = draft.save_revision(user=user, log_action=True)  # updates revision fields only
    TranslationLog.objects.create(source=source, locale=locale, revision=revision)
    return revision


def check_can_submit(page, user):
    """Raise ReviewError when the page cannot go to review now (before anything is saved)."""
    if page.get_workflow() is None:
        raise ReviewError(_("This page has no review workflow; ask the central editorial "
                            "team to publish it."))
    lock = page.get_lock()
    # A page under review is locked for non-reviewers (WorkflowLock); its requester may still
    # put a newer revision up for review below, which restarts the review.
    if lock and lock.for_user(user) and not isinstance(lock, WorkflowLock):
        raise ReviewError(_("This page is locked by someone else."))
    state = page.current_workflow_state
    if state and state.status == WorkflowState.STATUS_IN_PROGRESS \
            and not state.user_can_cancel(user):
        raise ReviewError(_("Someone else has submitted this page for review; it cannot be "
                            "submitted again until the review is finished."))


@transaction.atomic
def submit_for_review(page, translation, user) -> WorkflowState:
    """Save the translation as a draft and put that revision into the page's workflow: a
    first submission starts it, one after "changes requested" resumes it, a second one
    while it waits replaces the revision under review (Wagtail's "restart")."""
    page = Page.objects.select_for_update().get(pk=page.pk).specific
    check_can_submit(page, user)
    save_draft(translation, user)
    page = type(page).objects.get(pk=page.pk)
    state = page.current_workflow_state
    if state and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        state.resume(user)
        return WorkflowState.objects.get(pk=state.pk)
    if state:
        state.cancel(user=user)
    return page.get_workflow().start(page, user)
