from django import template
from django.conf import settings

register = template.Library()


@register.simple_tag
def feedback_note_days() -> int:
    """How many days readers' notes are kept, for the hint under the note field."""
    return settings.FEEDBACK_NOTE_MAX_AGE_DAYS
