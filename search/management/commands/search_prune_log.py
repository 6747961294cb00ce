from django.conf import settings
from django.core.management.base import BaseCommand

from search.models import SearchLogEntry


class Command(BaseCommand):
    help = "Delete search log days older than WAGTAILSEARCH_HITS_MAX_AGE (what readers typed)."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=settings.WAGTAILSEARCH_HITS_MAX_AGE)

    def handle(self, *args, days, **options):
        deleted = SearchLogEntry.prune(days)
        self.stdout.write(f"Deleted {deleted} search log entries older than {days} days.")
