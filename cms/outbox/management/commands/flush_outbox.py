from django.core.management.base import BaseCommand

from cms.outbox.dispatch import flush
from cms.outbox.models import PendingTask


class Command(BaseCommand):
    help = "Hand background tasks that wait in the outbox to the broker (or run them here)."

    def handle(self, *args, **options):
        sent = flush()
        left = PendingTask.objects.count()
        self.stdout.write(self.style.SUCCESS(f"{sent} handed over, {left} still waiting."))
