"""Programmes the matching, finder and deadline tests need, made in the test (the fixture
site has one: test-foerderung, Berlin and nationwide, deadline 2027-03-31)."""

import datetime

from cms.models import OrganisationType, Region, TopicPage
from funding.models import FundingProgrammePage


def programme(slug, *regions, eligible=("verein", "initiative"), deadline=None, next_round=None,
              amount_min=500, amount_max=5_000, share=0, title=None):
    parent = TopicPage.objects.get(locale__language_code="de", slug="foerdermittel")
    page = FundingProgrammePage(
        title=title or slug.replace("-", " ").title(), slug=slug, funder="Beispiel",
        summary="Zuschüsse für Vereine.", amount_min=amount_min, amount_max=amount_max,
        cofunding_percent=share, deadline=deadline, next_round=next_round,
        programme_url="https://example.org/", figures_are_examples=True)
    parent.add_child(instance=page)
    page.regions.set(Region.objects.filter(code__in=regions or ("bundesweit",)))
    page.eligible_types.set(OrganisationType.objects.filter(code__in=eligible))
    page.save_revision().publish()
    return FundingProgrammePage.objects.get(pk=page.pk)


TODAY = datetime.date(2027, 1, 15)
