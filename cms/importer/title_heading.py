"""A body that starts with its title as a '# ' heading, as files written elsewhere do.

Pages draw their own h1 from the title, so the heading never stays in the body:
- it repeats the title (spaces and a closing '#' aside): dropped silently;
- the front matter has no title: the heading becomes the title;
- it says something else: dropped, and the report says so and quotes it, so no text is lost
  unseen.
The line is blanked rather than removed, so later messages keep the file's line numbers.
"""

from .text import shorten


def _heading(line: str) -> str | None:
    if not line.startswith("# "):
        return None
    text = line[2:].strip()
    stripped = text.rstrip("#")
    if stripped != text and (not stripped or stripped[-1] in " \t"):
        text = stripped  # "# Title #"
    return " ".join(text.split())


def take_title_heading(meta: dict, body: str, first_line: int, notes: list[str]) -> str:
    """The body without a leading '# ' heading; the title taken from it, or a note added."""
    lines = body.split("\n")
    index = next((i for i, line in enumerate(lines) if line.strip()), None)
    if index is None:
        return body
    heading = _heading(lines[index])
    if not heading:
        return body
    title = meta.get("title")
    if title is None or title == "":
        meta["title"] = heading
    elif not isinstance(title, str):
        return body  # the check of 'title' reports it
    elif " ".join(title.split()) != heading:
        notes.append(f"line {first_line + index}: the heading '# {shorten(heading, 120)}' "
                     f"differs from the title '{shorten(title, 120)}'; the title counts and "
                     "the heading was dropped (the page shows its title as its heading)")
    lines[index] = ""
    return "\n".join(lines)
