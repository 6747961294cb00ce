""""Mein Lernen": the learner's modules, how far they got, and where to go on."""

from dataclasses import dataclass

from django.conf import settings

from cms.i18n import ReaderLink, reader_links

from .models import LessonCompletion, LessonPage, ModulePage


@dataclass
class ModuleProgress:
    module: ReaderLink
    done: int
    total: int
    completed: bool
    resume: ReaderLink | None

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.total) if self.total else 100


def my_modules(learner) -> list[ModuleProgress]:
    enrolments = list(learner.enrolments.order_by("-last_seen_at"))
    if not enrolments:
        return []
    keys = [e.module_key for e in enrolments]
    sources = {m.translation_key: m for m in ModulePage.objects.live().public()
               .filter(translation_key__in=keys, locale__language_code=settings.LANGUAGE_CODE)}
    done = {}
    for module_key, lesson_key in LessonCompletion.objects.filter(
            learner=learner, module_key__in=keys).values_list("module_key", "lesson_key"):
        done.setdefault(module_key, set()).add(lesson_key)
    rows = []
    for enrolment in enrolments:
        module = sources.get(enrolment.module_key)
        if module is None:
            continue  # unpublished since
        lessons = list(LessonPage.objects.child_of(module).live().public().order_by("path"))
        keys_in_order = [lesson.translation_key for lesson in lessons]
        finished = done.get(enrolment.module_key, set()) & set(keys_in_order)
        resume = next((lesson for lesson in lessons
                       if lesson.translation_key == enrolment.last_lesson_key), None)
        if resume is None or resume.translation_key in finished:
            resume = next((lesson for lesson in lessons
                           if lesson.translation_key not in finished), resume)
        module_link, *resume_link = reader_links([module, *([resume] if resume else [])])
        rows.append(ModuleProgress(module_link, len(finished), len(keys_in_order),
                                   enrolment.completed_at is not None,
                                   resume_link[0] if resume_link else None))
    return rows
