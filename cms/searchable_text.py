"""The text search indexes for rich text: a line per paragraph, list item and heading, so that
snippets show them apart (search.text.joined_blocks) where Wagtail's own reading leaves a
space ("Sie brauchen: Satzung Protokoll")."""

import re
from html import unescape

from django.utils.html import strip_tags

# Where a line ends in rendered rich text.
LINE_END = re.compile(r"(</(?:p|h[1-6]|li|blockquote)>|<br\s*/?>|<hr\s*/?>)", re.IGNORECASE)


def rich_text_lines(html: str) -> str:
    text = unescape(strip_tags(LINE_END.sub(r"\1\n", html)))
    return "\n".join(filter(None, (" ".join(line.split()) for line in text.split("\n"))))
