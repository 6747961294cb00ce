from django.apps import AppConfig


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = "Events"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from cms.accounts.personal_data import register as register_personal_data
        from cms.models.topics import register_topic_section
        from cms.sections import PageSection, register_section

        from . import personal_data
        from .listing import UpcomingSection, home_events
        from .models import CalendarToken, Registration

        # Events live below topics (partners edit them in their sections); a topic lists its
        # upcoming ones, the home page the next three.
        register_topic_section(UpcomingSection("events.EventPage", "events/topic_section.html",
                                               order_by=("start",)))
        register_section("home", PageSection("events/home_section.html", home_events))
        register_personal_data(Registration, label="event_registrations",
                               export=personal_data.export, erase=personal_data.erase)
        register_personal_data(CalendarToken, label="event_calendar",
                               export=personal_data.export_calendar,
                               erase=personal_data.erase_calendar)
