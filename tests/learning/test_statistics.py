"""Trainers' statistics: counts per answer and language, through the real admin views; a
trainer of one partner sees only the modules they may edit."""

import pytest
from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupPagePermission, Locale

from learning.models import LessonPage
from learning.statistics import module_stats

from .test_lesson_flow import ORIGIN, answer, pass_quiz

pytestmark = pytest.mark.django_db


def arabic(lesson):
    return LessonPage.objects.get(locale=Locale.objects.get(language_code="ar"),
                                  translation_key=lesson.translation_key)


def test_answers_are_counted_per_choice_and_language_and_a_bad_translation_stands_out(
        client_factory, module, lessons, arabic_module):
    for _ in range(5):
        pass_quiz(client_factory(), lessons[0])
    for _ in range(5):
        learner = client_factory()
        answer(learner, arabic(lessons[0]), "eigenanteil", "1", language="ar")
    stats = module_stats(module)
    assert (stats.enrolments, stats.completed) == (10, 0)
    question = next(q for q in stats.questions if q.question_id == "eigenanteil")
    assert question.languages["de"]["counts"] == [5, 0]
    assert question.languages["ar"]["counts"] == [0, 5]
    assert question.suspicious == ["ar"]
    assert question.right_percent("de") == 100
    plan = next(q for q in stats.questions if q.question_id == "plan")
    assert plan.suspicious == [] and "ar" not in plan.languages


def test_completion_rate_and_median_time(client, module, lessons):
    pass_quiz(client, lessons[0])
    client.post(f"/de/lernen/lektion/{lessons[1].translation_key}/erledigt/", **ORIGIN)
    stats = module_stats(module)
    assert (stats.enrolments, stats.completed, stats.completion_rate) == (1, 1, 100)
    assert stats.median_time is not None
    assert stats.lessons == [("Geld und Eigenanteil", 1), ("Nach dem Projekt", 1)]


@pytest.fixture
def client_factory():
    from django.test import Client

    return Client


@pytest.fixture
def trainer(django_user_model, module):
    """An editor of the module's own page tree only (as a partner's editors group is)."""
    group = Group.objects.create(name="Trainers of one partner")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    GroupPagePermission.objects.create(group=group, page=module,
                                       permission=Permission.objects.get(codename="change_page"))
    user = django_user_model.objects.create_user("trainer", "t@example.org", "pw-long-123")
    user.groups.add(group)
    return user


def test_a_trainer_sees_their_modules_statistics_and_nothing_else(client, trainer, module,
                                                                    django_user_model):
    from cms.models import TopicPage
    from learning.models import ModulePage

    topic = TopicPage.objects.get(locale__language_code="de", slug="verein-gruenden")
    other = topic.add_child(instance=ModulePage(title="Fremdes Modul", slug="fremd"))
    client.force_login(trainer)
    index = client.get("/admin/reports/learning/").content.decode()
    assert "Unser erster Förderantrag" in index and "Fremdes Modul" not in index
    assert client.get(f"/admin/reports/learning/{module.pk}/").status_code == 200
    refused = client.get(f"/admin/reports/learning/{other.pk}/")
    assert refused.status_code == 302  # Wagtail sends a refused editor back to the dashboard
