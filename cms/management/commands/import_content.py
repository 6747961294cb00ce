from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from cms.importer import ContentError, import_path


class Command(BaseCommand):
    help = ("Import guides, funding programmes, topics and glossary terms from Markdown files "
            "with YAML front matter (docs/content-format.md). Re-importing updates in place.")

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path, help="a .md file or a folder of them")

    def handle(self, *args, path, **options):
        try:
            report = import_path(path)
        except ContentError as error:
            raise CommandError(str(error)) from error
        for result in report.results:
            if result.status == "failed":
                self.stderr.write(self.style.ERROR(f"{result.path}: {result.message}"))
            for warning in result.warnings:
                self.stdout.write(self.style.WARNING(f"{result.path}: {warning}"))
        summary = (f"{report.count('created')} created, {report.count('updated')} updated, "
                   f"{report.count('failed')} failed")
        if not report.ok:
            raise CommandError(f"Import finished with errors: {summary}.")
        self.stdout.write(self.style.SUCCESS(f"Import finished: {summary}."))
