"""Every bad query parameter of the Wagtail API v2 (pages, images, documents) and of the search
API is a 400 with a JSON body that names the parameter: never a 500, a 404 or an HTML page.

The cases come from the APIs' own configuration, so a new field, page type or endpoint is
covered without touching this file: every endpoint of cms.api.api_router, every page type
(through ?type=), every field an endpoint filters by (get_available_fields(model,
db_fields_only=True)) with wrong values chosen by the field's class, every operation
parameter (known_query_parameters) with the values in OPERATION_CASES, and every field of
the search API's forms. A new kind of field or a new operation parameter fails
test_every_filter_field_is_classified / test_every_operation_parameter_has_cases until it
has cases here.
"""

import pytest
from django.conf import settings
from django.db import models
from django.db.models.fields import PositiveIntegerRelDbTypeMixin
from django.forms import BooleanField as FormBooleanField
from django.forms import CharField as FormCharField
from django.forms import ChoiceField, IntegerField
from taggit.managers import TaggableManager
from wagtail.fields import StreamField
from wagtail.models import Page, get_page_models

from cms.api import api_router
from cms.middleware import MAX_QUERY_LENGTH
from search.params import ApiParams, AutocompleteParams

pytestmark = pytest.mark.django_db

HUGE = "99999999999999999999"  # beyond any 64-bit integer
NUL = "x\x00"
OVERLONG = "x" * (MAX_QUERY_LENGTH + 100)
ANY_TEXT = []  # a field or parameter for which every text is a valid value


# --- What the API has -----------------------------------------------------------------------


def listings():
    """(case id, listing URL, base parameters, model) for every listing the API has: each
    endpoint's own, and for the pages endpoint each page type through ?type=."""
    for name, endpoint in api_router._endpoints.items():
        url = f"/api/v2/{name}/"
        yield name, url, {}, endpoint.model
        if issubclass(endpoint.model, Page):
            for model in get_page_models():
                yield f"{name}-{model.__name__}", url, {"type": model._meta.label}, model


def filter_fields(endpoint_url, model) -> dict[str, models.Field]:
    """The parameters the endpoint filters by field, and the model field behind each."""
    endpoint = api_router._endpoints[endpoint_url.strip("/").split("/")[-1]]
    names = set(endpoint.get_available_fields(model, db_fields_only=True)) - {"locale"}
    concrete = {field.attname: field for field in model._meta.concrete_fields}
    return {name: concrete.get(name) or model._meta.get_field(name) for name in sorted(names)}


def wrong_values(field) -> list[str] | None:
    """Values the field can never hold, by its class; None for a class not classified yet."""
    if isinstance(field, TaggableManager):
        return ANY_TEXT  # tag names
    if isinstance(field, StreamField | models.JSONField):
        return ["x"]  # structured content is no filter
    if field.is_relation:
        return ["x", "1.5", "-1", HUGE]  # an id
    if isinstance(field, models.BooleanField):
        return ["maybe", "2", "yes"]
    if isinstance(field, models.IntegerField):  # AutoField included
        positive = isinstance(field, models.AutoField | PositiveIntegerRelDbTypeMixin)
        return ["x", "1.5", "1e3", HUGE, *(["-1"] if positive else [])]
    if isinstance(field, models.DateTimeField):
        return ["x", "2026-13-45 10:00", "yesterday"]
    if isinstance(field, models.DateField):
        return ["x", "2026-13-45", "2026-02-30", "31.12.2026"]
    if isinstance(field, models.CharField | models.TextField):
        values = []
        if isinstance(field, models.URLField):
            values.append("not a url")
        elif isinstance(field, models.SlugField):
            values.append("not a slug")
        if isinstance(field, models.CharField) and field.max_length:
            values.append("x" * (field.max_length + 1))
        return values
    return None


