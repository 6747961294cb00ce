"""Workshops, network meetings and trainings: one Wagtail page per date, below a topic (so a
partner edits them in their own section, through its review workflow), translated like guides.

What a registration needs (start, capacity, deadline, waiting list) is synchronised between
the translations; registrations are keyed by the page's `translation_key` (events/models/
registrations.py), so a reader registers for the same date whatever language they read in.
"""

import datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, PageChooserPanel
from wagtail.models import Locale
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from cms.blocks import guide_body_blocks
from cms.fields import StreamField
from cms.models.base import BasePage

BERLIN = ZoneInfo("Europe/Berlin")


class EventPage(BasePage):
    description = StreamField(guide_body_blocks(), blank=True, verbose_name=_("description"))
    start = models.DateTimeField(_("start"), db_index=True)
    end = models.DateTimeField(_("end"))
    venue = models.TextField(
        _("place and address"), blank=True,
        help_text=_("Name of the place, street, postcode and town. Empty for online events."))
    online_url = models.URLField(
        _("online link"), blank=True,
        help_text=_("Shown only to people who are registered."))
    region = models.ForeignKey("cms.Region", verbose_name=_("region"), null=True, blank=True,
                               on_delete=models.SET_NULL, related_name="+")
    languages = ParentalManyToManyField("cms.SpokenLanguage", blank=True, related_name="+",
                                        verbose_name=_("languages spoken"))
    capacity = models.PositiveIntegerField(
        _("seats"), default=0,
        help_text=_("0: no registration, everyone can just come."))
    waiting_list = models.BooleanField(_("waiting list when full"), default=True)
    registration_deadline = models.DateTimeField(
        _("registration deadline"), null=True, blank=True,
        help_text=_("Empty: registration is open until the start."))
    organiser = models.ForeignKey(
        "cms.Organisation", verbose_name=_("organiser"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
        limit_choices_to={"locale__language_code": "de"})
    trainer = models.CharField(_("trainer"), max_length=200, blank=True)
    lesson = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("lesson completed by attending"), null=True,
        blank=True, on_delete=models.SET_NULL, related_name="+")

    parent_page_types = ["cms.TopicPage"]
    subpage_types = []
    content_panels = [
        *BasePage.content_panels, FieldPanel("summary"), FieldPanel("description"),
        MultiFieldPanel([FieldPanel("start"), FieldPanel("end")], heading=_("When")),
        MultiFieldPanel([FieldPanel("venue"), FieldPanel("online_url"), FieldPanel("region")],
                        heading=_("Where")),
        FieldPanel("languages"),
        MultiFieldPanel([FieldPanel("capacity"), FieldPanel("waiting_list"),
                         FieldPanel("registration_deadline")], heading=_("Registration")),
        FieldPanel("organiser"), FieldPanel("trainer"),
        PageChooserPanel("lesson", page_type="learning.LessonPage"),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("description"),
                     index.SearchField("trainer"), index.FilterField("start")]
    translatable_fields = [
        *BasePage.translatable_fields, TranslatableField("description"),
        TranslatableField("venue"),
        SynchronizedField("start"), SynchronizedField("end"), SynchronizedField("online_url"),
        SynchronizedField("region"), SynchronizedField("languages"),
        SynchronizedField("capacity"), SynchronizedField("waiting_list"),
        SynchronizedField("registration_deadline"), SynchronizedField("organiser"),
        SynchronizedField("trainer"), SynchronizedField("lesson"),
    ]

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def clean(self):
        super().clean()
        if self.start and self.end and self.end <= self.start:
            raise ValidationError({"end": _("The end must come after the start.")})
        if (self.registration_deadline and self.start
                and self.registration_deadline > self.start):
            raise ValidationError(
                {"registration_deadline": _("The deadline must not come after the start.")})

    @property
    def local_start(self) -> datetime.datetime:
        return timezone.localtime(self.start, BERLIN)

    @property
    def local_end(self) -> datetime.datetime:
        return timezone.localtime(self.end, BERLIN)

    @property
    def needs_registration(self) -> bool:
        return self.capacity > 0

    @property
    def closes_at(self) -> datetime.datetime:
        return self.registration_deadline or self.start

    @property
    def is_past(self) -> bool:
        return self.end <= timezone.now()

    def may_take_attendance(self, user) -> bool:
        """Who sees this date's registrations and ticks attendance: the editors of the
        German event (its section's partner, the central editors) and the coordinators of
        the organising organisation. Nobody else, not the editors of another section."""
        from cms.models import Membership

        if user is None or not user.is_authenticated:
            return False
        source = self if self.locale.language_code == "de" else (
            self.get_translation_or_none(Locale.objects.get(language_code="de")) or self)
        if source.permissions_for_user(user).can_edit():
            return True
        return bool(source.organiser_id) and Membership.objects.filter(
            user=user, organisation__translation_key=source.organiser.translation_key,
            role=Membership.Role.COORDINATOR).exists()

    def get_context(self, request, *args, **kwargs):
        # Personal: the reader's own registration (and so the online link). Outside the
        # remembered reader_context; a reader with a session never gets a shared copy.
        from cms.caching.policy import has_session

        from .registrations import ACTIVE, HOLDS_SEAT, Registration

        context = super().get_context(request, *args, **kwargs)
        user = getattr(request, "user", None)
        mine = None
        if user is not None and user.is_authenticated:
            mine = Registration.objects.filter(event_key=self.translation_key, user=user,
                                               status__in=ACTIVE).first()
        context["registration"] = mine
        context["personal"] = has_session(request)
        context["show_online_link"] = bool(
            mine and mine.status == "confirmed" and self.online_url)
        context["guest_retention_days"] = settings.EVENT_GUEST_RETENTION_DAYS
        # Shown to every reader: a change of it refreshes the caches (events.registration).
        taken = Registration.objects.filter(event_key=self.translation_key,
                                            status__in=HOLDS_SEAT).count() \
            if self.needs_registration else 0
        context["seats_free"] = max(self.capacity - taken, 0)
        context["registration_open"] = timezone.now() < self.closes_at
        context["may_take_attendance"] = (self.needs_registration
                                          and self.may_take_attendance(user))
        return context
