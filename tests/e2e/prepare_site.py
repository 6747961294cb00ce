"""Run in the server's environment before gunicorn starts (`python -m tests.e2e.prepare_site`):
migrate, import the demo content exactly as `make run` does, and add the journeys' accounts
(an editor, a translator and a learner who coordinates an organisation), and two events
beside the demo ones: one under way today with registrations to take attendance of, and one
in the past for the archive."""

import datetime

import django
from django.core.management import call_command


def main():
    django.setup()
    from allauth.account.models import EmailAddress
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group, Permission

    from tests.e2e.server import COORDINATED_ORGANISATION, COORDINATOR, EDITOR, TRANSLATOR

    call_command("migrate", interactive=False, verbosity=0)
    call_command("compile_catalogues", verbosity=0)
    call_command("load_demo", verbosity=0)

    User = get_user_model()
    moderators = Group.objects.get(name="Moderators")
    translators, _ = Group.objects.get_or_create(name="Translators")
    translators.permissions.add(Permission.objects.get(
        content_type__app_label="wagtail_localize", codename="submit_translation"))
    translators.permissions.add(Permission.objects.get(codename="access_admin"))
    for (username, password), groups in ((EDITOR, [moderators]),
                                         (TRANSLATOR, [moderators, translators])):
        user = User.objects.create_user(username, f"{username}@example.org", password,
                                        first_name=username.split("-")[1].title())
        user.groups.set(groups)

    email, password = COORDINATOR
    coordinator = User.objects.create_user("e2e-coordinator", email, password,
                                           full_name="Samira Nouri", preferred_language="de")
    EmailAddress.objects.create(user=coordinator, email=email, verified=True, primary=True)
    call_command("make_coordinator", email, COORDINATED_ORGANISATION, verbosity=0)
    add_events()


# Confirmed for today's event; long and right-to-left names test the phone's list.
ATTENDEES = ["Amina Yousef", "Jonas Becker", "ليلى حداد", "Trần Thị Mai",
             "Maximilian-Alexander Schmidt-Hohenstein-Wartenberg"]


def add_events():
    from django.utils import timezone
    from wagtail.models import Locale

    from cms.models import Organisation, TopicPage
    from events.models import EventPage, Registration
    from tests.e2e.pages import PAST_EVENT_PATH, TODAY_EVENT_PATH
    from tests.e2e.server import COORDINATED_ORGANISATION

    german = Locale.get_default()
    now = timezone.now().replace(second=0, microsecond=0)
    hour = datetime.timedelta(hours=1)

    def add(path, **fields):
        topic_slug, slug = path.strip("/").split("/")
        topic = TopicPage.objects.get(locale=german, slug=topic_slug)
        page = topic.add_child(instance=EventPage(slug=slug, locale=german, **fields))
        page.save_revision().publish()
        return page

    today = add(TODAY_EVENT_PATH, title="Offene Sprechstunde: Fragen zum Förderantrag",
                summary="Bringen Sie Ihre Fragen zum Antrag mit.", start=now - hour / 2,
                end=now + 3 * hour, capacity=8, venue="Haus der Vereine (Beispiel)\nLeipzig",
                organiser=Organisation.objects.get(locale=german,
                                                   slug=COORDINATED_ORGANISATION))
    for number, name in enumerate(ATTENDEES):
        Registration.objects.create(event_key=today.translation_key, name=name,
                                    email=f"gast{number}@example.org", status="confirmed",
                                    confirmed_at=now - 24 * hour)
    add(PAST_EVENT_PATH, title="Infoabend: Einen Verein gründen",
        summary="Wie aus einer Gruppe ein eingetragener Verein wird.",
        start=now - 30 * 24 * hour, end=now - 30 * 24 * hour + 2 * hour, capacity=20,
        venue="Stadtteilhaus (Beispiel)\nHamburg")


if __name__ == "__main__":
    main()
