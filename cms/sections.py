"""Sections other apps add to cms's pages (learning: its modules on the home page and below
the guides they teach). The app registers them in its AppConfig.ready(), so cms names no app
above it; the page lists each section's live pages in the reader's language."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from cms.i18n import reader_links


@dataclass(frozen=True)
class PageSection:
    template: str  # included with `links`
    pages: Callable[[object], Iterable]  # the page (any language) -> pages to link, in order


SECTIONS: dict[str, list[PageSection]] = {"home": [], "guide": []}


def register_section(where: str, section: PageSection) -> None:
    if section not in SECTIONS[where]:
        SECTIONS[where].append(section)


def sections_for(where: str, source_page) -> list[dict]:
    return [{"template": section.template, "links": links}
            for section in SECTIONS[where]
            if (links := reader_links(list(section.pages(source_page))))]
