"""Import a file or folder of content files. Each file is written in its own transaction: a
bad file is reported and leaves nothing behind, and the other files still import."""

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile as DjangoFile
from django.db import transaction
from wagtail.documents import get_document_model
from wagtail.models import Collection, Locale

from cms.models import (
    FundingProgrammePage,
    GlossaryTerm,
    GuideGlossaryLink,
    GuidePage,
    GuideRelatedLink,
    OrganisationType,
    Region,
    TopicPage,
)
from cms.site_structure import ensure_site_structure, publish

from .block_ids import assign_ids
from .errors import ContentError
from .localize_link import save_translation
from .markdown_blocks import body_to_stream, markdown_to_richtext
from .parse import ContentFile, parse_file

MODELS = {"topic": TopicPage, "guide": GuidePage, "funding": FundingProgrammePage,
          "glossary": GlossaryTerm}


@dataclass
class FileResult:
    path: str
    status: str  # created | updated | failed
    message: str = ""
    warnings: list[str] = field(default_factory=list)


@dataclass
class ImportReport:
    results: list[FileResult] = field(default_factory=list)

    def count(self, status):
        return sum(1 for r in self.results if r.status == status)

    @property
    def failed(self):
        return [r for r in self.results if r.status == "failed"]

    @property
    def ok(self):
        return not self.failed


def collect_files(path: Path) -> list[Path]:
    if path.is_file():
        return [path]
    if path.is_dir():
        return sorted(p for p in path.rglob("*.md") if p.is_file()
                      and not p.name.lower().startswith("readme"))
    raise ContentError(f"{path} does not exist")


def import_path(path, user=None) -> ImportReport:
    path = Path(path)
    base = path if path.is_dir() else path.parent
    report = ImportReport()
    contents: list[ContentFile] = []
    for file in collect_files(path):
        try:
            contents.append(parse_file(file))
        except ContentError as error:
            report.results.append(FileResult(_name(file, base), "failed", str(error)))
    contents.sort(key=ContentFile.sort_key)

    ensure_site_structure()
    # German sources first, then links between them (a guide may name one imported later),
    # then translations, which copy those links from their source.
    related: list[tuple[GuidePage, list[str], FileResult]] = []
    sources = [c for c in contents if not c.is_translation]
    translations = [c for c in contents if c.is_translation]
    for content in sources:
        report.results.append(_write(content, base, user, related))
    for page, slugs, result in related:
        with transaction.atomic():
            _link_related(page, slugs, result, user)
    for content in translations:
        report.results.append(_write(content, base, user, related))
    return report


def _write(content, base, user, related) -> FileResult:
    result = FileResult(_name(content.path, base), "")
    try:
        with transaction.atomic():
            Writer(content, user, result).write(related)
    except ContentError as error:
        result.status, result.message = "failed", str(error)
    except ValidationError as error:
        result.status, result.message = "failed", _validation_message(error)
    return result


def _name(file: Path, base: Path) -> str:
    try:
        return str(file.relative_to(base))
    except ValueError:
        return str(file)


def _validation_message(error: ValidationError) -> str:
    if hasattr(error, "message_dict"):
        return "; ".join(f"{k}: {' '.join(v)}" for k, v in error.message_dict.items())
    return " ".join(error.messages)


