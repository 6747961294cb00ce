"""Translators who work offline: download a PO file, translate, upload it again.

The admin speaks German here (the default language), so messages are asserted in German."""

import polib
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail_localize.models import StringTranslation, Translation

from .conftest import group_with_page_permission, user_in

pytestmark = pytest.mark.django_db

NEW_TIP = "اسألوا في المحكمة المحلية أو في مكتب الاندماج."


@pytest.fixture
def translation(guide, arabic):
    return Translation.objects.get(source__object_id=guide.translation_key,
                                   target_locale=arabic)


def download(client, translation) -> polib.POFile:
    response = client.get(f"/admin/localize/translate/{translation.pk}/pofile/download/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/x-gettext-translation")
    return polib.pofile(response.content.decode())


def upload(client, translation, content, next_url="/admin/"):
    file = SimpleUploadedFile("guide-ar.po", content if isinstance(content, bytes)
                              else content.encode(), content_type="text/x-gettext-translation")
    return client.post(f"/admin/localize/translate/{translation.pk}/pofile/upload/",
                       {"file": file, "next": next_url}, follow=True)


def snapshot(guide, arabic):
    return sorted(StringTranslation.objects.filter(
        context__object_id=guide.translation_key, locale=arabic).values_list("pk", "data"))


def denied(response):
    """Wagtail's admin answers PermissionDenied with a redirect to the dashboard."""
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"] == "/admin/")


def messages_of(response):
    return [str(m) for m in response.context["messages"]]


def test_round_trip_changes_the_translation(admin_client, translation, arabic_guide):
    po = download(admin_client, translation)
    entry = next(e for e in po if e.msgid == "Fragen Sie beim Amtsgericht nach.")
    assert entry.msgstr == "اسألوا في المحكمة المحلية."  # the current translation comes along
    entry.msgstr = NEW_TIP
    response = upload(admin_client, translation, str(po))
    assert "Die Übersetzungen aus der PO-Datei wurden importiert." in messages_of(response)
    # the translation editor now holds the new text; publishing puts it on the page
    assert StringTranslation.objects.filter(data=NEW_TIP, locale=translation.target_locale)\
        .exists()
    response = admin_client.post(f"/admin/pages/{arabic_guide.pk}/edit/", {"action": "publish"})
    assert response.status_code == 302
    assert NEW_TIP in admin_client.get(arabic_guide.url).content.decode()


@pytest.mark.parametrize(("content", "message"), [
    (b"this is not a po file", "Diese Datei ist keine gültige PO-Datei."),
    (b"\xff\xfe\x00binary", "Diese Datei ist keine gültige PO-Datei."),
    (b"", "Sie hat keine Übersetzungs-ID"),
    ('msgid "Fragen Sie beim Amtsgericht nach."\nmsgstr "x"\n', "Sie hat keine Übersetzungs-ID"),
])
def test_a_malformed_po_file_is_refused_and_nothing_changes(admin_client, translation, guide,
                                                            arabic, content, message):
    before = snapshot(guide, arabic)
    response = upload(admin_client, translation, content)
    assert response.status_code == 200
    assert any(message in text for text in messages_of(response))
    assert snapshot(guide, arabic) == before


def test_a_po_file_of_another_page_is_refused(admin_client, translation, guide, arabic):
    from cms.models import GlossaryTerm

    term = GlossaryTerm.objects.get(slug="satzung", locale__language_code="de")
    other = Translation.objects.get(source__object_id=term.translation_key,
                                    target_locale=arabic)
    po = download(admin_client, other)
    for entry in po:
        entry.msgstr = "شيء آخر"
    before = snapshot(guide, arabic)
    response = upload(admin_client, translation, str(po))
    assert ("Diese PO-Datei gehört zu einer anderen Seite oder Sprache. "
            "Es wurde nichts importiert.") in messages_of(response)
    assert snapshot(guide, arabic) == before


def test_no_file_is_a_clear_error(admin_client, translation):
    response = admin_client.post(f"/admin/localize/translate/{translation.pk}/pofile/upload/",
                                 {"next": "/admin/"}, follow=True)
    assert "Wählen Sie eine PO-Datei zum Hochladen." in messages_of(response)


def test_entries_for_changed_german_text_are_reported(admin_client, translation, guide, arabic):
    po = download(admin_client, translation)
    entry = next(e for e in po if e.msgid == "Fragen Sie beim Amtsgericht nach.")
    entry.msgid = "Ein Text, den es nicht mehr gibt."
    entry.msgstr = NEW_TIP
    response = upload(admin_client, translation, str(po))
    assert any("1 Eintrag passte nicht zum aktuellen deutschen Text" in m
               for m in messages_of(response))
    assert not StringTranslation.objects.filter(data=NEW_TIP).exists()


def test_only_people_who_may_edit_the_translation_download_or_upload(
        client, translation, arabic_guide, guide, arabic):
    outsider_group = group_with_page_permission("Andere Sektion", guide.get_parent())
    client.force_login(user_in(outsider_group))  # may edit German, not Arabic
    assert denied(client.get(f"/admin/localize/translate/{translation.pk}/pofile/download/"))
    before = snapshot(guide, arabic)
    file = SimpleUploadedFile("x.po", b'msgid ""\nmsgstr ""\n')
    response = client.post(f"/admin/localize/translate/{translation.pk}/pofile/upload/",
                           {"file": file})
    assert denied(response)
    assert snapshot(guide, arabic) == before

    client.force_login(user_in(group_with_page_permission("Arabisch", arabic_guide.get_parent())))
    assert client.get(
        f"/admin/localize/translate/{translation.pk}/pofile/download/").status_code == 200
