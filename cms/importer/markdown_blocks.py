"""Markdown body -> raw StreamField data (see docs/content-format.md).

Raw data is a list of {"type", "value", "id"} dicts, with list items as
{"type": "item", "value", "id"}; ids are filled in by cms.importer.block_ids. Rich text is
cleaned through cms.sanitise before it is stored; what the cleaning removed is noted in
`removals`. Line numbers in messages are the file's.

The patterns below match a line from its start and leave trimming to str.strip(): a pattern
like `(.+?)\\s*#*\\s*$` tries every split of a run of spaces and took 22 s for a heading
followed by 2,500 of them.
"""

import re
from collections.abc import Callable

import markdown
from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator

from . import limits
from .cleaning import Removals
from .errors import ContentError
from .fences import fence_end, fence_open
from .parse import check_web_url
from .text import shorten
from .typing_habits import literal_stars, single_numbers, without_own_number

DIRECTIVE_OPEN = re.compile(r":::(\w++)(.*)")
LIST_ITEM = re.compile(r"[ \t]*+(?:[-*+]|\d{1,9}+[.)])[ \t]++(?:\[[ xX]\][ \t]++)?+(.*)")
KEY_VALUE = re.compile(r"(\w++)[ \t]*+:(.*)")
H1_H2 = re.compile(r"<(/?)h[12]>")
BETWEEN_TAGS = re.compile(r">\n++<")
DIRECTIVES = {"steps", "checklist", "tip", "warning", "faq", "download", "contact"}
CONTACT_KEYS = {"name", "organisation", "email", "phone", "url", "hours", "text"}
CONTACT_LIMITS = {"email": limits.MAX_EMAIL, "phone": limits.MAX_PHONE, "url": limits.MAX_URL}

# Wagtail stores bold/italic as <b>/<i>; Markdown produces <strong>/<em>.
_TAG_MAP = [("<strong>", "<b>"), ("</strong>", "</b>"), ("<em>", "<i>"), ("</em>", "</i>")]


def markdown_to_richtext(text: str, removals: Removals | None = None,
                         first_line: int = 1) -> str:
    html = markdown.markdown(single_numbers(literal_stars(text.strip())), output_format="html")
    for old, new in _TAG_MAP:
        html = html.replace(old, new)
    # Wagtail's editor knows no <h1>/<h2> inside rich text; sections are heading blocks.
    html = H1_H2.sub(r"<\1h3>", html)
    html = (removals or Removals()).clean(html, text, first_line)
    # Line breaks between elements go; one inside a paragraph is a space between two words.
    return BETWEEN_TAGS.sub("><", html).replace("\n", " ")


def heading_text(line: str, marks: str) -> str | None:
    """The text of a `## Heading` (marks "##") line, None when the line is not one."""
    if not line.startswith(marks) or line[len(marks):len(marks) + 1] not in (" ", "\t"):
        return None
    text = line[len(marks):].strip()
    without_closing = text.rstrip("#")
    if without_closing != text and (not without_closing or without_closing[-1] in " \t"):
        text = without_closing.rstrip()  # "## Title ##"
    return one_line(text)


def one_line(text: str) -> str:
    """Plain text of a title or value: runs of spaces count as one, as they do on the page."""
    return " ".join(text.split())


def item(value) -> dict:
    return {"type": "item", "value": value}


