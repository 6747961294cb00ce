"""A learner's way through a lesson, through the real views: answers checked on the server,
feedback after answering, progress kept across languages, refusals that change nothing."""

import pytest
from django.contrib.auth import login
from django.contrib.sessions.backends.db import SessionStore
from django.test import RequestFactory

from learning.models import Enrolment, LessonCompletion, QuizAnswer, QuizAttempt

pytestmark = pytest.mark.django_db
ORIGIN = {"HTTP_ORIGIN": "http://testserver"}


def answer(client, lesson, question, *values, attempt=1, language="de"):
    return client.post(f"/{language}/lernen/lektion/{lesson.translation_key}/antwort/",
                       {"question": question, "attempt": attempt, "answer": list(values)},
                       **ORIGIN)


def pass_quiz(client, lesson, language="de"):
    for question, values in (("eigenanteil", ["0"]), ("plan", ["0", "1"]),
                             ("nachweis", ["true"]), ("kurz", ["Sachbericht"])):
        answer(client, lesson, question, *values, language=language)


def test_the_page_gives_no_answer_away_and_stays_shareable_for_anonymous_readers(client,
                                                                                lessons):
    response = client.get(lessons[0].url)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Was ist der Eigenanteil?" in html
    assert "Richtig. Geld oder Eigenleistung." not in html  # per-answer feedback
    assert "Förderrichtlinie" not in html  # the explanation
    assert 'name="csrfmiddlewaretoken"' not in html
    assert "public" in response["Cache-Control"]
    assert not response.cookies


def test_a_wrong_answer_shows_its_feedback_and_the_explanation(client, lessons):
    response = answer(client, lessons[0], "eigenanteil", "1")
    assert response.status_code == 302
    assert response["Location"] == lessons[0].url + "#q-eigenanteil"
    html = client.get(lessons[0].url).content.decode()
    assert "Nein, der Fördergeber verlangt keine Gebühr." in html
    assert "Wie hoch er sein muss, steht in der Förderrichtlinie." in html
    assert "Not right." in html or "Nicht richtig." in html


def test_passing_the_quiz_completes_the_lesson_and_both_lessons_the_module(client, lessons):
    pass_quiz(client, lessons[0])
    attempt = QuizAttempt.objects.get()
    assert (attempt.score, attempt.passed) == (100, True)
    assert LessonCompletion.objects.count() == 1
    assert Enrolment.objects.get().completed_at is None
    response = client.post(f"/de/lernen/lektion/{lessons[1].translation_key}/erledigt/",
                           **ORIGIN)
    assert response.status_code == 302
    assert Enrolment.objects.get().completed_at is not None


def test_failing_needs_a_new_attempt_and_then_passing_counts(client, lessons):
    for question, values in (("eigenanteil", ["1"]), ("plan", ["2"]),
                             ("nachweis", ["false"]), ("kurz", ["Quittung"])):
        answer(client, lessons[0], question, *values)
    failed = QuizAttempt.objects.get()
    assert (failed.score, failed.passed) == (0, False)
    html = client.get(lessons[0].url).content.decode()
    assert "/neuer-versuch/" in html
    # answering again without "try again" is refused: the attempt is finished
    answer(client, lessons[0], "eigenanteil", "0", attempt=1)
    assert QuizAnswer.objects.count() == 4
    client.post(f"/de/lernen/lektion/{lessons[0].translation_key}/neuer-versuch/", **ORIGIN)
    for question, values in (("eigenanteil", ["0"]), ("plan", ["0", "1"]),
                             ("nachweis", ["true"]), ("kurz", ["sachbericht"])):
        answer(client, lessons[0], question, *values, attempt=2)
    assert list(QuizAttempt.objects.values_list("number", "passed")) == [(1, False), (2, True)]
    assert LessonCompletion.objects.count() == 1


def test_progress_made_in_arabic_is_there_in_german(client, lessons, arabic_module):
    from learning.models import LessonPage

    arabic_lesson = LessonPage.objects.get(locale__language_code="ar",
                                           translation_key=lessons[0].translation_key)
    answer(client, arabic_lesson, "eigenanteil", "1", language="ar")
    assert QuizAnswer.objects.get().language == "ar"
    html = client.get(lessons[0].url).content.decode()  # the German lesson
    assert "Nein, der Fördergeber verlangt keine Gebühr." in html
    answer(client, lessons[0], "plan", "0", "1")
    answer(client, lessons[0], "nachweis", "true")
    answer(client, lessons[0], "kurz", "Verwendungsnachweis")
    attempt = QuizAttempt.objects.get()
    assert attempt.finished_at is not None and attempt.score == 75 and attempt.passed
    mine = client.get("/ar/lernen/mein-lernen/").content.decode()
    assert "طلبنا الأول للتمويل" in mine


@pytest.mark.parametrize("question,values,attempt", [
    ("not-a-question", ["0"], 1),   # a question of no lesson
    ("eigenanteil", ["7"], 1),      # option out of range
    ("eigenanteil", ["0", "1"], 1),  # two options for a single choice
    ("eigenanteil", [], 1),          # nothing chosen
    ("eigenanteil", ["0"], 3),       # an attempt that does not exist
])
def test_tampered_answers_are_refused_with_a_message_and_change_nothing(client, lessons,
                                                                        question, values,
                                                                        attempt):
    answer(client, lessons[0], "nachweis", "true")  # the learner exists, with one answer
    response = answer(client, lessons[0], question, *values, attempt=attempt)
    assert response.status_code == 302
    assert QuizAnswer.objects.count() == 1
    html = client.get(lessons[0].url).content.decode()
    assert 'role="alert"' in html


