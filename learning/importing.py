"""`type: module` and `type: lesson` files for `manage.py import_content`
(docs/content-format.md, "Learning modules and lessons").

cms imports nothing from learning: `register()`, called from LearningConfig.ready(), hands
the import these two types through cms.importer.registry. A module goes below its topic (its
Markdown body is the introduction), a lesson below its module at its `position`, with its
```` ```quiz ```` blocks read as GIFT (learning/quiz_files.py). Everything is checked before
the first write; a bad file writes nothing (the importer's own rule).
"""

from cms.importer.errors import ContentError
from cms.importer.limits import MAX_ORDER, MAX_SHORT_TEXT, MAX_SLUG
from cms.importer.parse import SLUG_RE
from cms.importer.registry import ImportType, register_import_type
from cms.importer.text import kind_of, shorten

from .quiz_files import FENCE, check_quizzes, check_same_questions, quiz_block

LEVELS = ("beginner", "intermediate", "advanced")
MAX_AUDIENCE = 200  # ModulePage.audience
MAX_DURATION = 6_000  # minutes: a hundred hours is more than any module here
MAX_OBJECTIVES = 20
MAX_PREREQUISITES = 20
MODULE_DEFAULTS = {"level": "beginner", "duration": 30, "pass_mark": 80, "audience": "",
                   "objectives": []}


def register() -> None:
    register_import_type(ImportType(
        "module", "learning.ModulePage",
        keys=frozenset({"topic", "level", "duration", "audience", "objectives", "pass_mark",
                        "prerequisites"}),
        required=frozenset({"title", "summary", "topic"}),
        check=check_module, fill=fill_module, parent=topic_of, parent_key="topic",
        body_field="intro", link=link_prerequisites,
        translated_keys=frozenset({"audience", "objectives"}),
        check_translated=check_module_texts, fill_translation=fill_module_texts,
        source_values={"prerequisites": prerequisite_slugs}))
    register_import_type(ImportType(
        "lesson", "learning.LessonPage", keys=frozenset({"module", "position"}),
        required=frozenset({"title", "summary", "module"}),
        check=check_lesson, parent=module_of, parent_key="module",
        fences={FENCE: quiz_block}, check_file=check_quizzes, order_key="position",
        check_translation=check_same_questions,
        source_values={"module": lambda page: page.get_parent().slug}))


# --- modules -------------------------------------------------------------------------------

def check_module(meta: dict) -> None:
    level = meta.get("level", "beginner")
    if level not in LEVELS:
        raise ContentError(f"'level' must be one of {', '.join(LEVELS)}, not "
                           f"'{shorten(str(level), 30)}'")
    _whole_number(meta, "duration", 1, MAX_DURATION, "minutes")
    _whole_number(meta, "pass_mark", 1, 100, "percent")
    prerequisites = meta.get("prerequisites")
    if prerequisites is not None:
        _text_list(meta, "prerequisites", MAX_PREREQUISITES, MAX_SLUG)
        for slug in prerequisites:
            if not SLUG_RE.fullmatch(slug):
                raise ContentError(f"'prerequisites' contains '{shorten(slug)}', which is not "
                                   "a module's slug")
        if meta["slug"] in prerequisites:
            raise ContentError("a module cannot be its own prerequisite")
    check_module_texts(meta)


def check_module_texts(meta: dict) -> None:
    """The keys a translated module carries in its own language."""
    audience = meta.get("audience")
    if audience is not None:
        if not isinstance(audience, str):
            raise ContentError(f"'audience' must be text, not {kind_of(audience)}")
        if len(audience) > MAX_AUDIENCE or "\n" in audience.strip():
            raise ContentError(f"'audience' must be one line of at most {MAX_AUDIENCE} "
                               "characters")
    if meta.get("objectives") is not None:
        _text_list(meta, "objectives", MAX_OBJECTIVES, MAX_SHORT_TEXT)
        if any("\n" in line.strip() for line in meta["objectives"]):
            raise ContentError("each of the 'objectives' must be one line")


def fill_module(page, meta: dict) -> None:
    values = {**MODULE_DEFAULTS, **{k: v for k, v in meta.items() if v is not None}}
    page.level, page.duration = values["level"], values["duration"]
    page.pass_mark = values["pass_mark"]
    fill_module_texts(page, values)


def fill_module_texts(page, meta: dict) -> None:
    page.audience = (meta.get("audience") or "").strip()
    page.objectives = "\n".join(line.strip() for line in meta.get("objectives") or [])


def topic_of(meta: dict, locale):
    from cms.models import TopicPage

    topic = TopicPage.objects.filter(locale=locale, slug=meta["topic"]).first()
    if topic is None:
        raise ContentError(f"unknown topic '{meta['topic']}'")
    return topic


def prerequisite_slugs(page) -> list[str]:
    return [link.module.slug for link in page.prerequisites.select_related("module")]


def link_prerequisites(page, meta: dict) -> list[str]:
    """After every German file is written: the modules named in `prerequisites`, in order."""
    from cms.site_structure import publish

    from .models import ModulePage, ModulePrerequisite

    if "prerequisites" not in meta:
        return []  # what editors set in the admin stays
    slugs = meta["prerequisites"] or []
    page = ModulePage.objects.get(pk=page.pk)
    found = {m.slug: m for m in ModulePage.objects.filter(locale=page.locale, slug__in=slugs)}
    warnings = [f"prerequisite module '{slug}' does not exist (skipped)"
                for slug in slugs if slug not in found]
    wanted = [found[slug].pk for slug in slugs if slug in found]
    if [link.module_id for link in page.prerequisites.all()] != wanted:
        page.prerequisites = [ModulePrerequisite(module_id=pk, sort_order=index)
                              for index, pk in enumerate(wanted)]
        publish(page)
    return warnings


# --- lessons -------------------------------------------------------------------------------

def check_lesson(meta: dict) -> None:
    module = meta["module"]
    if not isinstance(module, str) or not SLUG_RE.fullmatch(module) or len(module) > MAX_SLUG:
        raise ContentError(f"'module' must be a module's slug, not '{shorten(str(module))}'")
    _whole_number(meta, "position", 1, MAX_ORDER, "(1 for the module's first lesson)")


def module_of(meta: dict, locale):
    from .models import ModulePage

    module = ModulePage.objects.filter(locale=locale, slug=meta["module"]).first()
    if module is None:
        raise ContentError(f"unknown module '{meta['module']}' (import its file with the "
                           "lessons, or first)")
    return module


# --- checks --------------------------------------------------------------------------------

def _whole_number(meta, key, lowest, highest, unit):
    if key not in meta:
        return
    value = meta[key]
    if not isinstance(value, int) or isinstance(value, bool) or not lowest <= value <= highest:
        raise ContentError(f"'{key}' must be a whole number from {lowest} to {highest} {unit}, "
                           f"not {shorten(str(value), 30)}")


def _text_list(meta, key, most, longest):
    value = meta[key]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ContentError(f"'{key}' must be a list of text lines")
    if len(value) > most:
        raise ContentError(f"'{key}' has {len(value)} entries; at most {most}")
    for line in value:
        if len(line) > longest:
            raise ContentError(f"an entry of '{key}' has {len(line):,} characters; at most "
                               f"{longest:,}")
