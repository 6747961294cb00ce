from django import template
from django.conf import settings
from wagtail.models import Page

from cms.i18n import active_language, is_rtl, locales_by_id, page_translations, swap_language_prefix

register = template.Library()

LANGUAGE_NAMES = dict(settings.LANGUAGES)


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    """Every interface language, always: a reader who arrived on a German page from a shared
    link can still switch the interface and read the notice in their language. Languages the
    page is translated into link to the translation; the others to the same address under
    that language, which shows the German text with the notice, and say so."""
    request = context["request"]
    current = active_language()
    page = context.get("page")
    path = request.get_full_path()
    translations = {}
    if isinstance(page, Page):
        translations = {t.locale.language_code: t.url for t in page_translations(page, request)}
    options = []
    for code, name in settings.LANGUAGES:
        url = translations.get(code) or swap_language_prefix(path, code)
        in_german = isinstance(page, Page) and code not in translations
        options.append({"code": code, "name": name, "url": url, "in_german": in_german})
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
    if not page:
        return False
    locale = locales_by_id().get(page.locale_id) or page.locale
    return locale.language_code != active_language()


@register.simple_tag(takes_context=True)
def alternate_pages(context):
    """The page's live translations for <link rel=alternate hreflang> (itself excluded)."""
    page = context.get("page")
    if not isinstance(page, Page) or not page.live:
        return []
    return [t for t in page_translations(page, context.get("request")) if t.pk != page.pk]


@register.simple_tag(takes_context=True)
def home_url(context):
    return f"/{active_language()}/"


@register.filter
def heading_anchor(text):
    from cms.models.guides import heading_anchor as anchor

    return anchor(text)


@register.filter
def bidi(text):
    """A title or heading, with Latin parts of right-to-left text kept in their order."""
    from cms.bidi import isolate_latin

    return isolate_latin(text)


@register.filter
def bidi_html(html):
    """Rich text of a right-to-left page with the Latin runs of its text isolated
    (cms.bidi.isolate_html); for other languages it is returned as it is, at no cost."""
    from django.utils.safestring import mark_safe
    from django.utils.translation import get_language_bidi

    from cms.bidi import isolate_html

    if not get_language_bidi():
        return html
    return mark_safe(isolate_html(str(html)))  # noqa: S308 - clean HTML, text re-escaped


@register.filter
def clean_html(html):
    """Content HTML through the site's allowlist (cms.sanitise); safe to output."""
    from django.utils.safestring import mark_safe

    from cms.sanitise import clean_html as clean

    return mark_safe(clean(str(html)))  # noqa: S308 - nh3 has just sanitised it


@register.filter
def safe_url(url):
    """The URL when it is http(s), mailto or tel with somewhere to go, else ''."""
    from cms.sanitise import is_safe_url

    return url if is_safe_url(url) else ""


@register.inclusion_tag("includes/account_link.html", takes_context=True)
def account_link(context):
    """"Sign in" or "My account" in the header. A reader without a session cookie is
    anonymous: answered without touching the session, so public pages stay cacheable."""
    from cms.caching.policy import has_session

    request = context.get("request")
    signed_in = bool(request is not None and has_session(request)
                     and getattr(request, "user", None) and request.user.is_authenticated)
    return {"signed_in": signed_in}
