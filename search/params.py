"""Reading search parameters from a request, in one place for the page, the API and
autocomplete. The facet parameters are the registered facets' (cms.searchable); bad values
give a form error in the reader's language, never an exception."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from cms.searchable import UnknownValue, registry

from .engines.base import SearchQuery
from .understanding import as_text_choices, understood_query

MAX_QUERY_LENGTH = 200
MAX_PAGE = 1000
PER_PAGE = 10
RELEVANCE = ("relevance", _("best match"))


class SearchParams(forms.Form):
    q = forms.CharField(required=False, strip=True)
    past = forms.BooleanField(required=False)  # show what facets hide (passed deadlines)
    sort = forms.ChoiceField(required=False)
    page = forms.IntegerField(required=False, min_value=1, max_value=MAX_PAGE)

    def __init__(self, data, *args, language=None, **kwargs):
        super().__init__(data, *args, **kwargs)
        self.shortened = False
        self.understood = []  # what to_query read from the text (search.understanding)
        self.fields["sort"].choices = [RELEVANCE, *((s.key, s.label) for s in registry.sorts())]
        # Values are the same in every language; the source language has every one.
        languages = {language or settings.LANGUAGE_CODE, settings.LANGUAGE_CODE}
        for facet in registry.facets:
            if facet.resolve:
                self.fields[facet.key] = ResolvedField(facet.resolve, facet.multiple)
                continue
            values = {value for code in languages
                      for value, _label in facet.choices(code, None)}
            choices = [("", "")] + [(value, value) for value in sorted(values)]
            field = forms.MultipleChoiceField if facet.multiple else forms.ChoiceField
            self.fields[facet.key] = field(required=False, choices=choices)

    def clean(self):
        """Links carry a facet's own values from here on (?region=leipzig -> 14713), so the
        links that remove a filter or turn a page find them."""
        data = super().clean()
        resolved = {key: _as_list(data.get(key)) for key, field in self.fields.items()
                    if isinstance(field, ResolvedField) and key in data}
        if resolved and hasattr(self.data, "setlist"):
            self.data = self.data.copy()
            for key, values in resolved.items():
                if key in self.data:
                    self.data.setlist(key, values)
        return data

    def candidates(self) -> dict[str, list[tuple[str, str]]]:
        """{facet key: [(value, label)]} the reader may have meant by an unknown value."""
        return {key: field.candidates for key, field in self.fields.items()
                if isinstance(field, ResolvedField) and field.candidates}

    def clean_q(self):
        text = self.cleaned_data["q"]
        if len(text) > MAX_QUERY_LENGTH:
            self.shortened = True
            cut = text[:MAX_QUERY_LENGTH]
            text = cut.rsplit(" ", 1)[0] if " " in cut else cut
        return text

    def as_text(self) -> list[str]:
        """?as_text=<facet key>: facets whose words stay text (an understood filter the
        reader removed). Unknown keys are ignored: an old link still searches."""
        known = {key for key, _label in as_text_choices()}
        values = self.data.getlist("as_text") if hasattr(self.data, "getlist") else []
        return list(dict.fromkeys(v for v in values if v in known))

    def chosen(self) -> dict[str, tuple[str, ...]]:
        """{facet key: the chosen values}, for every registered facet."""
        data = self.cleaned_data
        return {facet.key: tuple(v for v in _as_list(data.get(facet.key)) if v)
                for facet in registry.facets}

    def to_query(self, locale: str, per_page: int = PER_PAGE) -> SearchQuery:
        """The query the engines get: words that name a facet value are read as chosen
        values and leave the text (search.understanding); `self.understood` says which."""
        data = self.cleaned_data
        page = data.get("page") or 1
        query = SearchQuery(
            text=data["q"], locale=locale, filters=self.chosen(),
            include_hidden=data["past"], sort=data["sort"] or "relevance",
            offset=(page - 1) * per_page, limit=per_page,
        )
        query, self.understood = understood_query(query, self.as_text())
        return query

    @property
    def has_filters(self) -> bool:
        return any(self.chosen().values())


class ResolvedField(forms.Field):
    """A facet whose values are resolved rather than chosen from a list (Facet.resolve):
    regions by key or name. Unknown and ambiguous values are errors with candidates."""

    widget = forms.SelectMultiple

    def __init__(self, resolve, multiple: bool):
        super().__init__(required=False)
        self.resolve, self.multiple, self.candidates = resolve, multiple, []

    def to_python(self, value):
        values = [v for v in _as_list(value) if isinstance(v, str) and v.strip()]
        if not self.multiple:
            values = values[-1:]
        resolved, messages = [], []
        for typed in values:
            try:
                resolved.append(self.resolve(typed))
            except UnknownValue as error:
                messages.append(str(error))
                self.candidates.extend(c for c in error.candidates if c not in self.candidates)
        if messages:
            raise forms.ValidationError(messages)
        resolved = list(dict.fromkeys(resolved))
        return resolved if self.multiple else (resolved[0] if resolved else "")


class ApiParams(SearchParams):
    lang = forms.ChoiceField(required=False, choices=settings.LANGUAGES)


class AutocompleteParams(forms.Form):
    q = forms.CharField(required=False, strip=True, max_length=MAX_QUERY_LENGTH)
    lang = forms.ChoiceField(required=False, choices=settings.LANGUAGES)


def _as_list(value) -> list:
    if value is None or value == "":
        return []
    return value if isinstance(value, list) else [value]


def error_messages(form: forms.Form) -> dict[str, list[str]]:
    return {name: [str(m) for m in messages] for name, messages in form.errors.items()}
