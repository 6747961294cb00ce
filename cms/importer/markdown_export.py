"""StreamField raw data -> the Markdown body `import_content` reads (the reverse of
markdown_blocks), for exports that must import back to the same page.

Rich text is the HTML the importer and Wagtail's editor store (cms.sanitise.ALLOWED_TAGS):
paragraphs, bold, italic, links, lists, h3/h4, quotes, code and line breaks become Markdown;
`span` and `bdi` keep their text. A link to a page or document inside the site (Wagtail's
`linktype`) has no Markdown form: its text stays and `notes` says so.
"""

from collections.abc import Callable
from html.parser import HTMLParser

# Python-Markdown's escapable characters that would otherwise start markup inside a line.
_INLINE_SPECIAL = "\\`*_[]"
_BLOCK_SPECIAL = "#>+-"


class _Node:
    def __init__(self, tag: str, attrs: dict | None = None):
        self.tag, self.attrs, self.children = tag, attrs or {}, []


class _Tree(HTMLParser):
    VOID = {"br"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = _Node("root")
        self.stack = [self.root]

    def handle_starttag(self, tag, attrs):
        node = _Node(tag, dict(attrs))
        self.stack[-1].children.append(node)
        if tag not in self.VOID:
            self.stack.append(node)

    def handle_endtag(self, tag):
        for index in range(len(self.stack) - 1, 0, -1):
            if self.stack[index].tag == tag:
                del self.stack[index:]
                return

    def handle_data(self, data):
        self.stack[-1].children.append(data)


def html_to_markdown(html: str, notes: list[str] | None = None) -> str:
    tree = _Tree()
    tree.feed(html or "")
    tree.close()
    return _Writer(notes if notes is not None else []).blocks(tree.root.children).strip("\n")


class _Writer:
    def __init__(self, notes: list[str]):
        self.notes = notes

    def blocks(self, children, separator="\n\n") -> str:
        out, inline = [], []

        def flush():
            text = "".join(inline).strip()
            inline.clear()
            if text:
                out.append(_protect_line_starts(text))

        for child in children:
            if isinstance(child, _Node) and child.tag in {"p", "ul", "ol", "h2", "h3", "h4",
                                                          "blockquote", "pre"}:
                flush()
                out.append(self.block(child))
            else:
                inline.append(self.inline(child))
        flush()
        return separator.join(part for part in out if part)

    def block(self, node: _Node) -> str:
        if node.tag == "p":
            text = self.inlines(node.children).strip().replace("  \n ", "  \n")
            return _protect_line_starts(text)
        if node.tag in {"h2", "h3", "h4"}:
            marks = "####" if node.tag == "h4" else "###"
            return f"{marks} {self.inlines(node.children).strip()}"
        if node.tag == "blockquote":
            inner = self.blocks(node.children)
            return "\n".join(f"> {line}" if line else ">" for line in inner.split("\n"))
        if node.tag == "pre":
            code = "".join(_text_of(node))
            return "\n".join(f"    {line}" for line in code.rstrip("\n").split("\n"))
        return self.list(node)

    def list(self, node: _Node) -> str:
        items = [c for c in node.children if isinstance(c, _Node) and c.tag == "li"]
        start = int(node.attrs.get("start") or 1) if node.tag == "ol" else 1
        loose = any(isinstance(c, _Node) and c.tag == "p" for li in items for c in li.children)
        lines = []
        for number, item in enumerate(items, start=start):
            marker = f"{number}. " if node.tag == "ol" else "- "
            inner = self.blocks(item.children, "\n\n" if loose else "\n").split("\n")
            lines.append(marker + inner[0])
            lines.extend(f"    {line}" if line else "" for line in inner[1:])
            if loose:
                lines.append("")
        return "\n".join(lines).rstrip("\n")

    def inlines(self, children) -> str:
        return "".join(self.inline(child) for child in children)

    def inline(self, child) -> str:
        if isinstance(child, str):
            return _escape(child)
        tag, inner = child.tag, self.inlines(child.children)
        if tag in {"b", "strong"}:
            return f"**{inner}**" if inner.strip() else inner
        if tag in {"i", "em"}:
            return f"*{inner}*" if inner.strip() else inner
        if tag == "code":
            text = "".join(_text_of(child))
            fence = "``" if "`" in text else "`"
            return f"{fence}{text}{fence}"
        if tag == "br":
            return "  \n"
        if tag == "a":
            href = child.attrs.get("href")
            if child.attrs.get("linktype") or not href:
                self.notes.append(f"the link '{''.join(_text_of(child))}' points inside the "
                                  "site and is written as plain text")
                return inner
            return f"[{inner}]({href.replace(')', '%29').replace(' ', '%20')})"
        return inner  # span, bdi and anything the allowlist let through for its text


def _text_of(node) -> list[str]:
    if isinstance(node, str):
        return [node]
    return [text for child in node.children for text in _text_of(child)]


def _escape(text: str) -> str:
    out = []
    for char in text:
        if char in _INLINE_SPECIAL:
            out.append("\\" + char)
        elif char == "<":
            out.append("&lt;")
        elif char == "&":
            out.append("&amp;")
        elif char == "\n":
            out.append(" ")
        else:
            out.append(char)
    return "".join(out)


def _protect_line_starts(text: str) -> str:
    """Lines that Markdown would read as a heading, quote, list or rule stay text."""
    lines = text.split("\n")
    for index, line in enumerate(lines):
        stripped = line.lstrip(" ")
        if stripped[:1] in _BLOCK_SPECIAL:
            lines[index] = line[:len(line) - len(stripped)] + "\\" + stripped
            continue
        digits = len(stripped) - len(stripped.lstrip("0123456789"))
        if digits and stripped[digits:digits + 1] in (".", ")"):
            lines[index] = stripped[:digits] + "\\" + stripped[digits:]
    return "\n".join(lines)


# --- blocks ----------------------------------------------------------------------------

BlockWriter = Callable[[dict, list[str]], str]


def stream_to_markdown(blocks: list[dict], document_path: Callable[[int], str],
                       writers: dict[str, BlockWriter] | None = None,
                       notes: list[str] | None = None) -> str:
    """A body for `blocks` (raw StreamField data). `document_path(id)` names the file a
    `:::download` points at; `writers` adds block types of other apps (value, notes) -> text."""
    notes = notes if notes is not None else []
    writers = writers or {}
    parts = []
    for block in blocks:
        kind, value = block["type"], block["value"]
        if kind in writers:
            parts.append(writers[kind](value, notes))
        elif kind == "text":
            parts.append(html_to_markdown(value, notes))
        elif kind == "heading":
            parts.append(f"## {value}")
        elif kind in {"tip", "warning"}:
            parts.append(_directive(kind, value["title"], html_to_markdown(value["text"], notes)))
        elif kind == "checklist":
            items = "\n".join(f"- {item['value']}" for item in value["items"])
            parts.append(_directive(kind, value["title"], items))
        elif kind in {"steps", "faq"}:
            key, title, text = (("steps", "title", "text") if kind == "steps"
                                else ("items", "question", "answer"))
            sections = "\n".join(f"### {item['value'][title]}\n"
                                 f"{html_to_markdown(item['value'][text], notes)}"
                                 for item in value[key])
            parts.append(_directive(kind, value["title"], sections))
        elif kind == "download":
            lines = [f"file: {document_path(value['document'])}"]
            if value.get("description"):
                lines.append(f"description: {value['description']}")
            parts.append(_directive(kind, value["title"], "\n".join(lines)))
        elif kind == "contact":
            lines = [f"{key}: {value[key]}" for key in sorted(value)
                     if key != "title" and value.get(key)]
            parts.append(_directive(kind, value["title"], "\n".join(lines)))
        else:
            notes.append(f"a '{kind}' block has no Markdown form and was left out")
    return "\n\n".join(part for part in parts if part) + "\n"


def _directive(name: str, title: str, text: str) -> str:
    head = f":::{name} {title}".rstrip()
    return f"{head}\n{text}\n:::"
