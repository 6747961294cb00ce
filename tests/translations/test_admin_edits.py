"""Editing German content in the admin is what makes translations out of date."""

import pytest
from django.core import mail
from wagtail.models import Locale
from wagtail.test.utils.form_data import nested_form_data, rich_text

from cms.models import GlossaryTerm, Organisation, TopicPage
from tests.factories import UserFactory
from translations.state import State, state_of

pytestmark = pytest.mark.django_db


def test_publishing_a_german_topic_in_the_admin_puts_its_translation_out_of_date(
        admin_client, django_capture_on_commit_callbacks):
    topic = TopicPage.objects.get(slug="verein-gruenden", locale__language_code="de")
    arabic = topic.get_translation(Locale.objects.get(language_code="ar"))
    assert state_of(arabic).state is State.UP_TO_DATE
    arabic_before = (arabic.title, arabic.summary, arabic.latest_revision_id)
    data = nested_form_data({
        "title": topic.title, "slug": topic.slug,
        "summary": "Wie Sie einen eingetragenen Verein gründen, Schritt für Schritt.",
        "body": rich_text(topic.body or "<p>Einleitung</p>"),
        "action-publish": "publish",
    })
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(f"/admin/pages/{topic.pk}/edit/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    topic.refresh_from_db()
    assert topic.summary.startswith("Wie Sie einen eingetragenen Verein gründen")
    assert state_of(arabic).state is State.OUT_OF_DATE
    arabic.refresh_from_db()
    # untouched until a translator syncs
    assert (arabic.title, arabic.summary, arabic.latest_revision_id) == arabic_before


def test_saving_a_german_glossary_term_in_the_admin_tells_its_translators(
        admin_client, django_capture_on_commit_callbacks):
    moderator = UserFactory(username="mod", groups=["Moderators"])
    term = GlossaryTerm.objects.get(slug="satzung", locale__language_code="de")
    arabic = term.get_translation(Locale.objects.get(language_code="ar"))
    data = {"term": term.term, "slug": term.slug, "body": rich_text(term.body),
            "definition": "Die schriftlichen Regeln eines Vereins."}
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(f"/admin/snippets/cms/glossaryterm/edit/{term.pk}/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert state_of(arabic).state is State.OUT_OF_DATE
    assert [m.to for m in mail.outbox] == [[moderator.email]]


def test_organisations_are_translatable_snippets_with_a_state_too(guide):
    german = Organisation.objects.create(name="Netzwerk Nord", slug="netzwerk-nord",
                                         kind="network", description="Wir beraten Vereine.",
                                         locale=guide.locale)
    arabic_locale = Locale.objects.get(language_code="ar")
    from wagtail_localize.models import Translation, TranslationSource

    source, _ = TranslationSource.get_or_create_from_instance(german)
    translation = Translation.objects.create(source=source, target_locale=arabic_locale)
    translation.save_target(publish=True)
    arabic = german.get_translation(arabic_locale)
    assert state_of(arabic).state is State.OUT_OF_DATE  # German text, nothing translated yet
    assert state_of(arabic).untranslated == 2
    german.city = "Hamburg"  # a synchronised field: no work for translators
    german.save()
    assert state_of(arabic).untranslated == 2
    german.description = "Wir beraten Vereine und Initiativen."
    german.save()
    assert TranslationSource.objects.get(pk=source.pk).last_updated_at > source.last_updated_at
