"""Text checks shared by the importer's parts, and how a value is shown in a message."""

import re

from .errors import ContentError

# NUL cannot be stored in PostgreSQL; a lone surrogate cannot be encoded at all; other control
# characters (and C1 controls, the usual trace of a wrongly decoded file) are never text.
FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
WHITESPACE = re.compile(r"[^\S ]")  # tabs and line breaks, shown as spaces in a message


def check_characters(text: str, first_line: int = 1) -> None:
    """Refuse text the database cannot store or a reader cannot see, naming its line."""
    match = FORBIDDEN.search(text)
    if match:
        line = first_line + text.count("\n", 0, match.start())
        raise ContentError(f"line {line}: {describe_character(match.group())} cannot be stored; "
                           "remove it")


def describe_character(char: str) -> str:
    code = f"U+{ord(char):04X}"
    if char == "\x00":
        return f"a NUL character ({code})"
    if "\ud800" <= char <= "\udfff":
        return f"a lone surrogate ({code}, half of a character)"
    return f"a control character ({code})"


def shorten(text: str, limit: int = 60) -> str:
    """A piece of the author's text for a message: bounded, on one line."""
    text = FORBIDDEN.sub("?", WHITESPACE.sub(" ", str(text)))
    return text if len(text) <= limit else text[:limit - 1] + "…"


def kind_of(value) -> str:
    """A value's kind for a message, never the value itself (it may be huge)."""
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int):
        return "a number"
    if isinstance(value, float):
        return "a decimal number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a set of 'key: value' lines"
    if value is None:
        return "empty"
    return type(value).__name__
