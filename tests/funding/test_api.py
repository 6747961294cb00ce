"""Funding programmes in the Wagtail API v2 (/api/v2/pages/)."""

import pytest

pytestmark = pytest.mark.django_db
FIELDS = "amount_min,amount_max,region_codes,cofunding_percent,deadline"


def test_funding_detail_has_the_programme_facts(client):
    listing = client.get("/api/v2/pages/", {"type": "funding.FundingProgrammePage",
                                            "fields": "amount_min,amount_max,region_codes,"
                                                      "cofunding_percent,deadline"}).json()
    item = listing["items"][0]
    assert (item["amount_min"], item["amount_max"], item["cofunding_percent"]) == (500, 5000, 10)
    assert item["region_codes"] == ["berlin", "bundesweit"]
    assert item["deadline"] == "2027-03-31"


@pytest.mark.parametrize("old_name", ["cms.FundingProgrammePage", "cms.fundingprogrammepage"])
def test_the_type_name_from_before_the_move_still_answers(client, old_name):
    new = client.get("/api/v2/pages/", {"type": "funding.FundingProgrammePage",
                                        "fields": FIELDS}).json()
    old = client.get("/api/v2/pages/", {"type": old_name, "fields": FIELDS}).json()
    assert old == new and old["meta"]["total_count"] == 1
    assert old["items"][0]["meta"]["type"] == "funding.FundingProgrammePage"
    mixed = client.get("/api/v2/pages/", {"type": f"cms.GuidePage,{old_name}"})
    assert mixed.status_code == 200
    assert {item["meta"]["type"] for item in mixed.json()["items"]} == {
        "cms.GuidePage", "funding.FundingProgrammePage"}


def test_an_unknown_type_is_still_a_400(client):
    response = client.get("/api/v2/pages/", {"type": "cms.SpaceshipPage"})
    assert response.status_code == 400
    assert response.json() == {"message": "type doesn't exist"}
