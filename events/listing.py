"""Which events a reader sees: upcoming or past, filtered by topic, region, language and
format. The German events are the source (their synchronised fields count); the reader gets
each in their language where it is translated (cms.i18n.reader_links)."""

from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cms.models import Region, SpokenLanguage, TopicPage
from cms.models.topics import TopicSection

from .models import EventPage

HOME_EVENTS = 3
FORMATS = [("", _("Online and in person")), ("online", _("Online")),
           ("in_person", _("In person"))]


def source_events():
    return EventPage.objects.live().public().filter(locale__language_code="de")


def upcoming(now=None):
    return source_events().filter(end__gt=now or timezone.now()).order_by("start", "pk")


def past(now=None):
    return source_events().filter(end__lte=now or timezone.now()).order_by("-start", "-pk")


def home_events(home):
    return upcoming()[:HOME_EVENTS]


class UpcomingSection(TopicSection):
    """A topic lists its upcoming events only, the next first."""

    def pages(self, topic):
        return EventPage.objects.child_of(topic).live().public().filter(
            end__gt=timezone.now()).order_by(*self.order_by)


class EventFilter(forms.Form):
    """A plain GET form (works without JavaScript); an unknown value is a form error."""

    topic = forms.ChoiceField(label=_("Topic"), required=False)
    region = forms.ChoiceField(label=_("Region"), required=False)
    language = forms.ChoiceField(label=_("Language spoken"), required=False)
    format = forms.ChoiceField(label=_("Format"), required=False, choices=FORMATS)

    def __init__(self, data, locale):
        super().__init__(data)
        topics = TopicPage.objects.live().filter(locale=locale).order_by("path")
        self.fields["topic"].choices = [("", _("All topics")),
                                        *[(t.slug, t.title) for t in topics]]
        regions = Region.objects.filter(level__in=[Region.BUND, Region.LAND])
        self.fields["region"].choices = [("", _("All regions")),
                                         *[(r.code, r.label) for r in regions]]
        self.fields["language"].choices = [("", _("All languages")),
                                           *[(s.code, s.label)
                                             for s in SpokenLanguage.objects.all()]]

    def valid_filters(self) -> dict:
        if not self.is_valid():
            return {}
        return {k: v for k, v in self.cleaned_data.items() if v}


def apply_filters(events, topic="", region="", language="", format=""):  # noqa: A002
    if topic:
        parent = TopicPage.objects.filter(slug=topic, locale__language_code="de").first()
        events = events.child_of(parent) if parent else events.none()
    if region:
        events = events.filter(Q(region__code=region) | Q(region__parent__code=region)
                               | Q(region__parent__parent__code=region))
    if language:
        events = events.filter(languages__code=language).distinct()
    if format == "online":
        events = events.exclude(online_url="")
    elif format == "in_person":
        events = events.exclude(venue="")
    return events
