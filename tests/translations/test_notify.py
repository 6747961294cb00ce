"""Translators are told by e-mail when the German source of their translation changes."""

import pytest
from django.core import mail
from wagtail.models import Locale
from wagtail_localize.models import StringTranslation, TranslationSource

from cms.models import Organisation
from cms.outbox.dispatch import flush
from cms.outbox.models import PendingTask
from tests.factories import UserFactory
from tests.outages import celery_broker, closed_port
from translations.tasks import notify_translators

from .conftest import group_with_page_permission, publish_german, user_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(guide, arabic_guide):
    arabic_topic = arabic_guide.get_parent()
    arabic_home = arabic_topic.get_parent()
    partner_b = group_with_page_permission("B Übersetzung", arabic_home)
    Organisation.objects.create(name="Verein A", slug="verein-a", kind="migrant-organisation",
                                section=guide.get_parent(), locale=guide.locale)
    Organisation.objects.create(name="Verein B", slug="verein-b", kind="network",
                                translators_group=partner_b, locale=guide.locale)
    elsewhere = group_with_page_permission(
        "Glossar", arabic_home.get_children().exclude(pk=arabic_topic.pk).first())
    return {
        "translator": user_in(group_with_page_permission("A Übersetzung ar", arabic_topic),
                              username="ta"),
        "partner_b": user_in(partner_b, username="tb"),
        "elsewhere": user_in(elsewhere, username="other-section"),
        "central_editor": UserFactory(username="central", groups=["Editors"]),
        "superuser": UserFactory(username="boss", is_superuser=True),
    }


def recipients():
    return sorted(address for message in mail.outbox for address in message.to)


def test_translators_of_the_translated_page_are_told_once_the_change_is_committed(
        people, change_paragraph, arabic_guide):
    change_paragraph()
    assert recipients() == ["ta@example.org"]
    message = mail.outbox[0]
    assert "Testleitfaden Vereinsgründung" in message.subject
    assert f"http://testserver/admin/pages/{arabic_guide.pk}/edit/" in message.body


def test_nothing_is_sent_before_commit(people, guide, django_capture_on_commit_callbacks):
    from .conftest import CHANGED_PARAGRAPH, FIRST_PARAGRAPH

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        publish_german(guide, replace=(FIRST_PARAGRAPH, CHANGED_PARAGRAPH))
    assert len(callbacks) >= 1 and mail.outbox == []


def test_the_task_is_idempotent(people, change_paragraph, guide):
    change_paragraph()
    assert len(mail.outbox) == 1
    source = TranslationSource.objects.get_for_instance(guide)
    assert notify_translators.delay(source.pk).get() == 0
    assert len(mail.outbox) == 1


def test_republishing_unchanged_text_sends_nothing(people, guide,
                                                   django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        publish_german(guide)
    assert mail.outbox == []


def test_the_last_editor_of_the_translation_is_told_too(people, change_paragraph, guide, arabic):
    editor = UserFactory(username="last-editor", is_superuser=True)
    StringTranslation.objects.filter(context__object_id=guide.translation_key,
                                     locale=arabic).update(last_translated_by=editor)
    change_paragraph()
    assert recipients() == ["last-editor@example.org", "ta@example.org"]


def test_a_last_editor_who_lost_access_is_not_told(people, change_paragraph, guide, arabic):
    StringTranslation.objects.filter(context__object_id=guide.translation_key,
                                     locale=arabic).update(last_translated_by=UserFactory())
    change_paragraph()
    assert recipients() == ["ta@example.org"]


def test_glossary_translators_are_the_users_who_may_change_glossary_terms():
    from cms.models import GlossaryTerm

    moderator = UserFactory(username="mod", groups=["Moderators"])
    UserFactory(username="boss", is_superuser=True)
    term = GlossaryTerm.objects.get(slug="satzung", locale__language_code="de")
    term.definition = "Die geschriebenen Regeln des Vereins."
    term.save()
    source = TranslationSource.objects.get_for_instance(term)
    notify_translators(source.pk)
    assert recipients() == [moderator.email]
    assert Locale.objects.get(language_code="ar").get_display_name() in mail.outbox[0].body


def test_the_e_mail_is_in_the_translators_admin_language(people, change_paragraph):
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(people["translator"])
    profile.preferred_language = "ar"
    profile.save()
    change_paragraph()
    message = mail.outbox[0]
    assert message.subject == "تغيّر النص الألماني الأصلي: Testleitfaden Vereinsgründung"
    assert "مرحبًا" in message.body and "العربية" in message.body


def test_default_e_mail_is_in_german(people, change_paragraph):
    change_paragraph()
    message = mail.outbox[0]
    assert message.subject == "Deutsches Original geändert: Testleitfaden Vereinsgründung"
    assert "Hallo ta," in message.body
    assert "bleibt erhalten" in message.body


def test_a_broker_that_is_down_delays_the_mail_and_loses_none(people, change_paragraph,
                                                              arabic_guide):
    with celery_broker(f"redis://127.0.0.1:{closed_port()}/0", reachable=False):
        change_paragraph()  # publishes and runs the on-commit callbacks
    assert mail.outbox == []
    assert PendingTask.objects.filter(task="translations.tasks.notify_translators").exists()
    flush()  # the beat task once the broker is back (here: no broker, so in-process)
    assert [m.to for m in mail.outbox] == [["ta@example.org"]]
    assert not PendingTask.objects.exists()


def test_translators_of_a_copied_translation_are_told_too(people, change_paragraph, guide,
                                                          arabic_guide):
    """A translation made by copying (no wagtail-localize record) still has translators."""
    english = guide.copy_for_translation(Locale.objects.get(language_code="en"),
                                         copy_parents=True)
    english.save_revision().publish()
    english_translator = user_in(
        group_with_page_permission("EN", english.get_parent()), username="te")
    change_paragraph()
    assert recipients() == ["ta@example.org", english_translator.email]
    english_mail = next(m for m in mail.outbox if m.to == [english_translator.email])
    assert f"/admin/pages/{english.pk}/edit/" in english_mail.body
