"""Import a file or folder of content files. Each file is written in its own transaction: a
bad file - or one that meets a bug - is reported and leaves nothing behind, and the other
files still import."""

import logging
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import transaction
from wagtail.models import Locale

from cms.models import (
    GlossaryTerm,
    GuideGlossaryLink,
    GuidePage,
    OrganisationType,
    Region,
    TopicPage,
)
from cms.site_structure import ensure_site_structure, publish

from .block_ids import assign_ids
from .cleaning import Removals
from .documents import document_for
from .errors import ContentError
from .localize_link import describe, save_translation
from .markdown_blocks import body_to_stream, markdown_to_richtext
from .ordering import place
from .parse import ContentFile, parse_file, repeatable_keys
from .registry import REGISTERED
from .repeated import check_repeated
from .text import shorten

logger = logging.getLogger(__name__)

# By label: the funding app sits above cms, which imports nothing from it.
MODELS = {"topic": "cms.TopicPage", "guide": "cms.GuidePage",
          "funding": "funding.FundingProgrammePage", "glossary": "cms.GlossaryTerm"}


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


def collect_files(root: Path) -> tuple[list[tuple[str, ...]], list[FileResult]]:
    """The Markdown files under `root` (relative parts, sorted), and what was not followed: a
    symbolic link to a folder, a folder named like a Markdown file."""
    found, refused = [], []

    def unreadable(error: OSError):
        parts = Path(error.filename).relative_to(root).parts
        refused.append(FileResult(_show(parts), "failed", f"cannot be read ({error.strerror})"))

    for folder, subfolders, files in os.walk(root, onerror=unreadable, followlinks=False):
        here = Path(folder).relative_to(root).parts
        for name in subfolders:
            if os.path.islink(os.path.join(folder, name)):
                refused.append(FileResult(_show(here + (name,)), "failed",
                                          "a symbolic link to a folder; the import follows no "
                                          "symbolic links"))
            elif name.endswith(".md"):
                refused.append(FileResult(_show(here + (name,)), "failed",
                                          "a folder, not a Markdown file"))
        found.extend(here + (name,) for name in files
                     if name.endswith(".md") and not name.lower().startswith("readme"))
    return sorted(found), refused


def import_path(path, user=None) -> ImportReport:
    path = Path(path)
    report = ImportReport()
    if path.is_dir():
        root = path.resolve()
        files, refused = collect_files(root)
        report.results.extend(refused)
    elif path.exists() or path.is_symlink():
        root, files = path.parent.resolve(), [(path.name,)]
    else:
        raise ContentError(f"{path} does not exist")

    contents: list[ContentFile] = []
    for parts in files:
        name = _show(parts)
        try:
            content = parse_file(root, parts)
        except Exception as error:  # reported for this file; the rest go on
            report.results.append(FileResult(name, "failed", _reason(error, name)))
            continue
        content.name = name
        contents.append(content)
    contents.sort(key=ContentFile.sort_key)

    ensure_site_structure()
    # German sources first, then their places among their siblings (`order`, lowest first),
    # then links between them (a guide may name one imported later), then translations,
    # which copy those links from their source.
    related: list[tuple[Callable[[], None], FileResult]] = []  # links made once all are written
    placements: list[tuple[int, GuidePage, FileResult]] = []
    claims: dict[tuple[str, str, str], str] = {}  # (type, locale, slug) -> the file that wrote it
    sources = [c for c in contents if not c.is_translation]
    translations = [c for c in contents if c.is_translation]
    for content in sources:
        report.results.append(_write(content, root, user, (related, placements), claims))
    for order, page, result in sorted(placements, key=lambda p: p[0]):
        try:
            with transaction.atomic():
                place(page, order, user)
        except Exception as error:
            result.status = "failed"
            result.message = f"'order' could not be applied: {_reason(error, result.path)}"
    for link, result in related:
        try:
            with transaction.atomic():
                link()
        except Exception as error:
            result.status = "failed"
            result.message = (f"links to other pages could not be made: "
                              f"{_reason(error, result.path)}")
    for content in translations:
        report.results.append(_write(content, root, user, (related, placements), claims))
    return report