# Every operation parameter of Wagtail's endpoints and the values that are wrong for it.
PAGE_IDS = ["x", "-1", "1.5", HUGE]
OPERATION_CASES = {
    "limit": ["x", "-1", "1.5", HUGE, str(settings.WAGTAILAPI_LIMIT_MAX + 1)],
    "offset": ["x", "-1", "1.5", HUGE],
    "fields": ["nope", "title(", "-", "*,title", "title(id)"],
    "order": ["nope", "-nope", "title,nope", "random,title", ","],
    "search_operator": ["xor", "", "and or"],
    "rich_text_format": ["rtf"],
    "format": ["xml", "html"],
    "type": ["nope.Nope", "GuidePage", "cms.CustomImage", "wagtailcore.Site",
             "cms.GuidePage,nope"],
    "child_of": PAGE_IDS,
    "ancestor_of": PAGE_IDS + ["root"],
    "descendant_of": PAGE_IDS,
    "translation_of": PAGE_IDS,
    "locale": ["xx", "", "DE"],
    "site": ["nope.example", "localhost:abc"],
    "search": ANY_TEXT,
    "_": ANY_TEXT,  # jQuery's cache buster
}
# Parameters that are wrong only together, and query strings sent as typed (a str: not
# percent-encoded by the test client, as a browser or curl sends brackets).
COMBINATIONS = [
    ({"order": "random", "offset": "1"}, "offset"),
    ({"child_of": "root", "descendant_of": "root"}, "descendant_of"),
    ("fields=" + "title(" * 1300 + ")" * 1300, "fields"),  # deeper than Python recurses
]


def short(value: str) -> str:
    if value == NUL:
        return "nul"
    return value if len(value) <= 20 else f"{value[:8]}…{len(value)}"


def cases():
    field_cases, operation_cases, generic_cases = [], [], []
    for case, url, base, model in listings():
        for name, field in filter_fields(url, model).items():
            for value in wrong_values(field) or []:
                field_cases.append(pytest.param(url, {**base, name: value}, name,
                                                id=f"{case}-{name}={short(value)}"))
        names = set(filter_fields(url, model)) | set(api_router._endpoints[
            url.strip("/").split("/")[-1]].known_query_parameters)
        for name in sorted(names):
            for value in (NUL, OVERLONG):
                generic_cases.append(pytest.param(url, {**base, name: value}, name,
                                                  id=f"{case}-{name}={short(value)}"))
        generic_cases.append(pytest.param(url, {**base, "nope": "1"}, "nope",
                                          id=f"{case}-unknown-parameter"))
        generic_cases.append(pytest.param(url, {**base, "ti\x00tle": "x"}, "title",
                                          id=f"{case}-nul-in-the-name"))
    for name, endpoint in api_router._endpoints.items():
        url = f"/api/v2/{name}/"
        for parameter in sorted(endpoint.known_query_parameters):
            for value in OPERATION_CASES.get(parameter, []):
                operation_cases.append(pytest.param(url, {parameter: value}, parameter,
                                                    id=f"{name}-{parameter}={short(value)}"))
        for value in PAGE_IDS:
            operation_cases.append(pytest.param(f"{url}find/", {"id": value}, "id",
                                                id=f"{name}-find-id={short(value)}"))
    for params, parameter in COMBINATIONS:
        label = "&".join(params) if isinstance(params, dict) else f"{parameter}-typed"
        operation_cases.append(pytest.param("/api/v2/pages/", params, parameter,
                                            id=f"pages-{label}"))
    return field_cases, operation_cases, generic_cases


FIELD_CASES, OPERATION_CASES_, GENERIC_CASES = cases()


def get(client, url, params, **headers):
    if isinstance(params, str):
        return client.get(f"{url}?{params}", **headers)
    return client.get(url, params, **headers)


def assert_refused(response, parameter):
    """A 400 in Wagtail's shape, {"message": "..."}, that names the parameter."""
    body = response.content.decode()
    assert response.status_code == 400, body[:300]
    assert response["Content-Type"].startswith("application/json"), body[:300]
    data = response.json()
    assert set(data) == {"message"}, data
    assert parameter in data["message"], data


# --- The derivation itself ------------------------------------------------------------------


def test_every_filter_field_is_classified():
    unclassified = [f"{model.__name__}.{name} ({type(field).__name__})"
                    for _case, url, _base, model in listings()
                    for name, field in filter_fields(url, model).items()
                    if wrong_values(field) is None]
    assert unclassified == [], "add the field's class to wrong_values()"


