"""What cms makes searchable (cms.searchable): guides, topics and glossary terms, and the topic
facet, which every page below a topic carries (guides, and the pages other apps put there)."""

from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from cms.searchable import Facet, SearchType, register

# Topics sit right below the home page of their language: root / home / topic.
TOPIC_DEPTH = 3


def topics_of(language: str) -> dict[str, tuple[str, str]]:
    """{tree path: (slug, title)} of the live topics in a language, in the editors' order."""
    from django.contrib.contenttypes.models import ContentType

    from cms.locales import for_language
    from cms.models import TopicPage

    locale = for_language(language)
    if locale is None:
        return {}
    # Once per search: the content type (cached by Django) rather than .type(TopicPage), which
    # looks up every subclass's type on each call (0.15 ms; topics have no subclasses).
    topic_type = ContentType.objects.get_for_model(TopicPage).pk
    rows = (Page.objects.live()
            .filter(locale=locale, depth=TOPIC_DEPTH, content_type_id=topic_type)
            .order_by("path").values_list("path", "slug", "title"))
    return {path: (slug, title) for path, slug, title in rows}


def _topic_values(facts, topics) -> list[str]:
    path = facts.get("path")
    topic = topics.get(path[:Page.steplen * TOPIC_DEPTH]) if path else None
    return [topic[0]] if topic else []


TOPIC_FACET = Facet(
    "topic", _("Topic"),
    choices=lambda language, topics: list((topics or topics_of(language)).values()),
    values=_topic_values, context=topics_of,
)

register(facets=[TOPIC_FACET])
register(SearchType("guide", "cms.GuidePage", _("Guide"), position=10))
register(SearchType("topic", "cms.TopicPage", _("Topic"), position=20))
register(SearchType("glossary", "cms.GlossaryTerm", _("Glossary term"), position=40,
                    is_page=False, title_field="term", summary_field="definition"))
