"""Readers of a translation whose German original changed see a notice in their language."""

import re

import pytest
from django.utils import formats, timezone, translation
from wagtail.models import Locale
from wagtail_localize.models import TranslationSource

from .conftest import CHANGED_PARAGRAPH, FIRST_PARAGRAPH, publish_german

pytestmark = pytest.mark.django_db

ARABIC_NOTICE = "تم تحديث النص الألماني الأصلي في"


def notice(html):
    found = re.search(r'<p class="notice outdated-notice" role="note">(.*?)</p>', html, re.S)
    return found.group(1) if found else None


def test_no_notice_while_the_translation_is_up_to_date(client, arabic_guide):
    response = client.get(arabic_guide.url)
    assert response.status_code == 200
    assert notice(response.content.decode()) is None


def test_notice_with_date_and_link_to_the_german_page_after_a_change(
        client, change_paragraph, guide, arabic_guide):
    change_paragraph()
    html = client.get(arabic_guide.url).content.decode()
    text = notice(html)
    assert text is not None and ARABIC_NOTICE in text
    assert f'<a href="{guide.url}" lang="de" hreflang="de">' in text
    assert "اقرأ النص الألماني الأصلي" in text
    changed = TranslationSource.objects.get_for_instance(guide).last_updated_at
    with translation.override("ar"):  # the date as Arabic readers write it
        date = formats.date_format(timezone.localtime(changed), "DATE_FORMAT")
    assert date in text


def test_notice_speaks_the_readers_language(client, guide):
    # an English translation made by copying the German page (not through wagtail-localize)
    english = guide.copy_for_translation(Locale.objects.get(language_code="en"),
                                         copy_parents=True)
    english.save_revision().publish()
    assert notice(client.get(english.url).content.decode()) is None
    publish_german(guide, replace=(FIRST_PARAGRAPH, CHANGED_PARAGRAPH))
    text = notice(client.get(english.url).content.decode())
    assert text is not None
    assert "The German original was updated on" in text
    assert "this translation may be out of date." in text


def test_german_page_and_german_fallback_have_no_such_notice(client, change_paragraph, guide):
    change_paragraph()
    assert notice(client.get(guide.url).content.decode()) is None
    # a reader under /fa/ gets the German page (no Persian translation): no outdated notice
    response = client.get(guide.url.replace("/de/", "/fa/", 1))
    assert response.status_code == 200
    assert notice(response.content.decode()) is None