class Writer:
    def __init__(self, content: ContentFile, user, result: FileResult):
        self.content, self.meta, self.user, self.result = content, content.meta, user, result
        self.locale = Locale.objects.get(language_code=content.locale)
        self.model = MODELS[content.type]

    def write(self, related):
        if self.content.is_translation:
            return self.write_translation()
        existing = self.model.objects.filter(locale=self.locale, slug=self.content.slug).first()
        self.result.status = "updated" if existing else "created"
        if self.content.type == "glossary":
            return self.write_glossary(existing or GlossaryTerm(locale=self.locale))
        page = existing or self.model(slug=self.content.slug, locale=self.locale)
        self.fill_page(page)
        parent = self.parent_for(page)
        if existing is None:
            page.live = False
            parent.add_child(instance=page)
        elif page.get_parent().pk != parent.pk:
            page.move(parent, pos="last-child", user=self.user)
            page.refresh_from_db()
            self.fill_page(page)
        if self.content.type == "guide":
            self.set_glossary_links(page)
        publish(page, self.user)
        if self.content.type == "guide" and self.meta.get("related") is not None:
            related.append((page, self.meta["related"], self.result))

    # --- German sources ---------------------------------------------------------------
    def parent_for(self, page):
        from cms.site_structure import german_home

        if self.content.type == "topic":
            return german_home()
        topic = TopicPage.objects.filter(locale=self.locale, slug=self.meta["topic"]).first()
        if topic is None:
            raise ContentError(f"unknown topic '{self.meta['topic']}'")
        return topic

    def fill_page(self, page):
        meta = self.meta
        page.title = meta["title"]
        page.summary = meta.get("summary") or ""
        kind = self.content.type
        if kind == "topic":
            page.body = markdown_to_richtext(self.content.body) if self.content.body.strip() \
                else ""
            return
        page.body = self.stream(self.content.body, page.body.raw_data if page.pk else None)
        if kind == "guide":
            page.last_reviewed = meta.get("last_reviewed")
            page.legal_references = self.legal_references(
                page.legal_references.raw_data if page.pk else None)
        if kind == "funding":
            page.funder = meta["funder"]
            page.deadline = meta.get("deadline")
            page.amount_min, page.amount_max = meta["amount_min"], meta["amount_max"]
            page.cofunding_percent = meta["cofunding_percent"]
            page.programme_url = meta["url"]
            page.figures_are_examples = bool(meta.get("example", False))
            page.regions = list(Region.objects.filter(code__in=meta["region"]))
            page.eligible_types = list(OrganisationType.objects.filter(code__in=meta["eligible"]))

    def stream(self, text, previous):
        blocks = body_to_stream(text, self.document_for)
        if not blocks:
            raise ContentError("the body is empty")
        assign_ids(blocks, list(previous) if previous else None)
        return blocks

    def legal_references(self, previous):
        blocks = []
        for line in self.meta.get("legal_references") or []:
            citation, _sep, note = line.partition(":")
            blocks.append({"type": "reference",
                           "value": {"citation": citation.strip(), "note": note.strip()}})
        assign_ids(blocks, list(previous) if previous else None)
        return blocks

    def set_glossary_links(self, page):
        slugs = self.meta.get("glossary") or []
        terms = {t.slug: t for t in GlossaryTerm.objects.filter(locale=self.locale,
                                                                 slug__in=slugs)}
        for slug in slugs:
            if slug not in terms:
                self.result.warnings.append(f"glossary term '{slug}' does not exist (skipped)")
        page.glossary_links = [GuideGlossaryLink(term=terms[s], sort_order=i)
                               for i, s in enumerate(slugs) if s in terms]

    def write_glossary(self, term):
        term.term = self.meta["title"]
        term.slug = self.content.slug
        term.definition = self.meta["summary"]
        term.body = markdown_to_richtext(self.content.body) if self.content.body.strip() else ""
        term.full_clean()
        term.save()
        term.save_revision(user=self.user, log_action=True)

    def document_for(self, relative: str) -> int:
        file = self._find_document(relative)
        data = file.read_bytes()
        digest = hashlib.sha1(data).hexdigest()
        Document = get_document_model()
        document = Document.objects.filter(file_hash=digest).first()
        if document is None:
            document = Document(title=file.stem, collection=Collection.get_first_root_node(),
                                file_hash=digest, file_size=len(data))
            document.file.save(file.name, DjangoFile(data), save=False)
            document.save()
        return document.pk

    def _find_document(self, relative: str) -> Path:
        candidate = Path(relative)
        if candidate.is_absolute() or ".." in candidate.parts:
            raise ContentError(f"document path '{relative}' must be relative to the content "
                               "folder")
        for folder in self.content.path.resolve().parents:
            if (folder / candidate).is_file():
                return folder / candidate
        raise ContentError(f"document '{relative}' not found")

    # --- translations -----------------------------------------------------------------
    def write_translation(self):
        source_locale = Locale.get_default()
        source = self.model.objects.filter(locale=source_locale,
                                           slug=self.meta["translation_of"]).first()
        if source is None:
            raise ContentError(f"its German source, the {self.content.type} "
                               f"'{self.meta['translation_of']}', does not exist")
        self.result.status = "updated" if source.has_translation(self.locale) else "created"
        candidate = self.model.objects.get(pk=source.pk)  # an unsaved, edited copy
        if self.content.type == "glossary":
            candidate.term = self.meta["title"]
            candidate.definition = self.meta.get("summary") or ""
            candidate.body = markdown_to_richtext(self.content.body) \
                if self.content.body.strip() else ""
        else:
            candidate.title = self.meta["title"]
            candidate.summary = self.meta.get("summary") or ""
            if self.content.type == "topic":
                candidate.body = markdown_to_richtext(self.content.body) \
                    if self.content.body.strip() else ""
            else:
                candidate.body = self.stream(self.content.body, source.body.raw_data)
            if self.content.type == "guide":
                candidate.legal_references = self.legal_references(
                    source.legal_references.raw_data)
        _translated, missing = save_translation(source, candidate, self.locale)
        if missing:
            self.result.warnings.append(
                f"{missing} text part(s) did not line up with the German source and stay "
                "German until translated in the admin")


def _link_related(page, slugs, result, user):
    guides = {g.slug: g for g in GuidePage.objects.filter(locale=page.locale, slug__in=slugs)}
    for slug in slugs:
        if slug not in guides:
            result.warnings.append(f"related guide '{slug}' does not exist (skipped)")
    wanted = [guides[s].pk for s in slugs if s in guides and guides[s].pk != page.pk]
    page = GuidePage.objects.get(pk=page.pk)
    if [link.guide_id for link in page.related_links.all()] == wanted:
        return
    page.related_links = [GuideRelatedLink(guide_id=pk, sort_order=i)
                          for i, pk in enumerate(wanted)]
    publish(page, user)
