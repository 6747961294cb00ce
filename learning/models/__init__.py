from .pages import LEVEL_CHOICES, LessonPage, ModuleGuideLink, ModulePage, ModulePrerequisite
from .progress import Enrolment, Learner, LessonCompletion, QuizAnswer, QuizAttempt

__all__ = ["LEVEL_CHOICES", "Enrolment", "Learner", "LessonCompletion", "LessonPage",
           "ModuleGuideLink", "ModulePage",
           "ModulePrerequisite", "QuizAnswer", "QuizAttempt"]
