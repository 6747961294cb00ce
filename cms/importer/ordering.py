"""`order` in a guide's front matter: its place among its topic's guides in the page tree (1
is the first; a number beyond the last guide puts it last). The tree is the order readers see
(cms.models.topics, cms.models.steps) and the one editors change by dragging pages in the
explorer, so the import moves the page there instead of storing a number next to it.

The import places pages after every German file is written, lowest `order` first, so a whole
topic's files end up in their order whatever order they are read in; a page already in place
is not moved (a re-import changes nothing)."""

from wagtail.actions.move_page import MovePageAction


def guides_in_order(page) -> list:
    """The page and its siblings of its own type, in tree order."""
    return list(type(page).objects.sibling_of(page, inclusive=True).order_by("path"))


def place_of(page) -> tuple[int, int]:
    """(1-based place of `page` among its siblings of its type, their number)."""
    siblings = guides_in_order(page)
    return [s.pk for s in siblings].index(page.pk) + 1, len(siblings)


def place(page, order: int, user=None) -> bool:
    """Move `page` to place `order` among its siblings of its type; True when it moved."""
    page = type(page).objects.get(pk=page.pk)  # an earlier move may have changed its path
    siblings = guides_in_order(page)
    others = [s for s in siblings if s.pk != page.pk]
    wanted = min(order, len(siblings)) - 1
    if siblings[wanted].pk == page.pk:
        return False
    if wanted < len(others):
        target, pos = others[wanted], "left"
    else:
        target, pos = others[-1], "right"
    # The import runs with the command's authority, like its publishing.
    MovePageAction(page, target, pos=pos, user=user).execute(skip_permission_checks=True)
    return True
