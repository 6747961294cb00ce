"""Bad query parameters in Wagtail's API v2 answered with a 400 in Wagtail's own shape
(``{"message": "..."}``), never with a 500 or a 404; cms/api.py builds the endpoints from
these parts.

Why: Wagtail 8.0's endpoints hand much of the query string to the database unchecked.

- ``FieldsFilter`` converts only booleans, integers and foreign keys (the last since Wagtail
  #7011); any other field's value goes into ``.filter()`` as typed, so a bad date, date-time,
  URL or decimal raises ValidationError (500), and a foreign key beyond the database's integer
  range an OverflowError or a database error (500).
- ``WagtailPagination`` slices with any offset; one beyond a 64-bit integer is a database
  error (SQLite "datatype mismatch", PostgreSQL "bigint out of range").
- ``SearchFilter`` passes ``search_operator`` to the search backend, which raises ValueError
  for anything but "and" and "or"; and ``search`` as typed: the database backend quotes each
  word for SQLite's full-text MATCH without doubling a ``"`` in it (``search="`` is an
  OperationalError "unterminated string"), and a search of only spaces builds no query at all
  (AttributeError). A ``"`` is no word character to the full-text index anyway, so it is
  searched as a space; spaces only as the empty search.
- ``find/?id=`` goes into ``.get(id=…)`` unconverted (ValueError for ``id=x``).
- ``fields=a(a(a(…`` is parsed recursively: a thousand brackets are a RecursionError (500).
- An unknown ``locale`` or ``site`` answers 404 "No Locale matches the given query", an
  unknown ``format`` 404 with an empty message, as if the endpoint did not exist.
- "parent page doesn't exist" and the like do not say which parameter was wrong.

Delete a part when the Wagtail release in use does the same itself: each case is a
parametrised row in tests/cms/test_api_bad_parameters.py, which keeps passing without the
part once Wagtail answers 400 there too.
"""

import re

from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import models
from django.http import Http404
from django.utils import translation
from rest_framework.renderers import JSONRenderer
from taggit.managers import TaggableManager
from wagtail.api.v2.filters import (
    AncestorOfFilter,
    ChildOfFilter,
    DescendantOfFilter,
    FieldsFilter,
    LocaleFilter,
    SearchFilter,
    TranslationOfFilter,
)
from wagtail.api.v2.pagination import WagtailPagination
from wagtail.api.v2.utils import BadRequestError, parse_boolean
from wagtail.fields import StreamField

# Far beyond any listing of this site, and within every database's LIMIT/OFFSET range.
MAX_OFFSET = 2**31 - 1
SEARCH_OPERATORS = ("and", "or")
# ?fields=body(…) nests at most a few levels in practice; Wagtail's parser recurses per level.
MAX_FIELDS_DEPTH = 8
# Values are quoted back in messages, cut to this many characters.
SHOWN_LENGTH = 40


def shown(value: str) -> str:
    return value if len(value) <= SHOWN_LENGTH else value[:SHOWN_LENGTH] + "…"


# --- Filters by field (?title=…, ?last_reviewed=…) -----------------------------------------


def filter_field(model, name):
    """The model field behind the filter parameter ``name`` (a field name or an attname)."""
    try:
        return model._meta.get_field(name)
    except FieldDoesNotExist:
        return next((f for f in model._meta.concrete_fields if f.attname == name), None)


def check_filter_value(model, name: str, value: str) -> None:
    """Raise BadRequestError unless ``value`` is something the field ``name`` can hold: the
    field's own conversion and validators (type, range, length, format) decide."""
    field = filter_field(model, name)
    if field is None or isinstance(field, TaggableManager):
        return  # tags are plain names, compared as text
    if isinstance(field, StreamField | models.JSONField):
        raise BadRequestError(f"cannot filter by {name} (structured content, not one value)")
    if field.is_relation:
        field = field.target_field  # an id, validated as the id it points to
    if isinstance(field, models.BooleanField):
        try:
            parse_boolean(value)
        except ValueError as error:
            raise BadRequestError(
                f"field filter error. '{shown(value)}' is not a valid value for {name} "
                f"({error})") from error
        return
    with translation.override("en"):  # Wagtail's own messages are English
        try:
            python_value = field.to_python(value)
            field.run_validators(python_value)
            if isinstance(field, models.AutoField) and python_value < 0:
                raise ValidationError("an id is a positive integer")
        except ValidationError as error:
            raise BadRequestError(
                f"field filter error. '{shown(value)}' is not a valid value for {name} "
                f"({' '.join(error.messages)})") from error


class CheckedFieldsFilter(FieldsFilter):
    def filter_queryset(self, request, queryset, view):
        names = set(view.get_available_fields(queryset.model, db_fields_only=True)) - {"locale"}
        for name, value in request.GET.items():
            if name in names:
                check_filter_value(queryset.model, name, value)
        return super().filter_queryset(request, queryset, view)


# --- Filters with their own parameter ------------------------------------------------------


class NamesItsParameter:
    """Prefixes Wagtail's message with the parameter when the message does not name it."""

    parameter = ""

    def filter_queryset(self, request, queryset, view):
        try:
            return super().filter_queryset(request, queryset, view)
        except BadRequestError as error:
            if self.parameter in str(error):
                raise
            raise BadRequestError(f"{self.parameter}: {error}") from error


