"""Stable block ids across imports.

wagtail-localize keys each translated string by its block's id. Re-importing a file with new
ids would orphan every translation made in the admin, so a re-import takes the ids of the
blocks it replaces, and a translation takes the ids of its source's blocks, position by
position as long as the kinds of block agree; so do list items and the children of a block's
own stream (a quiz's questions).
"""

import uuid


def assign_ids(blocks: list[dict], previous: list[dict] | None = None) -> None:
    """Give every block and list item an id, reusing `previous` ids where the kinds agree."""
    previous = previous or []
    for index, block in enumerate(blocks):
        old = previous[index] if index < len(previous) else None
        if not (isinstance(old, dict) and old.get("type") == block["type"] and old.get("id")):
            old = None
        block["id"] = old["id"] if old else str(uuid.uuid4())
        _assign_nested(block["value"], old["value"] if old else None)


def _assign_nested(value, old_value):
    if not isinstance(value, dict):
        return
    for key, child in value.items():
        if _is_block_list(child):
            old_items = old_value.get(key) if isinstance(old_value, dict) else None
            assign_ids(child, old_items if isinstance(old_items, list) else None)


def _is_block_list(value):
    """A ListBlock's items or a nested StreamBlock's children (a quiz's questions)."""
    return isinstance(value, list) and all(
        isinstance(v, dict) and "type" in v and "value" in v for v in value
    )
