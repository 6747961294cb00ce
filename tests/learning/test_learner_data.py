"""A learner's progress in their data download, and gone from them when they delete their
account, while trainers' counts stay (through the real account views)."""

import json

import pytest

from learning.models import Certificate, Enrolment, Learner, QuizAnswer
from learning.statistics import module_stats
from tests.accounts.conftest import PASSWORD, log_in, url
from tests.factories import UserFactory

from .test_lesson_flow import ORIGIN, answer, pass_quiz

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def finished(client, module, lessons, django_capture_on_commit_callbacks):
    from allauth.account.models import EmailAddress

    user = UserFactory(username="learner", email="learner@example.org",
                       full_name="Amal Haddad", preferred_language="ar")
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    assert log_in(client).status_code == 302
    with django_capture_on_commit_callbacks(execute=True):
        answer(client, lessons[0], "kurz", "Sachbericht")
        pass_quiz(client, lessons[0])  # the short answer is refused: answered already
        client.post(f"/de/lernen/lektion/{lessons[1].translation_key}/erledigt/", **ORIGIN)
    assert Enrolment.objects.get().completed_at is not None
    return user


def test_the_download_holds_progress_answers_and_the_certificate(client, finished):
    data = json.loads(client.post(url("de", "profil/daten/")).content)
    [learning] = data["learning"]
    assert learning["enrolments"][0]["module"] == "Unser erster Förderantrag"
    [attempt] = learning["quiz_attempts"]
    assert {a["question"]: a["answer"] for a in attempt["answers"]}["kurz"] == "Sachbericht"
    assert len(learning["lessons_done"]) == 2
    [certificate] = learning["certificates"]
    assert certificate["name"] == "Amal Haddad"


def test_deleting_the_account_leaves_nothing_personal_and_keeps_the_counts(client, finished,
                                                                          module):
    before = module_stats(module)
    assert client.post(url("de", "profil/loeschen/"), {"password": PASSWORD}).status_code == 200
    learner = Learner.objects.get()
    assert (learner.user, learner.guest_token) == (None, None)
    assert QuizAnswer.objects.get(question_id="kurz").given == ""  # typed text is gone
    certificate = Certificate.objects.get()
    assert certificate.name == "" and certificate.revoked_at is not None
    after = module_stats(module)
    assert (after.enrolments, after.completed) == (before.enrolments, before.completed) == (1, 1)
    assert "Amal" not in client.get(f"/de/lernen/zertifikat/{certificate.code}/").content.decode()
