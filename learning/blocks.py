"""A lesson's blocks: the guide blocks, a video with its transcript, worksheets and quizzes.

A quiz block holds questions of four kinds. Every question and every answer option carries an
id that editing and translating keep (the question's `question_id`, the option's list-item
id is not used: options are matched by their position, which translations keep), so a
learner's answers stay attached when the text changes or the language does.
"""

from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock

from cms.blocks import guide_body_blocks

QUESTION_ID_PATTERN = r"^[\w-]{1,60}$"


class QuestionIdBlock(blocks.CharBlock):
    """The question's stable id. Not a text to translate: wagtail-localize gets no segment
    for it, and translations keep the source's value."""

    def __init__(self, **kwargs):
        super().__init__(
            max_length=60, label=_("Question id"),
            help_text=_("Letters, digits and hyphens; never change it once learners answered."),
            validators=[RegexValidator(QUESTION_ID_PATTERN)], **kwargs)

    def get_translatable_segments(self, value):
        return []

    def get_searchable_content(self, value):
        # A name for editors and stored answers ("foerderung-rechnen"), not the reader's text:
        # indexed, it was found by its words and shown amid the question in snippets.
        return []

    def restore_translated_segments(self, value, segments):
        return value


class OptionBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Answer"))
    credit = blocks.IntegerBlock(
        min_value=-100, max_value=100, default=0, label=_("Credit (%)"),
        help_text=_("100 for the right answer; parts for multiple choice; 0 or less for wrong."))
    feedback = blocks.CharBlock(required=False, label=_("Feedback for this answer"))


class QuestionBlock(blocks.StructBlock):
    question_id = QuestionIdBlock()
    text = blocks.TextBlock(label=_("Question"))
    explanation = blocks.TextBlock(required=False, label=_("Explanation shown after answering"))


class SingleChoiceBlock(QuestionBlock):
    options = blocks.ListBlock(OptionBlock(), min_num=2, label=_("Answers"))

    class Meta:
        icon = "radio-full"
        label = _("Single choice")


class MultipleChoiceBlock(QuestionBlock):
    options = blocks.ListBlock(OptionBlock(), min_num=2, label=_("Answers"))

    class Meta:
        icon = "tick"
        label = _("Multiple choice")


class TrueFalseBlock(QuestionBlock):
    correct = blocks.BooleanBlock(required=False, label=_("The statement is true"))
    feedback_right = blocks.CharBlock(required=False, label=_("Feedback for a right answer"))
    feedback_wrong = blocks.CharBlock(required=False, label=_("Feedback for a wrong answer"))

    class Meta:
        icon = "help"
        label = _("True or false")


class ShortAnswerBlock(QuestionBlock):
    accepted = blocks.ListBlock(blocks.CharBlock(label=_("Accepted answer")), min_num=1,
                                label=_("Accepted answers"))

    class Meta:
        icon = "edit"
        label = _("Short answer")


def question_blocks():
    return [
        ("single_choice", SingleChoiceBlock()),
        ("multiple_choice", MultipleChoiceBlock()),
        ("true_false", TrueFalseBlock()),
        ("short_answer", ShortAnswerBlock()),
    ]


class QuizBlock(blocks.StructBlock):
    title = blocks.CharBlock(required=False, label=_("Title"))
    questions = blocks.StreamBlock(question_blocks(), min_num=1, label=_("Questions"))

    class Meta:
        icon = "form"
        template = "learning/blocks/quiz.html"
        label = _("Quiz")
        description = _("Questions the learner answers; the answers are checked on the server.")


class VideoBlock(blocks.StructBlock):
    """A link to the video, not an embedded player: a player from a video platform would tell
    that platform who is learning what before the learner chose to watch (GDPR)."""

    url = blocks.URLBlock(label=_("Video address"))
    title = blocks.CharBlock(label=_("Title"))
    transcript = blocks.RichTextBlock(
        features=["bold", "italic", "ol", "ul", "link"], label=_("Transcript"),
        help_text=_("Everything said in the video, for people who cannot play sound."))

    class Meta:
        icon = "media"
        template = "learning/blocks/video.html"
        label = _("Video with transcript")


class WorksheetBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("File"))
    title = blocks.CharBlock(label=_("Title"))
    description = blocks.CharBlock(required=False, label=_("What it is for"))

    class Meta:
        icon = "doc-full"
        template = "learning/blocks/worksheet.html"
        label = _("Worksheet")


def lesson_body_blocks():
    return [*guide_body_blocks(), ("video", VideoBlock()), ("worksheet", WorksheetBlock()),
            ("quiz", QuizBlock())]
