from django.conf import settings
from django.core.management.base import BaseCommand

from search.tasks import prune_search_log


class Command(BaseCommand):
    help = "Delete search log days older than WAGTAILSEARCH_HITS_MAX_AGE (what readers typed)."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=settings.WAGTAILSEARCH_HITS_MAX_AGE)

    def handle(self, *args, days, **options):
        deleted = prune_search_log(days)  # what Celery beat runs daily, here in-process
        self.stdout.write(f"Deleted {deleted} search log entries older than {days} days.")
