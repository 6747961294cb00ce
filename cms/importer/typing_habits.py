"""What authors type that Markdown would misread.

- A star inside a word is the gender star (`Migrant*innen`, `Partner*innen`), never emphasis:
  two of them in one paragraph made Python-Markdown set the text between them in italics and
  drop both stars. They are escaped before Markdown sees them; `*emphasis*` (a star next to
  a space or punctuation) still works. Code spans, link targets and tags are left alone.
- A numbered step or list item that repeats its own number (`### 1. Satzung schreiben` in
  `:::steps`, `1. 1. Satzung schreiben`) would show "1. 1."; the repeated number goes.
"""

import re

# One line at a time, possessive: nothing rescans.
_STAR = re.compile(r"(`[^`\n]*+`|\]\([^)\n]*+\)|<[^>\n]*+>)|(?<=\w)\*(?=\w)")
_OWN_NUMBER = re.compile(r"(\d{1,3})[.)][ \t]++")
_DOUBLE_NUMBER = re.compile(r"([ \t]*+(\d{1,9})[.)][ \t]++)(\d{1,9})[.)][ \t]++")


def literal_stars(text: str) -> str:
    if "*" not in text:
        return text
    return _STAR.sub(lambda m: m.group(1) or r"\*", text)


def without_own_number(text: str, position: int) -> str:
    """`text` without a leading "3. " when 3 is `position`."""
    match = _OWN_NUMBER.match(text)
    if match and int(match.group(1)) == position:
        return text[match.end():]
    return text


def single_numbers(text: str) -> str:
    """List items written "1. 1. Text" become "1. Text"."""
    if ". " not in text and ") " not in text:
        return text
    lines = text.split("\n")
    for index, line in enumerate(lines):
        match = _DOUBLE_NUMBER.match(line)
        if match and match.group(2) == match.group(3):
            lines[index] = match.group(1) + line[match.end():]
    return "\n".join(lines)
