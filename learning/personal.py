"""The learner's own state on module and lesson pages, asked for by their templates
(`{% learner_state page as learner %}`) per request, outside the render memo. A reader with
neither a session nor a sign-in has no state and costs no query: their page stays the same
for everyone and is served from the shared cache."""

from cms.caching.policy import has_session

from .learners import current_learner
from .state import lesson_state, module_state


def _learner(request):
    user = getattr(request, "user", None)
    if not has_session(request) and not (user and user.is_authenticated):
        return None, False
    return current_learner(request), True


def lesson_context(page, request, module=None) -> dict:
    """`module`: the lesson's parent when the caller has it (the page's reader context)."""
    learner, personal = _learner(request)
    if not personal:
        return {"personal": False}
    module = module or page.get_parent()
    modules = module_state(learner, module.translation_key)
    lesson = lesson_state(learner, page.translation_key, page.questions())
    lesson.completed = page.translation_key in modules.done
    return {"personal": True, "quiz_state": lesson, "module_state": modules}


def module_context(page, request) -> dict:
    learner, personal = _learner(request)
    if not personal:
        return {"personal": False}
    return {"personal": True, "module_state": module_state(learner, page.translation_key)}
