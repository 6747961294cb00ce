"""The pages every installation has: a home page per language, the four standard topics and
the glossary page. Safe to call again and again."""

from django.conf import settings
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _
from wagtail.models import Locale, Site

from cms.models import STANDARD_TOPICS, GlossaryPage, HomePage, TopicPage

GLOSSARY_SLUG = "glossar"


def german_home() -> HomePage:
    site = Site.objects.get(is_default_site=True)
    return site.root_page.specific.get_translation(Locale.get_default()).specific


def publish(page, user=None):
    revision = page.save_revision(user=user, log_action=True)
    revision.publish(user=user)
    return page


@transaction.atomic
def ensure_site_structure() -> HomePage:
    home = german_home()
    for slug, title in STANDARD_TOPICS.items():
        if not TopicPage.objects.child_of(home).filter(slug=slug).exists():
            home.add_child(instance=TopicPage(title=title, slug=slug, locale=home.locale,
                                              live=False))
            publish(TopicPage.objects.child_of(home).get(slug=slug))
    glossary = GlossaryPage.objects.child_of(home).first()
    if glossary is None:
        home.add_child(instance=GlossaryPage(
            title="Glossar", slug=GLOSSARY_SLUG, locale=home.locale, live=False,
            summary="Wichtige Wörter aus Vereinsarbeit und Behörden, einfach erklärt."))
        glossary = publish(GlossaryPage.objects.child_of(home).get())
    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        if code != home.locale.language_code:
            _ensure_translated_shell(home, glossary, Locale.objects.get(language_code=code))
    return home


def _ensure_translated_shell(home, glossary, locale):
    """Home and glossary page in `locale`, titled from the UI catalogue, so every language has
    a front door even before any of its content is translated."""
    with translation.override(locale.language_code):
        if not home.has_translation(locale):
            copy = home.copy_for_translation(locale)
            copy.title = _("Wegweiser")
            copy.summary = _("Guides for migrant organisations: founding an association, "
                             "applying for funding, dealing with authorities.")
            copy.intro = ""
            publish(copy)
        if not glossary.has_translation(locale):
            copy = glossary.copy_for_translation(locale)
            copy.title = _("Glossary")
            copy.summary = _("Important words from association life and public offices, "
                             "explained simply.")
            publish(copy)
