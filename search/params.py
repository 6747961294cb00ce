"""Reading search parameters from a request, in one place for the page, the API and
autocomplete. Bad values give a form error in the reader's language, never an exception."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from cms.models.vocabulary import ORGANISATION_TYPE_CHOICES, REGION_CHOICES
from funding.facets import AMOUNT_BUCKETS, DEADLINE_STATES, OWN_SHARE_BUCKETS

from .engines.base import SearchQuery
from .registry import SEARCH_TYPES

MAX_QUERY_LENGTH = 200
MAX_PAGE = 1000
PER_PAGE = 10
SORTS = [("relevance", _("best match")), ("deadline", _("deadline"))]


def _choices(pairs):
    return [("", "")] + [(key, label) for key, label, *_rest in pairs]


class SearchParams(forms.Form):
    q = forms.CharField(required=False, strip=True)
    type = forms.MultipleChoiceField(required=False,
                                     choices=[(t.key, t.label) for t in SEARCH_TYPES])
    topic = forms.ChoiceField(required=False)
    region = forms.MultipleChoiceField(required=False, choices=REGION_CHOICES)
    eligible = forms.MultipleChoiceField(required=False, choices=ORGANISATION_TYPE_CHOICES)
    deadline = forms.ChoiceField(required=False, choices=_choices(DEADLINE_STATES))
    amount = forms.ChoiceField(required=False, choices=_choices(AMOUNT_BUCKETS))
    own_share = forms.ChoiceField(required=False, choices=_choices(OWN_SHARE_BUCKETS))
    past = forms.BooleanField(required=False)
    sort = forms.ChoiceField(required=False, choices=SORTS)
    page = forms.IntegerField(required=False, min_value=1, max_value=MAX_PAGE)

    def __init__(self, data, *args, **kwargs):
        super().__init__(data, *args, **kwargs)
        self.shortened = False
        self.fields["topic"].choices = [("", "")] + [(slug, slug) for slug in _topic_slugs()]

    def clean_q(self):
        text = self.cleaned_data["q"]
        if len(text) > MAX_QUERY_LENGTH:
            self.shortened = True
            cut = text[:MAX_QUERY_LENGTH]
            text = cut.rsplit(" ", 1)[0] if " " in cut else cut
        return text

    def to_query(self, locale: str, per_page: int = PER_PAGE) -> SearchQuery:
        data = self.cleaned_data
        page = data.get("page") or 1
        return SearchQuery(
            text=data["q"], locale=locale, types=tuple(data["type"]),
            topic=data["topic"] or None, regions=tuple(data["region"]),
            eligible=tuple(data["eligible"]), deadline=data["deadline"] or None,
            amount=data["amount"] or None, own_share=data["own_share"] or None,
            include_past=data["past"], sort=data["sort"] or "relevance",
            offset=(page - 1) * per_page, limit=per_page,
        )

    @property
    def has_filters(self) -> bool:
        data = self.cleaned_data
        return any(data.get(k) for k in ("type", "topic", "region", "eligible", "deadline",
                                         "amount", "own_share"))


class ApiParams(SearchParams):
    lang = forms.ChoiceField(required=False, choices=settings.LANGUAGES)


class AutocompleteParams(forms.Form):
    q = forms.CharField(required=False, strip=True, max_length=MAX_QUERY_LENGTH)
    lang = forms.ChoiceField(required=False, choices=settings.LANGUAGES)


def _topic_slugs() -> list[str]:
    from cms.models import TopicPage

    return sorted(set(TopicPage.objects.live().values_list("slug", flat=True)))


def error_messages(form: forms.Form) -> dict[str, list[str]]:
    return {name: [str(m) for m in messages] for name, messages in form.errors.items()}
