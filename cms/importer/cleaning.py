"""Markdown's HTML through the site's allowlist (cms.sanitise.clean_html), and a note of what
the cleaning removed, so the author learns that their <script>, onclick or javascript: link
is gone instead of finding out on the page."""

import re
from collections import Counter
from html.parser import HTMLParser

from cms.sanitise import ALLOWED_ATTRIBUTES, ALLOWED_TAGS, REMOVED_WITH_CONTENT, clean_html

from . import limits
from .errors import ContentError
from .text import shorten

MAX_NOTES = 10  # kinds of removal listed per file; the rest are counted
VOID = {"br", "hr", "img", "input", "meta", "link", "wbr", "source", "area", "col", "embed"}


class _Inventory(HTMLParser):
    """Tags, attributes, link targets and comments of a piece of HTML, and how deep it nests.
    Inside an element the cleaner removes with its content only that element counts."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.tags, self.attributes, self.links = Counter(), Counter(), Counter()
        self.comments = self.depth = self.deepest = 0
        self.hidden, self.hidden_depth = None, 0  # such an element, and how often it is open
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        if self.hidden:
            self.hidden_depth += tag == self.hidden
            return
        if tag in REMOVED_WITH_CONTENT and tag not in VOID:
            self.hidden, self.hidden_depth = tag, 1
        self.tags[tag] += 1
        for name, value in attrs:
            if tag == "a" and name == "href":
                self.links[value or ""] += 1
            else:
                self.attributes[(tag, name)] += 1
        if tag not in VOID and not self.hidden:
            self.depth += 1
            self.deepest = max(self.deepest, self.depth)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        self.handle_endtag(tag)

    def handle_endtag(self, tag):
        if self.hidden:
            self.hidden_depth -= tag == self.hidden
            if not self.hidden_depth:
                self.hidden = None
        elif tag not in VOID:
            self.depth = max(self.depth - 1, 0)

    def handle_comment(self, data):
        if not self.hidden:
            self.comments += 1


class Removals:
    """What cleaning removed from one file, each kind once with its first line."""

    def __init__(self):
        self.seen: dict[str, list] = {}  # message -> [count, line]

    def clean(self, html: str, source: str, first_line: int) -> str:
        cleaned = clean_html(html)
        after = _Inventory(cleaned)
        if after.deepest > limits.MAX_HTML_DEPTH:
            raise ContentError(f"line {first_line}: formatting nests {after.deepest} levels "
                               f"deep; at most {limits.MAX_HTML_DEPTH}")
        if cleaned != html:
            for message, needle in _removed(_Inventory(html), after):
                self._note(message, needle, source, first_line)
        return cleaned

    def _note(self, message, needle, source, first_line):
        if message in self.seen:
            self.seen[message][0] += 1
            return
        if len(self.seen) >= MAX_NOTES:
            self.seen.setdefault("…", [0, None])[0] += 1
            return
        match = re.search(re.escape(needle), source, re.IGNORECASE) if needle else None
        line = first_line + source.count("\n", 0, match.start()) if match else None
        self.seen[message] = [1, line]

    def messages(self) -> list[str]:
        notes = []
        for message, (count, line) in self.seen.items():
            if message == "…":
                notes.append(f"cleaned: {count} more removal(s) of other kinds")
                continue
            where = f" (line {line})" if line else ""
            times = f", {count} times" if count > 1 else ""
            notes.append(f"cleaned: removed {message}{where}{times}")
        return notes


def _removed(before: _Inventory, after: _Inventory):
    for tag in before.tags:
        if tag not in ALLOWED_TAGS:
            kept = "with its content" if tag in REMOVED_WITH_CONTENT else "(its text is kept)"
            yield f"the HTML tag <{shorten(tag, 20)}> {kept}", f"<{tag}"
    allowed_everywhere = ALLOWED_ATTRIBUTES.get("*", set())
    for tag, name in before.attributes:
        if tag in ALLOWED_TAGS and name not in ALLOWED_ATTRIBUTES.get(tag, set()) \
                and name not in allowed_everywhere:
            yield f"the attribute '{shorten(name, 30)}' of <{tag}>", name
    for href, count in before.links.items():
        if after.links[href] < count:
            yield (f"the link target '{shorten(href, 40)}' (links may only go to http, https, "
                   "mailto and tel addresses)"), href
    if before.comments > after.comments:
        yield "an HTML comment", "<!--"
