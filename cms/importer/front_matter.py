"""Front matter: YAML without the parts of YAML an import never needs.

Anchors and aliases (`&a`, `*a`) are refused before anything is built, so an "alias bomb"
never expands, not even into an error message. Explicit tags (`!!python/object`, `!!binary`,
`!!set`), merge keys, duplicate keys, keys that are not words and values nested deeper than a
list are refused too, each with its line.
"""

import yaml

from .errors import ContentError
from .text import FORBIDDEN, describe_character, shorten

MAX_DEPTH = 2  # the mapping of keys and one list inside it
STR_TAG = "tag:yaml.org,2002:str"
# Keys whose values are text even when they look like numbers: `region: 01001` is the
# Kreisschlüssel of Flensburg, not the octal number 513.
TEXT_KEYS = frozenset({"region"})


class FrontMatterLoader(yaml.SafeLoader):
    def __init__(self, stream, first_line: int):
        super().__init__(stream)
        self.first_line_number = first_line
        self.nesting = 0

    def line_of(self, mark) -> int:
        return mark.line + self.first_line_number

    def refuse(self, mark, message):
        raise ContentError(f"line {self.line_of(mark)}: {message}")

    def compose_node(self, parent, index):
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent) or event.anchor is not None:
            self.refuse(event.start_mark, "YAML anchors and aliases (&name, *name) are not "
                                          "allowed; write the value out")
        if event.tag is not None:
            tag = shorten(event.tag.replace("tag:yaml.org,2002:", "!!"), 60)
            self.refuse(event.start_mark, f"YAML tags ({tag}) are not allowed; write plain "
                                          "text, numbers, dates and lists")
        if isinstance(event, yaml.ScalarEvent):
            bad = FORBIDDEN.search(event.value)
            if bad:  # an escape such as "\0" or "\ud800" in a quoted value
                self.refuse(event.start_mark,
                            f"{describe_character(bad.group())} cannot be stored; remove it")
            return super().compose_node(parent, index)
        self.nesting += 1
        if self.nesting > MAX_DEPTH:
            self.refuse(event.start_mark, "lists or 'key: value' sets inside a list are not "
                                          "allowed here")
        try:
            return super().compose_node(parent, index)
        finally:
            self.nesting -= 1

    def construct_mapping(self, node, deep=False):
        seen = {}
        for key_node, _value in node.value:
            if not (isinstance(key_node, yaml.ScalarNode) and key_node.tag == STR_TAG):
                self.refuse(key_node.start_mark, "keys must be words like 'title'")
            key = key_node.value
            if key in seen:
                self.refuse(key_node.start_mark, f"the key '{shorten(key, 40)}' appears twice "
                                                 f"(first on line {seen[key]})")
            seen[key] = self.line_of(key_node.start_mark)
            if key in TEXT_KEYS:
                for scalar in ([_value] if isinstance(_value, yaml.ScalarNode)
                               else getattr(_value, "value", ())):
                    if isinstance(scalar, yaml.ScalarNode):
                        scalar.tag = STR_TAG
        return super().construct_mapping(node, deep)

    def construct_object(self, node, deep=False):
        try:
            return super().construct_object(node, deep)
        except (ValueError, OverflowError):  # 2026-13-45, or an int of 5,000 digits
            value = node.value if isinstance(node, yaml.ScalarNode) else ""
            self.refuse(node.start_mark, f"'{shorten(value, 40)}' cannot be read as a date or "
                                         "number")


def load_front_matter(text: str, first_line: int):
    loader = FrontMatterLoader(text, first_line)
    try:
        return loader.get_single_data()
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        problem = shorten(error.problem or "", 80)
        where = f" (line {loader.line_of(mark)}: {problem})" if mark else ""
        raise ContentError(f"the front matter is not valid YAML{where}") from None
    finally:
        loader.dispose()
