"""The guided funding finder, /<lang>/foerderung/finden/: one question per page, then the
programmes that fit, with reasons, and those that missed by one criterion.

Plain GET forms, no JavaScript: each step carries the earlier answers as hidden inputs and
names the next step, so every answer is in the URL and a result can be bookmarked. Without
`step` and with answers in the query the page is the result. A bad answer shows its question
again with the message beside it (400, as the search page answers bad parameters); the other
answers are kept.
"""

from django.http import QueryDict
from django.shortcuts import render
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext_lazy as _

from cms.caching.policy import allow_sharing
from cms.models.vocabulary import REGION_CHOICES
from cms.regions.tree import region_tree
from cms.views import read_only

from . import programmes as found
from .matching import KEYS, LEGAL_FORMS, answers_from_query, answers_to_query, region_candidates
from .regions import label as region_label

QUESTIONS = {
    "legal_form": (_("What kind of organisation are you?"), ""),
    "region": (_("Where is your project?"),
               _("Type a city, a district or a federal state, for example Leipzig.")),
    "topic": (_("What do you need the money for?"), ""),
    "amount": (_("How much money do you need?"), _("In euros, for example 5000.")),
    "own_share": (_("How much of the costs can you pay yourselves?"),
                  _("In percent of the costs, for example 10. Write 0 if you cannot pay "
                    "anything yourselves.")),
    "start": (_("When does your project start?"),
              _("Most funders want the application before the project starts.")),
}
SUMMARY_LABELS = {"legal_form": _("Organisation"), "region": _("Where"), "topic": _("Topic"),
                  "amount": _("Amount"), "own_share": _("Own share"), "start": _("Project start")}


def _query(data: QueryDict, **changes) -> str:
    """The answers in `data` (and the step) with `changes`; None removes a key."""
    values = {key: data.get(key, "") for key in (*KEYS, "step") if key in data}
    values.update(changes)
    params = QueryDict(mutable=True)
    for key in (*KEYS, "step"):
        if values.get(key) is not None:
            params[key] = values[key]
    return params.urlencode()


def _after(step: str, data: QueryDict) -> str | None:
    """The next question not yet in the query (answered or skipped), else None: the result."""
    later = list(QUESTIONS)[list(QUESTIONS).index(step) + 1:]
    return next((key for key in later if key not in data), None)


def _region_names() -> list[tuple[str, str]]:
    """[(name to type, label)] for the <datalist>: German names, which the server resolves,
    with the reader's name of a Land beside it."""
    with translation.override("de"):
        lands = [(str(label), "") for code, label in REGION_CHOICES]
    translated = [str(label) for code, label in REGION_CHOICES]
    lands = [(name, other if other != name else "")
             for (name, _none), other in zip(lands, translated, strict=True)]
    places = sorted({p.name for p in region_tree().places.values()
                     if p.level in ("district", "municipality")})
    return lands + [(name, "") for name in places]


def _step(request, step: str, errors: dict, status: int):
    data = request.GET
    keys = list(QUESTIONS)
    index = keys.index(step)
    next_step = _after(step, data)
    heading, hint = QUESTIONS[step]
    typed = data.get(step, "").strip()[:100]
    context = {
        "step": step, "heading": heading, "hint": hint, "value": typed,
        "error": errors.get(step, ""), "number": index + 1, "total": len(keys),
        "hidden": [(k, data.get(k, "")) for k in KEYS if k != step and k in data],
        "next_step": next_step or "",
        "skip": _query(data, **{step: "", "step": next_step}),
        "back": _query(data, step=keys[index - 1]) if index else "",
    }
    if step == "legal_form":
        context["choices"] = [(code, str(label)) for code, label in LEGAL_FORMS.items()]
    elif step == "topic":
        context["choices"] = found.topic_choices()
    elif step == "region":
        context["names"] = _region_names()
        if step in errors and typed:
            context["candidates"] = [
                {"label": label, "query": _query(data, region=code, step=next_step)}
                for code, label in region_candidates(typed)]
    return render(request, "funding/guided_step.html", context, status=status)


def _summary(request, answers) -> list[dict]:
    values = {}
    if answers.legal_form:
        values["legal_form"] = str(LEGAL_FORMS[answers.legal_form])
    if answers.region:
        values["region"] = str(region_label(region_tree().places[answers.region]))
    if answers.topic:
        values["topic"] = dict(found.topic_choices()).get(answers.topic, answers.topic)
    if answers.amount is not None:
        values["amount"] = formats.number_format(answers.amount, force_grouping=True) + " €"
    if answers.own_share is not None:
        values["own_share"] = f"{answers.own_share} %"
    if answers.start:
        values["start"] = formats.date_format(answers.start)
    # Every question in the links, skipped ones empty: after a change "Next" goes back to
    # the result instead of asking the skipped questions again.
    canonical = QueryDict(answers_to_query(answers), mutable=True)
    for key in KEYS:
        canonical.setdefault(key, "")
    return [{"label": SUMMARY_LABELS[key], "value": values[key],
             "change": _query(canonical, step=key)} for key in KEYS if key in values]


def _results(request, answers, today):
    matches, near = found.ranked(answers, today)
    links = {p.pk: link for p, link in found.with_links([m.programme for m in matches + near])}
    query = answers_to_query(answers)
    return render(request, "funding/guided_results.html", {
        "summary": _summary(request, answers),
        "matches": [(m, links[m.programme.pk]) for m in matches],
        "near": [(m, links[m.programme.pk]) for m in near],
        "answers_query": query,  # not "query": base.html fills the search box with that
        "start_query": _query(QueryDict(query), step=next(iter(QUESTIONS))),
        "feed_url": reverse("funding:feed") + (f"?{query}" if query else ""),
        "deadlines_url": reverse("funding:deadlines") + (f"?{query}" if query else ""),
    })


@read_only
def guided(request):
    today = timezone.localdate()
    answers, errors = answers_from_query(request.GET, today)
    allow_sharing(request)
    if errors:
        return _step(request, next(k for k in QUESTIONS if k in errors), errors, 400)
    step = request.GET.get("step")
    if step in QUESTIONS:
        return _step(request, step, errors, 200)
    if not any(key in request.GET for key in KEYS):
        return _step(request, next(iter(QUESTIONS)), errors, 200)
    return _results(request, answers, today)
