"""What the search logs may keep of what a reader typed.

People type their own e-mail address, phone number or customer number into a search box
(looking for "their" application, pasting from a letter). The logs — our SearchLogEntry and
Wagtail's Query / QueryDailyHits, kept WAGTAILSEARCH_HITS_MAX_AGE days — store the query
only after `redact`, which replaces, in this order:

- an e-mail address (anything with "@" between non-blank characters)    -> "[e-mail]"
- an IBAN: two letters, two digits, then 11-30 letters or digits, written
  together or in groups of four (DE89 3704 0044 0532 0130 00)           -> "[number]"
- a phone number: starts with +, 00, 0 or (0 and has at least 6 digits,
  with blanks, "/", "-" and brackets between them (+49 30 1234567,
  0176 12345678, (030) 123456, 030/123-456)                             -> "[phone]"
- any other run of 6 or more digits (customer, file, tax numbers), or a
  group of digits joined by blanks, ".", "-" or "/" with 9 or more
  digits in all (12 345 678 901)                                         -> "[number]"

What stays, so the report still means something: years (2026), paragraphs (§ 52 AO),
five-digit postcodes (10115, 01067: an area of thousands, not a person), dates (01.02.2026),
year ranges (2025/2026), amounts written with separators (5.000, 1.000.000) and short
numbers. The price: an amount typed as 100000 becomes "[number]", and a phone number
without its area code and under 6 digits (12345) stays.

Promotions are unaffected: they are looked up by the reader's query as typed
(promotions.promoted_hits), and for a query without such data `redact` changes nothing, so the
logged Query row is the one editors promote.
"""

import re

EMAIL = re.compile(r"[^\s@]+@[^\s@]+")
IBAN = re.compile(
    r"(?<![\w])[a-z]{2}\d{2}(?:[a-z0-9]{11,30}|(?: (?=[a-z0-9]{0,3}\d)[a-z0-9]{4}){2,7}"
    r"(?: [a-z0-9]{1,4})?)(?![\w])", re.IGNORECASE)
PHONE = re.compile(r"(?<![\w+])(?:\+ ?|\(0|0)\d[\d ()/-]*\d\)?")
GROUPED_DIGITS = re.compile(r"(?<![\w.])\d[\d .\-/]*\d(?![\w])")
LONG_DIGITS = re.compile(r"\d{6,}")

MIN_PHONE_DIGITS = 6
MIN_GROUPED_DIGITS = 9


def _digits(text: str) -> int:
    return sum(char.isdigit() for char in text)


def _phone(match: re.Match) -> str:
    return "[phone]" if _digits(match.group(0)) >= MIN_PHONE_DIGITS else match.group(0)


def _grouped(match: re.Match) -> str:
    return "[number]" if _digits(match.group(0)) >= MIN_GROUPED_DIGITS else match.group(0)


def redact(text: str) -> str:
    """The query with personal data replaced by placeholders (rules above)."""
    text = EMAIL.sub("[e-mail]", text)
    text = IBAN.sub("[number]", text)
    text = PHONE.sub(_phone, text)
    text = GROUPED_DIGITS.sub(_grouped, text)
    return LONG_DIGITS.sub("[number]", text)


def redact_stored_logs() -> int:
    """Apply `redact` to what the logs already hold (entries written before it existed, or by
    an older release during a deploy), merging counts into the redacted query. Queries with
    editors' promotions are left to the editors. Returns the number of rows rewritten.
    Run with the daily prune; it reads only rows with a digit or an "@"."""
    from django.db import transaction
    from django.db.models import F
    from wagtail.contrib.search_promotions.models import Query, QueryDailyHits
    from wagtail.search.utils import normalise_query_string

    from .models import SearchLogEntry

    suspicious = {"query_string__regex": r"[0-9@]"}
    rewritten = 0
    for entry in SearchLogEntry.objects.filter(**suspicious).iterator():
        clean = normalise_query_string(redact(entry.query_string))
        if clean == entry.query_string:
            continue
        with transaction.atomic():
            target, _created = SearchLogEntry.objects.get_or_create(
                query_string=clean, locale=entry.locale, date=entry.date)
            SearchLogEntry.objects.filter(pk=target.pk).update(
                searches=F("searches") + entry.searches,
                no_results=F("no_results") + entry.no_results)
            entry.delete()
        rewritten += 1
    for query in Query.objects.filter(editors_picks__isnull=True, **suspicious).iterator():
        clean = normalise_query_string(redact(query.query_string))
        if clean == query.query_string:
            continue
        with transaction.atomic():
            target = Query.get(clean)
            for day in QueryDailyHits.objects.filter(query=query):
                merged, _created = QueryDailyHits.objects.get_or_create(query=target,
                                                                        date=day.date)
                QueryDailyHits.objects.filter(pk=merged.pk).update(hits=F("hits") + day.hits)
            query.delete()
        rewritten += 1
    return rewritten
