"""Refuse Markdown that Python-Markdown or the HTML cleaner cannot handle in linear time or
without deep recursion, before either sees it. One pass over the lines; nothing here
backtracks.

Measured (benchmarks/RESULTS.md, "Hostile import files"): Python-Markdown 3.x scans from every
'[' to its ']' and from every '](' to its ')' - to the end of the paragraph when there is
none - and its HTML parser from every '<' that starts a tag to the next '>' (8,000 unclosed
'[' in one paragraph: 8 s; 5,000 unclosed '<a ' in 1 MB: 34 s). It recurses once per level of
nested lists ('- ' 500 times: RecursionError), and the HTML cleaner walks its stack of open
elements for every tag (100,000 nested <div>: 36 s). The rules below keep each scan short;
the numbers are in limits.py.
"""

import re

from cms.sanitise import REMOVED_WITH_CONTENT

from . import limits
from .errors import ContentError
from .fences import fence_open

INDENT = re.compile(r"[ \t]*+")
# Python-Markdown's horizontal rule: three or more of one of - _ * with at most two spaces
# between; each repetition starts with its character, so nothing backtracks far.
RULE = re.compile(r" {0,3}(?:(?:-[ ]{0,2}){3,}|(?:_[ ]{0,2}){3,}|(?:\*[ ]{0,2}){3,})[ \t]*")
MARKER = re.compile(r"(?:[-*+]|\d{1,9}+[.)])[ \t]++|>[ \t]*+")
PLAIN_BLOCKS = {"checklist", "download", "contact"}  # their lines never reach Markdown
# The cleaner removes these with everything inside; left open, one would take the rest of the
# text with it.
MUST_CLOSE = REMOVED_WITH_CONTENT - {"embed"}

# Raw HTML is accepted only as complete tags on one line. No part of a tag may contain '<'
# or '>', so the scan from one '<' ends before the next one: linear over the line.
START_TAG = re.compile(r"""<([A-Za-z][A-Za-z0-9-]*+)(?:[ \t]++[^\s"'<>/=`]++(?:[ \t]*+=[ \t]*+"""
                       r"""(?:"[^"<>]*+"|'[^'<>]*+'|[^\s"'=<>`]++))?+)*+[ \t]*+/?>""")
END_TAG = re.compile(r"</([A-Za-z][A-Za-z0-9-]*+)[ \t]*+>")
AUTOLINK = re.compile(r"""<(?:[A-Za-z][A-Za-z0-9+.-]*+://[^\s<>"']*+|[^\s<>"'@]++@[^\s<>"'@]++)>""")
TAG_START = re.compile(r"<[A-Za-z/!?]")
BRACKETS = re.compile(r"[\\\[\]]")
DIRECTIVE = re.compile(r":::(\w++)")  # as markdown_blocks.DIRECTIVE_OPEN


def check_body(text: str, first_line: int, fences=()) -> None:
    """`fences`: names of fenced blocks (```` ```quiz````) whose lines are not Markdown: the
    type that declares them checks them itself (cms.importer.registry)."""
    lines = text.split("\n")
    paragraph, unclosed = _Paragraph(), []
    list_items, html_tags, plain, fenced = 0, 0, False, False
    for index, line in enumerate(lines):
        number = first_line + index
        if index == limits.MAX_LINES:  # reported here, so an earlier problem comes first
            raise ContentError(f"the body has {len(lines):,} lines; at most "
                               f"{limits.MAX_LINES:,}")
        if fenced or (fences and fence_open(line, fences)):
            paragraph.end()
            fenced = not fenced or line.rstrip() != "```"
            continue
        if not line.strip():
            paragraph.end()
            continue
        opening = DIRECTIVE.match(line)
        if opening or (line.startswith(":::") and not line[3:].strip()):
            paragraph.end()  # a block's first or last line: never Markdown
            list_items = 0
            plain = bool(opening) and opening.group(1) in PLAIN_BLOCKS
            continue
        depth, is_item = nesting(line)
        if depth > limits.MAX_NESTING:
            raise ContentError(f"line {number}: lists and quotes nest {depth} levels deep here "
                               f"(4 spaces of indent are a level too); at most "
                               f"{limits.MAX_NESTING}")
        if is_item:
            list_items += 1
            if list_items > limits.MAX_LIST_ITEMS:
                raise ContentError(f"line {number}: more than {limits.MAX_LIST_ITEMS} list items "
                                   "in a row; split the list")
        elif not line[0].isspace():
            list_items = 0
        if plain:
            continue
        if is_item or line.startswith("#"):
            paragraph.end()  # a list item and a heading start their own run of text
        html_tags += _check_html(line, number, unclosed)
        if html_tags > limits.MAX_HTML_TAGS:
            raise ContentError(f"line {number}: more than {limits.MAX_HTML_TAGS} HTML tags in "
                               "the file; write Markdown instead")
        paragraph.add(line, number)
        if line.startswith("#"):
            paragraph.end()
    paragraph.end()
    if unclosed:
        tag, number = unclosed[0]
        raise ContentError(f"line {number}: <{tag}> is not closed by </{tag}>; the cleaning "
                           "would remove all text after it")


