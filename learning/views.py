"""The learner's actions (answer, try again, lesson done, start a module) and "Mein Lernen".

The forms sit on lesson pages that the shared cache serves to anonymous readers, so they
carry no CSRF token; instead every POST must come from one of our pages (Origin/Referer,
cms.security.origin), and the session cookie is SameSite=Lax. Each action answers with a
redirect back to the lesson (post/redirect/get: reloading does not send again), where the
result or the refusal message shows next to the question.
"""

from django.contrib import messages
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.views.decorators.csrf import csrf_exempt

from cms.i18n import active_language, reader_links
from cms.security.origin import same_site
from cms.views import method_not_allowed, read_only, render_error

from . import answers
from .learners import current_learner
from .models import LessonPage, ModulePage
from .overview import my_modules


def _live_page(model, key):
    """The live, public page with this translation key in the reader's language, else the
    German one; None when there is none a reader may see."""
    pages = {page.locale.language_code: page for page in
             model.objects.live().public().filter(translation_key=key).select_related("locale")}
    page = pages.get(active_language()) or pages.get("de")
    return page


def _learner_action(view):
    """POST only, from our own pages, for a live lesson; refusals become a message."""

    @csrf_exempt
    def wrapper(request, lesson_key):
        if request.method != "POST":
            return method_not_allowed(request, ["POST"])
        if not same_site(request):
            return render_error(request, 403)
        page = _live_page(LessonPage, lesson_key)
        if page is None:
            return render_error(request, 404)
        learner = current_learner(request, create=True)
        lesson = answers.Lesson.of(page)
        try:
            anchor = view(request, learner, lesson) or ""
        except answers.Refused as refusal:
            # shown next to its question when there is one, else above the lesson
            question = request.POST.get("question", "")
            known = question in lesson.questions
            messages.error(request, refusal.message, extra_tags=question if known else "")
            anchor = f"#q-{question}" if known else ""
        return HttpResponseRedirect(page.url + anchor)

    return wrapper


@_learner_action
def answer(request, learner, lesson):
    question_id = request.POST.get("question", "")
    answers.record_answer(learner, lesson, question_id, request.POST.get("attempt"),
                          request.POST.getlist("answer"), active_language())
    return f"#q-{question_id}"


@_learner_action
def retry(request, learner, lesson):
    answers.start_new_attempt(learner, lesson)
    return "#quiz"


@_learner_action
def complete(request, learner, lesson):
    answers.complete_lesson(learner, lesson)
    return "#lesson-done"


@csrf_exempt
def enrol(request, module_key):
    if request.method != "POST":
        return method_not_allowed(request, ["POST"])
    if not same_site(request):
        return render_error(request, 403)
    module = _live_page(ModulePage, module_key)
    if module is None:
        return render_error(request, 404)
    learner = current_learner(request, create=True)
    enrolment = answers.enrol(learner, module.translation_key)
    first = next(iter(reader_links(module.source_page.lessons()[:1])), None)
    if enrolment.last_lesson_key and enrolment.completed_at is None:  # done: from the start
        resume = _live_page(LessonPage, enrolment.last_lesson_key)
        if resume is not None:
            return HttpResponseRedirect(resume.url)
    return HttpResponseRedirect(first.url if first else module.url)


@read_only
def my_learning(request):
    learner = current_learner(request)
    return render(request, "learning/my_learning.html",
                  {"modules": my_modules(learner) if learner else []})
