from django import template
from wagtail.models import Locale, Page

from cms.caching.memo import remembered
from cms.i18n import attach_locales, page_translations
from translations.state import state_of

register = template.Library()


@register.inclusion_tag("translations/outdated_notice_text.html", takes_context=True)
def outdated_notice(context):
    """A notice on a translation whose German original changed after it was last synced.
    One query (the state); the German page comes from the live translations the language
    switcher reads anyway (remembered on the request).

    The state is kept with the render memo (cms.caching.memo) until the next content change:
    building its query was half the CPU of a translated page. What readers see of it changes
    with publishing (the German source's strings are stamped when it is published, a
    translation's log counts once its revision is live), which starts a new generation; a
    translator's unpublished work shows with the next change, as the page it describes."""
    page = context.get("page")
    if not isinstance(page, Page) or page.locale_id == Locale.get_default().pk:
        return {}
    attach_locales([page])  # the templates read page.locale later: from the per-read memo
    request = context.get("request")
    state = remembered(("translation-state", page.pk), lambda: state_of(page), request)
    if state is None or not state.is_out_of_date:
        return {}
    default = Locale.get_default()
    german = next((p for p in page_translations(page, request)
                   if p.locale_id == default.pk), None)
    return {"state": state, "german": german}
