from django.conf import settings

from cms.i18n import active_language, is_rtl


def site_navigation(request):
    """Language direction for <html dir> and the list of languages for the switcher."""
    language = active_language()
    return {
        "LANGUAGE_IS_RTL": is_rtl(language),
        "CONTENT_LANGUAGES": settings.LANGUAGES,
    }
