"""Event lists on the home page and on topics: those pages remember what they list as plain
copies (cms.frozen), which know no dates or places; the events themselves are read here, all
in one query, beside their links."""

from django import template

from events.models import EventPage

register = template.Library()


@register.filter
def with_events(links) -> list[tuple]:
    """[(reader link, its EventPage)], in the order of `links`."""
    links = list(links)
    pages = {link.page.pk: link.page for link in links if isinstance(link.page, EventPage)}
    missing = [link.page.pk for link in links if link.page.pk not in pages]
    if missing:
        pages |= EventPage.objects.select_related("region").in_bulk(missing)
    return [(link, pages[link.page.pk]) for link in links if link.page.pk in pages]
