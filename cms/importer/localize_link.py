"""Link an imported translation to its German source through wagtail-localize.

The translated file is turned into an unsaved copy of the source, its strings are paired with
the source's strings (same field, same block, same position), and the pairs go into
wagtail-localize's translation memory as a PO file. wagtail-localize then writes the
translated page itself, so the admin shows it as a translation, and translators can carry on
in the translation editor without losing the imported text.
"""

from collections import defaultdict

import polib
from wagtail_localize.models import Translation, TranslationSource
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments


def _strings_by_path(instance) -> dict[str, list[str]]:
    strings = defaultdict(list)
    for segment in extract_segments(instance):
        if isinstance(segment, StringSegmentValue):
            strings[segment.path].append(segment.string.data)
    return strings


def pair_strings(source, candidate) -> tuple[list[tuple[str, str, str]], int]:
    """[(context path, source string, translated string)] and the number of source strings
    that found no counterpart."""
    source_strings = _strings_by_path(source)
    translated = _strings_by_path(candidate)
    pairs, missing = [], 0
    for path, originals in source_strings.items():
        counterparts = translated.get(path, [])
        if len(counterparts) != len(originals):
            missing += len([o for o in originals if o])
            continue
        for original, text in zip(originals, counterparts, strict=True):
            if original and text:
                pairs.append((path, original, text))
            elif original:
                missing += 1
    return pairs, missing


def save_translation(source, candidate, locale, tool_name="import_content"):
    """Store the candidate's strings as the translation of `source` into `locale` and publish
    the result. Returns (translated instance, number of source strings left untranslated)."""
    pairs, missing = pair_strings(source, candidate)
    translation_source, _ = TranslationSource.update_or_create_from_instance(source)
    translation, _ = Translation.objects.get_or_create(
        source=translation_source, target_locale=locale, defaults={"enabled": True}
    )
    if not translation.enabled:
        translation.enabled = True
        translation.save(update_fields=["enabled"])
    po = polib.POFile(wrapwidth=0)
    po.metadata = {"Content-Type": "text/plain; charset=utf-8",
                   "X-WagtailLocalize-TranslationID": str(translation.uuid)}
    for path, original, text in pairs:
        po.append(polib.POEntry(msgctxt=path, msgid=original, msgstr=text))
    translation.import_po(po, tool_name=tool_name)
    translation.save_target(publish=True)
    return source.get_translation(locale), missing
