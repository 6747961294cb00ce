"""Trainers' statistics of a module: enrolments, completion, time to complete, and for each
question how often each answer is chosen, per language.

Counts only: no learner is named. A question that most learners get right in one language and
wrong in another is usually a bad translation; `suspicious` marks it.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import timedelta
from statistics import median

from .models import Enrolment, LessonCompletion, QuizAnswer

MIN_ANSWERS = 5  # a language with fewer answers says nothing about its translation
GAP = 25  # percentage points below the other languages that make a question suspicious


@dataclass
class QuestionStats:
    question_id: str
    kind: str
    text: str
    choices: list[str]  # the options' labels (German), or True/False, or ["right", "wrong"]
    # {language: {"answers": n, "right": n, "counts": [n per choice]}}
    languages: dict = field(default_factory=dict)

    def right_percent(self, language: str) -> int | None:
        row = self.languages.get(language)
        return round(100 * row["right"] / row["answers"]) if row and row["answers"] else None

    def table(self, languages: list[str]) -> list[tuple[str, list[int]]]:
        """(choice label, [times chosen in each of `languages`]) per choice."""
        return [(label, [self.languages[lang]["counts"][position]
                         if lang in self.languages else 0 for lang in languages])
                for position, label in enumerate(self.choices)]

    @property
    def suspicious(self) -> list[str]:
        """Languages whose share of right answers lies GAP points or more below the rest."""
        found = []
        for language, row in self.languages.items():
            others = [r for lang, r in self.languages.items() if lang != language]
            answers, right = sum(r["answers"] for r in others), sum(r["right"] for r in others)
            if row["answers"] < MIN_ANSWERS or answers < MIN_ANSWERS:
                continue
            if 100 * right / answers - self.right_percent(language) >= GAP:
                found.append(language)
        return found


@dataclass
class ModuleStats:
    enrolments: int
    completed: int
    median_time: timedelta | None
    lessons: list[tuple[str, int]]  # (lesson title, learners who finished it)
    questions: list[QuestionStats]

    @property
    def completion_rate(self) -> int | None:
        return round(100 * self.completed / self.enrolments) if self.enrolments else None


def _choice_labels(kind, value) -> list[str]:
    if kind in ("single_choice", "multiple_choice"):
        return [option["text"] for option in value["options"]]
    if kind == "true_false":
        return ["true", "false"]
    return ["right", "wrong"]


def _choice_positions(kind, given, credit) -> list[int]:
    if kind in ("single_choice", "multiple_choice"):
        return [p for p in given if isinstance(p, int)]
    if kind == "true_false":
        return [0 if given else 1]
    return [0 if credit >= 100 else 1]


def module_stats(module) -> ModuleStats:
    """`module` is the German (source) page; every language's answers count for it."""
    key = module.translation_key
    enrolments = list(Enrolment.objects.filter(module_key=key)
                      .values_list("enrolled_at", "completed_at"))
    durations = [done - start for start, done in enrolments if done]
    lessons = list(module.lessons())
    finished = Counter(LessonCompletion.objects.filter(module_key=key)
                       .values_list("lesson_key", flat=True))
    questions, by_id = [], {}
    for lesson in lessons:
        for question_id, (kind, value) in lesson.questions().items():
            stats = QuestionStats(question_id, kind, value["text"], _choice_labels(kind, value))
            questions.append(stats)
            by_id[(lesson.translation_key, question_id)] = stats
    rows = (QuizAnswer.objects.filter(attempt__module_key=key)
            .values_list("attempt__lesson_key", "question_id", "language", "given", "credit"))
    tallies = defaultdict(lambda: {"answers": 0, "right": 0, "counts": None})
    for lesson_key, question_id, language, given, credit in rows.iterator():
        stats = by_id.get((lesson_key, question_id))
        if stats is None:
            continue  # a question removed since
        row = tallies[(id(stats), language)]
        if row["counts"] is None:
            row["counts"] = [0] * len(stats.choices)
            stats.languages[language] = row
        row["answers"] += 1
        row["right"] += credit >= 100
        for position in _choice_positions(stats.kind, given, credit):
            if 0 <= position < len(row["counts"]):
                row["counts"][position] += 1
    return ModuleStats(len(enrolments), len(durations),
                       median(durations) if durations else None,
                       [(lesson.title, finished[lesson.translation_key]) for lesson in lessons],
                       questions)
