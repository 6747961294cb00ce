"""The shipped Kreise (cms/regions/data/districts.csv), their rows, and how authors and links
may write a region (cms.regions.tree.resolve)."""

from collections import Counter

import pytest

from cms.models import Region
from cms.regions.districts import LAND_CODES, read_districts
from cms.regions.tree import RegionError, region_tree, resolve

# Destatis: Kreise per Land (2021 on, after Eisenach joined the Wartburgkreis).
OFFICIAL = {"01": 15, "02": 1, "03": 45, "04": 2, "05": 53, "06": 26, "07": 36, "08": 44,
            "09": 96, "10": 6, "11": 1, "12": 18, "13": 8, "14": 13, "15": 14, "16": 22}


def test_the_official_counts_add_up_to_400():
    assert sum(OFFICIAL.values()) == 400


def test_the_data_file_has_every_kreis_of_every_land_once():
    districts = read_districts()
    keys = [d.key for d in districts]
    assert len(keys) == len(set(keys)) == 400
    assert all(len(k) == 5 and k.isdigit() for k in keys)
    assert all(d.key[:2] == d.land and d.land in LAND_CODES for d in districts)
    assert Counter(d.land for d in districts) == OFFICIAL
    cities = {"Kreisfreie Stadt", "Stadtkreis"}
    assert sum(d.kind in cities for d in districts) == 106
    assert {d.kind for d in districts} - cities == {"Landkreis", "Kreis", "Regionalverband"}
    assert "16056" not in keys  # Eisenach, in the Wartburgkreis since 2021


@pytest.mark.django_db
def test_every_kreis_has_its_row_under_its_land():
    districts = {r.code: r for r in Region.objects.filter(level="district")
                 .select_related("parent")}
    whole_lands = {"02000", "11000"}  # Hamburg, Berlin: the Land's row is the Kreis
    assert set(districts) == {d.key for d in read_districts()} - whole_lands
    for district in read_districts():
        if district.key not in whole_lands:
            assert districts[district.key].parent.code == LAND_CODES[district.land]
    lands = Region.objects.filter(level="land")
    assert lands.count() == 16 and all(land.parent.code == "bundesweit" for land in lands)
    assert Region.objects.get(code="14729").label == "Landkreis Leipzig"
    assert Region.objects.get(code="14713").label == "Leipzig"


@pytest.mark.django_db
@pytest.mark.parametrize(("typed", "code"), [
    ("14713", "14713"), ("leipzig", "14713"), ("Leipzig", "14713"),
    ("landkreis-leipzig", "14729"), ("14729", "14729"),
    ("kassel", "06611"), ("landkreis-kassel", "06633"),
    ("bautzen", "14625"), ("landkreis-bautzen", "14625"),
    ("bund", "bundesweit"), ("bundesweit", "bundesweit"),
    ("sachsen", "sachsen"), ("bremen", "bremen"), ("04011", "04011"), ("11000", "berlin"),
    ("saechsische-schweiz-osterzgebirge", "14628"), ("muenchen", "09162"),
    ("halle", "15002"), ("01001", "01001"),
])
def test_spellings(typed, code):
    assert resolve(typed).code == code


@pytest.mark.django_db
def test_an_ambiguous_name_lists_the_candidates():
    with pytest.raises(RegionError) as error:
        resolve("frankfurt")
    assert error.value.ambiguous
    assert {p.code for p in error.value.candidates} == {"06412", "12053"}
    assert "'frankfurt-am-main'" in str(error.value) and "'frankfurt-oder'" in str(error.value)


@pytest.mark.django_db
def test_an_unknown_name_lists_what_is_close_or_the_laender():
    with pytest.raises(RegionError) as error:
        resolve("leipzg")
    assert {p.code for p in error.value.candidates} == {"14713", "14729"}
    with pytest.raises(RegionError) as error:
        resolve("xyz")
    assert not error.value.ambiguous
    assert len(error.value.candidates) == 17 and "'sachsen'" in str(error.value)


@pytest.mark.django_db
def test_editors_add_a_municipality_inside_a_district():
    from django.core.exceptions import ValidationError

    bautzen = Region.objects.get(code="14625")
    kamenz = Region(level="municipality", name="Kamenz", parent=bautzen)
    kamenz.full_clean()
    kamenz.save()
    assert kamenz.code == "14625-kamenz" and resolve("kamenz").code == "14625-kamenz"
    assert "14625-kamenz" in region_tree().below("sachsen")
    # A key must lie inside the district (this one is Leipzig's).
    wrong = Region(level="municipality", name="Irgendwo", parent=bautzen, key="14713000")
    with pytest.raises(ValidationError):
        wrong.full_clean()
    kamenz.delete()
    with pytest.raises(RegionError):
        resolve("kamenz")
