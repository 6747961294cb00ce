"""Markdown body -> raw StreamField data (see docs/content-format.md).

Raw data is a list of {"type", "value", "id"} dicts, with list items as
{"type": "item", "value", "id"}; ids are filled in by cms.importer.block_ids.
"""

import re
from collections.abc import Callable

import markdown

from .errors import ContentError

DIRECTIVE_OPEN = re.compile(r"^:::(\w+)[ \t]*(.*?)\s*$")
DIRECTIVE_CLOSE = re.compile(r"^:::\s*$")
HEADING = re.compile(r"^##[ \t]+(.+?)\s*#*\s*$")
SUBHEADING = re.compile(r"^###[ \t]+(.+?)\s*#*\s*$")
LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+(?:\[[ xX]\]\s+)?(.*\S)\s*$")
KEY_VALUE = re.compile(r"^(\w+)\s*:\s*(.*?)\s*$")
DIRECTIVES = {"steps", "checklist", "tip", "warning", "faq", "download", "contact"}
CONTACT_KEYS = {"name", "organisation", "email", "phone", "url", "hours", "text"}

# Wagtail stores bold/italic as <b>/<i>; Markdown produces <strong>/<em>.
_TAG_MAP = [("<strong>", "<b>"), ("</strong>", "</b>"), ("<em>", "<i>"), ("</em>", "</i>")]


def markdown_to_richtext(text: str) -> str:
    html = markdown.markdown(text.strip(), output_format="html")
    for old, new in _TAG_MAP:
        html = html.replace(old, new)
    # Wagtail's editor knows no <h1>/<h2> inside rich text; sections are heading blocks.
    html = re.sub(r"<(/?)h[12]>", r"<\1h3>", html)
    return html.replace("\n", "")


def item(value) -> dict:
    return {"type": "item", "value": value}


def body_to_stream(text: str, document_for: Callable[[str], int]) -> list[dict]:
    """Parse a Markdown body. `document_for(relative_path)` returns a document id."""
    blocks: list[dict] = []
    prose: list[str] = []

    def flush():
        chunk = "\n".join(prose).strip()
        prose.clear()
        if chunk:
            blocks.append({"type": "text", "value": markdown_to_richtext(chunk)})

    lines = text.splitlines()
    index = 0
    while index < len(lines):
        line = lines[index]
        opening = DIRECTIVE_OPEN.match(line)
        heading = HEADING.match(line)
        if opening and not DIRECTIVE_CLOSE.match(line):
            flush()
            name, title = opening.group(1), opening.group(2)
            end = _find_close(lines, index, name)
            blocks.append(_directive(name, title, lines[index + 1:end], index + 1, document_for))
            index = end + 1
            continue
        if heading:
            flush()
            blocks.append({"type": "heading", "value": heading.group(1).strip()})
        elif line.startswith("# "):
            raise ContentError(f"line {index + 1}: use '## ' for headings; the title is the h1")
        else:
            prose.append(line)
        index += 1
    flush()
    return blocks


def _find_close(lines, start, name):
    for index in range(start + 1, len(lines)):
        if DIRECTIVE_CLOSE.match(lines[index]):
            return index
        if DIRECTIVE_OPEN.match(lines[index]):
            break
    raise ContentError(f"line {start + 1}: ':::{name}' is not closed by a line ':::'")


def _directive(name, title, lines, line_number, document_for):
    if name not in DIRECTIVES:
        raise ContentError(f"line {line_number}: unknown block ':::{name}' (expected one of "
                           f"{', '.join(sorted(DIRECTIVES))})")
    where = f"line {line_number}: ':::{name}'"
    if name in {"tip", "warning"}:
        text = "\n".join(lines).strip()
        if not text:
            raise ContentError(f"{where} has no text")
        return {"type": name, "value": {"title": title, "text": markdown_to_richtext(text)}}
    if name == "checklist":
        items = [m.group(1) for m in map(LIST_ITEM.match, lines) if m]
        if not items:
            raise ContentError(f"{where} needs '- item' lines")
        return {"type": name, "value": {"title": title, "items": [item(i) for i in items]}}
    if name in {"steps", "faq"}:
        sections = _subsections(lines, where)
        if name == "steps":
            steps = [item({"title": t, "text": markdown_to_richtext(b)}) for t, b in sections]
            return {"type": name, "value": {"title": title, "steps": steps}}
        entries = [item({"question": q, "answer": markdown_to_richtext(a)}) for q, a in sections]
        return {"type": name, "value": {"title": title, "items": entries}}
    fields = _key_values(lines, where)
    if name == "download":
        if not title:
            raise ContentError(f"{where} needs a title after ':::download'")
        if not fields.get("file"):
            raise ContentError(f"{where} needs a 'file:' line")
        return {"type": name, "value": {"title": title, "document": document_for(fields["file"]),
                                        "description": fields.get("description", "")}}
    unknown = set(fields) - CONTACT_KEYS
    if unknown:
        raise ContentError(f"{where}: unknown key(s) {', '.join(sorted(unknown))}")
    if not title or not fields:
        raise ContentError(f"{where} needs a title and at least one of "
                           f"{', '.join(sorted(CONTACT_KEYS))}")
    return {"type": name, "value": {"title": title, **{k: fields.get(k, "")
                                                       for k in sorted(CONTACT_KEYS)}}}


def _subsections(lines, where):
    sections, current = [], None
    for line in lines:
        match = SUBHEADING.match(line)
        if match:
            current = [match.group(1).strip(), []]
            sections.append(current)
        elif current is not None:
            current[1].append(line)
        elif line.strip():
            raise ContentError(f"{where}: text before the first '### ' line")
    if not sections:
        raise ContentError(f"{where} needs '### ' lines")
    empty = [title for title, body in sections if not "\n".join(body).strip()]
    if empty:
        raise ContentError(f"{where}: '{empty[0]}' has no text")
    return [(title, "\n".join(body)) for title, body in sections]


def _key_values(lines, where):
    fields = {}
    for line in lines:
        if not line.strip():
            continue
        match = KEY_VALUE.match(line)
        if not match:
            raise ContentError(f"{where}: expected 'key: value', got '{line.strip()}'")
        fields[match.group(1)] = match.group(2)
    return fields
