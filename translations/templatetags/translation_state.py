from django import template
from wagtail.models import Locale, Page

from translations.state import state_of

register = template.Library()


@register.inclusion_tag("translations/outdated_notice_text.html", takes_context=True)
def outdated_notice(context):
    """A notice on a translation whose German original changed after it was last synced."""
    page = context.get("page")
    if not isinstance(page, Page) or page.locale_id == Locale.get_default().pk:
        return {}
    state = state_of(page)
    if state is None or not state.is_out_of_date:
        return {}
    german = page.get_translation_or_none(Locale.get_default())
    return {"state": state, "german": german if german and german.live else None}
