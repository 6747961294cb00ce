"""`manage.py export_module <slug> <folder>`: a module, its lessons and their translations
written back as the files `import_content` reads (learning/importing.py), so a module can be
edited outside Wagtail, or moved to another site, and imported again.

Files: `<module>.<locale>.md` for the module, `<NN>-<lesson>.<locale>.md` for its lessons in
their order, and `documents/` for the files their download blocks offer. Blocks without a
file form (video, worksheet) and links inside the site are named in the notes.
"""

from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

import yaml
from django.conf import settings
from wagtail.models import Locale

from cms.importer.markdown_export import stream_to_markdown
from cms.importer.ordering import place_of

from .models import LessonPage, ModulePage
from .quiz_files import FENCE, quiz_markdown


class ExportError(Exception):
    pass


@dataclass
class Export:
    files: list[Path] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def export_module(slug: str, folder) -> Export:
    german = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
    module = ModulePage.objects.filter(locale=german, slug=slug).first()
    if module is None:
        raise ExportError(f"no German module with the slug '{slug}'")
    writer = _Writer(Path(folder))
    writer.folder.mkdir(parents=True, exist_ok=True)
    lessons = list(LessonPage.objects.child_of(module).order_by("path"))
    for page in [module, *module.get_translations()]:
        writer.write(f"{slug}.{page.locale.language_code}.md", _module_meta(page, module),
                     page.intro.raw_data, page)
    for number, lesson in enumerate(lessons, start=1):
        for page in [lesson, *lesson.get_translations()]:
            writer.write(f"{number:02d}-{lesson.slug}.{page.locale.language_code}.md",
                         _lesson_meta(page, lesson, module), page.body.raw_data, page)
    return writer.export


def _common(page, source) -> dict:
    meta = {"type": "", "slug": source.slug, "locale": page.locale.language_code}
    if page.pk != source.pk:
        meta["translation_of"] = source.slug
    meta.update(title=page.title, summary=page.summary)
    return meta


def _module_meta(page, source) -> dict:
    meta = {**_common(page, source), "type": "module"}
    if page.pk == source.pk:
        meta.update(topic=page.get_parent().slug, level=page.level, duration=page.duration,
                    pass_mark=page.pass_mark)
        prerequisites = [link.module.slug for link in page.prerequisites.all()]
        if prerequisites:
            meta["prerequisites"] = prerequisites
    if page.audience:
        meta["audience"] = page.audience
    if page.objective_list:
        meta["objectives"] = page.objective_list
    return meta


def _lesson_meta(page, source, module) -> dict:
    meta = {**_common(page, source), "type": "lesson"}
    if page.pk == source.pk:
        meta.update(module=module.slug, position=place_of(source)[0])
    return meta


class _Writer:
    def __init__(self, folder: Path):
        self.folder, self.export = folder, Export()
        self.documents: dict[int, str] = {}

    def write(self, name: str, meta: dict, blocks, page) -> None:
        notes: list[str] = []
        body = stream_to_markdown(list(blocks), self.document, writers={FENCE: quiz_markdown},
                                  notes=notes)
        front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=10_000)
        path = self.folder / name
        path.write_text(f"---\n{front}---\n{body}", encoding="utf-8")
        self.export.files.append(path)
        self.export.notes.extend(f"{name}: {note}" for note in notes)

    def document(self, pk: int) -> str:
        """The file a download block names, copied into documents/ once."""
        if pk not in self.documents:
            from wagtail.documents import get_document_model

            document = get_document_model().objects.get(pk=pk)
            name = PurePosixPath(document.file.name).name
            if f"documents/{name}" in self.documents.values():
                name = f"{pk}-{name}"  # two documents of one name
            target = self.folder / "documents" / name
            target.parent.mkdir(exist_ok=True)
            with document.file.open("rb") as source:
                target.write_bytes(source.read())
            self.documents[pk] = f"documents/{name}"
        return self.documents[pk]
