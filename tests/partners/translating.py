"""What the partner tests do with wagtail-localize: make a translation as "Translate this
page" does, and type a string into the translation editor through its API."""

from wagtail.models import Locale
from wagtail_localize.models import StringSegment, Translation, TranslationSource


def locale(code):
    return Locale.objects.get(language_code=code)


def synced_translation(instance, code, publish=False):
    """(source, translated instance): a wagtail-localize translation of `instance` into
    `code`, a draft unless `publish`."""
    source, _ = TranslationSource.get_or_create_from_instance(instance)
    translation, _ = Translation.objects.get_or_create(source=source, target_locale=locale(code))
    translation.save_target(publish=publish)
    return source, instance.get_translation(locale(code))


def put_string(client, target, text, path=None):
    """(response, segment): `text` typed into the editor of `target` (a translated page or
    snippet) for the string at context `path`, or for its first string."""
    translation = Translation.objects.get(source__object_id=target.translation_key,
                                          target_locale=target.locale)
    segments = StringSegment.objects.filter(source=translation.source)
    segment = (segments.get(context__path=path) if path
               else segments.order_by("order").first())
    response = client.put(
        f"/admin/localize/translate/{translation.pk}/strings/{segment.pk}/edit/",
        "value=" + text, content_type="application/x-www-form-urlencoded; charset=utf-8")
    return response, segment
