"""Link an imported translation to its German source through wagtail-localize.

The translated file is turned into an unsaved copy of the source, its strings are paired with
the source's strings (same field, same block, same position), and the pairs go into
wagtail-localize's translation memory as a PO file. wagtail-localize then writes the
translated page itself, so the admin shows it as a translation, and translators can carry on
in the translation editor without losing the imported text.

Where a block's strings do not line up with the source's (a paragraph more or fewer, a block
the source does not have), pairing them would drop the translator's text or leave German in
its place. Such a field is written as the translator wrote it, over what wagtail-localize
made, and the block is reported: its strings stay open in the translation editor until a
translator looks at them.
"""

from collections import defaultdict
from dataclasses import dataclass

import polib
from django.db import transaction
from wagtail_localize.models import Translation, TranslationSource
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments


@dataclass(frozen=True)
class Misaligned:
    field: str
    block_id: str  # "" for a field that is not a StreamField
    source_count: int
    translated_count: int


def _strings_by_path(instance) -> dict[str, list[str]]:
    strings = defaultdict(list)
    for segment in extract_segments(instance):
        if isinstance(segment, StringSegmentValue):
            strings[segment.path].append(segment.string.data)
    return strings


def _block_of(path: str) -> tuple[str, str]:
    field, _sep, rest = path.partition(".")
    return field, rest.partition(".")[0]


def pair_strings(source, candidate):
    """([(context path, source string, translated string)], [Misaligned]) - the blocks whose
    strings found no counterpart, counted per block, in the order of the translation."""
    source_strings = _strings_by_path(source)
    translated = _strings_by_path(candidate)
    pairs = []
    counts: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    bad: set[tuple[str, str]] = set()
    for path in {*source_strings, *translated}:
        originals, texts = source_strings.get(path, []), translated.get(path, [])
        block = _block_of(path)
        counts[block][0] += len(originals)
        counts[block][1] += len(texts)
        if len(originals) != len(texts) or any(bool(o) != bool(t)
                                                for o, t in zip(originals, texts, strict=True)):
            bad.add(block)
    for path, originals in source_strings.items():
        if _block_of(path) in bad:
            continue
        pairs.extend((path, o, t) for o, t in zip(originals, translated[path], strict=True)
                     if o and t)
    order = {block: i for i, block in enumerate(dict.fromkeys(map(_block_of, translated)))}
    misaligned = [Misaligned(f, b, *counts[(f, b)])
                  for f, b in sorted(bad, key=lambda k: order.get(k, len(order)))]
    return pairs, misaligned


def save_translation(source, candidate, locale, tool_name="import_content"):
    """Store the candidate's strings as the translation of `source` into `locale` and publish
    the result. Returns (translated instance, [Misaligned])."""
    pairs, misaligned = pair_strings(source, candidate)
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
    target = source.get_translation(locale)
    written = {m.field for m in misaligned if m.translated_count}
    if written:  # a field the translator left out stays German (reported) as before
        target = _keep_translators_text(target, candidate, written)
    return target, misaligned


def _keep_translators_text(target, candidate, fields):
    for name in sorted(fields):
        setattr(target, name, getattr(candidate, name))
    if hasattr(target, "save_revision"):
        revision = target.save_revision(log_action=True)
        # After wagtail-localize's own publication, which also waits for the commit.
        transaction.on_commit(revision.publish)
    else:
        target.save()
    return target


def describe(misaligned: Misaligned, source, candidate) -> str:
    """The report's line for a block that did not line up."""
    where, counts = "the body", (f"the German has {misaligned.source_count} text part(s), the "
                                 f"translation {misaligned.translated_count}")
    if misaligned.block_id:
        for instance, side in ((candidate, ""), (source, "the German ")):
            blocks = list(getattr(instance, misaligned.field).raw_data)
            ids = [block.get("id") for block in blocks]
            if misaligned.block_id in ids:
                number = ids.index(misaligned.block_id)
                what = "legal reference" if misaligned.field == "legal_references" else "block"
                where = f"{side}{what} {number + 1} ({blocks[number]['type']})"
                break
    elif misaligned.field != "body":
        where = f"'{misaligned.field}'"
    if not misaligned.translated_count:
        return (f"{where} is not translated ({counts}); it stays German until translated in "
                "the admin")
    return (f"{where} needs a translator's look: {counts}; the translation's text is kept as "
            "written and its parts stay open in the admin's translation editor")