def test_a_question_id_of_another_lesson_is_refused(client, lessons):
    answer(client, lessons[1], "eigenanteil", "0")  # lesson 2 has no questions
    assert not QuizAnswer.objects.exists()


def test_replayed_answers_and_answers_after_passing_change_nothing(client, lessons):
    answer(client, lessons[0], "eigenanteil", "1")
    answer(client, lessons[0], "eigenanteil", "0")  # replay with a better answer
    assert list(QuizAnswer.objects.values_list("credit", flat=True)) == [0]
    for question, values in (("plan", ["0", "1"]), ("nachweis", ["true"]),
                             ("kurz", ["Sachbericht"])):
        answer(client, lessons[0], question, *values)
    assert QuizAttempt.objects.get().passed  # 75 % with a pass mark of 75
    answer(client, lessons[0], "eigenanteil", "0", attempt=2)
    response = client.post(f"/de/lernen/lektion/{lessons[0].translation_key}/neuer-versuch/",
                           **ORIGIN)
    assert response.status_code == 302
    assert QuizAttempt.objects.count() == 1 and QuizAnswer.objects.count() == 4


def test_a_post_from_another_site_is_refused(client, lessons):
    response = client.post(f"/de/lernen/lektion/{lessons[0].translation_key}/antwort/",
                           {"question": "nachweis", "attempt": 1, "answer": "true"},
                           HTTP_ORIGIN="https://evil.example")
    assert response.status_code == 403
    assert not QuizAnswer.objects.exists()


def test_get_on_an_action_is_405_and_an_unknown_lesson_404(client, lessons):
    assert client.get(f"/de/lernen/lektion/{lessons[0].translation_key}/antwort/"
                      ).status_code == 405
    response = client.post("/de/lernen/lektion/00000000-0000-0000-0000-000000000000/antwort/",
                           {"question": "x"}, **ORIGIN)
    assert response.status_code == 404


def test_signing_in_takes_over_the_guests_progress(client, lessons, django_user_model):
    answer(client, lessons[0], "eigenanteil", "1")
    user = django_user_model.objects.create_user("amina", "amina@example.org", "pw-long-123")
    request = RequestFactory().get("/")
    request.session = SessionStore(client.session.session_key)
    login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    attempt = QuizAttempt.objects.get()
    assert attempt.learner.user == user and attempt.learner.guest_token is None


def test_enrolling_twice_keeps_one_enrolment_and_resumes(client, module, lessons):
    url = f"/de/lernen/modul/{module.translation_key}/beginnen/"
    first = client.post(url, **ORIGIN)
    assert first["Location"] == lessons[0].url
    client.post(f"/de/lernen/lektion/{lessons[1].translation_key}/erledigt/", **ORIGIN)
    again = client.post(url, **ORIGIN)
    assert Enrolment.objects.count() == 1
    assert again["Location"] == lessons[1].url


def test_a_completed_module_offers_its_lessons_again_from_the_first(client, module, lessons):
    url = f"/de/lernen/modul/{module.translation_key}/beginnen/"
    client.post(url, **ORIGIN)
    pass_quiz(client, lessons[0])
    client.post(f"/de/lernen/lektion/{lessons[1].translation_key}/erledigt/", **ORIGIN)
    assert Enrolment.objects.get().completed_at is not None
    html = client.get(module.url).content.decode()
    assert "Lektionen noch einmal durchgehen" in html
    assert "Dort weitermachen, wo Sie aufgehört haben" not in html
    assert client.post(url, **ORIGIN)["Location"] == lessons[0].url


def test_modules_are_offered_on_the_home_page_topic_and_the_guides_they_teach(client, module,
                                                                              guide):
    from learning.models import ModuleGuideLink

    ModuleGuideLink.objects.create(page=module, guide=guide)
    for url in ("/de/", module.get_parent().url, guide.url):
        html = client.get(url).content.decode()
        assert "Unser erster Förderantrag" in html, url
    assert "Unser erster Förderantrag" in client.get("/ar/").content.decode()  # in German


def test_search_finds_modules_and_lessons_as_their_own_types(client, module, lessons):
    from django.db import connection

    from search import language_index

    language_index.sync(connection)
    answer = client.get("/api/v1/search/", {"q": "Förderantrag", "lang": "de",
                                            "type": "module"}).json()
    assert [r["title"] for r in answer["results"]] == ["Unser erster Förderantrag"]
    lesson = client.get("/api/v1/search/", {"q": "Eigenanteil", "lang": "de",
                                            "type": "lesson"}).json()
    assert "Geld und Eigenanteil" in [r["title"] for r in lesson["results"]]


def test_a_question_id_is_not_searched_or_shown_in_snippets(client, module, lessons):
    # "kurz" is only the id of a question ("Wie heißt der Bericht ..."), a name for editors
    # and learners' answers: a reader searching for the word must not get the lesson, and a
    # snippet must not show the id amid the question's text.
    from django.db import connection

    from search import language_index

    language_index.sync(connection)
    found = client.get("/api/v1/search/", {"q": "kurz", "lang": "de", "type": "lesson"}).json()
    assert found["results"] == []
    question = client.get("/api/v1/search/", {"q": "Bericht Verwendung", "lang": "de",
                                              "type": "lesson"}).json()
    assert question["results"], "the question's own text is searched"

