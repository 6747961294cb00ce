"""Funding programmes from content files (the fixture site's test-foerderung)."""

import pytest

from funding.models import FundingProgrammePage

pytestmark = pytest.mark.django_db


def test_funding_facts_are_imported():
    page = FundingProgrammePage.objects.get(slug="test-foerderung")
    assert page.region_codes == ["berlin", "bundesweit"]
    assert page.eligible_codes == ["initiative", "verein"]
    assert (page.amount_min, page.amount_max, page.cofunding_percent) == (500, 5000, 10)
    assert page.figures_are_examples