def test_every_operation_parameter_has_cases():
    known = set().union(*(e.known_query_parameters for e in api_router._endpoints.values()))
    assert known <= set(OPERATION_CASES), "add the new parameter to OPERATION_CASES"


def test_the_derived_cases_cover_the_reported_ones():
    ids = {case.id for case in FIELD_CASES + OPERATION_CASES_}
    assert {"pages-GuidePage-last_reviewed=x", "pages-FundingProgrammePage-deadline=x",
            "pages-first_published_at=x", "pages-offset=" + short(HUGE),
            "pages-search_operator=xor"} <= ids
    assert len(FIELD_CASES) > 150


# --- API v2 ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("url", "params", "parameter"), FIELD_CASES)
def test_wrong_filter_value_is_a_400(client, url, params, parameter):
    assert_refused(get(client, url, params), parameter)


@pytest.mark.parametrize(("url", "params", "parameter"), OPERATION_CASES_)
def test_wrong_operation_parameter_is_a_400(client, url, params, parameter):
    assert_refused(get(client, url, params), parameter)


@pytest.mark.parametrize(("url", "params", "parameter"), GENERIC_CASES)
def test_nul_overlong_and_unknown_parameters_are_a_400(client, url, params, parameter):
    assert_refused(get(client, url, params), parameter)


def test_detail_views_refuse_bad_parameters(client, guide):
    from wagtail.documents import get_document_model

    document = get_document_model().objects.first()
    for url in (f"/api/v2/pages/{guide.pk}/", f"/api/v2/documents/{document.pk}/"):
        assert client.get(url).status_code == 200
        assert_refused(client.get(url, {"fields": "nope"}), "fields")
        assert_refused(client.get(url, {"format": "xml"}), "format")
    assert_refused(client.get(f"/api/v2/pages/{guide.pk}/", {"type": "nope.Nope"}), "type")
    assert_refused(client.get(f"/api/v2/pages/{guide.pk}/", {"site": "nope.example"}), "site")


def test_search_operator_xor_while_searching(client):
    assert_refused(client.get("/api/v2/pages/", {"search": "Satzung",
                                                 "search_operator": "xor"}),
                   "search_operator")


def test_a_browser_gets_the_error_as_json_too(client):
    response = client.get("/api/v2/pages/", {"type": "cms.GuidePage", "last_reviewed": "x"},
                          HTTP_ACCEPT="text/html,application/xhtml+xml,*/*;q=0.8")
    assert_refused(response, "last_reviewed")


@pytest.mark.parametrize("endpoint", sorted(api_router._endpoints))
def test_unknown_ids_in_the_path_are_a_404_in_json(client, endpoint):
    response = client.get(f"/api/v2/{endpoint}/{HUGE}/")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")
    assert set(response.json()) == {"message"}


@pytest.mark.parametrize("text", ['"', 'a"b', '   ', "*", "(", "NEAR(", "a OR", "-x", "'",
                                  "\\", "^", "title:x", "\u202e"])
@pytest.mark.parametrize("endpoint", sorted(api_router._endpoints))
def test_any_search_text_is_answered(client, endpoint, text):
    response = client.get(f"/api/v2/{endpoint}/", {"search": text})
    assert response.status_code == 200, response.content[:300]
    assert isinstance(response.json()["items"], list)


def test_quotes_are_searched_as_spaces(client):
    plain = client.get("/api/v2/pages/", {"search": "Satzung"}).json()
    quoted = client.get("/api/v2/pages/", {"search": '"Satzung"'}).json()
    assert plain["meta"]["total_count"] >= 1
    assert quoted == plain


@pytest.mark.parametrize("model", [m for m in get_page_models() if m is not Page],
                         ids=lambda m: m.__name__)