def body_to_stream(text: str, document_for: Callable[[str, int], int], *, first_line: int = 1,
                   removals: Removals | None = None, fences=None) -> list[dict]:
    """Parse a Markdown body. `document_for(relative_path, line)` returns a document id; it
    is called only once the whole body has been read without error. `fences` maps a fenced
    block's name to a function (title, text, first line) -> one raw block
    (cms.importer.registry)."""
    body = _Body(first_line, removals or Removals())
    fences = fences or {}
    lines = text.split("\n")
    index = 0
    while index < len(lines):
        line = lines[index]
        number = first_line + index
        fenced = fence_open(line, fences)
        if fenced:
            body.flush()
            end = fence_end(lines, index, fenced[0], number)
            block = fences[fenced[0]](fenced[1], "\n".join(lines[index + 1:end]), number + 1)
            body.blocks.append(block)
            index = end + 1
            continue
        opening = DIRECTIVE_OPEN.match(line)
        heading = heading_text(line, "##")
        if opening:
            body.flush()
            name, title = opening.group(1), one_line(opening.group(2))
            end = _find_close(lines, index, name, number)
            body.blocks.append(body.directive(name, title, lines[index + 1:end], number))
            index = end + 1
            continue
        if heading is not None:
            body.flush()
            if not heading:
                raise ContentError(f"line {number}: the heading is empty")
            _check_length(heading, limits.MAX_HEADING, f"line {number}: the heading")
            body.blocks.append({"type": "heading", "value": heading})
        elif line.startswith("# "):
            raise ContentError(f"line {number}: use '## ' for headings; the title is the h1")
        else:
            body.add_prose(line, number)
        index += 1
    body.flush()
    for value, relative, number in body.downloads:
        value["document"] = document_for(relative, number)
    return body.blocks


def _is_close(line: str) -> bool:
    return line.startswith(":::") and not line[3:].strip()


def _find_close(lines, start, name, number):
    for index in range(start + 1, len(lines)):
        if _is_close(lines[index]):
            return index
        if DIRECTIVE_OPEN.match(lines[index]):
            break
    raise ContentError(f"line {number}: ':::{shorten(name, 30)}' is not closed by a line ':::'")


class _Body:
    def __init__(self, first_line: int, removals: Removals):
        self.first_line, self.removals = first_line, removals
        self.blocks: list[dict] = []
        self.downloads: list[tuple[dict, str, int]] = []
        self.prose: list[str] = []
        self.prose_line = first_line

    def richtext(self, text: str, first_line: int) -> str:
        return markdown_to_richtext(text, self.removals, first_line)

    def add_prose(self, line: str, number: int):
        if not self.prose:
            self.prose_line = number
        self.prose.append(line)

    def flush(self):
        chunk = "\n".join(self.prose)
        self.prose.clear()
        if chunk.strip():
            self.blocks.append({"type": "text", "value": self.richtext(chunk, self.prose_line)})

    def directive(self, name, title, lines, number):
        if name not in DIRECTIVES:
            raise ContentError(f"line {number}: unknown block ':::{shorten(name, 30)}' (expected "
                               f"one of {', '.join(sorted(DIRECTIVES))})")
        where = f"line {number}: ':::{name}'"
        _check_length(title, limits.MAX_HEADING, f"{where}: the title")
        if name in {"tip", "warning"}:
            if not "\n".join(lines).strip():
                raise ContentError(f"{where} has no text")
            text = self.richtext("\n".join(lines), number + 1)
            return {"type": name, "value": {"title": title, "text": text}}
        if name == "checklist":
            return {"type": name, "value": {"title": title, "items": self.checklist(lines,
                                                                                    where)}}
        if name in {"steps", "faq"}:
            sections = _subsections(lines, where, number + 1)
            if name == "steps":
                steps = [item({"title": without_own_number(t, i),
                               "text": self.richtext(_own_number_escaped(b, i), n)})
                         for i, (t, b, n) in enumerate(sections, start=1)]
                return {"type": name, "value": {"title": title, "steps": steps}}
            entries = [item({"question": q, "answer": self.richtext(a, n)})
                       for q, a, n in sections]
            return {"type": name, "value": {"title": title, "items": entries}}
        fields = _key_values(lines, where)
        if name == "download":
            return self.download(title, fields, where, number)
        return _contact(title, fields, where)

    def checklist(self, lines, where):
        items = [one_line(m.group(1)) for m in map(LIST_ITEM.match, lines) if m]
        items = [i for i in items if i]
        if not items:
            raise ContentError(f"{where} needs '- item' lines")
        _check_count(items, where, "items")
        for entry in items:
            _check_length(entry, limits.MAX_SHORT_TEXT, f"{where}: an item")
        return [item(i) for i in items]

    def download(self, title, fields, where, number):
        unknown = set(fields) - {"file", "description"}
        if unknown:
            raise ContentError(f"{where}: unknown key(s) {_names(unknown)}")
        if not title:
            raise ContentError(f"{where} needs a title after ':::download'")
        if not fields.get("file"):
            raise ContentError(f"{where} needs a 'file:' line")
        description = fields.get("description", "")
        _check_length(description, limits.MAX_SHORT_TEXT, f"{where}: 'description'")
        value = {"title": title, "document": None, "description": description}
        self.downloads.append((value, fields["file"], number))
        return {"type": "download", "value": value}


