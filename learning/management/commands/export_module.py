from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from learning.exporting import ExportError, export_module


class Command(BaseCommand):
    help = ("Write a learning module, its lessons and their translations to a folder as the "
            "Markdown files import_content reads (docs/content-format.md).")

    def add_arguments(self, parser):
        parser.add_argument("slug", help="the German module's slug")
        parser.add_argument("folder", type=Path, help="where to write the files")

    def handle(self, *args, slug, folder, **options):
        try:
            export = export_module(slug, folder)
        except ExportError as error:
            raise CommandError(str(error)) from error
        for note in export.notes:
            self.stdout.write(self.style.WARNING(note))
        self.stdout.write(self.style.SUCCESS(f"{len(export.files)} files written to {folder}."))
