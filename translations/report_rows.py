"""What the translation-state report lists besides pages: every translatable snippet type the
user may change (glossary terms, organisations), and for an organisation filter the snippets
that belong to it (its own entry, the glossary terms its section's guides link to)."""

from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import pgettext_lazy
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.models import Locale, Page, TranslatableMixin
from wagtail.snippets.models import get_snippet_models
from wagtail.snippets.permissions import user_can_edit_snippet_type

PAGES = "page"


def snippet_models():
    return [m for m in get_snippet_models() if issubclass(m, TranslatableMixin)]


def kind_of(model) -> str:
    return PAGES if issubclass(model, Page) else model._meta.label_lower


def kind_choices():
    return [(PAGES, pgettext_lazy("translation state", "Pages")),
            *[(kind_of(m), m._meta.verbose_name_plural) for m in snippet_models()]]


def _organisation_scopes():
    from cms.models import GlossaryTerm, Organisation
    from cms.models.guides import GuideGlossaryLink

    def terms(queryset, organisation):
        links = GuideGlossaryLink.objects.filter(page__path__startswith=organisation.section.path)
        return queryset.filter(pk__in=links.values("term_id"))

    return {Organisation: lambda queryset, organisation: queryset.filter(pk=organisation.pk),
            GlossaryTerm: terms}


def snippets_for(user, kind=None, organisation=None):
    """[(model, German objects)] the user may change, narrowed by kind and organisation;
    a type that has nothing to do with organisations is left out under that filter."""
    scopes = _organisation_scopes() if organisation else {}
    found = []
    for model in snippet_models():
        if kind and kind != kind_of(model) or not user_can_edit_snippet_type(user, model):
            continue
        objects = model._default_manager.filter(locale=Locale.get_default())
        if organisation:
            if model not in scopes:
                continue
            objects = scopes[model](objects, organisation)
        found.append((model, list(objects)))
    return found


class ReportRow:
    """A German page or snippet and its translations' states; ``state_<code>`` for the
    export."""

    def __init__(self, obj, states, locales):
        self.object = obj
        self.title = obj.title if isinstance(obj, Page) else str(obj)
        self.url_path = obj.url_path if isinstance(obj, Page) else ""
        self.kind = pgettext_lazy("translation state", "Page") if isinstance(obj, Page) \
            else type(obj)._meta.verbose_name
        self.cells = [(locale, states[(obj.translation_key, locale.language_code)])
                      for locale in locales]

    @cached_property
    def edit_url(self):
        if isinstance(self.object, Page):
            return reverse("wagtailadmin_pages:edit", args=[self.object.pk])
        return AdminURLFinder().get_edit_url(self.object)

    def __getattr__(self, name):
        if name.startswith("state_"):
            code = name.removeprefix("state_")
            for locale, state in self.cells:
                if locale.language_code == code:
                    return str(state.state.label)
        raise AttributeError(name)
