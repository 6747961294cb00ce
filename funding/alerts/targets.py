"""What a subscription follows, as readers see it: the programme (in their language) or the
finder search (its address)."""

from django.urls import reverse

from cms.i18n import locale_for_language
from cms.site_url import base_url


def programme_for_key(key):
    """The German live, public programme of this translation_key (its synchronised fields,
    the deadline among them, are the ones that count), else any live one."""
    from funding.models import FundingProgrammePage

    pages = list(FundingProgrammePage.objects.live().public().filter(translation_key=key)
                 .select_related("locale"))
    return next((p for p in pages if p.locale.language_code == "de"), None) or \
        next(iter(pages), None)


def programme_in(programme, language):
    """The programme's live translation in `language`, else the page itself (German)."""
    translated = programme.get_translation_or_none(locale_for_language(language))
    return translated if translated is not None and translated.live else programme


def search_path(query: str) -> str:
    """The followed finder search, in the active language."""
    return reverse("funding:guided") + (f"?{query}" if query else "")


def search_url(query: str) -> str:
    return base_url() + search_path(query)
