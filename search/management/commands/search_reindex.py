from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from search import reindex
from search.engines.base import EngineUnavailable


class Command(BaseCommand):
    help = (
        "Rebuild the search indices: Wagtail's database index always, and Elasticsearch "
        "(a new index per language, swapped in through its alias) when SEARCH_ENGINE is "
        "elasticsearch."
    )

    def add_arguments(self, parser):
        parser.add_argument("--no-progress", action="store_true",
                            help="Do not draw progress bars (for logs).")

    def handle(self, *args, no_progress=False, **options):
        def progress(label, total):
            bar = tqdm(total=total, desc=label.ljust(30), unit="doc", file=self.stderr._out,
                       disable=no_progress, leave=True)
            return bar.update, bar.close

        done = reindex.rebuild_database(progress)
        if reindex.elasticsearch_configured():
            try:
                done += reindex.rebuild_elasticsearch(progress)
            except EngineUnavailable as exc:
                self._summary(done)
                raise CommandError(
                    f"Elasticsearch could not be rebuilt: {exc}. The old indices are "
                    "unchanged; the database index was rebuilt."
                ) from exc
        self._summary(done)

    def _summary(self, done):
        for item in done:
            self.stdout.write(f"{item.engine:<14} {item.target:<45} {item.count:>7}")
        total = sum(item.count for item in done)
        self.stdout.write(self.style.SUCCESS(f"Indexed {total} objects in {len(done)} steps."))
