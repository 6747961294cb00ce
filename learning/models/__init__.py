from .pages import LEVEL_CHOICES, LessonPage, ModulePage, ModulePrerequisite
from .progress import Enrolment, Learner, LessonCompletion, QuizAnswer, QuizAttempt

__all__ = ["LEVEL_CHOICES", "Enrolment", "Learner", "LessonCompletion", "LessonPage",
           "ModulePage", "ModulePrerequisite", "QuizAnswer", "QuizAttempt"]