def nesting(line: str) -> tuple[int, bool]:
    """(levels of indent, list and quote markers at the start of the line, is a list item)."""
    if RULE.fullmatch(line):
        return 0, False  # '- - -' is a horizontal rule, not three lists
    indent = INDENT.match(line).end()
    depth = len(line[:indent].expandtabs(4)) // 4
    position, markers, is_item = indent, 0, False
    while match := MARKER.match(line, position):
        is_item = is_item or not match.group().startswith(">")
        markers += 1
        position = match.end()
    return depth + markers, is_item


def _check_html(line: str, number: int, unclosed: list) -> int:
    tags = 0
    position = line.find("<")
    while position != -1:
        if not TAG_START.match(line, position):
            position = line.find("<", position + 1)
            continue
        if line.startswith("<!--", position):
            end = line.find("-->", position + 4)
            if end == -1:
                raise ContentError(f"line {number}: an HTML comment '<!--' must end with '-->' "
                                   "on the same line")
            end += 3
        else:
            match = (START_TAG.match(line, position) or END_TAG.match(line, position)
                     or AUTOLINK.match(line, position))
            if match is None:
                raise ContentError(f"line {number}: '<' starts HTML that is not a complete tag "
                                   "on this line; write &lt; for a less-than sign")
            end = match.end()
            if match.re is AUTOLINK:
                tags -= 1
            else:
                _track_closing(match, unclosed, number)
        tags += 1
        position = line.find("<", end)
    return tags


def _track_closing(match, unclosed: list, number: int) -> None:
    tag = match.group(1).lower()
    if tag not in MUST_CLOSE or match.group().endswith("/>"):
        return
    if match.re is START_TAG:
        unclosed.append((tag, number))
    elif unclosed and unclosed[-1][0] == tag:
        unclosed.pop()


class _Paragraph:
    """One run of text that Python-Markdown scans as a whole (a paragraph, a list item, a
    heading): at most MAX_PARAGRAPH_CHARS long, every '[' closed by ']' in it, at most
    MAX_BRACKET_NESTING deep, and a link target '](…)' closed on its line without quotes."""

    def __init__(self):
        self.open_lines: list[int] = []
        self.length, self.first_line = 0, 0

    def end(self):
        self.length = 0
        if self.open_lines:
            line = self.open_lines[0]
            self.open_lines = []
            raise ContentError(f"line {line}: '[' is not closed by ']' in its paragraph; "
                               "write \\[ for a bracket that is only text")

    def add(self, line: str, number: int):
        if not self.length:
            self.first_line = number
        self.length += len(line) + 1
        if self.length > limits.MAX_PARAGRAPH_CHARS:
            raise ContentError(f"line {self.first_line}: the paragraph starting here has more "
                               f"than {limits.MAX_PARAGRAPH_CHARS:,} characters; split it")
        position = 0
        while match := BRACKETS.search(line, position):
            char, position = match.group(), match.end()
            if char == "\\":
                position += 1  # an escaped character is text
            elif char == "[":
                self.open_lines.append(number)
                if len(self.open_lines) > limits.MAX_BRACKET_NESTING:
                    raise ContentError(f"line {number}: square brackets nest more than "
                                       f"{limits.MAX_BRACKET_NESTING} deep")
            elif self.open_lines:
                self.open_lines.pop()
                if line.startswith("(", position):
                    position = _link_target_end(line, position + 1, number)


def _link_target_end(line: str, position: int, number: int) -> int:
    depth = 1
    while position < len(line):
        char = line[position]
        if char in "\"'":
            raise ContentError(f"line {number}: a link target '](…)' may not contain quotes "
                               "(link titles are not kept)")
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                return position + 1
        position += 1
    raise ContentError(f"line {number}: a link target '](…' must end with ')' on the same line")
