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

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

# Hebrew, Arabic, Syriac, Thaana, NKo ... and the Arabic presentation forms.
RTL_CHARS = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")
LATIN = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff"
# A Latin word, then more words with the punctuation that goes with them ("e. V.", "gGmbH",
# "Aktion Mensch e.V."), ending in a letter, digit or full stop; with a section sign before it
# ("§ 21 BGB") and a euro or percent sign after it ("500 €").
LATIN_RUN = re.compile(
    rf"(?:§[ \u00a0]?)?[{LATIN}0-9](?:[{LATIN}0-9 \u00a0.,:;/&*'’+\-–]*[{LATIN}0-9.])?"
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


def _isolate_runs(text: str) -> str:
    out, last = [], 0
    for match in LATIN_RUN.finditer(text):
        start, end = match.span()
        if not NEEDS_ISOLATING.search(match.group()):
            continue  # numbers keep their place on their own
        # Take the brackets round the run along, so they pair inside the isolate.
        if start > 0 and end < len(text) and PAIRS.get(text[start - 1]) == text[end]:
            start, end = start - 1, end + 1
        out.append(_escape(text[last:start]))
        # Without a Latin letter (an amount), dir="auto" would find no direction.
        direction = "" if HAS_LETTER.search(match.group()) else ' dir="ltr"'
        out.append(f"<bdi{direction}>{_escape(text[start:end])}</bdi>")
        last = end
    out.append(_escape(text[last:]))
    return "".join(out)


def isolate_html(html: str) -> str:
    """Clean HTML (cms.sanitise) with the Latin runs of its text isolated, when it contains
    right-to-left letters; otherwise unchanged. Tags are copied as they are; text between
    them is unescaped, isolated and escaped again, so no entity is split."""
    if not RTL_CHARS.search(html):
        return html
    out, last = [], 0
    for tag in TAG.finditer(html):
        out.append(_isolate_text(html[last:tag.start()]))
        out.append(tag.group())
        last = tag.end()
    out.append(_isolate_text(html[last:]))
    return "".join(out)


def _isolate_text(escaped: str) -> str:
    if not NEEDS_ISOLATING.search(escaped):
        return escaped  # Arabic words, numbers, spaces: nothing to isolate
    return _isolate_runs(html_lib.unescape(escaped) if "&" in escaped else escaped)
