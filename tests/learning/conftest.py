"""A small module below the fixture topic: a lesson with a quiz of every question kind, a lesson
without questions, and Arabic translations of both (same translation keys, same question ids)."""

import pytest
from wagtail.models import Locale

from cms.models import TopicPage

QUIZ = {
    "title": "Quiz",
    "questions": [
        {"type": "single_choice", "value": {
            "question_id": "eigenanteil", "text": "Was ist der Eigenanteil?",
            "explanation": "Wie hoch er sein muss, steht in der Förderrichtlinie.",
            "options": [
                {"text": "der Teil der Kosten, den der Verein selbst trägt", "credit": 100,
                 "feedback": "Richtig. Geld oder Eigenleistung."},
                {"text": "eine Gebühr des Fördergebers", "credit": 0,
                 "feedback": "Nein, der Fördergeber verlangt keine Gebühr."},
            ]}},
        {"type": "multiple_choice", "value": {
            "question_id": "plan", "text": "Was gehört in einen Kosten- und Finanzierungsplan?",
            "explanation": "",
            "options": [
                {"text": "die geplanten Ausgaben", "credit": 50, "feedback": ""},
                {"text": "die Einnahmen und Eigenmittel", "credit": 50, "feedback": ""},
                {"text": "die Namen aller Mitglieder", "credit": -100, "feedback": "Nein."},
            ]}},
        {"type": "true_false", "value": {
            "question_id": "nachweis", "text": "Muss man zeigen, wofür das Geld ausgegeben wurde?",
            "explanation": "", "correct": True, "feedback_right": "",
            "feedback_wrong": "Ja, mit dem Verwendungsnachweis."}},
        {"type": "short_answer", "value": {
            "question_id": "kurz", "text": "Wie heißt der Bericht über die Verwendung?",
            "explanation": "", "accepted": ["Verwendungsnachweis", "Sachbericht"]}},
    ],
}


def _publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def module(db):
    from learning.models import LessonPage, ModulePage

    topic = TopicPage.objects.get(locale__language_code="de", slug="verein-gruenden")
    module = topic.add_child(instance=ModulePage(
        title="Unser erster Förderantrag", slug="erster-foerderantrag", pass_mark=75,
        summary="Schritt für Schritt zum ersten Antrag.", objectives="Einen Plan schreiben"))
    _publish(module)
    quiz_lesson = module.add_child(instance=LessonPage(
        title="Geld und Eigenanteil", slug="geld-und-eigenanteil",
        body=[("text", "<p>Der Eigenanteil ist Ihr Teil der Kosten.</p>"), ("quiz", QUIZ)]))
    _publish(quiz_lesson)
    reading = module.add_child(instance=LessonPage(
        title="Nach dem Projekt", slug="nach-dem-projekt",
        body=[("text", "<p>Am Ende schreiben Sie einen Verwendungsnachweis.</p>")]))
    _publish(reading)
    return module


def _translate(page, locale, title):
    translated = page.copy_for_translation(locale)
    translated.title = title
    return _publish(translated)


@pytest.fixture
def arabic_module(module):
    from learning.models import LessonPage

    arabic = Locale.objects.get(language_code="ar")
    translated = _translate(module, arabic, "طلبنا الأول للتمويل")
    for lesson, title in zip(LessonPage.objects.child_of(module).order_by("path"),
                             ["المال والحصة الذاتية", "بعد المشروع"], strict=True):
        _translate(lesson, arabic, title)
    return translated


@pytest.fixture
def lessons(module):
    from learning.models import LessonPage

    return list(LessonPage.objects.child_of(module).order_by("path"))
