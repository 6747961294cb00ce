"""The public directory of organisations, filtered by region, language and topic."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from cms.models import Organisation, TopicPage
from cms.models.vocabulary import REGION_CHOICES, SPOKEN_LANGUAGE_CHOICES


def topic_choices(locale):
    """German topic slugs, labelled in the reader's language where translated."""
    german = TopicPage.objects.live().filter(locale=Locale.get_default()).order_by("path")
    own = {t.translation_key: t.title for t in TopicPage.objects.live().filter(locale=locale)}
    return [(t.slug, own.get(t.translation_key, t.title)) for t in german]


class LanguageSelect(forms.Select):
    """Each language name is written in that language; lang lets screen readers say it."""

    def create_option(self, name, value, *args, **kwargs):
        option = super().create_option(name, value, *args, **kwargs)
        if value:
            option["attrs"]["lang"] = value
        return option


class DirectoryFilter(forms.Form):
    region = forms.ChoiceField(label=_("Region"), required=False)
    language = forms.ChoiceField(label=_("Language"), required=False, widget=LanguageSelect)
    topic = forms.ChoiceField(label=_("Topic"), required=False)

    def __init__(self, data, locale):
        super().__init__(data)
        everything = [("", _("All"))]
        self.fields["region"].choices = everything + REGION_CHOICES
        self.fields["language"].choices = everything + SPOKEN_LANGUAGE_CHOICES
        self.fields["topic"].choices = everything + topic_choices(locale)

    def valid_filters(self):
        """The filters that are valid; unknown values are dropped (and reported by errors)."""
        self.is_valid()
        return {name: self.cleaned_data.get(name) for name in self.fields
                if name not in self.errors and self.cleaned_data.get(name)}


def directory_entries(locale, region=None, language=None, topic=None):
    """Organisations shown in the directory, in `locale` where translated, else German."""
    german = (Organisation.objects.filter(locale=Locale.get_default(), show_in_directory=True)
              .select_related("region", "logo").prefetch_related("languages", "topics"))
    if region:
        german = german.filter(region__code=region)
    if language:
        german = german.filter(languages__code=language)
    if topic:
        german = german.filter(topics__slug=topic)
    german = list(german.distinct())
    own = {o.translation_key: o for o in Organisation.objects.filter(
        locale=locale, translation_key__in=[o.translation_key for o in german])}
    entries = [(own.get(o.translation_key) or o, o) for o in german]
    return sorted(entries, key=lambda pair: pair[0].name.casefold())
