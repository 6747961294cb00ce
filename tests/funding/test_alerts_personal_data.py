"""A learner's alerts in their data download and gone with their account: those they made
signed in and those a guest made with the account's address; other people's stay."""

import json

import pytest
from django.test import Client
from django.utils import timezone

from cms.accounts import personal_data
from funding.alerts.models import AlertSent, AlertSubscription

from .alerts_support import confirmed_follow, make_learner, programme_with_deadline

pytestmark = pytest.mark.django_db


@pytest.fixture
def alerts():
    learner = make_learner()
    programme = programme_with_deadline(14)
    signed_in = confirmed_follow(programme, email=learner.email, user=learner)
    as_guest = confirmed_follow(None, email="LEA@example.org", search_query="legal_form=verein")
    AlertSent.objects.create(subscription=signed_in, programme_key=programme.translation_key,
                             deadline=programme.deadline, kind="14", sent_at=timezone.now())
    someone_else = confirmed_follow(programme, email="other@example.org")
    return learner, programme, signed_in, as_guest, someone_else


def test_the_download_holds_the_alerts(alerts):
    learner, programme, *_ = alerts
    client = Client()
    client.force_login(learner)
    answer = client.post("/de/konto/profil/daten/")
    assert answer.status_code == 200
    rows = json.loads(answer.content)["funding_alerts"]
    assert [(row["programme"], row["finder_search"]) for row in rows] == [
        (str(programme.translation_key), None), (None, "legal_form=verein")]
    assert rows[0]["mails_sent"][0]["kind"] == "14"
    assert "other@example.org" not in answer.content.decode()


def test_deleting_the_account_deletes_the_alerts(alerts):
    learner, _programme, _mine, _guest, someone_else = alerts
    personal_data.delete_account(learner)
    assert list(AlertSubscription.objects.all()) == [someone_else]
    assert not AlertSent.objects.exists()
