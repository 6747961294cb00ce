"""Fenced blocks in a body (```` ```quiz Title````, closed by a line ```` ``` ````) that a
registered type turns into blocks of its own (cms.importer.registry). The Markdown parts of
the importer leave their lines alone."""

from .errors import ContentError
from .text import shorten


def fence_open(line: str, names) -> tuple[str, str] | None:
    """(name, title) of a line opening a fenced block of one of `names`."""
    if not line.startswith("```"):
        return None
    name, _sep, title = line[3:].partition(" ")
    name = name.rstrip()
    return (name, " ".join(title.split())) if name in names else None


def fence_end(lines: list[str], start: int, name: str, number: int) -> int:
    """The index of the line closing the fence opened at `start` (line `number`)."""
    for index in range(start + 1, len(lines)):
        if lines[index].rstrip() == "```":
            return index
    raise ContentError(f"line {number}: '```{shorten(name, 30)}' is not closed by a line '```'")
