"""Mixed-direction titles: Latin parts such as "(e. V.)" inside Arabic or Persian text.

The Unicode bidi algorithm gives the neutral characters at the edge of a Latin run (a closing
bracket, a final full stop) the direction of the surrounding right-to-left text, so
"جمعية مسجلة (e. V.)" shows as "(.e. V) جمعية مسجلة". Wrapping each Latin run, with its
brackets, in <bdi> lets it keep its own order while it sits in the right-to-left line.
"""

import re

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

# Hebrew, Arabic, Syriac, Thaana, NKo ... and the Arabic presentation forms.
RTL_CHARS = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")
LATIN = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff"
# A Latin word, then more words with the punctuation that goes with them ("e. V.", "gGmbH",
# "Aktion Mensch e.V."), ending in a letter, digit or full stop.
LATIN_RUN = re.compile(
    rf"[{LATIN}0-9](?:[{LATIN}0-9 .,:;/&*'’+\-–]*[{LATIN}0-9.])?")
HAS_LETTER = re.compile(f"[{LATIN}]")
PAIRS = {"(": ")", "[": "]", "«": "»", "„": "“", "“": "”", '"': '"'}


def isolate_latin(text) -> SafeString:
    """HTML for text, with each Latin run of right-to-left text isolated in <bdi>. Text
    without right-to-left letters is only escaped: its element's dir does the rest."""
    text = "" if text is None else str(text)
    if not RTL_CHARS.search(text):
        return escape(text)
    out, last = [], 0
    for match in LATIN_RUN.finditer(text):
        start, end = match.span()
        if not HAS_LETTER.search(match.group()):
            continue  # numbers keep their place on their own
        # Take the brackets round the run along, so they pair inside the isolate.
        if start > 0 and end < len(text) and PAIRS.get(text[start - 1]) == text[end]:
            start, end = start - 1, end + 1
        out.append(escape(text[last:start]))
        out.append(f"<bdi>{escape(text[start:end])}</bdi>")
        last = end
    out.append(escape(text[last:]))
    return mark_safe("".join(out))