def _contact(title, fields, where):
    unknown = set(fields) - CONTACT_KEYS
    if unknown:
        raise ContentError(f"{where}: unknown key(s) {_names(unknown)}")
    if not title or not fields:
        raise ContentError(f"{where} needs a title and at least one of "
                           f"{', '.join(sorted(CONTACT_KEYS))}")
    for key, value in fields.items():
        _check_length(value, CONTACT_LIMITS.get(key, limits.MAX_SHORT_TEXT), f"{where}: '{key}'")
    if fields.get("url"):
        check_web_url(fields["url"], f"{where}: 'url'")
    if fields.get("email"):
        try:
            EmailValidator()(fields["email"])
        except ValidationError:
            raise ContentError(f"{where}: 'email' is not an e-mail address: "
                               f"'{shorten(fields['email'], 40)}'") from None
    return {"type": "contact", "value": {"title": title, **{k: fields.get(k, "")
                                                            for k in sorted(CONTACT_KEYS)}}}


def _own_number_escaped(text: str, position: int) -> str:
    """A step's text that starts with the step's number ("1. Satzung schreiben") is not a
    list of its own inside the numbered step."""
    stripped = text.lstrip("\n")
    rest = without_own_number(stripped, position)
    return text if rest == stripped else rest


def _subsections(lines, where, first_line):
    """[(title, text, line of the text's first line)] of '### Title' sections."""
    sections, current = [], None
    for offset, line in enumerate(lines):
        title = heading_text(line, "###")
        if title is not None:
            _check_length(title, limits.MAX_HEADING, f"line {first_line + offset}: the title")
            current = [title, [], first_line + offset + 1]
            sections.append(current)
        elif current is not None:
            current[1].append(line)
        elif line.strip():
            raise ContentError(f"{where}: text before the first '### ' line")
    if not sections:
        raise ContentError(f"{where} needs '### ' lines")
    _check_count(sections, where, "'### ' sections")
    for title, body, _line in sections:
        if not title or not "\n".join(body).strip():
            raise ContentError(f"{where}: '{shorten(title)}' has no text")
    return [(title, "\n".join(body), line) for title, body, line in sections]


def _key_values(lines, where):
    fields = {}
    for line in lines:
        if not line.strip():
            continue
        match = KEY_VALUE.match(line)
        if not match:
            raise ContentError(f"{where}: expected 'key: value', got '{shorten(line.strip())}'")
        key = match.group(1)
        if key in fields:
            raise ContentError(f"{where}: '{shorten(key, 30)}' appears twice")
        fields[key] = match.group(2).strip() if key == "file" else one_line(match.group(2))
    return fields


def _check_length(text, limit, what):
    if len(text) > limit:
        raise ContentError(f"{what} has {len(text):,} characters; at most {limit:,}")


def _check_count(entries, where, what):
    if len(entries) > limits.MAX_LIST_ITEMS:
        raise ContentError(f"{where} has {len(entries):,} {what}; at most "
                           f"{limits.MAX_LIST_ITEMS}")


def _names(keys) -> str:
    return ", ".join(shorten(k, 30) for k in sorted(keys)[:10])
