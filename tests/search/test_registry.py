"""Adding a searchable type with a facet of its own is one declaration (cms.searchable), made
here inside the test suite only: organisations, with a facet by kind. Both the page and the
JSON API find them, count and filter by the new facet, and nothing in search names them."""

import pytest
from django.db import connection
from django.utils.translation import gettext_lazy as _

from cms.models import Organisation
from cms.models.organisations import KIND_CHOICES
from cms.searchable import Facet, SearchType, registry
from search import language_index

pytestmark = pytest.mark.django_db


def kinds(ids, today):
    return {pk: {"kind": kind} for pk, kind in
            Organisation.objects.filter(pk__in=ids).values_list("pk", "kind")}


ORGANISATIONS = SearchType(
    "organisation", "cms.Organisation", _("Organisation"), position=50, is_page=False,
    title_field="name", summary_field="description", facts=kinds,
    facets=(Facet("kind", _("kind"),
                  choices=lambda language, context: [(k, str(v)) for k, v in KIND_CHOICES],
                  values=lambda facts, context: [facts["kind"]], types=("organisation",)),),
)


@pytest.fixture
def organisations(guide, django_capture_on_commit_callbacks):
    registry.register(ORGANISATIONS)
    language_index.sync(connection)  # what `migrate` does for a type registered in code
    # Committed as an editor's save is: the vocabulary learns the new words on commit.
    with django_capture_on_commit_callbacks(execute=True):
        for name, kind in (("Brückenverein Kassel", "migrant-organisation"),
                           ("Brückennetz Nord", "network")):
            Organisation.objects.create(name=name, slug=name.lower().replace(" ", "-"),
                                        kind=kind, locale=guide.locale,
                                        description="Hilft beim Brückenbauen zwischen Vereinen.")
    yield
    registry.unregister("organisation")
    language_index.sync(connection)


def test_the_api_finds_counts_and_filters_the_new_type(client, organisations):
    answer = client.get("/api/v1/search/", {"q": "Brückenbauen", "lang": "de"}).json()
    assert {r["type"] for r in answer["results"]} == {"organisation"}
    assert {f["value"]: f["count"] for f in answer["facets"]["kind"]} == {
        "migrant-organisation": 1, "network": 1}
    assert {f["value"]: f["count"] for f in answer["facets"]["type"]} == {"organisation": 2}
    narrowed = client.get("/api/v1/search/", {"q": "Brückenbauen", "kind": "network"}).json()
    assert [r["title"] for r in narrowed["results"]] == ["Brückennetz Nord"]


def test_the_page_offers_the_new_facet_and_refuses_unknown_values(client, organisations):
    page = client.get("/de/search/", {"q": "Brückenbauen"}).content.decode()
    assert '<input type="radio" name="kind" value="network"' in page
    assert "Brückenverein Kassel" in page
    assert client.get("/de/search/", {"q": "Brückenbauen", "kind": "bank"}).status_code == 400


def test_unregistered_it_is_gone_again(client, organisations):
    registry.unregister("organisation")
    answer = client.get("/api/v1/search/", {"q": "Brückenbauen", "lang": "de"}).json()
    assert answer["results"] == [] and "kind" not in answer["facets"]
    registry.register(ORGANISATIONS)  # for the fixture's own clean-up
