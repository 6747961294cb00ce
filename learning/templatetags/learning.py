"""One quiz question as a form, with the learner's answer and its feedback once given.

Before a question is answered, the HTML holds the question and its options only: no credit,
no feedback, nothing that tells the right answer (the server checks answers).
"""

from django import template

register = template.Library()


@register.simple_tag(takes_context=True)
def learner_state(context, page) -> dict:
    """{"personal": bool, "quiz_state": …, "module_state": …} for a lesson or module page."""
    from learning.models import LessonPage
    from learning.personal import lesson_context, module_context

    request = context.get("request")
    if request is None:
        return {"personal": False}
    if isinstance(page, LessonPage):
        return lesson_context(page, request, context.get("parent_page"))
    return module_context(page, request)


@register.inclusion_tag("learning/blocks/question.html", takes_context=True)
def quiz_question(context, question):
    value, kind = question.value, question.block_type
    learner = context.get("learner") or {}
    state = learner.get("quiz_state")
    answered = state.answers.get(value["question_id"]) if state else None
    given = answered.given if answered else None
    options = []
    if kind in ("single_choice", "multiple_choice"):
        chosen = set(given or [])
        options = [{"value": str(position), "text": option["text"],
                    "checked": position in chosen}
                   for position, option in enumerate(value["options"])]
    elif kind == "true_false":
        options = [{"value": "true", "text": None, "checked": given is True},
                   {"value": "false", "text": None, "checked": given is False}]
    return {
        "page": context.get("page"),
        "kind": kind,
        "question": value,
        "qid": value["question_id"],
        "options": options,
        "answered": answered,
        "typed": given if kind == "short_answer" else "",
        "attempt": state.attempt_number if state else 1,
        "locked": bool(state and state.passed),
        "messages": [m for m in context.get("messages") or ()
                     if value["question_id"] in (m.extra_tags or "").split()]
        if learner.get("personal") else [],
    }
