from django.core.management.base import BaseCommand, CommandError

from events.models import EventPage
from events.series import make_series


class Command(BaseCommand):
    help = ("Make the next dates of a series as copies of one German event, each with its own "
            "registrations: by default the same weekday of the month ('every first Tuesday') "
            "at the same time; --every-weeks N for a weekly rhythm. Running it again skips "
            "dates that exist.")

    def add_arguments(self, parser):
        parser.add_argument("event_id", type=int, help="the page id of the first date")
        parser.add_argument("--count", type=int, required=True, help="how many more dates")
        parser.add_argument("--nth", type=int, choices=[1, 2, 3, 4, -1],
                            help="which weekday of the month (-1: the last); default: the "
                                 "first date's")
        parser.add_argument("--every-weeks", type=int, help="instead: every N weeks")

    def handle(self, *args, event_id, count, nth=None, every_weeks=None, **options):
        event = EventPage.objects.filter(pk=event_id, locale__language_code="de").first()
        if event is None:
            raise CommandError(f"No German event with id {event_id}.")
        if not 1 <= count <= 52:
            raise CommandError("--count must be between 1 and 52.")
        copies = make_series(event, count, monthly_nth=nth, every_weeks=every_weeks)
        for copy in copies:
            self.stdout.write(f"{copy.local_start:%a %d.%m.%Y %H:%M}  {copy.url_path}")
        self.stdout.write(self.style.SUCCESS(f"{len(copies)} dates made."))
