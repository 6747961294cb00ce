"""The alert mails: 14 and 3 days before a deadline, once only however often beat runs; none
for passed deadlines or rolling programmes; a new programme that fits a followed search; each
in the subscriber's language, with a one-click unsubscribe link."""

import datetime

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.formats import date_format

from funding.alerts import sending
from funding.alerts.models import AlertSent, AlertSubscription
from funding.tasks import send_deadline_alerts

from .alerts_support import arabic_translation, confirmed_follow, programme_with_deadline

pytestmark = pytest.mark.django_db


def run(today, capture):
    with capture(execute=True):
        return sending.send_deadline_alerts(today=today)


def test_14_and_3_days_before_the_deadline_once_only(mailoutbox,
                                                     django_capture_on_commit_callbacks):
    today = timezone.localdate()
    programme = programme_with_deadline(14)
    follow = confirmed_follow(programme)
    AlertSubscription.objects.create(programme_key=programme.translation_key,
                                     email="unbestaetigt@example.org", language="de")
    with django_capture_on_commit_callbacks(execute=True):
        assert send_deadline_alerts.delay().get() == 1  # the beat task
    with django_capture_on_commit_callbacks(execute=True):
        assert send_deadline_alerts.delay().get() == 0  # beat ran twice
    [mail] = mailoutbox
    assert mail.to == ["gast@example.org"]
    assert "Testförderung Integration" in mail.subject
    with translation.override("de"):
        assert f"Frist: {date_format(programme.deadline, 'DATE_FORMAT')}" in mail.body
    for day in range(1, 11):  # the days in between: nothing new
        assert run(today + datetime.timedelta(days=day), django_capture_on_commit_callbacks) == 0
    three_days_before = programme.deadline - datetime.timedelta(days=3)
    assert run(three_days_before, django_capture_on_commit_callbacks) == 1
    assert run(three_days_before, django_capture_on_commit_callbacks) == 0
    assert len(mailoutbox) == 2
    assert sorted(follow.sent.values_list("kind", flat=True)) == ["14", "3"]


def test_a_run_that_finds_the_mail_logged_sends_nothing(mailoutbox,
                                                       django_capture_on_commit_callbacks):
    """The second of two runs at once: its row is refused by the unique constraint."""
    programme = programme_with_deadline(10)
    follow = confirmed_follow(programme)
    AlertSent.objects.create(subscription=follow, programme_key=programme.translation_key,
                             deadline=programme.deadline, kind="14")
    assert run(timezone.localdate(), django_capture_on_commit_callbacks) == 0
    assert mailoutbox == []
    with pytest.raises(IntegrityError), transaction.atomic():
        AlertSent.objects.create(subscription=follow, programme_key=programme.translation_key,
                                 deadline=programme.deadline, kind="14")
    with pytest.raises(IntegrityError), transaction.atomic():
        for _ in range(2):  # no deadline (a rolling programme's new-programme mail)
            AlertSent.objects.create(subscription=follow,
                                     programme_key=programme.translation_key, kind="new")


def test_a_new_round_gets_its_own_reminders(mailoutbox, django_capture_on_commit_callbacks):
    today = timezone.localdate()
    programme = programme_with_deadline(5)
    confirmed_follow(programme)
    assert run(today, django_capture_on_commit_callbacks) == 1
    programme_with_deadline(40)
    assert run(today + datetime.timedelta(days=26), django_capture_on_commit_callbacks) == 1
    assert len(mailoutbox) == 2


@pytest.mark.parametrize("days", [None, -1, 15])
def test_no_mail_for_rolling_passed_or_far_deadlines(days, mailoutbox,
                                                     django_capture_on_commit_callbacks):
    programme = programme_with_deadline(days)
    confirmed_follow(programme)
    assert run(timezone.localdate(), django_capture_on_commit_callbacks) == 0
    assert mailoutbox == []


def test_the_deadline_day_itself_still_reminds(mailoutbox, django_capture_on_commit_callbacks):
    programme = programme_with_deadline(0)
    confirmed_follow(programme)
    assert run(timezone.localdate(), django_capture_on_commit_callbacks) == 1


def test_each_subscriber_reads_the_mail_in_their_language(mailoutbox,
                                                         django_capture_on_commit_callbacks):
    programme = programme_with_deadline(14)
    arabic_translation(programme)
    confirmed_follow(programme, email="ar@example.org", language="ar")
    confirmed_follow(programme, email="de@example.org", language="de")
    run(timezone.localdate(), django_capture_on_commit_callbacks)
    mails = {mail.to[0]: mail for mail in mailoutbox}
    arabic, german = mails["ar@example.org"], mails["de@example.org"]
    assert "منحة الاندماج التجريبية" in arabic.subject
    assert "الموعد النهائي" in arabic.body  # "Deadline", in Arabic
    assert "http://testserver/ar/foerdermittel/test-foerderung/" in arabic.body
    assert arabic.extra_headers["List-Unsubscribe"].startswith(
        "<http://testserver/ar/foerderung/benachrichtigung/abbestellen/")
    assert "Testförderung Integration" in german.subject
    assert "Frist:" in german.body
    assert german.extra_headers["List-Unsubscribe"].startswith(
        "<http://testserver/de/foerderung/benachrichtigung/abbestellen/")
    with translation.override("ar"):
        assert translation.gettext("Hello,") in arabic.body
