"""Translation state: up to date, out of date, missing; and what publishing German does."""

import datetime

import pytest
from wagtail.models import Locale
from wagtail_localize.models import StringTranslation, TranslationSource

from translations.state import State, state_of, states_for

from .conftest import CHANGED_PARAGRAPH, FIRST_PARAGRAPH, publish_german

pytestmark = pytest.mark.django_db


def states(page):
    return {code: s.state for (_key, code), s in states_for([page]).items()}


def test_imported_translation_is_up_to_date_and_other_languages_missing(guide):
    found = states(guide)
    assert found["ar"] is State.UP_TO_DATE
    assert {found[code] for code in ("en", "fa", "ru", "uk", "tr", "vi")} == {State.MISSING}


def test_changing_a_german_paragraph_makes_the_translation_out_of_date(
        change_paragraph, guide, arabic_guide):
    arabic_before = arabic_guide.body.raw_data[1]["value"]
    change_paragraph()
    state = state_of(arabic_guide)
    assert state.state is State.OUT_OF_DATE
    assert state.source_changed_at > arabic_guide.last_published_at
    # the translation itself is not touched: readers still get the Arabic text
    arabic_guide.refresh_from_db()
    assert arabic_guide.body.raw_data[1]["value"] == arabic_before
    # the source now has the new German text for translators to work on
    source = TranslationSource.objects.get_for_instance(guide)
    assert CHANGED_PARAGRAPH in source.content_json


def test_republishing_without_changing_text_keeps_translations_up_to_date(guide, arabic_guide):
    publish_german(guide)
    publish_german(guide, last_reviewed=datetime.date(2026, 11, 30))  # a synchronised field
    assert state_of(arabic_guide).state is State.UP_TO_DATE


def test_changing_the_title_counts_as_a_change(guide, arabic_guide):
    publish_german(guide, title="Einen Verein gründen: der Test")
    assert state_of(arabic_guide).state is State.OUT_OF_DATE


def test_draft_of_the_german_page_changes_nothing(guide, arabic_guide):
    page = guide.specific_class.objects.get(pk=guide.pk)
    page.title = "Nur ein Entwurf"
    page.save_revision()  # saved, not published
    assert state_of(arabic_guide).state is State.UP_TO_DATE


def test_unpublished_translation_counts_as_missing(guide, arabic_guide):
    arabic_guide.unpublish()
    assert states(guide)["ar"] is State.MISSING


def test_german_page_has_no_state_of_its_own(guide):
    assert state_of(guide) is None


def test_glossary_snippet_goes_out_of_date_when_its_german_text_changes():
    from cms.models import GlossaryTerm

    german = GlossaryTerm.objects.get(slug="satzung", locale__language_code="de")
    arabic = german.get_translation(Locale.objects.get(language_code="ar"))
    assert state_of(arabic).state is State.UP_TO_DATE
    german.save()  # saved unchanged: still up to date
    assert state_of(arabic).state is State.UP_TO_DATE
    german.definition = "Die Regeln des Vereins, schriftlich festgehalten."
    german.save()
    assert state_of(arabic).state is State.OUT_OF_DATE


def test_syncing_keeps_every_translation_that_still_applies(
        admin_client, change_paragraph, guide, arabic_guide, arabic):
    """The German source changes one paragraph; a sync through wagtail-localize's own admin
    view keeps all other translated texts, and only the changed one is untranslated."""
    translated_before = set(
        StringTranslation.objects.filter(context__object_id=guide.translation_key,
                                         locale=arabic).values_list("pk", "data"))
    change_paragraph()
    source = TranslationSource.objects.get_for_instance(guide)
    response = admin_client.post(f"/admin/localize/update/{source.pk}/",
                                 {"publish_translations": "on"})
    assert response.status_code == 302

    # no translated text was deleted or altered
    after = set(StringTranslation.objects.filter(context__object_id=guide.translation_key,
                                                 locale=arabic).values_list("pk", "data"))
    assert translated_before <= after
    state = state_of(arabic_guide)
    assert state.state is State.OUT_OF_DATE and state.untranslated == 1

    # the published Arabic page still shows every other Arabic text; the changed paragraph
    # falls back to the new German one until someone translates it
    page = admin_client.get(arabic_guide.url).content.decode()
    for arabic_text in ("قبل أن تبدأوا", "اكتبوا النظام الأساسي.", "ادعوا الجميع.",
                        "اسألوا في المحكمة المحلية.", "دليل اختبار تأسيس الجمعية"):
        assert arabic_text in page
    assert CHANGED_PARAGRAPH in page
    assert FIRST_PARAGRAPH not in page
    assert "تحتاج الجمعية إلى" not in page  # the outdated Arabic paragraph is gone


def test_translating_the_changed_text_and_publishing_makes_it_up_to_date(
        admin_client, change_paragraph, guide, arabic_guide, arabic,
        django_capture_on_commit_callbacks):
    from wagtail_localize.models import StringSegment, Translation

    change_paragraph()
    translation = Translation.objects.get(source__object_id=guide.translation_key,
                                          target_locale=arabic)
    segment = StringSegment.objects.get(source=translation.source,
                                        string__data=CHANGED_PARAGRAPH)
    response = admin_client.put(
        f"/admin/localize/translate/{translation.pk}/strings/{segment.pk}/edit/",
        "value=" + "تحتاج الجمعية إلى <b>نظام أساسي</b> وأعضاء ومجلس إدارة.",
        content_type="application/x-www-form-urlencoded; charset=utf-8",
    )
    assert response.status_code == 201, response.content  # a new translation of the string
    assert state_of(arabic_guide).state is State.OUT_OF_DATE  # not published yet
    # wagtail-localize publishes the new revision after the commit, as in production
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(f"/admin/pages/{arabic_guide.pk}/edit/",
                                     {"action": "publish"})
    assert response.status_code == 302
    assert state_of(arabic_guide).state is State.UP_TO_DATE
    assert "ومجلس إدارة" in admin_client.get(arabic_guide.url).content.decode()


def test_states_take_the_same_few_queries_for_one_page_or_many():
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from wagtail.models import Page

    pages = list(Page.objects.filter(locale=Locale.get_default(), depth__gt=2))
    assert len(pages) > 3
    counts = []
    for chosen in (pages[:1], pages):
        with CaptureQueriesContext(connection) as queries:
            found = states_for(chosen)
        assert len(found) == len(chosen) * 7
        counts.append(len(queries))
    assert counts[0] == counts[1] <= 10


def test_one_translation_state_agrees_with_the_batch_and_takes_one_query(
        change_paragraph, guide, arabic_guide):
    """state_of (the readers' notice, one query) follows the same rule as states_for."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from cms.models import GlossaryTerm

    term = GlossaryTerm.objects.get(slug="satzung", locale__language_code="ar")

    def agree():
        for translated in (reloaded(arabic_guide), term):
            german = translated.get_translation(Locale.get_default())
            batch = states_for([german], [translated.locale])[
                (german.translation_key, translated.locale.language_code)]
            assert state_of(translated) == batch
        return state_of(reloaded(arabic_guide)).state

    assert agree() is State.UP_TO_DATE
    change_paragraph()
    assert agree() is State.OUT_OF_DATE
    reloaded(arabic_guide).unpublish()
    assert agree() is State.MISSING
    Locale.get_default()  # locales are read once per process (cms.locales)
    with CaptureQueriesContext(connection) as queries:
        state_of(arabic_guide)
    assert len(queries) == 1


def reloaded(page):
    return type(page).objects.get(pk=page.pk)
