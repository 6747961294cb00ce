"""E-mail translators when a German source they translate has changed."""

import logging

from celery import shared_task
from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation as django_translation
from wagtail.admin.utils import get_admin_base_url
from wagtail.models import Page
from wagtail_localize.models import TranslationSource, get_edit_url

from cms.outbox.dispatch import send_after_commit

from .models import TranslatorNotice
from .recipients import translators_of

logger = logging.getLogger(__name__)


def _preferred_language(user):
    """The user's admin language (German unless they chose another one)."""
    try:
        return user.wagtail_userprofile.get_preferred_language()
    except ObjectDoesNotExist:
        return settings.LANGUAGE_CODE


@shared_task(bind=True, max_retries=5, default_retry_delay=60)
def notify_translators(self, source_id: int):
    """Tell every translator of each translation of the source, once per change."""
    source = TranslationSource.objects.filter(pk=source_id).first()
    if source is None:
        return 0
    try:
        german = source.get_source_instance()
    except source.specific_content_type.model_class().DoesNotExist:
        return 0
    sent = 0
    # every existing translation, also those made by copying rather than wagtail-localize
    targets = german.get_translations().select_related("locale")
    if isinstance(german, Page):
        targets = targets.filter(alias_of__isnull=True).specific()
    for target in targets:
        for user in translators_of(target, german):
            try:
                sent += _notify(user, source, german, target)
            except OSError as error:  # SMTP down: try again later, nothing was recorded
                raise self.retry(exc=error) from error
    return sent


def _notify(user, source, german, target) -> int:
    with transaction.atomic():
        _notice, created = TranslatorNotice.objects.get_or_create(
            source=source, locale=target.locale, user=user,
            source_changed_at=source.last_updated_at,
        )
        if not created:
            return 0
        with django_translation.override(_preferred_language(user)):
            context = {
                "user": user, "german": german, "target": target,
                "language": target.locale.get_display_name(),
                "changed_at": source.last_updated_at,
                "edit_url": get_admin_base_url() + (get_edit_url(target) or ""),
            }
            subject = render_to_string("translations/email/source_changed_subject.txt",
                                       context).strip()
            body = render_to_string("translations/email/source_changed.txt", context)
        EmailMessage(subject, body, to=[user.email]).send()
    return 1


def schedule_notification(source):
    """Queue the e-mails once the change is committed (kept in the outbox until the broker
    has them, so a broker outage delays them and loses none)."""
    send_after_commit(notify_translators, source.pk)