def _write(content, root, user, later, claims) -> FileResult:
    result = FileResult(content.name, "")
    try:
        with transaction.atomic():
            Writer(content, root, user, result, claims).write(*later)
    except Exception as error:  # reported for this file; the rest go on
        result.status, result.message = "failed", _reason(error, result.path)
        result.warnings.clear()
    return result


def _reason(error: Exception, name: str) -> str:
    if isinstance(error, ContentError):
        return str(error)
    if isinstance(error, ValidationError):
        return _validation_message(error)
    logger.exception("import_content: %s could not be imported", name)
    return f"could not be imported: {type(error).__name__}: {shorten(str(error), 200)}"


def _show(parts: tuple[str, ...]) -> str:
    """A path for the report, on one line whatever the file is called."""
    return shorten("/".join(parts), 200)


def _validation_message(error: ValidationError) -> str:
    if hasattr(error, "message_dict"):
        return "; ".join(f"{k}: {' '.join(v)}" for k, v in error.message_dict.items())
    return " ".join(error.messages)


class Writer:
    def __init__(self, content: ContentFile, root: Path, user, result: FileResult,
                 claims: dict | None = None):
        self.content, self.meta, self.user, self.result = content, content.meta, user, result
        self.root, self.claims = root, {} if claims is None else claims
        self.locale = Locale.objects.get(language_code=content.locale)
        self.registered = registered = REGISTERED.get(content.type)
        self.model = apps.get_model(registered.model if registered else MODELS[content.type])
        self.body_field = registered.body_field if registered else "body"
        self.removals = Removals()

    def write(self, related, placements):
        if self.content.is_translation:
            self.write_translation()
        else:
            self.write_source(related, placements)
        self.result.warnings[:0] = self.content.notes
        self.result.warnings.extend(self.removals.messages())

    def claim(self):
        """Called once the file is checked, before its first write: two files with one type,
        locale and slug would otherwise write the same page in turn."""
        content = self.content
        key = (content.type, content.locale, content.slug)
        if key in self.claims:
            raise ContentError(f"the {content.type} slug '{content.slug}' (locale "
                               f"{content.locale}) is already used by {self.claims[key]} in "
                               "this import; give one of the two files another slug")
        self.claims[key] = content.name

    def write_source(self, related, placements):
        existing = self.model.objects.filter(locale=self.locale, slug=self.content.slug).first()
        self.result.status = "updated" if existing else "created"
        if self.content.type == "glossary":
            return self.write_glossary(existing or GlossaryTerm(locale=self.locale))
        parent = self.parent_for()
        if existing is not None and existing.get_parent().pk != parent.pk:
            raise self.slug_taken(existing, parent)
        page = existing or self.model(slug=self.content.slug, locale=self.locale)
        self.fill_page(page)
        self.claim()
        if existing is None:
            page.live = False
            parent.add_child(instance=page)
        if self.content.type == "guide":
            self.set_glossary_links(page)
        publish(page, self.user)
        links = {"guide": "related", "funding": "guides"}.get(self.content.type)
        if links and self.meta.get(links) is not None:
            related.append((partial(_link_guides, page, self.meta[links], self.result,
                                    self.user), self.result))
        if self.registered and self.registered.link:
            link = partial(self.registered.link, page, self.meta)
            related.append((lambda: self.result.warnings.extend(link()), self.result))
        order_key = self.registered.order_key if self.registered else "order"
        if order_key in self.meta:
            placements.append((self.meta[order_key], page, self.result))

    # --- German sources ---------------------------------------------------------------
    def slug_taken(self, existing, parent) -> ContentError:
        """Re-importing a file updates its page in place; a file whose slug belongs to a page
        under another parent is another page and would overwrite that one."""
        kind, slug, where = self.content.type, self.content.slug, existing.get_parent()
        key = self.registered.parent_key if self.registered else "topic"
        same = (f", or, if it is that {kind}, set '{key}: {where.slug}' (move the page in the "
                f"admin to change its {key})") if kind != "topic" and key else ""
        return ContentError(
            f"the slug '{slug}' already belongs to the {kind} '{shorten(existing.title)}' "
            f"({existing.get_url() or existing.url_path}) under '{shorten(where.title)}', not "
            f"under '{shorten(parent.title)}'; give this file another slug{same}")

    def parent_for(self):
        from cms.site_structure import german_home

        if self.registered and self.registered.parent:
            return self.registered.parent(self.meta, self.locale)
        if self.content.type == "topic" or self.registered:
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
            page.body = self.richtext(self.content.body)
            page.is_step_by_step = bool(meta.get("steps", False))
            return
        previous = getattr(page, self.body_field).raw_data if page.pk else None
        setattr(page, self.body_field, self.stream(self.content.body, previous))
        if kind == "guide":
            page.last_reviewed = meta.get("last_reviewed")
            page.legal_references = self.legal_references(
                page.legal_references.raw_data if page.pk else None)
        if kind == "funding":
            page.funder = meta["funder"]
            page.deadline = meta.get("deadline")
            page.next_round, page.last_checked = meta.get("next_round"), meta.get("last_checked")
            page.amount_min, page.amount_max = meta["amount_min"], meta["amount_max"]
            page.cofunding_percent = meta["cofunding_percent"]
            page.programme_url = meta["url"]
            page.figures_are_examples = bool(meta.get("example", False))
            page.regions = list(Region.objects.filter(code__in=meta["region"]))
            page.eligible_types = list(OrganisationType.objects.filter(code__in=meta["eligible"]))
        registered = REGISTERED.get(kind)
        if registered and registered.fill:
            registered.fill(page, meta)

    def richtext(self, text):
        if not text.strip():
            return ""
        return markdown_to_richtext(text, self.removals, self.content.body_line)

    def stream(self, text, previous):
        blocks = body_to_stream(text, self.document_for, first_line=self.content.body_line,
                                removals=self.removals,
                                fences=self.registered.fences if self.registered else None)
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
        term.body = self.richtext(self.content.body)
        term.full_clean()
        self.claim()
        term.save()
        term.save_revision(user=self.user, log_action=True)

    def document_for(self, relative: str, line: int) -> int:
        return document_for(self.root, relative, line)

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
            candidate.body = self.richtext(self.content.body)
        else:
            candidate.title = self.meta["title"]
            candidate.summary = self.meta.get("summary") or ""
            if self.content.type == "topic":
                candidate.body = self.richtext(self.content.body)
            else:
                field = self.body_field
                setattr(candidate, field, self.stream(self.content.body,
                                                      getattr(source, field).raw_data))
            if self.content.type == "guide":
                candidate.legal_references = self.legal_references(
                    source.legal_references.raw_data)
        registered = self.registered
        if registered and registered.check_translation:
            registered.check_translation(source, self.content)
        if registered and registered.fill_translation:
            registered.fill_translation(candidate, self.meta)
        self.result.warnings.extend(check_repeated(
            self.meta, source, repeatable_keys(self.content.type),
            order_key=registered.order_key if registered else "order",
            getters=registered.source_values if registered else None))
        self.claim()
        _translated, misaligned = save_translation(source, candidate, self.locale)
        self.result.warnings.extend(describe(m, source, candidate) for m in misaligned)


def _link_guides(page, slugs, result, user):
    """A guide's related guides, or the guides that help with a programme's application."""
    guides = {g.slug: g for g in GuidePage.objects.filter(locale=page.locale, slug__in=slugs)}
    is_guide = issubclass(page.specific_class, GuidePage)
    what = "related guide" if is_guide else "guide in 'guides'"
    for slug in slugs:
        if slug not in guides:
            result.warnings.append(f"{what} '{slug}' does not exist (skipped)")
    wanted = [guides[s].pk for s in slugs if s in guides and guides[s].pk != page.pk]
    page = page.specific_class.objects.get(pk=page.pk)
    name = "related_links" if is_guide else "guide_links"
    links = getattr(page, name)
    if [link.guide_id for link in links.all()] == wanted:
        return
    setattr(page, name, [links.model(guide_id=pk, sort_order=i) for i, pk in enumerate(wanted)])
    publish(page, user)
