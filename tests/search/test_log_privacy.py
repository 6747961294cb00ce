"""What readers type into the search box reaches the logs without e-mail addresses, phone
numbers and long numbers: our SearchLogEntry and Wagtail's Query / QueryDailyHits."""

import datetime
import json

import pytest
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits, SearchPromotion

from search.models import SearchLogEntry
from search.tasks import prune_search_log

pytestmark = pytest.mark.django_db

PERSONAL = {
    "anna@example.org": ["anna", "example"],
    "+49 30 1234567": ["1234567", "+49"],
    "0176 12345678": ["0176", "12345678"],
    "DE89370400440532013000": ["de89", "370400440532013000", "0532013000"],
}


def logged_strings() -> list[str]:
    return [*SearchLogEntry.objects.values_list("query_string", flat=True),
            *Query.objects.values_list("query_string", flat=True)]


@pytest.mark.parametrize("query", PERSONAL)
def test_the_search_page_logs_no_trace_of_personal_data(client, guide, query):
    response = client.get("/de/search/", {"q": query})
    assert response.status_code == 200
    logged = logged_strings()
    assert len(logged) == 2  # one entry in each log …
    for fragment in PERSONAL[query]:  # … and nothing of what was typed
        assert not any(fragment in string for string in logged), (fragment, logged)


def test_each_kind_keeps_its_placeholder(client, guide):
    for query in PERSONAL:
        client.get("/de/search/", {"q": query})
    client.get("/de/search/", {"q": "Satzung anna@example.org"})
    assert sorted(SearchLogEntry.objects.values_list("query_string", "searches")) == [
        ("[e-mail]", 1), ("[number]", 1), ("[phone]", 2), ("satzung [e-mail]", 1)]
    assert sorted(Query.objects.values_list("query_string", flat=True)) == [
        "[e-mail]", "[number]", "[phone]", "satzung [e-mail]"]
    assert QueryDailyHits.objects.get(query__query_string="[phone]").hits == 2


def test_the_api_logs_the_same_way(client, guide):
    response = client.get("/api/v1/search/", {"q": "0176 12345678", "lang": "ar"})
    assert response.status_code == 200
    assert json.loads(response.content)["lang"] == "ar"
    assert list(SearchLogEntry.objects.values_list("query_string", "locale")) == [
        ("[phone]", "ar")]


def test_ordinary_queries_stay_as_typed_beside_redacted_ones(client, guide):
    for query in ["Satzung 2026", "§ 52 AO", "Verein 10115 Berlin", "Frist 01.02.2026",
                  "Förderjahr 2025/2026", "Satzung 2026 anna@example.org"]:
        client.get("/de/search/", {"q": query})
    assert sorted(SearchLogEntry.objects.values_list("query_string", flat=True)) == [
        "frist 01.02.2026", "förderjahr 2025/2026", "satzung 2026", "satzung 2026 [e-mail]",
        "verein 10115 berlin", "§ 52 ao"]
    assert Query.objects.get(query_string="satzung 2026").hits == 1


def test_promotions_still_match_ordinary_queries(client, guide):
    from cms.models import GuidePage

    second = GuidePage.objects.get(locale__language_code="de", slug="zweiter-leitfaden")
    SearchPromotion.objects.create(query=Query.get("satzung 2026"), page=second, sort_order=0)
    response = client.get("/api/v1/search/", {"q": "Satzung 2026", "lang": "de"})
    first = json.loads(response.content)["results"][0]
    assert (first["slug"], first["promoted"]) == ("zweiter-leitfaden", True)
    client.get("/api/v1/search/", {"q": "Satzung 2026 0176 12345678", "lang": "de"})
    assert Query.objects.get(query_string="satzung 2026").hits == 1  # the promoted row
    assert sorted(Query.objects.values_list("query_string", flat=True)) == [
        "satzung 2026", "satzung 2026 [phone]"]


@pytest.mark.parametrize(("typed", "stored"), [
    ("anna.meier+verein@beispiel.de", "[e-mail]"),
    ("DE89 3704 0044 0532 0130 00 überweisung", "[number] überweisung"),
    ("(030) 123456", "[phone]"),
    ("030/123-456", "[phone]"),
    ("+49 (0)30 1234567", "[phone]"),
    ("0049 30 1234567", "[phone]"),
    ("+33 1 23 45 67 89", "[phone]"),
    ("tel. 0176-1234 5678 rückruf", "tel. [phone] rückruf"),
    ("kundennummer 1234567", "kundennummer [number]"),
    ("steuer-id 12 345 678 901", "steuer-id [number]"),
    ("steuernummer 21/815/08150", "steuernummer [number]"),
    ("satzung 2026", "satzung 2026"),
    ("§ 52 ao", "§ 52 ao"),
    ("01067 dresden", "01067 dresden"),
    ("5.000 euro zuschuss", "5.000 euro zuschuss"),
    ("§§ 51-68 ao", "§§ 51-68 ao"),
    ("0,5 %", "0,5 %"),
])
def test_redaction_rules(typed, stored):
    from search.privacy import redact

    assert redact(typed) == stored
    assert redact(stored) == stored  # a second pass changes nothing


def test_entries_logged_before_are_redacted_by_the_daily_prune(guide):
    today = datetime.date.today()
    for query, searches in [("anna@example.org", 2), ("bob@example.org", 3), ("satzung", 4)]:
        SearchLogEntry.objects.create(query_string=query, locale="de", date=today,
                                      searches=searches, no_results=1)
        hits = Query.objects.create(query_string=query)
        QueryDailyHits.objects.create(query=hits, date=today, hits=searches)
    picked = Query.objects.create(query_string="kontakt@verein.de")
    SearchPromotion.objects.create(query=picked, page=guide, sort_order=0)

    prune_search_log()

    assert sorted(SearchLogEntry.objects.values_list("query_string", "searches",
                                                     "no_results")) == [
        ("[e-mail]", 5, 2), ("satzung", 4, 1)]
    assert sorted(Query.objects.values_list("query_string", flat=True)) == [
        "[e-mail]", "kontakt@verein.de", "satzung"]  # an editor's promotion is theirs
    assert QueryDailyHits.objects.get(query__query_string="[e-mail]").hits == 5
    from search.privacy import redact_stored_logs

    assert redact_stored_logs() == 0  # nothing left to do
