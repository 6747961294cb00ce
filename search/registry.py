"""What search finds: one entry per content type. Adding a type is one entry here (plus, for
Elasticsearch, its fields in the document builder)."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class SearchType:
    key: str  # the `type` value in results and in ?type=
    model: str  # "app_label.ModelName"
    label: str
    is_page: bool = True
    title_field: str = "title"  # what a hit's title is (non-page types)


SEARCH_TYPES = [
    SearchType("guide", "cms.GuidePage", _("Guide")),
    SearchType("topic", "cms.TopicPage", _("Topic")),
    SearchType("funding", "funding.FundingProgrammePage", _("Funding programme")),
    SearchType("glossary", "cms.GlossaryTerm", _("Glossary term"), is_page=False,
               title_field="term"),
]


def search_type(key: str) -> SearchType | None:
    return next((t for t in SEARCH_TYPES if t.key == key), None)
