from django import template
from django.conf import settings
from wagtail.models import Page

from cms.i18n import active_language, is_rtl, swap_language_prefix

register = template.Library()

LANGUAGE_NAMES = dict(settings.LANGUAGES)


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    """The languages the current page exists in; on other views, every language."""
    request = context["request"]
    current = active_language()
    page = context.get("page")
    options = []
    if isinstance(page, Page):
        for translated in page.get_translations(inclusive=True).live().select_related("locale"):
            code = translated.locale.language_code
            options.append((code, LANGUAGE_NAMES.get(code, code), translated.url))
        order = list(LANGUAGE_NAMES)
        options.sort(key=lambda option: order.index(option[0]) if option[0] in order else 99)
    else:
        path = request.get_full_path()
        options = [(code, name, swap_language_prefix(path, code)) for code, name in
                   settings.LANGUAGES]
    return {
        "options": options,
        "current": current,
        "current_name": LANGUAGE_NAMES.get(current, current),
    }


@register.simple_tag
def text_direction(language_code):
    return "rtl" if is_rtl(language_code) else "ltr"


@register.simple_tag(takes_context=True)
def shown_in_fallback(context):
    """True when the page is in another language than the reader asked for."""
    page = context.get("page")
    return bool(page) and page.locale.language_code != active_language()


@register.simple_tag(takes_context=True)
def home_url(context):
    return f"/{active_language()}/"


@register.filter
def heading_anchor(text):
    from cms.models.guides import heading_anchor as anchor

    return anchor(text)
