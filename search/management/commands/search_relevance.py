from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from search.relevance import evaluate, load

DEFAULT_SET = Path(settings.BASE_DIR) / "tests" / "search" / "relevance.yaml"


class Command(BaseCommand):
    help = "Run the relevance set against the configured search engine; print MRR and recall@5."

    def add_arguments(self, parser):
        parser.add_argument("path", nargs="?", default=str(DEFAULT_SET))
        parser.add_argument("--misses", action="store_true",
                            help="list the queries whose right answer was not first")

    def handle(self, *args, path, misses=False, **options):
        try:
            report = evaluate(load(Path(path)))
        except (OSError, ValueError) as error:
            raise CommandError(str(error)) from error
        if misses:
            for j in report.judged:
                if j.rank != 1:
                    self.stdout.write(f"  rank {j.rank or '-':>2}  [{j.language}] {j.kind:14} "
                                      f"{j.query!r}: expected {' or '.join(j.expected)}, "
                                      f"first {j.top}")
        self.stdout.write(f"queries: {len(report.judged)}  engine: {settings.SEARCH_ENGINE}")
        self.stdout.write(f"MRR: {report.mrr:.3f}  recall@5: {report.recall_at_5:.3f}")
        for attribute in ("kind", "language"):
            for key, part in report.by(attribute).items():
                self.stdout.write(f"  {attribute} {key:15} {len(part.judged):>4} queries  "
                                  f"MRR {part.mrr:.3f}  recall@5 {part.recall_at_5:.3f}")
