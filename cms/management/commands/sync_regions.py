"""Create or update the region rows from cms/regions/data/districts.csv (never deletes)."""

from django.core.management.base import BaseCommand

from cms.models import Region
from cms.regions.sync import sync_regions


class Command(BaseCommand):
    help = "Create or update the Bund, Länder and Kreise from the shipped data file."

    def handle(self, *args, **options):
        counts = sync_regions(Region)
        self.stdout.write(self.style.SUCCESS(
            f"Regions: {counts['created']} created, {counts['updated']} updated."))
