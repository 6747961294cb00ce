"""Modules and lessons: Wagtail pages below topics, translated like guides.

A module is a short course ("Unser erster Förderantrag"); its lessons are its child pages, in
the explorer's order. Learner state never points at these rows: it is keyed by the pages'
`translation_key`, shared by every translation (learning/models/progress.py).
"""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Orderable
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from cms.blocks import guide_body_blocks
from cms.fields import StreamField
from cms.i18n import reader_links
from cms.models.base import BasePage, reading_minutes

from ..blocks import lesson_body_blocks
from ..quiz import questions_of

LEVEL_CHOICES = [
    ("beginner", _("Beginner")),
    ("intermediate", _("Intermediate")),
    ("advanced", _("Advanced")),
]


class ModulePage(BasePage):
    intro = StreamField(guide_body_blocks(), blank=True, verbose_name=_("introduction"))
    objectives = models.TextField(
        _("learning objectives"), blank=True,
        help_text=_("One per line: what the learner can do afterwards."))
    level = models.CharField(_("level"), max_length=20, choices=LEVEL_CHOICES,
                             default="beginner")
    duration = models.PositiveSmallIntegerField(_("duration (minutes)"), default=30)
    audience = models.CharField(_("audience"), max_length=200, blank=True)
    pass_mark = models.PositiveSmallIntegerField(
        _("pass mark (%)"), default=80,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
        help_text=_("The score a learner needs in each quiz of the module."))

    parent_page_types = ["cms.TopicPage"]
    subpage_types = ["learning.LessonPage"]
    content_panels = [*BasePage.content_panels, FieldPanel("summary"), FieldPanel("intro"),
                      FieldPanel("objectives"), FieldPanel("level"), FieldPanel("duration"),
                      FieldPanel("audience"), FieldPanel("pass_mark"),
                      InlinePanel("prerequisites", label=_("Prerequisites")),
                      InlinePanel("guide_links", label=_("Guides this module teaches"))]
    search_fields = [*BasePage.search_fields, index.SearchField("intro"),
                     index.SearchField("objectives")]
    translatable_fields = [
        *BasePage.translatable_fields, TranslatableField("intro"),
        TranslatableField("objectives"), TranslatableField("audience"),
        SynchronizedField("level"), SynchronizedField("duration"),
        SynchronizedField("pass_mark"), SynchronizedField("prerequisites"),
        SynchronizedField("guide_links"),
    ]

    class Meta:
        verbose_name = _("learning module")

    @property
    def objective_list(self) -> list[str]:
        return [line.strip() for line in self.objectives.splitlines() if line.strip()]

    def lessons(self):
        return LessonPage.objects.child_of(self).live().public().order_by("path")

    def reader_context(self, request):
        context = super().reader_context(request)
        source = self.source_page  # translations list the German module's lessons, in order
        context["lessons"] = reader_links(LessonPage.objects.child_of(source).live().public()
                                          .order_by("path"))
        context["prerequisite_links"] = reader_links(
            link.module for link in source.prerequisites.select_related("module")
            if link.module and link.module.live)
        return context


class ModulePrerequisite(Orderable):
    page = ParentalKey(ModulePage, on_delete=models.CASCADE, related_name="prerequisites")
    module = models.ForeignKey("learning.ModulePage", on_delete=models.CASCADE,
                               related_name="+", verbose_name=_("module"))
    panels = [FieldPanel("module")]

    class Meta(Orderable.Meta):
        verbose_name = _("prerequisite")


class ModuleGuideLink(Orderable):
    """A guide whose readers are offered this module ("Learn step by step")."""

    page = ParentalKey(ModulePage, on_delete=models.CASCADE, related_name="guide_links")
    guide = models.ForeignKey("cms.GuidePage", on_delete=models.CASCADE, related_name="+",
                              verbose_name=_("guide"))
    panels = [FieldPanel("guide")]

    class Meta(Orderable.Meta):
        verbose_name = _("guide this module teaches")


class LessonPage(BasePage):
    body = StreamField(lesson_body_blocks(), verbose_name=_("content"))
    duration = models.PositiveSmallIntegerField(_("duration (minutes)"), default=10)

    parent_page_types = ["learning.ModulePage"]
    subpage_types = []
    content_panels = [*BasePage.content_panels, FieldPanel("summary"), FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]
    translatable_fields = [*BasePage.translatable_fields, TranslatableField("body")]

    class Meta:
        verbose_name = _("lesson")

    def save(self, *args, **kwargs):
        self.duration = reading_minutes(self.summary, self.body.raw_data)
        return super().save(*args, **kwargs)

    def questions(self):
        """{question_id: question} of every quiz block, in reading order."""
        return questions_of(self.body)

    def reader_context(self, request):
        context = super().reader_context(request)
        module = context["parent_page"]
        source_module = module.source_page if module else None
        if source_module is not None:
            lessons = list(LessonPage.objects.child_of(source_module).live().public()
                           .order_by("path"))
            keys = [lesson.translation_key for lesson in lessons]
            here = keys.index(self.translation_key) if self.translation_key in keys else None
            context["lesson_count"] = len(keys)
            context["lesson_number"] = here + 1 if here is not None else None
            if here is not None:
                context["previous_lesson"] = next(iter(reader_links(lessons[:here][-1:])), None)
                context["next_lesson"] = next(iter(reader_links(lessons[here + 1:][:1])), None)
        return context
