"""Readers answer "Was this page helpful?": counted once per page, language and day row,
without cookies, once per address and page, garbage refused in the reader's language."""

import pytest
from django.test import Client
from django.utils import timezone

from feedback.models import FeedbackNote, PageFeedback
from funding.models import FundingProgrammePage

from .conftest import answer

pytestmark = pytest.mark.django_db
GUIDE = "/de/verein-gruenden/test-guide/"


def counts():
    return sorted(PageFeedback.objects.values_list(
        "page_id", "language", "date", "helpful", "not_helpful"))


def test_the_guide_shows_the_form_without_a_cookie(client, guide):
    response = client.get(GUIDE)
    html = response.content.decode()
    assert response.status_code == 200
    assert f'action="/de/_feedback/{guide.pk}/"' in html
    assert '<fieldset>\n      <legend><h2 id="feedback-heading">' in html
    assert 'name="helpful" value="yes"' in html and 'name="helpful" value="no"' in html
    assert "csrfmiddlewaretoken" not in html
    assert not response.cookies and "Set-Cookie" not in response.headers


def test_the_funding_programme_has_the_form_too(client):
    programme = FundingProgrammePage.objects.live().filter(locale__language_code="de").first()
    assert f"/_feedback/{programme.pk}/" in client.get(programme.url).content.decode()
    assert answer(client, programme, {"helpful": "yes"}).status_code == 303


def test_yes_and_no_increment_one_row_per_page_language_and_day(guide, arabic_guide):
    today = timezone.localdate()
    for number, value in enumerate(["yes", "yes", "no"]):
        answer(Client(REMOTE_ADDR=f"10.0.0.{number}"), guide, {"helpful": value})
    answer(Client(REMOTE_ADDR="10.0.0.9"), arabic_guide, {"helpful": "no"}, language="ar")
    assert counts() == sorted([(guide.pk, "de", today, 2, 1),
                               (arabic_guide.pk, "ar", today, 0, 1)])


def test_german_page_read_under_another_prefix_counts_for_that_language(client, guide):
    response = answer(client, guide, {"helpful": "yes"}, language="fa")
    assert response["Location"] == "/fa/verein-gruenden/test-guide/?feedback=thanks#feedback"
    assert counts() == [(guide.pk, "fa", timezone.localdate(), 1, 0)]


def test_thank_you_after_the_redirect_without_cookies(client, guide):
    response = answer(client, guide, {"helpful": "yes"})
    assert response.status_code == 303
    assert response["Location"] == f"{GUIDE}?feedback=thanks#feedback"
    assert not response.cookies and "Set-Cookie" not in response.headers
    page = client.get(response["Location"])
    html = page.content.decode()
    assert 'role="status"' in html and 'id="feedback"' in html
    assert 'name="helpful"' not in html  # the buttons make way for the thanks
    assert not page.cookies


def test_thank_you_in_the_readers_language(client, arabic_guide):
    response = answer(client, arabic_guide, {"helpful": "yes"}, language="ar")
    page = client.get(response["Location"])
    assert page["Content-Language"] == "ar"
    assert 'role="status"' in page.content.decode()


def test_no_asks_what_was_missing(client, guide):
    response = answer(client, guide, {"helpful": "no"})
    assert response["Location"] == f"{GUIDE}?feedback=no#feedback"
    html = client.get(response["Location"]).content.decode()
    assert 'name="missing"' in html and 'maxlength="500"' in html
    assert 'aria-describedby="feedback-missing-hint"' in html


def test_a_second_answer_from_the_same_address_is_not_counted(guide):
    reader = Client(REMOTE_ADDR="10.1.1.1")
    assert answer(reader, guide, {"helpful": "yes"})["Location"].endswith("=thanks#feedback")
    again = answer(reader, guide, {"helpful": "no"})
    assert again.status_code == 303
    assert again["Location"] == f"{GUIDE}?feedback=already#feedback"
    assert counts() == [(guide.pk, "de", timezone.localdate(), 1, 0)]
    assert 'role="status"' in reader.get(again["Location"]).content.decode()
    # another address, or the same one for another page, still counts
    assert answer(Client(REMOTE_ADDR="10.1.1.2"), guide, {"helpful": "no"})[
        "Location"].endswith("=no#feedback")


def test_the_limit_keeps_no_address(guide):
    from tests.cache_keys import raw_cache_keys

    answer(Client(REMOTE_ADDR="10.9.8.7"), guide, {"helpful": "yes"})
    keys = raw_cache_keys()
    assert keys and not any("10.9.8.7" in key for key in keys)


@pytest.mark.parametrize("headers", [
    {"HTTP_ORIGIN": "https://evil.example"},
    {"HTTP_ORIGIN": "null"},
    {"HTTP_ORIGIN": "", "HTTP_REFERER": "https://evil.example/de/"},
    {"HTTP_ORIGIN": ""},  # neither header: not a browser on this site
])
def test_answers_from_other_sites_are_refused(client, guide, headers):
    response = answer(client, guide, {"helpful": "yes"}, **headers)
    assert response.status_code == 403
    assert counts() == []


def test_referer_of_this_site_is_enough(client, guide):
    response = answer(client, guide, {"helpful": "yes"}, HTTP_ORIGIN="",
                      HTTP_REFERER=f"http://testserver{GUIDE}")
    assert response.status_code == 303


