from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from partners.onboarding import OnboardingError, onboard_partner


class Command(BaseCommand):
    help = ("Onboard a partner organisation: organisation, editors and translators groups, "
            "collection and review workflow for its section. Safe to run again.")

    def add_arguments(self, parser):
        parser.add_argument("name", help='The organisation\'s name, e.g. "Brücke e. V."')
        parser.add_argument("--section", required=True,
                            help="Path of its German section below the home page, e.g. "
                                 "/vereinsarbeit/")
        parser.add_argument("--languages", default="",
                            help="Languages its translators work in, e.g. ar,fa")

    def handle(self, *args, name, section, languages, **options):
        try:
            with translation.override("en"):  # the command speaks English, like its output
                result = onboard_partner(name, section, languages)
        except OnboardingError as error:
            raise CommandError(str(error)) from error
        org = result.organisation
        if not result.changed:
            self.stdout.write(f"{org.name} is already onboarded; nothing changed.")
            return
        self.stdout.write(self.style.SUCCESS(f"Onboarded: {org.name}"))
        self.stdout.write(f"  section:     {org.section.title} ({section})")
        self.stdout.write(f"  editors:     {result.editors.name}")
        self.stdout.write(f"  translators: {result.translators.name} "
                          f"({', '.join(result.translated_sections) or 'no languages'})")
        self.stdout.write(f"  collection:  {result.collection.name}")
