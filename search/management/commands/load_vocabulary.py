from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from search import vocabulary_data
from search.models import Synonym


class Command(BaseCommand):
    help = ("Add the synonym groups of search/vocabulary_data/<language>.txt that the database "
            "does not hold yet. Changes and deletes nothing; safe to run again.")

    def add_arguments(self, parser):
        parser.add_argument("--language", action="append", choices=vocabulary_data.languages(),
                            help="only this language (may be given more than once)")
        parser.add_argument("--check", action="store_true",
                            help="only check the files (empty words, groups too large or twice)")

    def handle(self, *args, language=None, check=False, **options):
        languages = language or vocabulary_data.languages()
        problems = [p for lang in languages for p in vocabulary_data.problems(lang)]
        if problems:
            raise CommandError("The vocabulary files need fixing first:\n" + "\n".join(problems))
        if check:
            total = sum(len(vocabulary_data.read_groups(lang)) for lang in languages)
            self.stdout.write(f"{total} groups, no problems.")
            return
        added = vocabulary_data.load(Synonym, only=languages)
        for lang in languages:
            in_file = vocabulary_data.read_groups(lang)
            self.stdout.write(f"{lang}: {added[lang]} groups added, "
                              f"{len(in_file) - added[lang]} already there.")
            if options["verbosity"] > 1:
                self._report_others(lang, in_file)
        if any(added.values()) and settings.SEARCH_ENGINE == "elasticsearch":
            self.stdout.write("Searches use the new groups at once; run `manage.py "
                              "search_reindex` to put them into Elasticsearch's analyzers "
                              "(multi-word synonyms) too.")

    def _report_others(self, language, in_file):
        """Groups in the database that the file does not have: an editor's own, or one the
        file has since changed or dropped (edit or delete those under Snippets > Synonyms)."""
        in_file = {vocabulary_data.key(g.split(",")) for g in in_file}
        for synonym in Synonym.objects.filter(language=language):
            if vocabulary_data.key(synonym.terms.split(",")) not in in_file:
                self.stdout.write(f"  not in the file: {synonym.terms}")