@pytest.mark.parametrize("case", ["unknown", "draft", "private", "topic", "other_language",
                                  "bad_value", "nothing", "both"])
def test_garbage_is_a_400_in_the_readers_language(client, guide, arabic_guide, case):
    from wagtail.models import PageViewRestriction

    page, data, language = guide, {"helpful": "yes"}, "ar"
    if case == "unknown":
        page = type("Gone", (), {"pk": 999999})()
    elif case == "draft":
        guide.live = False
        guide.save(update_fields=["live"])
    elif case == "private":
        PageViewRestriction.objects.create(page=guide.get_parent(), restriction_type="password",
                                           password="geheim")
    elif case == "topic":
        page = guide.get_parent()
    elif case == "other_language":
        page = arabic_guide
        language = "uk"  # an Arabic page is never shown under /uk/
    elif case == "bad_value":
        data = {"helpful": "maybe"}
    elif case == "nothing":
        data = {}
    elif case == "both":
        data = {"helpful": "no", "missing": "x"}
    response = answer(client, page, data, language=language)
    assert response.status_code == 400
    assert response["Content-Language"] == language
    assert counts() == [] and not FeedbackNote.objects.exists()


@pytest.mark.parametrize("method", ["get", "head", "put", "delete"])
def test_only_post(client, guide, method):
    response = getattr(client, method)(f"/de/_feedback/{guide.pk}/")
    assert response.status_code == 405
    assert response["Allow"] == "POST"


def test_a_note_is_stored_cleaned_and_capped(client, guide):
    answer(client, guide, {"helpful": "no"})
    text = "Mir fehlte die Gebühr. Schreiben Sie an ana@example.org oder 0176 12345678!\x00" \
        + "x" * 600
    response = answer(client, guide, {"missing": text})
    assert response["Location"] == f"{GUIDE}?feedback=thanks#feedback"
    note = FeedbackNote.objects.get()
    assert note.text.startswith("Mir fehlte die Gebühr. Schreiben Sie an [e-mail] oder [phone]!")
    assert "example.org" not in note.text and "12345678" not in note.text
    assert len(note.text) <= 500
    assert (note.page_id, note.language) == (guide.pk, "de")
    # one note per address, page and day
    assert answer(client, guide, {"missing": "noch was"})["Location"].endswith("=already#feedback")
    assert FeedbackNote.objects.count() == 1


def test_an_empty_note_stores_nothing(client, guide):
    assert answer(client, guide, {"missing": "   "}).status_code == 303
    assert not FeedbackNote.objects.exists()


def test_old_notes_are_deleted_by_the_daily_task(guide, settings):
    import datetime

    from feedback.tasks import prune_feedback_notes

    today = timezone.localdate()
    old = FeedbackNote.objects.create(page=guide, language="de", text="alt",
                                      date=today - datetime.timedelta(days=31))
    kept = FeedbackNote.objects.create(page=guide, language="de", text="neu",
                                       date=today - datetime.timedelta(days=30))
    settings.FEEDBACK_NOTE_MAX_AGE_DAYS = 30
    assert prune_feedback_notes.delay().get() == 1
    assert list(FeedbackNote.objects.values_list("pk", flat=True)) == [kept.pk]
    assert not FeedbackNote.objects.filter(pk=old.pk).exists()
    assert settings.CELERY_BEAT_SCHEDULE["prune-feedback-notes"]["task"] == \
        "feedback.tasks.prune_feedback_notes"


def test_the_page_stays_shareable_and_the_thanks_is_not_served_from_its_copy(settings, guide):
    """The form adds no token, so the guide stays in the shared caches; the thanks lives at
    its own address (?feedback=thanks), which both caches key apart (the full URL)."""
    from cms.caching.invalidation import advance_generation

    settings.PAGE_CACHE_ENABLED = True
    advance_generation()
    first = Client().get(GUIDE)
    assert first["Cache-Control"] == "public, max-age=0, s-maxage=600"
    assert Client().get(GUIDE)["X-Page-Cache"] == "hit"
    reader = Client()
    thanks = reader.get(answer(reader, guide, {"helpful": "yes"})["Location"])
    assert 'role="status"' in thanks.content.decode()
    again = Client().get(GUIDE)
    assert again["X-Page-Cache"] == "hit" and 'name="helpful"' in again.content.decode()
    assert 'role="status"' not in again.content.decode()


def test_with_redis_refused_every_answer_counts(guide, settings):
    """The once-a-day memory lives in the cache: while it cannot be reached, a reader who
    answers is thanked and counted, never told they had already answered."""
    from django.core.cache import caches

    from tests.outages import closed_port

    settings.CACHES = {"default": {"BACKEND": "cms.caching.resilient.ResilientRedisCache",
                                   "LOCATION": f"redis://127.0.0.1:{closed_port()}/0"}}
    assert caches["default"].add("probe", 1) is False  # refused, as in an outage
    reader = Client(REMOTE_ADDR="10.1.1.3")
    assert answer(reader, guide, {"helpful": "yes"})["Location"].endswith("=thanks#feedback")
    assert answer(reader, guide, {"helpful": "no"})["Location"].endswith("=no#feedback")
    assert counts() == [(guide.pk, "de", timezone.localdate(), 1, 1)]
