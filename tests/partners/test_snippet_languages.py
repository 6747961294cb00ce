"""Partner translators given a snippet permission work only in their languages
(partners.patches.snippet_languages): Wagtail's snippet permissions have no locale."""

import pytest
from django.contrib.auth.models import Permission
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from cms.models import GlossaryTerm
from tests.admin_refusals import assert_permission_denied
from tests.factories import UserFactory
from tests.partners.translating import locale, put_string, synced_translation

pytestmark = pytest.mark.django_db


@pytest.fixture
def german_term():
    return GlossaryTerm.objects.get(slug="satzung", locale__language_code="de")


@pytest.fixture
def terms(german_term, partner_a):
    """Partner A's translators (ar, fa) may change glossary terms; the term exists in ar
    (imported) and en (made here)."""
    partner_a.translators.permissions.add(Permission.objects.get(codename="change_glossaryterm"))
    synced_translation(german_term, "en", publish=True)
    return {code: german_term.get_translation(locale(code)) for code in ("ar", "en")}


def edit_string(client, term, text):
    response, segment = put_string(client, term, text)
    saved = StringTranslation.objects.filter(translation_of=segment.string, locale=term.locale,
                                             context=segment.context, data=text).exists()
    return response.status_code, saved


def opens_editor(client, term):
    response = client.get(f"/admin/snippets/cms/glossaryterm/edit/{term.pk}/")
    return response.status_code == 200 and term.term in response.content.decode()


def test_translator_edits_their_languages_strings_only(client, roles, terms, german_term):
    client.force_login(roles.translator_a)
    assert edit_string(client, terms["ar"], "النظام الأساسي للجمعية") [1]
    status, saved = edit_string(client, terms["en"], "Articles of association")
    assert status == 403 and not saved
    assert opens_editor(client, terms["ar"])
    assert not opens_editor(client, terms["en"])
    assert not opens_editor(client, german_term)  # not the German original either
    translation = Translation.objects.get(source__object_id=german_term.translation_key,
                                          target_locale=locale("en"))
    assert_permission_denied(
        client.get(f"/admin/localize/translate/{translation.pk}/pofile/download/"))


def test_translator_translates_a_term_only_into_their_languages(client, roles, terms,
                                                                german_term):
    client.force_login(roles.translator_a)
    url = f"/admin/localize/submit/snippet/cms/glossaryterm/{german_term.pk}/"
    client.post(url, {"locales": [locale("ru").pk]})
    assert not german_term.has_translation(locale("ru"))
    client.post(url, {"locales": [locale("fa").pk]})
    assert german_term.has_translation(locale("fa"))
    # a sync rewrites every language's translation: not for a translator of two
    source = TranslationSource.objects.get_for_instance(german_term)
    assert_permission_denied(client.post(f"/admin/localize/update/{source.pk}/", {}))


def test_other_groups_and_central_staff_are_not_limited(client, roles, terms):
    moderator = UserFactory(username="moderator", groups=["Moderators"])
    for user in (moderator, roles.central):
        client.force_login(user)
        status, saved = edit_string(client, terms["en"], f"Statute ({user.username})")
        assert saved, status
        assert opens_editor(client, terms["en"])
    # a translator who is also a Moderator has the Moderators' unlimited permission
    roles.translator_a.groups.add(moderator.groups.get())
    client.force_login(roles.translator_a)
    assert edit_string(client, terms["en"], "Statute (both)")[1]


def test_without_the_permission_nothing_changes(client, roles, german_term):
    client.force_login(roles.translator_a)  # partner translators get no snippet permission
    arabic = german_term.get_translation(locale("ar"))
    assert not opens_editor(client, arabic)
    assert edit_string(client, arabic, "نص")[0] == 403
