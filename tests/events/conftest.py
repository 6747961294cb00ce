"""An event below the fixture topic, German and Arabic, ten seats, a waiting list."""

import datetime

import pytest
from django.utils import timezone
from wagtail.models import Locale

from cms.models import TopicPage


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def make_event(**fields):
    from events.models import EventPage

    start = (timezone.now() + datetime.timedelta(days=10)).replace(second=0, microsecond=0)
    values = {"title": "Förderanträge schreiben", "slug": "foerderantraege-schreiben",
              "summary": "Ein Workshop für Vereine.", "start": start,
              "end": start + datetime.timedelta(hours=2), "capacity": 10,
              "waiting_list": True, "venue": "Haus der Vereine\nMusterstraße 1, 04109 Leipzig",
              "online_url": "", **fields}
    topic = TopicPage.objects.get(locale__language_code="de", slug="verein-gruenden")
    return publish(topic.add_child(instance=EventPage(**values)))


@pytest.fixture
def event(db):
    return make_event()


@pytest.fixture
def arabic_event(event):
    translated = event.copy_for_translation(Locale.objects.get(language_code="ar"))
    translated.title = "كتابة طلبات التمويل"
    return publish(translated)


@pytest.fixture
def learner(db):
    from django.contrib.auth import get_user_model

    return get_user_model().objects.create_user(
        username="lea", email="lea@example.org", password="x", full_name="Lea Beispiel",
        preferred_language="de")


ORIGIN = {"HTTP_ORIGIN": "http://testserver"}
