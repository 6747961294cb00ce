"""Mixed-direction titles: Latin parts such as "(e. V.)" inside Arabic or Persian text.

The Unicode bidi algorithm gives the neutral characters at the edge of a Latin run (a closing
bracket, a final full stop) the direction of the surrounding right-to-left text, so
"جمعية مسجلة (e. V.)" shows as "(.e. V) جمعية مسجلة". Wrapping each Latin run, with its
brackets, in <bdi> lets it keep its own order while it sits in the right-to-left line.

The same goes for body text: a legal reference "(§ 21 BGB)", an amount "500 €" and "e. V." in
an Arabic or Persian paragraph. `isolate_html` does it for rendered rich text, at render
time, so imported and admin-edited text alike: it touches only the text between tags (never
a tag, an attribute or an entity) of HTML that contains right-to-left letters.
"""

import html as html_lib
import re
from bisect import bisect_right

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

# Hebrew, Arabic, Syriac, Thaana, NKo ... and the Arabic presentation forms.
RTL_CHARS = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")
LATIN = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff"
# A Latin word, then more words with the punctuation that goes with them ("e. V.", "gGmbH",
# "Aktion Mensch e.V."), ending in a letter, digit or full stop; with a section sign before it
# ("§ 21 BGB") and a euro or percent sign after it ("500 €"). Brackets of Latin text inside
# it belong to it ("Sächsische Aufbaubank (SAB) als Bewilligungsstelle", "Vorstand
# (§ 26 BGB)"): split there, the parts were drawn right to left, "als … (SAB) Aufbaubank".
_RUN_CHARS = f"{LATIN}0-9 \u00a0.,:;/&*'’+\\-–"
_IN_RUN = f"[{_RUN_CHARS}]"
_BRACKETED = f"\\([{_RUN_CHARS}§]*\\)"
LATIN_RUN = re.compile(
    rf"(?:§[ \u00a0]?)?[{LATIN}0-9](?:(?:{_IN_RUN}|{_BRACKETED})*(?:[{LATIN}0-9.]|{_BRACKETED}))?"
    "(?:[ \u00a0]?[€%])?")
HAS_LETTER = re.compile(f"[{LATIN}]")
# A run worth isolating: a Latin letter, or a sign that would otherwise drift to the wrong
# side of its number ("500 €" drawn as "€ 500").
NEEDS_ISOLATING = re.compile(f"[{LATIN}§€]")
# A tag as nh3 writes it (attributes always in double quotes, '<' in text always '&lt;').
TAG = re.compile(r'<(?:[^>"]++|"[^"]*+")*+>')
PAIRS = {"(": ")", "[": "]", "«": "»", "„": "“", "“": "”", '"': '"'}


def isolate_latin(text) -> SafeString:
    """HTML for text, with each Latin run of right-to-left text isolated in <bdi>. Text
    without right-to-left letters is only escaped: its element's dir does the rest."""
    text = "" if text is None else str(text)
    if not RTL_CHARS.search(text):
        return escape(text)
    return mark_safe(_isolate_runs(text))  # noqa: S308 - every piece is escaped


def _escape(text: str) -> str:
    """django.utils.html.escape, without its SafeString and str.translate (slow on Arabic
    text): this runs once per piece of text."""
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;").replace("'", "&#x27;"))


def _runs(text: str, start_at: int = 0, end_at: int | None = None):
    """(start, end, opening tag) of each Latin run of text[start_at:end_at] to isolate."""
    end_at = len(text) if end_at is None else end_at
    for match in LATIN_RUN.finditer(text, start_at, end_at):
        start, end = match.span()
        if not NEEDS_ISOLATING.search(match.group()):
            continue  # numbers keep their place on their own
        # Take the brackets round the run along, so they pair inside the isolate.
        if start > start_at and end < end_at and PAIRS.get(text[start - 1]) == text[end]:
            start, end = start - 1, end + 1
        # Without a Latin letter (an amount), dir="auto" would find no direction.
        yield start, end, "<bdi>" if HAS_LETTER.search(match.group()) else '<bdi dir="ltr">'


def _isolate_runs(text: str) -> str:
    out, last = [], 0
    for start, end, opening in _runs(text):
        out += [_escape(text[last:start]), opening, _escape(text[start:end]), "</bdi>"]
        last = end
    out.append(_escape(text[last:]))
    return "".join(out)


# Tags a Latin run may span: "(§ 21 <mark>BGB</mark>)" in a search snippet is one run, whose
# brackets would otherwise pair outside two isolates and show as "(BGB § 21)".
INLINE = {"a", "abbr", "b", "bdi", "cite", "code", "em", "i", "mark", "q", "s", "small", "span",
          "strong", "sub", "sup", "u"}
TAG_NAME = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)")