def test_right_filter_values_still_find_the_page(client, model):
    """The checks refuse only what a field cannot hold: each field's value on a real page
    finds that page."""
    page = model.objects.live().filter(locale__language_code="de").first()
    if page is None and model._meta.label == "events.EventPage":
        from tests.events.conftest import make_event  # events are not imported from files

        page = make_event()
    assert page is not None, f"the fixture content has no {model.__name__}"
    for name, field in filter_fields("/api/v2/pages/", model).items():
        if isinstance(field, StreamField | TaggableManager) or field.is_relation:
            continue
        value = getattr(page, field.attname)
        if value is None:
            continue
        text = ("true" if value else "false") if isinstance(value, bool) else (
            value.isoformat() if hasattr(value, "isoformat") else str(value))
        response = client.get("/api/v2/pages/", {"type": model._meta.label, name: text,
                                                 "limit": settings.WAGTAILAPI_LIMIT_MAX})
        assert response.status_code == 200, (name, response.content[:300])
        assert page.pk in [item["id"] for item in response.json()["items"]], name


def test_right_operation_values_still_work(client, guide):
    from wagtail.models import Site

    site = Site.objects.get(is_default_site=True)
    for params in [{"offset": "0", "limit": "1"}, {"order": "-title"}, {"locale": "ar"},
                   {"child_of": "root"}, {"descendant_of": str(guide.get_parent().pk)},
                   {"translation_of": str(guide.pk)}, {"search": "Satzung",
                                                       "search_operator": "AND"},
                   {"fields": "_,title"}, {"format": "json"},
                   {"site": site.hostname}, {"site": f"{site.hostname}:{site.port}"}]:
        response = client.get("/api/v2/pages/", params)
        assert response.status_code == 200, (params, response.content[:300])


# --- The search API (/api/v1/search/ and autocomplete) ---------------------------------------


def form_wrong_values(field) -> list[str] | None:
    if isinstance(field, ChoiceField):  # MultipleChoiceField included
        return ["nope"]
    if isinstance(field, IntegerField):
        return ["x", "1.5", "-1", HUGE]
    if isinstance(field, FormBooleanField):
        return ANY_TEXT  # read as yes or no, as an HTML checkbox
    if isinstance(field, FormCharField):
        return ["x" * (field.max_length + 1)] if field.max_length else ANY_TEXT
    return None


SEARCH_FORMS = [("/api/v1/search/", ApiParams), ("/api/v1/search/autocomplete/",
                                                  AutocompleteParams)]
SEARCH_CASES = [
    pytest.param(url, name, value, id=f"{url.strip('/').split('/')[-1]}-{name}={short(value)}")
    for url, form in SEARCH_FORMS
    for name, field in form.base_fields.items()
    for value in [*(form_wrong_values(field) or []), NUL, OVERLONG]
]


def test_every_search_parameter_is_classified():
    assert [name for _url, form in SEARCH_FORMS for name, field in form.base_fields.items()
            if form_wrong_values(field) is None] == []


@pytest.mark.parametrize(("url", "parameter", "value"), SEARCH_CASES)
def test_wrong_search_parameter_is_a_400(client, url, parameter, value):
    params = {"q": "Satzung", parameter: value}
    response = client.get(url, params)
    assert response.status_code == 400, response.content[:300]
    assert response["Content-Type"].startswith("application/json")
    data = response.json()
    assert data["error"] == "invalid parameters"
    assert list(data["errors"]) == [parameter]
    assert all(message for message in data["errors"][parameter])


def test_overlong_query_string_names_the_longest_parameter(client):
    response = client.get("/api/v1/search/", {"q": "Satzung", "region": "berlin",
                                              "topic": OVERLONG, "lang": "en"})
    length = len(response.wsgi_request.META["QUERY_STRING"])
    assert response.status_code == 400
    assert response.json()["errors"] == {"topic": [
        f"The query string is too long: {length} characters, at most {MAX_QUERY_LENGTH}."]}
    response = client.get("/api/v2/pages/", {"title": "x", "slug": OVERLONG})
    length = len(response.wsgi_request.META["QUERY_STRING"])
    assert response.json() == {"message": f"query string too long: {length} characters, "
                                          f"at most {MAX_QUERY_LENGTH} (longest parameter: slug)"}
