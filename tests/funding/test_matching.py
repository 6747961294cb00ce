"""funding.matching: which programmes fit the answers, in which order, with which reasons,
and which are left out by one criterion only ("knapp daneben"). In English, the msgids: the
German catalogue gets these strings when the branch is merged."""

import datetime

import pytest
from django.http import QueryDict
from django.utils import translation

from funding.matching import Answers, answers_from_query, answers_to_query, fits, rank

from .programmes import TODAY, programme

pytestmark = pytest.mark.django_db
DAY = datetime.timedelta(days=1)


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def texts(match):
    return [("fits: " if r.fits else "missing: ") + r.text for r in match.reasons]


def test_region_fits_the_district_its_land_and_nationwide_but_not_another_land():
    leipzig = programme("leipzig", "14713")
    sachsen = programme("sachsen", "sachsen")
    bund = programme("bund", "bundesweit")
    bayern = programme("bayern", "bayern")
    matches, near = rank(Answers(region="14713"), [bayern, bund, sachsen, leipzig], TODAY)
    assert [m.programme.slug for m in matches] == ["leipzig", "sachsen", "bund"]
    assert [m.programme.slug for m in near] == ["bayern"]
    assert texts(near[0])[-1] == "missing: only in Bavaria"


def test_a_district_whose_land_has_no_programme_gets_the_nationwide_ones():
    bund = programme("bund", "bundesweit")
    sachsen = programme("sachsen", "sachsen")
    matches, near = rank(Answers(region="09162"), [sachsen, bund], TODAY)  # München
    assert [m.programme.slug for m in matches] == ["bund"]
    assert "fits: nationwide" in texts(matches[0])
    assert [m.programme.slug for m in near] == ["sachsen"]


def test_reason_for_who_and_where_in_one_sentence():
    page = programme("sachsen", "sachsen", eligible=("verein",))
    match = rank(Answers(legal_form="verein", region="14713"), [page], TODAY)[0][0]
    assert "fits: for registered associations in Saxony" in texts(match)


def test_an_initiative_is_told_how_to_found_a_verein():
    page = programme("nur-vereine", eligible=("verein",))
    matches, near = rank(Answers(legal_form="initiative"), [page], TODAY)
    assert matches == []
    reason = near[0].missing[0]
    assert reason.text == "only for registered associations"
    assert (reason.link, reason.link_text) == ("/en/verein-gruenden/", "how to found one")


def test_no_amount_limits_fit_any_amount():
    page = programme("offen", amount_min=0, amount_max=0)
    assert fits(page, Answers(amount=1), TODAY)
    assert fits(page, Answers(amount=10_000_000), TODAY)
    assert "fits: no amount limits stated" in texts(rank(Answers(amount=5), [page], TODAY)[0][0])


def test_amount_outside_the_range_is_a_near_miss_with_the_numbers():
    page = programme("klein", amount_max=5_000)
    near = rank(Answers(amount=8_000), [page], TODAY)[1][0]
    assert texts(near)[-1] == "missing: at most 5,000 €, you need 8,000 €"


def test_own_share_exactly_at_the_limit_fits_one_below_does_not():
    page = programme("zehn", share=10)
    assert fits(page, Answers(own_share=10), TODAY)
    near = rank(Answers(own_share=5), [page], TODAY)[1][0]
    assert texts(near)[-1] == "missing: 10 % own share needed, you said 5 %"


def test_rolling_deadline_always_fits_and_today_still_fits():
    assert fits(programme("laufend", deadline=None), Answers(), TODAY)
    today = programme("heute", deadline=TODAY)
    assert fits(today, Answers(), TODAY)
    assert "fits: deadline today" in texts(rank(Answers(), [today], TODAY)[0][0])


def test_a_passed_deadline_is_out_with_the_next_round():
    page = programme("vorbei", deadline=TODAY - DAY, next_round=datetime.date(2027, 9, 1))
    matches, near = rank(Answers(), [page], TODAY)
    assert matches == []
    assert texts(near[0])[-1] == "missing: deadline passed, next round expected September 2027"


def test_a_deadline_after_the_project_start_is_a_reason():
    page = programme("spaet", deadline=TODAY + 60 * DAY)
    assert fits(page, Answers(start=TODAY + 90 * DAY), TODAY)
    near = rank(Answers(start=TODAY + 30 * DAY), [page], TODAY)[1][0]
    assert "after your project start" in texts(near)[-1]


def test_two_misses_are_no_near_miss():
    page = programme("weit-weg", "bayern", share=20)
    assert rank(Answers(region="sachsen", own_share=0), [page], TODAY) == ([], [])


def test_order_nearest_region_then_soonest_deadline_then_rolling():
    late = programme("bund-spaet", deadline=TODAY + 90 * DAY)
    soon = programme("bund-bald", deadline=TODAY + 10 * DAY)
    rolling = programme("bund-laufend")
    land = programme("sachsen-spaet", "sachsen", deadline=TODAY + 200 * DAY)
    matches, _near = rank(Answers(region="14713"), [rolling, late, soon, land], TODAY)
    assert [m.programme.slug for m in matches] == [
        "sachsen-spaet", "bund-bald", "bund-spaet", "bund-laufend"]


def test_answers_travel_through_the_query_string():
    answers = Answers(legal_form="verein", region="14713", topic="foerdermittel", amount=5000,
                      own_share=10, start=datetime.date(2027, 3, 1))
    query = answers_to_query(answers)
    assert query == ("legal_form=verein&region=14713&topic=foerdermittel&amount=5000"
                     "&own_share=10&start=2027-03-01")
    assert answers_from_query(QueryDict(query), TODAY) == (answers, {})


@pytest.mark.parametrize(("key", "value", "message"), [
    ("amount", "-5", "The amount must be more than 0 euros."),
    ("amount", "99999999999", "Please give an amount up to 10,000,000 euros."),
    ("amount", "viel", "Please give the amount in whole euros, for example 5000."),
    ("own_share", "120", "The own share is a percentage between 0 and 100."),
    ("start", "1900-01-01", "Please give a start between"),
    ("region", "Atlantis", "We do not know the place “Atlantis”."),
    ("region", "Neustadt", "“Neustadt” could mean several places."),
    ("legal_form", "verband", "Please choose one of the legal forms listed."),
])
def test_bad_answers_get_a_message_and_the_others_are_kept(key, value, message):
    data = QueryDict(mutable=True)
    data.update({"legal_form": "verein", "amount": "5.000 €", key: value})
    answers, errors = answers_from_query(data, TODAY)
    assert list(errors) == [key]
    assert errors[key].startswith(message)
    assert getattr(answers, key) is None
    kept = {"legal_form": "verein", "amount": 5000}
    kept.pop(key, None)
    assert {k: getattr(answers, k) for k in kept} == kept
