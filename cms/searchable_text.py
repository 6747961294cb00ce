"""The text search indexes for rich text: a line per paragraph, list item and heading, so that
snippets show them apart (search.text.joined_blocks) where Wagtail's own reading leaves a
space ("Sie brauchen: Satzung Protokoll")."""

import re
from html import unescape

from django.utils.html import strip_tags
from wagtail.search import index

# Ends a line where the index keeps no line break (OwnLineField); search snippets set lines
# apart with the same mark (search.text.BLOCK_SEPARATOR). No tokeniser takes it for a word.
LINE_MARK = "·"
# A line that ends like this closes its own sentence and needs no mark: in a snippet's line
# anything but letters may follow (CLOSED); an own-line field only quotes ("(e.V.)" is open).
_CLOSING = "[.!?:;…؟,،·–—]"
CLOSED = re.compile(rf"{_CLOSING}\W*$")
OWN_LINE_CLOSED = re.compile(rf"{_CLOSING}[\"'“”„«»‹›]*$")
# Where a line ends in rendered rich text.
LINE_END = re.compile(r"(</(?:p|h[1-6]|li|blockquote)>|<br\s*/?>|<hr\s*/?>)", re.IGNORECASE)


def rich_text_lines(html: str) -> str:
    text = unescape(strip_tags(LINE_END.sub(r"\1\n", html)))
    return "\n".join(filter(None, (" ".join(line.split()) for line in text.split("\n"))))


class OwnLineField(index.SearchField):
    """A short field, such as a name, indexed as a line of its own. Wagtail's database index
    joins a page's fields with a space (on PostgreSQL after stripping each, so a line break
    at the end does not survive): a funder without closing punctuation ran into the text
    after it in snippets ("Stadt Musterstadt Musterstadt gibt es nicht.")."""

    def get_value(self, obj):
        value = " ".join(str(super().get_value(obj) or "").split())
        # Closed only by its last character, quotes aside: "Förderverein (e.V.)" is not.
        return f"{value} {LINE_MARK}" if value and not OWN_LINE_CLOSED.search(value) else value