def isolate_html(html: str) -> str:
    """Clean HTML (cms.sanitise) with the Latin runs of its text isolated, when it contains
    right-to-left letters; otherwise unchanged. Tags are copied as they are; text between
    them is unescaped, isolated and escaped again, so no entity is split. A run may span
    inline tags that open and close inside it."""
    if not RTL_CHARS.search(html):
        return html
    out, line, last = [], [], 0
    for tag in TAG.finditer(html):
        line.append(html[last:tag.start()])
        name = TAG_NAME.match(tag.group())
        if name and name.group(2).lower() in INLINE and not tag.group().endswith("/>"):
            line.append((tag.group(), name.group(2).lower(), name.group(1) == "/"))
        else:  # a block or a line break: no run goes past it
            out += [_isolate_line(line), tag.group()]
            line = []
        last = tag.end()
    line.append(html[last:])
    out.append(_isolate_line(line))
    return "".join(out)


def _isolate_text(escaped: str) -> str:
    if not NEEDS_ISOLATING.search(escaped):
        return escaped  # Arabic words, numbers, spaces: nothing to isolate
    return _isolate_runs(html_lib.unescape(escaped) if "&" in escaped else escaped)


def _isolate_line(pieces: list) -> str:
    """Escaped text (str) and inline tags ((html, name, closing)) between two block tags."""
    if not any(isinstance(p, str) and NEEDS_ISOLATING.search(p) for p in pieces):
        return "".join(p if isinstance(p, str) else p[0] for p in pieces)
    if all(isinstance(p, str) for p in pieces):
        return _isolate_text("".join(pieces))
    if not _a_run_spans_a_tag(pieces):  # the common case, piece by piece as before
        return "".join(_isolate_text(p) if isinstance(p, str) else p[0] for p in pieces)
    # One item per character or tag; where[i]: the item of the plain text's i-th character.
    items, where = [], []
    for piece in pieces:
        if isinstance(piece, str):
            for char in html_lib.unescape(piece) if "&" in piece else piece:
                where.append(len(items))
                items.append(char)
        else:
            items.append(piece)
    plain = "".join(i for i in items if isinstance(i, str))
    before: dict[int, list[str]] = {}  # what goes before item i
    for start, end, opening in _runs(plain):
        span = _enclosing(items, where[start], where[end - 1] + 1)
        if span is None:  # a tag opens in the run and closes after it: each part alone
            cuts = [start] + [k for k in range(start + 1, end) if where[k] > where[k - 1] + 1]
            for a, b in zip(cuts, [*cuts[1:], end], strict=True):
                for part in _runs(plain, a, b):
                    _mark(before, where[part[0]], where[part[1] - 1] + 1, part[2])
        else:
            _mark(before, *span, opening)
    out = []
    for index, item in enumerate(items):
        out += before.get(index, ())
        out.append(_escape(item) if isinstance(item, str) else item[0])
    out += before.get(len(items), ())
    return "".join(out)


def _a_run_spans_a_tag(pieces: list) -> bool:
    plain, offsets = "", []
    for piece in pieces:
        if isinstance(piece, str):
            plain += html_lib.unescape(piece) if "&" in piece else piece
        else:
            offsets.append(len(plain))
    # offsets are in order: the first tag after a run's start tells
    return any((i := bisect_right(offsets, start)) < len(offsets) and offsets[i] < end
               for start, end, _opening in _runs(plain))


def _enclosing(items: list, first: int, stop: int) -> tuple[int, int] | None:
    """items[first:stop] widened by the tags at its edges it needs, so that every tag in it
    opens and closes inside ("<b>e. V</b>."); None if there is no such span."""
    for _ in range(3):
        left_open, closed_early = _balance(items[first:stop])
        if not left_open and not closed_early:
            return first, stop
        while closed_early and first > 0 and not isinstance(items[first - 1], str):
            first -= 1
            if not items[first][2] and items[first][1] in closed_early:
                closed_early.remove(items[first][1])
        while left_open and stop < len(items) and not isinstance(items[stop], str):
            stop += 1
            if items[stop - 1][2] and items[stop - 1][1] in left_open:
                left_open.remove(items[stop - 1][1])
    return None


def _balance(items: list) -> tuple[list[str], list[str]]:
    """(names left open, names closed without opening) of the tags among items."""
    stack, closed_early = [], []
    for item in items:
        if isinstance(item, str):
            continue
        if not item[2]:
            stack.append(item[1])
        elif stack and stack[-1] == item[1]:
            stack.pop()
        else:
            closed_early.append(item[1])
    return stack, closed_early


def _mark(before: dict, first: int, stop: int, opening: str) -> None:
    before.setdefault(first, []).append(opening)
    # A run ending where another starts closes first.
    before.setdefault(stop, []).insert(0, "</bdi>")