class CheckedChildOfFilter(NamesItsParameter, ChildOfFilter):
    parameter = "child_of"


class CheckedAncestorOfFilter(NamesItsParameter, AncestorOfFilter):
    parameter = "ancestor_of"


class CheckedDescendantOfFilter(NamesItsParameter, DescendantOfFilter):
    parameter = "descendant_of"


class CheckedTranslationOfFilter(NamesItsParameter, TranslationOfFilter):
    parameter = "translation_of"


class CheckedLocaleFilter(LocaleFilter):
    def filter_queryset(self, request, queryset, view):
        try:
            return super().filter_queryset(request, queryset, view)
        except Http404 as error:
            from wagtail.models import Locale

            known = ", ".join(Locale.objects.order_by("language_code")
                              .values_list("language_code", flat=True))
            raise BadRequestError(f"locale '{shown(request.GET['locale'])}' does not exist "
                                  f"(one of: {known})") from error


class CheckedSearchFilter(SearchFilter):
    def filter_queryset(self, request, queryset, view):
        operator = request.GET.get("search_operator")
        if operator is not None and operator.lower() not in SEARCH_OPERATORS:
            raise BadRequestError(f"search_operator must be 'and' or 'or', "
                                  f"not '{shown(operator)}'")
        text = request.GET.get("search")
        if text is not None and searchable(text) != text:
            query = request.GET.copy()
            query["search"] = searchable(text)
            request = WithQuery(request, query)
        return super().filter_queryset(request, queryset, view)


def searchable(text: str) -> str:
    return " ".join(text.replace('"', " ").split())


class WithQuery:
    """The request as a filter backend sees it, with another query (request.GET)."""

    def __init__(self, request, query):
        self._wrapped = request
        self.GET = query

    def __getattr__(self, name):
        return getattr(self._wrapped, name)


# Wagtail's backend -> the checked one; checked() keeps Wagtail's list and its order.
CHECKED_BACKENDS = {
    FieldsFilter: CheckedFieldsFilter,
    ChildOfFilter: CheckedChildOfFilter,
    AncestorOfFilter: CheckedAncestorOfFilter,
    DescendantOfFilter: CheckedDescendantOfFilter,
    TranslationOfFilter: CheckedTranslationOfFilter,
    LocaleFilter: CheckedLocaleFilter,
    SearchFilter: CheckedSearchFilter,
}


def checked(backends) -> list:
    return [CHECKED_BACKENDS.get(backend, backend) for backend in backends]


# --- Paging --------------------------------------------------------------------------------


class BoundedPagination(WagtailPagination):
    def paginate_queryset(self, queryset, request, view=None):
        try:
            too_far = int(request.GET.get("offset", 0)) > MAX_OFFSET
        except ValueError:
            too_far = False  # Wagtail's own message: "offset must be a positive integer"
        if too_far:
            raise BadRequestError(f"offset cannot be higher than {MAX_OFFSET}")
        return super().paginate_queryset(queryset, request, view)


# --- The endpoint itself -------------------------------------------------------------------


class CheckedParametersMixin:
    """For a subclass of Wagtail's BaseAPIViewSet: the parameters no filter backend reads
    (offset, format, find/?id=, fields), and every error answered as JSON, also to a browser
    whose Accept header would otherwise get DRF's HTML page around it."""

    pagination_class = BoundedPagination

    def perform_content_negotiation(self, request, force=False):
        try:
            return super().perform_content_negotiation(request, force)
        except Http404 as error:  # DRF: no renderer for ?format=…
            formats = ", ".join(renderer.format for renderer in self.get_renderers())
            raise BadRequestError(f"format must be one of: {formats}") from error

    def find_object(self, queryset, request):
        if "id" in request.GET:
            check_filter_value(queryset.model, "id", request.GET["id"])
        return super().find_object(queryset, request)

    def get_serializer_class(self):
        depth = max_bracket_depth(self.request.GET.get("fields", ""))
        if depth > MAX_FIELDS_DEPTH:
            raise BadRequestError(f"fields error: nested {depth} levels deep "
                                  f"(at most {MAX_FIELDS_DEPTH})")
        return super().get_serializer_class()

    def handle_exception(self, exc):
        response = super().handle_exception(exc)
        self.request.accepted_renderer = JSONRenderer()
        self.request.accepted_media_type = JSONRenderer.media_type
        return response


class CheckedSiteMixin:
    """For a subclass of Wagtail's PagesAPIViewSet: an unknown or malformed ?site= is a 400
    that names the parameter."""

    def get_base_queryset(self):
        site = shown(self.request.GET.get("site", ""))
        try:
            return super().get_base_queryset()
        except Http404 as error:  # wagtail.api.validators.SiteFilterValidator
            raise BadRequestError(f"site '{site}' does not exist") from error
        except BadRequestError as error:  # "Field 'port' expected a number …"
            if "site" in str(error):
                raise
            raise BadRequestError(f"site '{site}': {error}") from error


def max_bracket_depth(text: str) -> int:
    depth = deepest = 0
    for bracket in re.findall(r"[()]", text):
        depth += 1 if bracket == "(" else -1
        deepest = max(deepest, depth)
    return deepest
