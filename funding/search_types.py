"""What funding makes searchable (cms.searchable): programmes, with the finder's facets (region,
who can apply, deadline, amount, own share), the "soonest deadline first" order and the
finder page itself. The facts a search reads once per page of results are also what the
result list shows (templates/funding/search_hit_facts.html)."""

import datetime

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from cms.ids import among
from cms.searchable import Facet, Finder, SearchType, Sort, register

from . import query_words, regions
from .deadlines import DEADLINE_SOON_DAYS, DEADLINE_STATES, deadline_state
from .facets import AMOUNT_BUCKETS, OWN_SHARE_BUCKETS, amount_bucket, own_share_bucket

TYPE = "funding"


def programme_facts(ids, today) -> dict:
    """{page id: facts} of programmes in three queries (one that aggregates regions and types
    per programme took twice as long)."""
    from .models import FundingProgrammePage

    facts = {pk: {"deadline": deadline, "deadline_state": deadline_state(deadline, today),
                  "amount_min": low, "amount_max": high, "cofunding_percent": share,
                  "regions": set(), "eligible": set()}
             for pk, deadline, low, high, share in FundingProgrammePage.objects.order_by()
             .filter(among("pk", ids))
             .values_list("pk", "deadline", "amount_min", "amount_max", "cofunding_percent")}
    for key, through, code in (
            ("regions", FundingProgrammePage.regions.through, "region__code"),
            ("eligible", FundingProgrammePage.eligible_types.through, "organisationtype__code")):
        for pk, value in through.objects.filter(among("fundingprogrammepage_id", ids)).values_list(
                "fundingprogrammepage_id", code):
            facts[pk][key].add(value)
    tree = regions.region_tree()
    for fact in facts.values():
        fact["places"] = regions.labelled(fact["regions"], tree)
    return facts


def document_facts(page) -> dict:
    return {
        "deadline": page.deadline.isoformat() if page.deadline else None,
        "amount_min": page.amount_min, "amount_max": page.amount_max,
        "cofunding_percent": page.cofunding_percent,
        "regions": sorted(r.code for r in page.regions.all()),
        "eligible": sorted(t.code for t in page.eligible_types.all()),
    }


def _eligible(language, context=None):
    from cms.models.vocabulary import ORGANISATION_TYPE_CHOICES

    return [(code, str(label)) for code, label in ORGANISATION_TYPE_CHOICES]


def facts_from_document(stored: dict, today: datetime.date) -> dict:
    """A search document's facts as programme_facts gives them: the state is the day's."""
    deadline = stored.get("deadline")
    deadline = datetime.date.fromisoformat(deadline) if deadline else None
    return {**stored, "deadline": deadline, "deadline_state": deadline_state(deadline, today),
            "regions": set(stored.get("regions") or ()),
            "places": regions.labelled(stored.get("regions") or ()),
            "eligible": set(stored.get("eligible") or ())}


def deadline_filters(today: datetime.date) -> dict[str, dict]:
    """Elasticsearch: one filter per deadline state, as deadline_state() decides."""
    soon = today + datetime.timedelta(days=DEADLINE_SOON_DAYS)
    field = "dates.deadline"
    return {
        "open": {"range": {field: {"gt": soon.isoformat()}}},
        "soon": {"range": {field: {"gte": today.isoformat(), "lte": soon.isoformat()}}},
        "rolling": {"bool": {"filter": [{"term": {"type": TYPE}}],
                             "must_not": [{"exists": {"field": field}}]}},
        "past": {"range": {field: {"lt": today.isoformat()}}},
    }


def _buckets(buckets):
    return lambda language, context: [(key, str(label)) for key, label, *_range in buckets]


FACETS = (
    # Länder and, below them, districts and cities: not "Bundesland" as elsewhere in German.
    Facet("region", pgettext_lazy("funding places", "Region"), regions.choices, regions.values,
          multiple=True, types=(TYPE,),
          context=lambda language: regions.region_tree(), resolve=regions.resolve,
          listed=regions.listed, recognise=query_words.regions,
          nearest=regions.nearest),
    Facet("eligible", _("Who can apply"), _eligible,
          lambda facts, context: sorted(facts.get("eligible") or ()), multiple=True,
          types=(TYPE,), recognise=query_words.legal_forms),
    Facet("deadline", _("Deadline"),
          lambda language, context: [(k, str(v)) for k, v in DEADLINE_STATES],
          lambda facts, context: [facts["deadline_state"]], types=(TYPE,),
          hidden=frozenset({"past"}), hidden_last=True, es_value_filters=deadline_filters,
          recognise=query_words.deadline),
    Facet("amount", _("Amount"), _buckets(AMOUNT_BUCKETS),
          lambda facts, context: [b] if (b := amount_bucket(facts["amount_max"])) else [],
          types=(TYPE,), recognise=query_words.amount),
    Facet("own_share", _("Own share"), _buckets(OWN_SHARE_BUCKETS),
          lambda facts, context: [b] if (b := own_share_bucket(facts["cofunding_percent"]))
          else [], types=(TYPE,), recognise=query_words.own_share),
)

# Soonest open deadline first, then programmes open all year, then everything else.
_RANK = {"soon": 0, "open": 0, "rolling": 1, "past": 2}


def _deadline_key(facts) -> tuple:
    if facts.get("type") != TYPE:
        return (3, datetime.date.max)
    deadline = facts.get("deadline")
    return (_RANK.get(facts["deadline_state"], 3), deadline or datetime.date.max)


# Elasticsearch: the same order from the document's type and date.
DEADLINE_RANK = """
if (doc['type'].size() == 0 || doc['type'].value != 'funding') { return 3; }
if (doc['dates.deadline'].size() == 0) { return 1; }
return doc['dates.deadline'].value.toInstant().toEpochMilli() < params.today ? 2 : 0;
"""


def _deadline_es_sort(today: datetime.date) -> list:
    midnight = datetime.datetime.combine(today, datetime.time(), tzinfo=datetime.UTC)
    return [
        {"_script": {"type": "number", "order": "asc", "script": {
            "lang": "painless", "source": DEADLINE_RANK.strip(),
            "params": {"today": int(midnight.timestamp() * 1000)}}}},
        {"dates.deadline": {"order": "asc", "missing": "_last"}},
    ]


register(SearchType(
    TYPE, "funding.FundingProgrammePage", _("Funding programme"), position=30,
    facts=programme_facts, document_facts=document_facts, date_facts=("deadline",),
    facts_from_document=facts_from_document,
    facts_template="funding/search_hit_facts.html", facets=FACETS,
    sorts=(Sort("deadline", _("soonest deadline first"), _deadline_key, _deadline_es_sort),),
    finder=Finder(
        TYPE, heading=_("Find funding programmes"),
        lead=_("Choose your region and the kind of organisation you are. Each choice shows "
               "in brackets how many programmes it leaves."),
        start={"type": [TYPE], "sort": ["deadline"]},
        hidden_notice=_("Programmes whose deadline has passed are not shown."),
        hidden_listed=_("Programmes whose deadline has passed come last, marked “passed”. "
                        "Their pages say when the next round is expected."),
        links=((_("Answer questions one at a time instead: the guided finder"),
                "funding:guided"),
               (_("Deadlines by month"), "funding:deadlines"))),
    document_text=lambda page: page.funder, prefetch=("regions", "eligible_types"),
    recognise=query_words.funding_words, named=query_words.names_funding,
))
