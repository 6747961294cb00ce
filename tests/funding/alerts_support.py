"""Shared by the alert tests: the fixture programme with a deadline, learners, links in mails."""

import datetime
import re

from django.utils import timezone
from wagtail.models import Locale

from funding.models import FundingProgrammePage

ORIGIN = {"HTTP_ORIGIN": "http://testserver"}


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def programme_with_deadline(days: int | None, today=None):
    """The fixture programme (German), its deadline `days` from today (None: rolling)."""
    today = today or timezone.localdate()
    programme = FundingProgrammePage.objects.get(locale__language_code="de",
                                                 slug="test-foerderung")
    programme.deadline = None if days is None else today + datetime.timedelta(days=days)
    return publish(programme)


def arabic_translation(programme):
    translated = programme.copy_for_translation(Locale.objects.get(language_code="ar"),
                                                  copy_parents=True)
    translated.title = "منحة الاندماج التجريبية"
    return publish(translated)


def follow_url(programme, language="de"):
    return f"/{language}/foerderung/benachrichtigung/programm/{programme.translation_key}/"


def link_in(mail, kind):
    return re.search(rf"http://testserver(/\w+/foerderung/benachrichtigung/{kind}/[^/\s]+/)",
                     mail.body).group(1)


def make_learner(email="lea@example.org", verified=True, language="de"):
    from allauth.account.models import EmailAddress
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.create_user(
        username=email.split("@")[0], email=email, password="x", preferred_language=language)
    EmailAddress.objects.create(user=user, email=email, verified=verified, primary=True)
    return user


def confirmed_follow(programme, email="gast@example.org", language="de", **fields):
    from funding.alerts.models import AlertSubscription

    return AlertSubscription.objects.create(
        programme_key=programme.translation_key if programme else None, email=email,
        language=language, **{"confirmed_at": timezone.now(), **fields})
